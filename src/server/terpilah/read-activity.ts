/**
 * One activity's participants for the headline, reading only what the headline needs instead of
 * all of `Peserta`: the header, the activity column, then — in a few contiguous blocks
 * (core/terpilah/read-plan.ts) — the sex column of that activity's rows, and the NIK and NIP of
 * the rows that state no sex. The cells read go into an otherwise empty grid of the register's
 * shape, which the normaliser reads as usual: same participants, same sex, same row numbers.
 */
import type { Language } from '../../core/i18n';
import { rowsOfActivity, statesSex } from '../../core/terpilah/headline';
import { normaliseRows } from '../../core/terpilah/normalise';
import { rowBlocks } from '../../core/terpilah/read-plan';
import { PESERTA_SHEET } from '../sheets/names';
import { pesertaMapping, type PesertaData } from './read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NONE: PesertaData = { participants: [], quality: [] };

/** The participants of `activity` (a named one: see headlineReadsColumns); null when there is no `Peserta`. */
export function readActivitySex(
  spreadsheet: Spreadsheet,
  language: Language,
  activity: string,
  options: { referenceDate: string; timeZone: string },
): PesertaData | null {
  const sheet = spreadsheet.getSheetByName(PESERTA_SHEET);
  if (!sheet) return null;
  const last = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (last === 0 || width === 0) return NONE;
  const mapping = pesertaMapping(sheet.getSheetValues(1, 1, 1, width)[0], language);
  // Without an activity column every row is "Tanpa nama kegiatan": none is a named activity's.
  if (!mapping || mapping.activity === undefined || last < 2) return NONE;
  const count = last - 1;
  const grid: unknown[][] = Array.from({ length: count }, () => []);
  const column = sheet.getSheetValues(2, mapping.activity + 1, count, 1);
  const rows = rowsOfActivity(
    column.map(([cell]) => cell),
    activity,
    options.timeZone,
  );
  for (const row of rows) grid[row][mapping.activity] = column[row][0];
  const { sex, nik, nip } = mapping;
  if (sex !== undefined) readInto(sheet, grid, rows, [sex]);
  const unstated = sex === undefined ? rows : rows.filter((row) => !statesSex(grid[row][sex]));
  const ids = [nik, nip].filter((c): c is number => c !== undefined);
  if (ids.length > 0) readInto(sheet, grid, unstated, ids);
  return normaliseRows(grid, mapping, { firstRow: 2, ...options });
}

/**
 * Reads the `columns` (0-based, spanned from the first to the last) of the grid's `rows` (0-based,
 * row 0 = sheet row 2) into the grid: one getSheetValues per block; rows read along in a gap are left out.
 */
function readInto(sheet: Sheet, grid: unknown[][], rows: number[], columns: number[]): void {
  const from = Math.min(...columns);
  const span = Math.max(...columns) - from + 1;
  const wanted = new Set(rows);
  for (const block of rowBlocks(rows, span)) {
    const values = sheet.getSheetValues(block.first + 2, from + 1, block.count, span);
    values.forEach((line, i) => {
      const row = block.first + i;
      if (!wanted.has(row)) return;
      for (const c of columns) grid[row][c] = line[c - from];
    });
  }
}
