// Runs clasp's own `push` command (node_modules/@google/clasp/build/src/commands/push.js) the way
// `npm run push` runs it from a script: no TTY, nobody to answer. The project is a stand-in whose
// manifest changed (clasp asks before overwriting a changed manifest unless --force). Prints
// {"pushed": boolean} and clasp's own output.
// Usage: node clasp-push-probe.mjs <repo> '<JSON array of the flags after "clasp push">'
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [repo, flagsJson] = process.argv.slice(2);
const pushModule = join(repo, 'node_modules/@google/clasp/build/src/commands/push.js');
const { command } = await import(pathToFileURL(pushModule).href);

let pushed = false;
const changed = [{ localPath: 'dist/appsscript.json' }, { localPath: 'dist/Code.js' }];
command.setOptionValue('clasp', {
  files: {
    getChangedFiles: async () => changed,
    push: async () => {
      pushed = true;
      return { files: changed, skipped: [] };
    },
  },
});
command.exitOverride();
await command.parseAsync(JSON.parse(flagsJson), { from: 'user' });
console.log(JSON.stringify({ pushed }));
