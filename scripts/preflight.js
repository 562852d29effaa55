// `npm test` runs this first: the Debian packages the browser and export tests need.
//
//   chromium                 the browser tests (Debian's build: no browser is downloaded), at
//                            CHROMIUM_PATH or /usr/bin/chromium, as test/support/browser.ts looks;
//   libreoffice-calc-nogui   the .xlsx export check (`soffice` on PATH, test/support/libreoffice.ts).
//
// All there: nothing to do. Missing and run as root with apt-get (a fresh Debian machine, a CI
// container): it installs them, as .ci/run does. Otherwise it stops at once with the one command
// to run, instead of every browser test failing late on a timeout.
const { spawnSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const { delimiter, join } = require('node:path');

/** An executable named `name` in one of PATH's folders, or null. */
function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return null;
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Debian packages whose commands are missing, in install order. */
function missingPackages(env) {
  const missing = [];
  if (!executable(env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  if (!onPath('soffice', env) && !onPath('libreoffice', env)) missing.push('libreoffice-calc-nogui');
  return missing;
}

/** The one command a person runs to install `packages`. */
function installCommand(packages, isRoot) {
  return `${isRoot ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
}

/**
 * Checks, and installs when it may: { ok, message }. `uid` is the user's id (0 = root); `log`
 * receives progress lines.
 */
function preflight({ env = process.env, uid = process.getuid?.() ?? -1, log = console.log } = {}) {
  const missing = missingPackages(env);
  if (missing.length === 0) return { ok: true, message: '' };
  const isRoot = uid === 0;
  const aptGet = onPath('apt-get', env);
  if (isRoot && aptGet) {
    log(`preflight: installing ${missing.join(', ')} (apt-get, as root)`);
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync(aptGet, ['update', '-qq'], { env: aptEnv, stdio: 'inherit' });
    const install =
      update.status === 0
        ? spawnSync(aptGet, ['install', '-y', '-qq', ...missing], { env: aptEnv, stdio: 'inherit' })
        : update;
    const still = missingPackages(env);
    if (install.status === 0 && still.length === 0) return { ok: true, message: '' };
    return {
      ok: false,
      message: `preflight: apt-get could not install ${still.join(', ') || missing.join(', ')}. Run:\n  ${installCommand(missing, true)}`,
    };
  }
  const what = missing
    .map((p) => (p === 'chromium' ? 'chromium (browser tests)' : `${p} (.xlsx export check)`))
    .join(' and ');
  return {
    ok: false,
    message:
      `preflight: ${what} not installed. Run:\n  ${installCommand(missing, isRoot)}\n` +
      `then npm test again (CHROMIUM_PATH points to another Chromium).`,
  };
}

module.exports = { missingPackages, installCommand, preflight };

if (require.main === module) {
  const result = preflight();
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
}
