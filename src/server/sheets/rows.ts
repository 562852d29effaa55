/**
 * Registers: sheets of one header row and data rows the add-in appends (`Kegiatan`, `Langkah`,
 * `Riwayat`, `Peserta`). Each is set up once, when first needed (header, formats, dropdowns,
 * widths, marker): appending a row never pays that cost again. Text columns carry the plain-text
 * number format "@" on every row the add-in formats, so typed notes, NIKs and times are stored
 * verbatim; elsewhere strings are written with the quote prefix (see toCells). Either way "=…",
 * "+62…", "-5", "@x" and "1e3" come back exactly as typed.
 */
import { columnToLetters } from '../../core/plan/a1';
import { asLiteralText } from '../../core/plan/text-safety';
import type { RowValue } from '../../core/progress/row-labels';
import { t, type Language } from '../../core/i18n';
import { UserError } from './errors';
import { markRegister, renamedRegisters } from './markers';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** When a register must grow, it grows by at least this many rows (growth is rare, not per row). */
const GROW_ROWS = 1000;

/**
 * Spare rows a sidebar write leaves when it finds the grid full (writeInGrid): each costs a few
 * dozen cells written (formats, dropdowns), so 100 keep that click well within its 2 s.
 */
export const STEP_GROW_ROWS = 100;

export interface RowSheetSpec {
  name: string;
  headers: readonly string[];
  /** Columns formatted "@" and written verbatim; other strings are written as literal text. */
  text: ReadonlySet<string>;
  hidden: readonly string[];
  widths: Readonly<Record<string, number>>;
  /** The sheet-level developer metadata key that marks this register as the add-in's. */
  markerKey: string;
  /**
   * Formatting beyond the "@" columns (dropdowns, colour rules), on set-up and when rows are added.
   * `block`: those rows (every column) as one Range when the caller has it: a column of it by
   * offset costs no call, where sheet.getRange costs one.
   */
  formatRows?: (sheet: Sheet, firstRow: number, count: number, block?: Range) => void;
  /**
   * The same formatting as formatRows, through `block` (every column of rows `firstRow`…, built
   * with offset, which costs no call): what writeInGrid uses when the grid grows.
   */
  formatBlock?: (block: Range, firstRow: number, spreadsheet: Spreadsheet) => void;
  /** Set-up only, after the `count` rows below the header are formatted (a rule on another sheet). */
  setUpMore?: (spreadsheet: Spreadsheet, sheet: Sheet, count: number) => void;
}

/** "Kegiatan!A5:N5": one call on the spreadsheet instead of getSheetByName + getRange. */
export function a1(spec: RowSheetSpec, row: number, numRows = 1): string {
  return `${spec.name}!A${row}:${columnToLetters(spec.headers.length)}${row + numRows - 1}`;
}

/**
 * The values to write for rows of this sheet: verbatim in the "@" columns; elsewhere every
 * non-empty string gets the quote prefix, which Sheets strips and which keeps anything ("1e3",
 * "=…", "2026-11-24 09:30") text — safer than guessing which strings Sheets would parse.
 */
export function toCells(spec: RowSheetSpec, rows: RowValue[][]): RowValue[][] {
  const text = spec.headers.map((header) => spec.text.has(header));
  return rows.map((row) =>
    row.map((value, c) => (typeof value === 'string' && !text[c] ? asLiteralText(value) : value)),
  );
}

/** The number formats of `count` rows of this sheet: "@" on the text columns. */
export function formatsOf(spec: RowSheetSpec, count: number): string[][] {
  const row = spec.headers.map((header) => (spec.text.has(header) ? '@' : 'General'));
  return Array.from({ length: count }, () => row.slice());
}

/** Writes rows at `firstRow` with their formats: 3 calls. */
export function writeRows(sheet: Sheet, spec: RowSheetSpec, firstRow: number, rows: RowValue[][]): void {
  if (rows.length === 0) return;
  sheet
    .getRange(firstRow, 1, rows.length, spec.headers.length)
    .setNumberFormats(formatsOf(spec, rows.length))
    .setValues(toCells(spec, rows));
}

/** The rows below the header, the first `columns` only: 3 calls; none for an empty sheet. */
export function dataRows(sheet: Sheet, columns: number): unknown[][] {
  const last = sheet.getLastRow();
  return last >= 2 ? sheet.getRange(2, 1, last - 1, columns).getValues() : [];
}

/** The data rows of the register called `name`; none when there is no such sheet (nothing is created). */
export function registerRows(spreadsheet: Spreadsheet, name: string, columns: number): unknown[][] {
  const sheet = spreadsheet.getSheetByName(name);
  return sheet ? dataRows(sheet, columns) : [];
}

/** Whether row 1 starts with the register's exact headers (a copy that lost its marker). */
export function hasOurHeaders(sheet: Sheet, spec: RowSheetSpec): boolean {
  const headers = sheet.getRange(1, 1, 1, spec.headers.length).getValues()[0];
  return spec.headers.every((header, i) => String(headers[i]).trim() === header);
}

/** The register's grid (row 1 to the grid's last row, its columns) and its header row. */
export interface HeadedGrid {
  grid: Range;
  header: unknown[];
}

/**
 * The sheet called `spec.name` as one Range over `columns` columns (default: the spec's) from
 * row 1 to the grid's last row, when its row 1 holds exactly the spec's headers (the proof
 * hasOurHeaders accepts): 2 calls. null when there is no such sheet, the grid is narrower or
 * the headers differ: the caller then takes its full path (markers, set-up, refusals).
 * `grid.getLastRow()` is the grid's row count and `grid.getSheet()` the sheet, neither a call.
 */
export function headedGrid(
  spreadsheet: Spreadsheet,
  spec: RowSheetSpec,
  columns = spec.headers.length,
): HeadedGrid | null {
  let grid: Range;
  try {
    grid = spreadsheet.getRange(`${spec.name}!A1:${columnToLetters(columns)}`);
  } catch {
    return null; // no such sheet, or fewer columns
  }
  const header = grid.offset(0, 0, 1, columns).getValues()[0];
  return spec.headers.every((name, i) => String(header[i]).trim() === name) ? { grid, header } : null;
}

/** The grid of a register already checked (a Range from row 1 to its last grid row): 2 calls. */
export function gridOf(sheet: Sheet, spec: RowSheetSpec): Range {
  return sheet.getRange(1, 1, sheet.getMaxRows(), spec.headers.length);
}

/**
 * Writes rows at `at` with their formats through `grid` (headedGrid, gridOf): 2 calls when the
 * grid holds them. A full grid grows by what is missing plus STEP_GROW_ROWS, formatted like the
 * set-up rows through one block from `at` (or the first new row) to the new end: one insert, one
 * setNumberFormats, the spec's formatBlock, and the rows written through that block (offset).
 */
export function writeInGrid(
  spreadsheet: Spreadsheet,
  grid: Range,
  spec: RowSheetSpec,
  at: number,
  rows: RowValue[][],
): void {
  if (rows.length === 0) return;
  const width = spec.headers.length;
  const max = grid.getLastRow();
  const last = at + rows.length - 1;
  if (last <= max) {
    grid
      .offset(at - 1, 0, rows.length, width)
      .setNumberFormats(formatsOf(spec, rows.length))
      .setValues(toCells(spec, rows));
    return;
  }
  const sheet = grid.getSheet();
  const add = last - max + STEP_GROW_ROWS;
  sheet.insertRowsAfter(max, add);
  const first = Math.min(at, max + 1);
  const count = max + add - first + 1;
  const block = grid.offset(first - 1, 0, count, width).setNumberFormats(formatsOf(spec, count));
  if (spec.formatBlock) spec.formatBlock(block, first, spreadsheet);
  else spec.formatRows?.(sheet, first, count);
  block.offset(at - first, 0, rows.length, width).setValues(toCells(spec, rows));
}

/** A new register at the end of the tabs, set up; the person's active sheet is given back. */
export function insertRowSheet(spreadsheet: Spreadsheet, spec: RowSheetSpec, language: Language): Sheet {
  return insertRowSheets(spreadsheet, [spec], language)[0];
}

/**
 * New registers at the end of the tabs, in order, each set up; one renamed check per marker key,
 * and the person's active sheet read and given back once (insertSheet activates the new sheet).
 */
export function insertRowSheets(
  spreadsheet: Spreadsheet,
  specs: readonly RowSheetSpec[],
  language: Language,
): Sheet[] {
  if (specs.length === 0) return [];
  for (const key of new Set(specs.map((spec) => spec.markerKey)))
    refuseRenamedAll(
      spreadsheet,
      specs.filter((spec) => spec.markerKey === key),
      language,
    );
  const active = spreadsheet.getActiveSheet();
  const at = spreadsheet.getNumSheets();
  const sheets = specs.map((spec, i) => {
    const sheet = spreadsheet.insertSheet(spec.name, at + i);
    setUpRowSheet(spreadsheet, sheet, spec);
    return sheet;
  });
  active.activate();
  return sheets;
}

/**
 * Refuses when the register of this name lives on under another name (renamed by hand): making
 * a new, empty one would hide its rows from every reader and a rebuild would cut them.
 */
export function refuseRenamed(spreadsheet: Spreadsheet, spec: RowSheetSpec, language: Language): void {
  refuseRenamedAll(spreadsheet, [spec], language);
}

/** {@link refuseRenamed} for registers sharing one marker key: one finder. */
function refuseRenamedAll(
  spreadsheet: Spreadsheet,
  specs: readonly RowSheetSpec[],
  language: Language,
): void {
  const names = new Map(specs.map((spec) => [spec.name.toLowerCase(), spec.name]));
  const [renamed] = renamedRegisters(spreadsheet, specs[0].markerKey, names);
  if (renamed)
    throw new UserError(t(language, 'registerRenamed', { sheet: renamed.name, current: renamed.current }));
}

/** Header, formats, dropdowns, widths, hidden columns, marker: a fixed number of calls. */
export function setUpRowSheet(spreadsheet: Spreadsheet, sheet: Sheet, spec: RowSheetSpec): void {
  const width = spec.headers.length;
  // One Range over the whole grid: the header and the rows below it are offsets of it.
  const grid = sheet.getRange(1, 1, sheet.getMaxRows(), width);
  grid
    .offset(0, 0, 1, width)
    .setNumberFormat('@')
    .setValues([[...spec.headers]])
    .setFontWeight('bold')
    .setBackground('#e8eaed');
  sheet.setFrozenRows(1);
  const count = grid.getNumRows() - 1;
  if (count > 0) formatRows(sheet, spec, 2, count, grid.offset(1, 0, count, width));
  spec.setUpMore?.(spreadsheet, sheet, count);
  // Neighbouring columns of one width, and neighbouring hidden columns, in one call each.
  const widths = spec.headers.map((header) => spec.widths[header] ?? null);
  for (const run of runs(widths)) sheet.setColumnWidths(run.first, run.count, run.value);
  const hidden = spec.headers.map((header) => (spec.hidden.includes(header) ? true : null));
  for (const run of runs(hidden)) sheet.hideColumns(run.first, run.count);
  markRegister(sheet, spec.markerKey, spec.name.toLowerCase());
}

/** Runs of equal non-null neighbours: 1-based first column, length, value. */
function runs<T>(values: (T | null)[]): { first: number; count: number; value: T }[] {
  const found: { first: number; count: number; value: T }[] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    const last = found[found.length - 1];
    if (last && last.first + last.count === i + 1 && last.value === value) last.count++;
    else found.push({ first: i + 1, count: 1, value });
  });
  return found;
}

/**
 * Grows the grid so that `lastRow` exists, formatting the new rows like the set-up ones.
 * `max`: the grid's rows when the caller has just read them.
 */
export function ensureRows(
  sheet: Sheet,
  spec: RowSheetSpec,
  lastRow: number,
  max = sheet.getMaxRows(),
): void {
  if (lastRow <= max) return;
  const add = Math.max(lastRow - max, GROW_ROWS);
  sheet.insertRowsAfter(max, add);
  formatRows(sheet, spec, max + 1, add);
}

/** "@" on the text columns of rows `firstRow`… (one RangeList), then the register's own formats. */
function formatRows(sheet: Sheet, spec: RowSheetSpec, firstRow: number, count: number, block?: Range): void {
  if (count <= 0) return;
  if (spec.text.size > 0) {
    const last = firstRow + count - 1;
    sheet
      .getRangeList(
        [...spec.text].map((header) => {
          const letter = columnToLetters(spec.headers.indexOf(header) + 1);
          return `${letter}${firstRow}:${letter}${last}`;
        }),
      )
      .setNumberFormat('@');
  }
  spec.formatRows?.(sheet, firstRow, count, block);
}

/** A dropdown of closed values that refuses anything else, with its help text. */
/**
 * The dropdowns of `block`'s rows, `rules` by 1-based column, in one setDataValidations from the
 * first ruled column to the last (the columns between get none, as on set-up rows).
 */
export function setDropdowns(
  block: Range,
  rules: ReadonlyMap<number, GoogleAppsScript.Spreadsheet.DataValidation>,
): void {
  const first = Math.min(...rules.keys());
  const width = Math.max(...rules.keys()) - first + 1;
  const line = Array.from({ length: width }, (_, i) => rules.get(first + i) ?? null);
  const count = block.getNumRows();
  block.offset(0, first - 1, count, width).setDataValidations(Array.from({ length: count }, () => line));
}

export function dropdown(values: string[], helpText: string): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList(values, true)
    .setAllowInvalid(false)
    .setHelpText(helpText)
    .build();
}
