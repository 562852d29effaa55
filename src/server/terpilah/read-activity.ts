/**
 * One activity's participants, reading only what is needed instead of all of `Peserta`: the
 * header, the activity column, then — in a few contiguous blocks (core/terpilah/read-plan.ts) —
 * that activity's rows. The cells read go into an otherwise empty grid of the register's shape,
 * which the normaliser reads as usual: same participants, same findings, same row numbers.
 *  - the headline: the sex column of the activity's rows, and NIK and NIP where no sex is stated;
 *  - the one-activity report: every mapped column of its rows, and the NIK column of every row (a
 *    NIK repeated from another activity is a finding on the later row, as in the full read).
 */
import type { Language } from '../../core/i18n';
import { rowsOfActivity, statesSex } from '../../core/terpilah/headline';
import type { ColumnMapping } from '../../core/terpilah/model';
import { normaliseRows } from '../../core/terpilah/normalise';
import { rowBlocks, wholeColumnsCheaper } from '../../core/terpilah/read-plan';
import type { ReportSize } from '../../core/terpilah/size-guard';
import { PESERTA_SHEET } from '../sheets/names';
import { pesertaMapping, type PesertaData } from './read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NONE: PesertaData = { participants: [], quality: [] };

export interface ReadOptions {
  referenceDate: string;
  timeZone: string;
  activityDates?: Record<string, string>;
}

/** The register's rows (0 = sheet row 2) with the named activity's rows found. */
interface ActivityRows {
  sheet: Sheet;
  mapping: ColumnMapping;
  /** Data rows of the register. */
  count: number;
  /** The register's columns. */
  width: number;
  /** The 0-based offsets of the activity's rows. */
  rows: number[];
  grid: unknown[][];
}

/** null: no `Peserta`; NONE: a register without rows (or without an activity column: no row is a named activity's). */
function activityRows(
  spreadsheet: Spreadsheet,
  language: Language,
  activity: string,
  timeZone: string,
): ActivityRows | PesertaData | null {
  const sheet = spreadsheet.getSheetByName(PESERTA_SHEET);
  if (!sheet) return null;
  const last = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (last === 0 || width === 0) return NONE;
  const mapping = pesertaMapping(sheet.getRange(1, 1, 1, width).getValues()[0], language);
  if (!mapping || mapping.activity === undefined || last < 2) return NONE;
  const count = last - 1;
  const grid: unknown[][] = Array.from({ length: count }, () => []);
  const column = sheet.getRange(2, mapping.activity + 1, count, 1).getValues();
  const rows = rowsOfActivity(
    column.map(([cell]) => cell),
    activity,
    timeZone,
  );
  for (const row of rows) grid[row][mapping.activity] = column[row][0];
  return { sheet, mapping, count, width, rows, grid };
}

/** The participants of `activity` (a named one: see headlineReadsColumns) as far as their sex goes. */
export function readActivitySex(
  spreadsheet: Spreadsheet,
  language: Language,
  activity: string,
  options: ReadOptions,
): PesertaData | null {
  const found = activityRows(spreadsheet, language, activity, options.timeZone);
  if (!found || !('grid' in found)) return found;
  const { sheet, mapping, rows, grid } = found;
  const { sex, nik, nip } = mapping;
  if (sex !== undefined) readInto(sheet, grid, rows, [sex]);
  const unstated = sex === undefined ? rows : rows.filter((row) => !statesSex(grid[row][sex]));
  const ids = [nik, nip].filter((c): c is number => c !== undefined);
  if (ids.length > 0) readInto(sheet, grid, unstated, ids);
  return normaliseRows(grid, mapping, { firstRow: 2, ...options });
}

/**
 * Every participant of `activity` with every field, for its report. `check` sees the cells the
 * read will take once the activity's rows are known, before they are read (the size guard).
 */
export function readActivityAll(
  spreadsheet: Spreadsheet,
  language: Language,
  activity: string,
  options: ReadOptions,
  check: (size: ReportSize, register: { rows: number; columns: number }) => void,
): PesertaData | null {
  const found = activityRows(spreadsheet, language, activity, options.timeZone);
  if (!found || !('grid' in found)) return found;
  const { sheet, mapping, count, width, rows, grid } = found;
  const columns = Object.values(mapping).filter((c): c is number => c !== undefined);
  const span = Math.max(...columns) - Math.min(...columns) + 1;
  const blockCells = rowBlocks(rows, span).reduce((sum, block) => sum + block.count * span, 0);
  const all = (count + 1) * width;
  // The activity's rows spread all over the register: reading it whole costs less (the same result).
  const partial = count * 2 + blockCells; // the NIK column, then the blocks (the activity column is read)
  const whole = partial >= all;
  check({ cells: whole ? all : partial, participants: count }, { rows: count + 1, columns: width });
  if (whole) {
    const values = sheet.getRange(2, 1, count, width).getValues();
    return normaliseRows(values, mapping, { firstRow: 2, ...options });
  }
  const { nik } = mapping;
  if (nik !== undefined && rows.length > 0)
    sheet
      .getRange(2, nik + 1, count, 1)
      .getValues()
      .forEach(([cell], row) => {
        grid[row][nik] = cell;
      });
  readInto(sheet, grid, rows, columns);
  return normaliseRows(grid, mapping, { firstRow: 2, ...options });
}

/**
 * Reads the `columns` (0-based, spanned from the first to the last) of the grid's `rows` (0-based,
 * row 0 = sheet row 2) into the grid: one getValues per block; rows read along in a gap are left out.
 */
function readInto(sheet: Sheet, grid: unknown[][], rows: number[], columns: number[]): void {
  if (rows.length === 0 || columns.length === 0) return;
  const from = Math.min(...columns);
  const span = Math.max(...columns) - from + 1;
  const wanted = new Set(rows);
  const blocks = rowBlocks(rows, span);
  if (wholeColumnsCheaper(blocks, span, columns.length, grid.length)) {
    // The rows are spread all over: each column whole costs less than wide blocks.
    for (const c of columns)
      sheet
        .getRange(2, c + 1, grid.length, 1)
        .getValues()
        .forEach(([cell], row) => {
          if (wanted.has(row)) grid[row][c] = cell;
        });
    return;
  }
  for (const block of blocks) {
    const values = sheet.getRange(block.first + 2, from + 1, block.count, span).getValues();
    values.forEach((line, i) => {
      const row = block.first + i;
      if (!wanted.has(row)) return;
      for (const c of columns) grid[row][c] = line[c - from];
    });
  }
}
