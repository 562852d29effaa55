/**
 * Appending many rows to a register below its last filled row (an import of 50,000 participants):
 * the same cells and formats as writeRows (./rows.ts), written per column block instead of per
 * cell, so the writes cost a few calls and about one cell per cell that changes (a few rows keep
 * writeRows' three calls, which cost less then):
 *  - number formats: one RangeList per format ("@" on the text columns, "General" elsewhere), and
 *    "@" only on the rows the grid already had (the rows the grid grows by were formatted just now);
 *    none at all in a register set up in this execution: its every row has "@" from the set-up and
 *    the other columns untouched, so a grown row is General whether or not it takes the formats
 *    of the row above (insertRowsAfter documents neither);
 *  - values: only the columns that hold something in these rows, one setValues per run of them,
 *    their ranges got in one getRangeList (the cells below the last filled row are empty: writing
 *    "" into them changes nothing).
 */
import { columnToLetters } from '../../core/plan/a1';
import type { RowValue } from '../../core/progress/row-labels';
import { CELLS_WRITTEN_PER_ROUND_TRIP, rowBlocks } from '../../core/terpilah/read-plan';
import { ensureRows, toCells, writeRows, type RowSheetSpec } from './rows';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * `setUpNow`: the register was set up in this execution (insertRowSheet formatted every row of its
 * grid just now, and nobody could change them since): no number format is written again.
 * `grown`: the grid's rows before the caller grew it for these rows (ensureRows); read and grown
 * here otherwise.
 */
export function appendRows(
  sheet: Sheet,
  spec: RowSheetSpec,
  firstRow: number,
  rows: RowValue[][],
  setUpNow = false,
  grown?: number,
): void {
  if (rows.length === 0) return;
  const lastRow = firstRow + rows.length - 1;
  const gridRows = grown ?? sheet.getMaxRows();
  if (grown === undefined) ensureRows(sheet, spec, lastRow, gridRows);
  const text = spec.headers.map((header) => spec.text.has(header));
  const other = text.map((isText) => !isText);
  const kept = setUpNow ? 0 : Math.max(0, Math.min(lastRow, gridRows) - firstRow + 1);
  const cells = toCells(spec, rows);
  const filled = spec.headers
    .map((_, c) => c)
    .filter((c) => cells.some((row) => row[c] !== '' && row[c] !== null && row[c] !== undefined));
  // Contiguous runs only (no gap written along): the calls depend on the columns, never on the rows.
  const blocks = rowBlocks(filled, Infinity);
  const perCell = 2 * rows.length * spec.headers.length + 3 * CELLS_WRITTEN_PER_ROUND_TRIP;
  const general = setUpNow ? 0 : rows.length;
  const calls = (kept > 0 ? 2 : 0) + (general > 0 && count(other) > 0 ? 2 : 0) + 1 + blocks.length;
  const byColumn =
    count(text) * kept +
    count(other) * general +
    filled.length * rows.length +
    calls * CELLS_WRITTEN_PER_ROUND_TRIP;
  if (perCell <= byColumn) {
    writeRows(sheet, spec, firstRow, rows);
    return;
  }
  if (kept > 0) setFormat(sheet, text, firstRow, firstRow + kept - 1, '@');
  if (general > 0) setFormat(sheet, other, firstRow, lastRow, 'General');
  // The blocks' ranges in one call (getRanges is the list in hand), then one setValues each.
  const a1 = (block: { first: number; count: number }) =>
    `${columnToLetters(block.first + 1)}${firstRow}:${columnToLetters(block.first + block.count)}${lastRow}`;
  const ranges = sheet.getRangeList(blocks.map(a1)).getRanges();
  blocks.forEach((block, i) =>
    ranges[i].setValues(cells.map((row) => row.slice(block.first, block.first + block.count))),
  );
}

const count = (flags: boolean[]) => flags.filter(Boolean).length;

/** `format` on the columns flagged, rows firstRow…lastRow: one RangeList of their contiguous runs. */
function setFormat(
  sheet: Sheet,
  columns: boolean[],
  firstRow: number,
  lastRow: number,
  format: string,
): void {
  const ranges: string[] = [];
  for (let c = 0; c < columns.length; c++) {
    if (!columns[c] || columns[c - 1]) continue;
    let end = c;
    while (columns[end + 1]) end++;
    ranges.push(`${columnToLetters(c + 1)}${firstRow}:${columnToLetters(end + 1)}${lastRow}`);
  }
  if (ranges.length > 0) sheet.getRangeList(ranges).setNumberFormat(format);
}
