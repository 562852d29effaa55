// The sidebar's own strings, for scripts/build.mjs.
//
// The i18n table (src/core/i18n/strings.ts) holds every string of every feature; the sidebar needs
// only the keys src/client/ names (a quoted literal in a .ts file, a data-i18n attribute in
// sidebar.html), and only in the person's language. So the sidebar bundle carries no table at
// all: the server sends those strings with every SidebarState (src/server/sidebar-strings.ts),
// picked by the list made here and compiled into dist/Code.js. Keys of the sidebar's own parts
// (`side…`, never a DOM id or a test id) are also shortened to `s0`, `s1`… in the client sources
// and in sidebar.html: with ~110 of them this keeps dist/Sidebar.html under its 40 KB budget
// (issue 12); the server sends each string under the client's name for it.
import * as esbuild from 'esbuild';
import { readdir, readFile } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { join } from 'node:path';

/** The id and en tables, evaluated from the TypeScript source. */
async function tables(root) {
  const table = await esbuild.build({
    entryPoints: [join(root, 'src/core/i18n/strings.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const url = `data:text/javascript;base64,${Buffer.from(table.outputFiles[0].text).toString('base64')}`;
  return import(url);
}

const QUOTED = /(['"`])([A-Za-z]\w*)\1/g;
const SHORTENED = /^side[A-Z]/;

/**
 * { keys, names, rename(text) }: the keys the sidebar uses, the client's name of each
 * ({ key: name }, for the server), and the renaming of shortened keys in a source text.
 */
export async function sidebarStrings(root) {
  const { id } = await tables(root);
  const dir = join(root, 'src/client');
  const files = (await readdir(dir)).filter((name) => /\.(ts|html)$/.test(name));
  const sources = await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')));
  // A key built at run time (`side${x}`, 'side' + x) would miss the table: refuse it here.
  files.forEach((file, i) => {
    const built = sources[i].match(/[`'"]side[A-Za-z]*(\$\{|['"]\s*\+)/);
    if (built)
      throw new Error(`src/client/${file}: i18n key built at run time (${built[0]}…): name it whole`);
  });
  const named = new Set();
  for (const source of sources) for (const m of source.matchAll(QUOTED)) if (m[2] in id) named.add(m[2]);
  const keys = Object.keys(id).filter((key) => named.has(key));
  const short = new Map(
    keys.filter((key) => SHORTENED.test(key)).map((key, i) => [key, `s${i.toString(36)}`]),
  );
  const rename = (text) =>
    text.replace(QUOTED, (whole, quote, key) =>
      short.has(key) ? `${quote}${short.get(key)}${quote}` : whole,
    );
  const names = Object.fromEntries(keys.map((key) => [key, short.get(key) ?? key]));
  return { keys, names, rename };
}

/**
 * The esbuild plugin of the sidebar bundle: its sources with the shortened keys, and a refusal of
 * the i18n table (import values from core/i18n/language, types only from core/i18n).
 */
export function sidebarStringsPlugin(strings) {
  return {
    name: 'sidebar-strings',
    setup(build) {
      build.onLoad({ filter: /[\\/]core[\\/]i18n[\\/]strings\.ts$/ }, () => ({
        errors: [
          {
            text:
              'The sidebar bundle may not carry the i18n table: its strings come with SidebarState ' +
              '(tr in src/client/i18n.ts); import values from core/i18n/language, types from core/i18n',
          },
        ],
      }));
      build.onLoad({ filter: /[\\/]src[\\/]client[\\/][^\\/]+\.ts$/ }, async (args) => ({
        contents: strings.rename(await readFile(args.path, 'utf8')),
        loader: 'ts',
      }));
    },
  };
}
