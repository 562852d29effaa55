/**
 * The import boundaries of eslint.config.mjs, proven on fixture files: each import below is linted
 * as if it stood in the named file (nothing is written). ESLint loads its flat config with a
 * dynamic import(), which jest's module system cannot run, so one child `node` lints them all.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

const LINT_ALL = `
import { ESLint } from 'eslint';
let input = '';
for await (const chunk of process.stdin) input += chunk;
// Fixtures are files no tsconfig knows: the type-aware rules (which need the project) are off.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});
const found = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath });
  // A fixture that does not parse would pass as "allowed": parse errors are counted apart.
  found.push({
    refused: result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length,
    fatal: result.messages.filter((m) => m.fatal).length,
  });
}
process.stdout.write(JSON.stringify(found));
`;

/** [file the import stands in, the import statement, whether the boundary refuses it]. */
const CASES: [string, string, boolean][] = [
  // A feature never imports another feature, nor the top-level files that import features.
  ['src/server/terpilah/fixture.ts', "import { KEGIATAN_SPEC } from '../progress/sheets';", true],
  ['src/server/terpilah/fixture.ts', "import { generateSop } from '../templates/generate';", true],
  ['src/server/monitoring/fixture.ts', "import type { PesertaData } from '../terpilah/read';", true],
  ['src/server/progress/fixture.ts', "export { menuCreateSop } from '../sop-menu';", true],
  ['src/server/self-check/fixture.ts', "import { onOpen } from '../menu';", true],
  ['src/server/templates/fixture.ts', "import * as all from '../index';", true],
  ['src/server/templates/fixture.ts', "import { Workbench } from '../../workbench/runtime';", true],
  // A folder added later is a feature too.
  ['src/server/calendar/fixture.ts', "import { activityList } from '../progress/activities';", true],
  // What a feature may stand on.
  ['src/server/terpilah/fixture.ts', "import { writeRows } from '../sheets/rows';", false],
  ['src/server/terpilah/fixture.ts', "import { t } from '../../core/i18n';", false],
  ['src/server/terpilah/fixture.ts', "import type { SidebarApi } from '../api';", false],
  ['src/server/terpilah/fixture.ts', "import { getLanguage } from '../preferences';", false],
  ['src/server/terpilah/fixture.ts', "import { readPeserta } from './read';", false],
  // The ground floor stands on core and preferences only.
  ['src/server/sheets/fixture.ts', "import { RIWAYAT_SPEC } from '../progress/sheets';", true],
  ['src/server/sheets/fixture.ts', "import type { SidebarApi } from '../api';", true],
  ['src/server/sheets/fixture.ts', "import { getLanguage } from '../preferences';", false],
  ['src/server/sheets/fixture.ts', "import { withDocumentLock } from './lock';", false],
  // Top-level server files put the features together.
  ['src/server/fixture.ts', "import { activityList } from './progress/activities';", false],
  ['src/server/api.ts', "import { getLanguage } from './preferences';", true],
  ['src/server/api.ts', "import type { StepView } from '../core/progress/views';", false],
  // Core is pure.
  ['src/core/progress/fixture.ts', "import type { SidebarApi } from '../../server/api';", true],
  ['src/core/fixture.ts', "import { Workbench } from '../workbench/runtime';", true],
  ['src/core/i18n/parts/fixture.ts', "import { main } from '../../../client/main';", true],
  ['src/core/terpilah/fixture.ts', "import { toIsoInZone } from '../progress/time';", false],
  // The client sees the server through api.ts only.
  ['src/client/fixture.ts', "import { logStep } from '../server/progress/log-step';", true],
  ['src/client/fixture.ts', "import type { SidebarApi } from '../server/api';", false],
  ['src/client/fixture.ts', "import { t } from '../core/i18n';", false],
];

describe('import boundaries (eslint.config.mjs)', () => {
  test('refuse what crosses a floor, allow what stands on one below', () => {
    const cases = CASES.map(([filePath, statement]) => ({
      filePath: join(ROOT, filePath),
      code: `${statement}\n`,
    }));
    const found = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', LINT_ALL], {
        cwd: ROOT,
        input: JSON.stringify(cases),
        encoding: 'utf8',
      }),
    ) as { refused: number; fatal: number }[];
    expect(found.filter((f) => f.fatal > 0)).toEqual([]);
    const verdicts = CASES.map(([file, statement], i) => `${file}: ${statement} → ${found[i].refused > 0}`);
    expect(verdicts).toEqual(CASES.map(([file, statement, refused]) => `${file}: ${statement} → ${refused}`));
  });
});
