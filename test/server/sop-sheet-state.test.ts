/**
 * "The same sheet": Buat SOP's output, cell for cell and format for format (values, formulas,
 * every cell's format and borders, merges, column widths, row heights, protection, marker), as
 * it was before the round trips were cut. fixtures/sop-sheet-state.json was recorded from main
 * at 0349bd0 (58 round trips) for the bench's templates: 10 and 60 steps with decisions, loops
 * back and page breaks (off-page connectors), and the built-in template; and the template
 * sheets "Template baru" writes (recorded before createTemplate took the same options). It holds a digest of
 * the whole state and, to say what differs when the digest does, a readable summary.
 * Re-record (only when the layout is meant to change): RECORD_SOP_STATE=1 npx jest <this file>.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateWithSteps, withTemplateSheet } from '../../bench/actions/plan-writers';
import type { SheetState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { DIST, newWorkbench, runOk } from '../support/workbench';
import { sheetOf } from './template-helpers';

const FIXTURE = join(__dirname, 'fixtures', 'sop-sheet-state.json');

type Canonical = Record<string, unknown>;

const byPosition = <T extends { row: number; column: number; numRows: number; numColumns: number }>(
  rects: T[],
): T[] =>
  [...rects].sort(
    (a, b) => a.row - b.row || a.column - b.column || a.numRows - b.numRows || a.numColumns - b.numColumns,
  );

/** The sheet as state, without what changes every run (ids, the marker's time); merges by position. */
function canonical(sheet: SheetState): Canonical {
  const markers = sheet.developerMetadata.map(({ key, value, visibility }) => {
    const content = JSON.parse(value ?? 'null') as Record<string, unknown> | null;
    // When it was made (generatedAt, a template's createdAt) differs every run.
    if (content) for (const key of Object.keys(content)) if (key.endsWith('At')) delete content[key];
    return { key, content, visibility };
  });
  return {
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    // Cells as the grid holds them: a missing cell and a null one are both blank and unformatted.
    rows: sheet.rows.map((row) => (row ?? []).map((cell) => cell ?? null)),
    columnWidths: sheet.columnWidths,
    rowHeights: sheet.rowHeights,
    merges: byPosition(sheet.merges),
    validations: sheet.validations,
    protections: sheet.protections.map(({ id: _id, ...protection }) => protection),
    markers,
    conditionalRules: sheet.conditionalRules,
    hidden: sheet.hidden,
  };
}

/** What a reader checks first when the digest differs. */
function summary(sheet: SheetState): Canonical {
  const sides = new Map<string, number>();
  let formatted = 0;
  for (const row of sheet.rows)
    for (const cell of row ?? []) {
      if (cell?.format) formatted++;
      for (const side of ['borderTop', 'borderBottom', 'borderLeft', 'borderRight'] as const) {
        const border = cell?.format?.[side];
        if (border) {
          const key = `${side} ${border.style} ${border.color}`;
          sides.set(key, (sides.get(key) ?? 0) + 1);
        }
      }
    }
  return {
    rows: sheet.rows.length,
    formattedCells: formatted,
    merges: byPosition(sheet.merges).map((m) => `${m.row},${m.column} ${m.numRows}x${m.numColumns}`),
    columnWidths: sheet.columnWidths,
    rowHeights: sheet.rowHeights,
    borderSides: Object.fromEntries([...sides].sort(([a], [b]) => a.localeCompare(b))),
    protections: sheet.protections.map(({ description, warningOnly, type }) => ({
      type,
      warningOnly,
      description,
    })),
  };
}

const digest = (state: Canonical) => createHash('sha256').update(JSON.stringify(state)).digest('hex');

/** The generated SOP sheet of each case, run through the real bundle in the workbench. */
const CASES: Record<string, () => SheetState> = {
  '10 steps': () => fromTemplateSheet(10),
  '60 steps': () => fromTemplateSheet(60),
  'built-in': () => {
    const workbench = newWorkbench();
    runOk(workbench, 'generateSop', ['builtin:penguatan-pug']);
    return sheetOf(workbench, 'SOP: Penguatan PUG');
  },
  // "Template baru" writes its sheet with the same applyPlan options.
  'template sheet from the built-in': () => newTemplate('builtin'),
  'blank template sheet': () => newTemplate('blank'),
};

function newTemplate(from: 'builtin' | 'blank'): SheetState {
  const workbench = newWorkbench();
  runOk(workbench, 'createTemplate', [{ name: 'Rapat PUG', from }]);
  return sheetOf(workbench, 'Template: Rapat PUG');
}

function fromTemplateSheet(steps: number): SheetState {
  const workbench = new Workbench({ state: withTemplateSheet(templateWithSteps(steps))(), distDir: DIST });
  const result = workbench.run('generateSop', ['sheet:Template: Bench'], { via: 'google.script.run' });
  expect(result.value).toMatchObject({ ok: true, stepCount: steps });
  return sheetOf(workbench, 'SOP: Penguatan PUG');
}

type Recorded = Record<string, { digest: string; summary: Canonical }>;

describe('Buat SOP writes the same sheet as before the round trips were cut', () => {
  const recorded: Recorded = process.env.RECORD_SOP_STATE
    ? {}
    : (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Recorded);
  afterAll(() => {
    if (process.env.RECORD_SOP_STATE) writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 2)}\n`);
  });

  test.each(Object.keys(CASES))('%s: values, formats, borders, merges, sizes, protection', (name) => {
    const sheet = CASES[name]();
    const now = { digest: digest(canonical(sheet)), summary: summary(sheet) };
    if (process.env.RECORD_SOP_STATE) recorded[name] = now;
    // The summary first: a difference there says where; the digest covers every cell.
    expect(now.summary).toEqual(recorded[name].summary);
    expect(now.digest).toBe(recorded[name].digest);
  });
});
