// Every server and browser test runs the real bundle: build dist/ and build/ once.
const { execFileSync } = require('node:child_process');
module.exports = () => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: __dirname + '/..', stdio: 'inherit' });
};
