// Bundles a TypeScript entry point for Node (npm packages stay external) into build/ and runs it
// with this process's arguments: the one way scripts/bench.mjs and scripts/measure-progress.mjs run.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `entry` relative to the repo root, `output` the file name in build/. */
export async function runBundled(entry, output) {
  const outfile = join(root, 'build', output);
  await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  execFileSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
}
