import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** scripts/preflight.js: what `npm test` checks first (CommonJS, loaded as it runs). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { preflight } = require('../../scripts/preflight.js') as {
  preflight(options: { env: NodeJS.ProcessEnv; uid: number; log?: (line: string) => void }): {
    ok: boolean;
    message: string;
  };
};

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'preflight.js');
const BOTH = 'apt-get install -y chromium libreoffice-calc-nogui';

/** A folder standing for PATH: empty, or with a fake apt-get that "installs" by creating the commands. */
function fakePath(withAptGet: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
  if (withAptGet) {
    const make = (name: string) => `printf '#!/bin/sh\\n' > '${dir}/${name}'; /bin/chmod +x '${dir}/${name}'`;
    writeFileSync(
      join(dir, 'apt-get'),
      `#!/bin/sh\necho "$@" >> '${dir}/calls'\n[ "$1" = install ] && { ${make('chromium')}; ${make('soffice')}; }\nexit 0\n`,
    );
    chmodSync(join(dir, 'apt-get'), 0o755);
  }
  return dir;
}

test('with nothing installed, `node scripts/preflight.js` stops at once with the one command to run', () => {
  const dir = fakePath(false);
  const run = spawnSync(process.execPath, [SCRIPT], {
    env: { PATH: dir, CHROMIUM_PATH: join(dir, 'chromium') },
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  // as root there is no apt-get on this PATH to install with; either way, nothing was installed
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  expect(run.stderr).toContain(`not installed. Run:\n  ${sudo}${BOTH}\n`);
  expect(run.stderr).toContain('chromium (browser tests) and libreoffice-calc-nogui (.xlsx export check)');
  expect(run.stdout).not.toContain('installing');
});

test('not root: the sudo command, and apt-get is not run', () => {
  const dir = fakePath(true);
  const result = preflight({ env: { PATH: dir, CHROMIUM_PATH: join(dir, 'chromium') }, uid: 1000 });
  expect(result).toEqual({ ok: false, message: expect.stringContaining(`Run:\n  sudo ${BOTH}\n`) });
  expect(existsSync(join(dir, 'calls'))).toBe(false);
});

test('as root with apt-get: it installs what is missing, as .ci/run does, and passes', () => {
  const dir = fakePath(true);
  const lines: string[] = [];
  const result = preflight({
    env: { PATH: dir, CHROMIUM_PATH: join(dir, 'chromium') },
    uid: 0,
    log: (line) => lines.push(line),
  });
  expect(result.ok).toBe(true);
  expect(readFileSync(join(dir, 'calls'), 'utf8')).toBe(
    'update -qq\ninstall -y -qq chromium libreoffice-calc-nogui\n',
  );
  expect(lines).toEqual(['preflight: installing chromium, libreoffice-calc-nogui (apt-get, as root)']);
});

test('only what is missing is named; with everything there it says nothing', () => {
  const dir = fakePath(true);
  const chromium = join(dir, 'chromium');
  writeFileSync(chromium, '#!/bin/sh\n');
  chmodSync(chromium, 0o755);
  const missingOffice = preflight({ env: { PATH: dir, CHROMIUM_PATH: chromium }, uid: 1000 });
  expect(missingOffice.message).toContain('Run:\n  sudo apt-get install -y libreoffice-calc-nogui\n');
  writeFileSync(join(dir, 'soffice'), '#!/bin/sh\n');
  chmodSync(join(dir, 'soffice'), 0o755);
  const lines: string[] = [];
  expect(
    preflight({ env: { PATH: dir, CHROMIUM_PATH: chromium }, uid: 1000, log: (l) => lines.push(l) }),
  ).toEqual({
    ok: true,
    message: '',
  });
  expect(lines).toEqual([]);
});
