// The README's deploy route, run as written from a fresh clone on a machine where nobody is logged in
// to clasp: every route must get exactly to clasp's "not logged in" refusal, with no other error, no
// prompt left waiting and no network access. The commands come from the README's marked blocks
// (<!-- deploy:<name> --> followed by a ```sh block), so this proves the README, not a copy of it.
//
// What clasp 3 does (node_modules/@google/clasp/build/src):
// - core/clasp.js finds .clasp.json upwards from the working directory and reads scriptId/rootDir;
// - core/project.js exists() is `scriptId !== undefined`: any scriptId, even "", makes create/clone
//   (commands/create-script.js, commands/clone-script.js) stop with "Project file already exists."
//   (and exit 0: commander errors are swallowed in index.js), so the committed .clasp.json has none;
// - core/utils.js assertAuthenticated throws "No credentials found." before any API call when
//   ~/.clasprc.json holds no credentials (auth/auth.js);
// - commands/push.js asks before overwriting a changed manifest unless --force; without a TTY the
//   answer is "no" and it prints "Skipping push.".
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** clasp 3's answer to any command that needs Google while nobody is logged in (core/utils.js). */
const NOT_LOGGED_IN = 'No credentials found.';
const TITLE = 'SOP & Data Terpilah';
const SCRIPT_ID_PLACEHOLDER = 'ID_SKRIP_ANDA';
const FAKE_SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_aBcDeFgHiJkLmNoPq';

/** The command lines of the README block marked <!-- deploy:name -->. */
function readmeBlock(name: string): string[] {
  const match = new RegExp(`<!-- deploy:${name} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\\n\\s*\`\`\``).exec(README);
  if (!match) throw new Error(`README.md has no block <!-- deploy:${name} --> followed by \`\`\`sh`);
  return match[1]
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'sop-deploy-'))); // realpath: clasp refuses symlinked dirs
const home = join(scratch, 'home'); // empty: no ~/.clasprc.json, no credentials
mkdirSync(home);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Loaded into every Node process the commands start: records and refuses any outgoing connection.
const guard = join(scratch, 'network-guard.cjs');
writeFileSync(
  guard,
  `const net = require('node:net');
const fs = require('node:fs');
net.Socket.prototype.connect = function (...args) {
  const o = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = o && typeof o === 'object' ? (o.path || o.host + ':' + o.port) : String(o);
  fs.appendFileSync(process.env.DEPLOY_TEST_NETWORK_LOG, target + '\\n');
  throw new Error('deploy test: network access refused (' + target + ')');
};
`,
);

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file !== '' && existsSync(join(ROOT, file)));
let clones = 0;

/** A fresh clone: the repo's tracked files, plus node_modules (a symlink: `npm ci` is not re-run). */
function freshClone(): string {
  const dir = join(scratch, `clone-${++clones}`);
  for (const file of tracked) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}

interface Result {
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Stopped by the test once `until` matched the output. */
  stopped: boolean;
  /** Outgoing connections attempted (and refused). */
  network: string[];
}

let runs = 0;

/** Runs one shell line like a person's terminal would, minus the TTY: stdin is empty, HOME is empty. */
function run(
  cwd: string,
  command: string,
  options: { until?: RegExp; timeoutMs?: number } = {},
): Promise<Result> {
  const networkLog = join(scratch, `network-${++runs}.log`);
  const env: NodeJS.ProcessEnv = {
    // No node_modules/.bin of the test runner: a fresh terminal has only Node and npm.
    PATH: [dirname(process.execPath), ...(process.env.PATH ?? '').split(delimiter)]
      .filter((dir) => !dir.includes('node_modules'))
      .join(delimiter),
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    LANG: 'C.UTF-8',
    BROWSER: 'true', // `clasp login` opens the authorization page: open nothing
    NODE_OPTIONS: `--require ${guard}`,
    DEPLOY_TEST_NETWORK_LOG: networkLog,
    npm_config_cache: join(home, '.npm'),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let stopped = false;
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the whole group: sh, npm, clasp
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs ?? 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.until?.test(stdout) && !stopped) {
        stopped = true;
        stop();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      const network = existsSync(networkLog)
        ? readFileSync(networkLog, 'utf8').split('\n').filter(Boolean)
        : [];
      resolve({ command, code, stdout, stderr, timedOut, stopped, network });
    });
  });
}

/**
 * Runs the lines in order, as a person would, until one fails. clasp exits 0 on some errors
 * ("Project file already exists.", unknown options), so anything on stderr counts as a failure.
 */
async function runRoute(cwd: string, lines: string[]): Promise<{ passed: Result[]; failed?: Result }> {
  const passed: Result[] = [];
  for (const line of lines) {
    const result = await run(cwd, line);
    if (result.code !== 0 || result.stderr.trim() !== '' || result.timedOut)
      return { passed, failed: result };
    passed.push(result);
  }
  return { passed };
}

/** The one failure every route must end in: clasp asking for `clasp login`, and nothing else. */
function expectNotLoggedIn(result: Result | undefined, command: RegExp): void {
  expect(result).toBeDefined();
  const { stderr, code, timedOut, network } = result!;
  expect(result!.command).toMatch(command);
  expect({ stderr: stderr.trim(), code, timedOut, network }).toEqual({
    stderr: NOT_LOGGED_IN,
    code: 1,
    timedOut: false,
    network: [],
  });
}

describe('README deploy route', () => {
  test('the network guard catches https and fetch (so "no network" below means something)', async () => {
    const result = await run(
      scratch,
      `node -e "try { require('https').get('https://example.invalid/'); } catch {} fetch('https://example.invalid/').catch(() => {})"`,
    );
    expect(result.network).toEqual(['example.invalid:443', 'example.invalid:443']);
  });

  test('the README has every step, in marked blocks, and the steps a machine cannot run are said', () => {
    expect(readmeBlock('install')).toEqual(['npm ci']);
    expect(tracked).toContain('package-lock.json'); // npm ci needs it
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node).toBe('>=20');
    expect(readmeBlock('login')).toEqual(['npx clasp login']);
    expect(readmeBlock('new')).toEqual([`npx clasp create --type sheets --title "${TITLE}" --rootDir dist`]);
    expect(readmeBlock('attach')).toEqual([`npx clasp clone ${SCRIPT_ID_PLACEHOLDER} --rootDir dist`]);
    expect(readmeBlock('push')).toEqual(['npm run push']);
    const start = README.indexOf('## Memasang di spreadsheet sungguhan');
    const section = README.slice(start, README.indexOf('\n## ', start + 1)).replace(/\s+/g, ' ');
    expect(section).toContain('https://script.google.com/home/usersettings');
    expect(section).toContain('Ekstensi → SOP & Data Terpilah → Periksa pemasangan');
    expect(section).toContain('Extensions → SOP & Data Terpilah → Periksa pemasangan');
    expect(section).toContain(`ganti menjadi \`${TITLE}\``); // route B: the project's name is the menu's title
    expect(section).toContain('Tanpa clasp (salin-tempel)');
  });

  test('the committed .clasp.json is at the top, points at dist/, and has no scriptId', () => {
    expect(tracked).toEqual(expect.arrayContaining(['.clasp.json', '.claspignore']));
    expect(JSON.parse(readFileSync(join(ROOT, '.clasp.json'), 'utf8'))).toEqual({ rootDir: 'dist' });
  });

  test('`npx clasp login` asks to log in: prints the authorization URL and waits', async () => {
    const repo = freshClone();
    const [login] = readmeBlock('login');
    const result = await run(repo, login, {
      until: /Authorize clasp by visiting this url: https:\/\/accounts\.google\.com\//,
    });
    expect({
      stopped: result.stopped,
      timedOut: result.timedOut,
      stderr: result.stderr,
      network: result.network,
    }).toEqual({ stopped: true, timedOut: false, stderr: '', network: [] });
    expect(readdirSync(home).filter((name) => name.startsWith('.clasprc'))).toEqual([]);
  });

  test('route A (new spreadsheet) gets to clasp create, which stops only at the login', async () => {
    const repo = freshClone();
    const { passed, failed } = await runRoute(repo, [...readmeBlock('new'), ...readmeBlock('push')]);
    expect(passed).toEqual([]);
    expectNotLoggedIn(failed, /^npx clasp create /);
    expect(failed!.stdout + failed!.stderr).not.toContain('Project file already exists');
    expect(readFileSync(join(repo, '.clasp.json'), 'utf8')).toBe(
      readFileSync(join(ROOT, '.clasp.json'), 'utf8'),
    );
  });

  test('route B (existing spreadsheet) gets to clasp clone, which stops only at the login', async () => {
    const repo = freshClone();
    const attach = readmeBlock('attach').map((line) => line.replace(SCRIPT_ID_PLACEHOLDER, FAKE_SCRIPT_ID));
    const { passed, failed } = await runRoute(repo, [...attach, ...readmeBlock('push')]);
    expect(passed).toEqual([]);
    expectNotLoggedIn(failed, /^npx clasp clone /);
    expect(failed!.stdout + failed!.stderr).not.toContain('Project file already exists');
  });

  test('after create/clone, `npm run push` builds dist/ and stops only at the login', async () => {
    const repo = freshClone();
    // What create/clone leave behind once logged in: clasp's own settings file (core/project.js updateSettings).
    writeFileSync(
      join(repo, '.clasp.json'),
      JSON.stringify(
        { scriptId: FAKE_SCRIPT_ID, rootDir: 'dist', scriptExtensions: ['.js', '.gs'] },
        null,
        2,
      ),
    );
    const { passed, failed } = await runRoute(repo, readmeBlock('push'));
    expect(passed).toEqual([]);
    expectNotLoggedIn(failed, /^npm run push$/);
    expect(failed!.stdout).toContain('clasp push --force');
    expect(failed!.stdout).toContain('build: dist/Code.js');
    expect(failed!.stdout).not.toContain('Skipping push');
    // ... and would push exactly the three files of dist/ (clasp status needs no login).
    const status = await run(repo, 'npx clasp status --json');
    expect({ stderr: status.stderr, code: status.code, network: status.network }).toEqual({
      stderr: '',
      code: 0,
      network: [],
    });
    expect(JSON.parse(status.stdout).filesToPush.sort()).toEqual([
      'dist/Code.js',
      'dist/Sidebar.html',
      'dist/appsscript.json',
    ]);
  });

  test('`npm run push` passes --force, so clasp push overwrites a changed manifest without asking', () => {
    const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.push;
    const match = /(?:^|&&\s*)clasp push((?:\s+-{1,2}[\w-]+)*)\s*$/.exec(script);
    expect(match).not.toBeNull();
    const flags = match![1].trim().split(/\s+/).filter(Boolean);
    expect(flags).toContain('--force');
    // clasp's own push command, no TTY, a changed manifest: with the script's flags it pushes;
    // without them it skips the push (the bug this guards against).
    const probe = (args: string[]) =>
      execFileSync(process.execPath, [join(__dirname, 'clasp-push-probe.mjs'), ROOT, JSON.stringify(args)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 15_000,
      });
    expect(probe(flags)).toContain('{"pushed":true}');
    const without = probe([]);
    expect(without).toContain('Skipping push.');
    expect(without).toContain('{"pushed":false}');
  });
});
