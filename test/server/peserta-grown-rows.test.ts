/**
 * Rows the register grows by get every dropdown of the set-up rows, the activity list included:
 * before, rows past the first 1,000 had the four closed lists but no Kegiatan list.
 */
import { addFormSheet, FORM_MAPPING, FORM_SHEET } from '../../bench/seed/participants';
import { PESERTA_COLUMN } from '../../src/core/terpilah/peserta';
import type { ImportResult } from '../../src/server/api';
import { newWorkbench, runOk } from '../support/workbench';
import { create } from './progress-helpers';

const ROWS = 1500;

/** The validation rule's arguments on Peserta's `column` at `row` (both 1-based), or null. */
function ruleAt(
  workbench: ReturnType<typeof newWorkbench>,
  rowNumber: number,
  columnNumber: number,
): string | null {
  const [row, column] = [rowNumber - 1, columnNumber - 1]; // the model's grid is 0-based
  const sheet = workbench.state.sheets.find((s) => s.name === 'Peserta');
  const entry = sheet?.validations.find(
    (v) =>
      row >= v.range.row &&
      row < v.range.row + v.range.numRows &&
      column >= v.range.column &&
      column < v.range.column + v.range.numColumns,
  );
  return entry ? JSON.stringify(entry.rule.args) : null;
}

test('an import past the grid: the grown rows keep the activity dropdown of the rows above', () => {
  const workbench = newWorkbench();
  create(workbench, { name: 'Bimtek PPRG' });
  addFormSheet(workbench.state, ROWS);
  const result = runOk(workbench, 'importParticipants', [
    { sourceSheet: FORM_SHEET, mapping: FORM_MAPPING, activity: 'Bimtek PPRG' },
  ]).value as ImportResult;
  expect(result.imported).toBe(ROWS);
  const activity = PESERTA_COLUMN.Kegiatan;
  const first = ruleAt(workbench, 2, activity);
  expect(first).toContain('Kegiatan');
  expect(ruleAt(workbench, ROWS + 1, activity)).toBe(first);
  expect(ruleAt(workbench, ROWS + 1, PESERTA_COLUMN['Jenis kelamin'])).toBe(
    ruleAt(workbench, 2, PESERTA_COLUMN['Jenis kelamin']),
  );
}, 60_000);
