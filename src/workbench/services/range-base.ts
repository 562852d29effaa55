/**
 * Range: https://developers.google.com/apps-script/reference/spreadsheet/range
 * Rows/columns are 1-based here and 0-based in the model. A Range is built in layers, one file
 * each: this base (argument checks, geometry, reading and writing the range's cells),
 * ./range-values.ts, ./range-formats.ts, and ./range.ts (clearing, borders, merges, validation,
 * protection, copying), whose RangeImpl is what scripts get.
 */
import type { Cell, CellFormat, GridRect, SheetState } from '../model';
import { toA1 } from '../a1';
import { isDate } from '../format/display';
import type { Execution } from './context';
import { getCell, rowFor, withFormat } from './grid';
import { make } from './registry';

type Gas = GoogleAppsScript.Spreadsheet.Range;

/** The type Apps Script names in "The parameters (…) don't match the method signature". */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'Object[]';
  if (isDate(v)) return 'Date';
  const t = typeof v;
  return t === 'string' ? 'String' : t === 'number' ? 'number' : t === 'boolean' ? 'Boolean' : 'Object';
}

/** Validate (1-based) coordinates against the grid and return the 0-based rect. */
export function checkedRect(
  ctx: Execution,
  sheet: SheetState,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
): GridRect {
  for (const [v, what] of [
    [row, 'row'],
    [column, 'column'],
    [numRows, 'numRows'],
    [numColumns, 'numColumns'],
  ] as const) {
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw ctx.exception(
        `The parameters (${typeName(v)}) don't match the method signature for Sheet.getRange (${what}).`,
      );
    }
  }
  if (row < 1) throw ctx.exception('The starting row of the range is too small.');
  if (column < 1) throw ctx.exception('The starting column of the range is too small.');
  if (numRows < 1) throw ctx.exception('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw ctx.exception('The number of columns in the range must be at least 1.');
  const rect = {
    row: Math.floor(row) - 1,
    column: Math.floor(column) - 1,
    numRows: Math.floor(numRows),
    numColumns: Math.floor(numColumns),
  };
  if (rect.row + rect.numRows > sheet.maxRows || rect.column + rect.numColumns > sheet.maxColumns) {
    throw ctx.exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return rect;
}

/** Apps Script's shape check for setValues and every plural setter. */
export function checkShape(
  ctx: Execution,
  method: string,
  data: unknown,
  rows: number,
  cols: number,
): unknown[][] {
  const mismatch = (): Error =>
    ctx.exception(
      `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  const count = (what: string, given: number, wanted: number): Error =>
    ctx.exception(
      `The number of ${what} in the data does not match the number of ${what} in the range. The data has ${given} but the range has ${wanted}.`,
    );
  if (!Array.isArray(data)) throw mismatch();
  if (data.length !== rows) throw count('rows', data.length, rows);
  for (const line of data) {
    if (!Array.isArray(line)) throw mismatch();
    if (line.length !== cols) throw count('columns', line.length, cols);
  }
  return data as unknown[][];
}

export class RangeBase {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
    readonly _rect: GridRect,
  ) {}

  toString(): string {
    return 'Range';
  }

  // ---- geometry -------------------------------------------------------------------------
  getRow(): number {
    return this._rect.row + 1;
  }
  getRowIndex(): number {
    return this._rect.row + 1;
  }
  getColumn(): number {
    return this._rect.column + 1;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numColumns;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getWidth(): number {
    return this._rect.numColumns;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows;
  }
  getLastColumn(): number {
    return this._rect.column + this._rect.numColumns;
  }
  getA1Notation(): string {
    return toA1(this._rect);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return make.sheet(this._ctx, this._sheet);
  }
  getGridId(): number {
    return this._sheet.sheetId;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Gas {
    const r = this._rect;
    const rect = checkedRect(
      this._ctx,
      this._sheet,
      r.row + 1 + rowOffset,
      r.column + 1 + columnOffset,
      numRows ?? r.numRows,
      numColumns ?? r.numColumns,
    );
    return make.range(this._ctx, this._sheet, rect);
  }
  getCell(row: number, column: number): Gas {
    const r = this._rect;
    if (row < 1 || column < 1 || row > r.numRows || column > r.numColumns) {
      throw this._ctx.exception('Cell reference out of range');
    }
    return make.range(this._ctx, this._sheet, {
      row: r.row + row - 1,
      column: r.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  activate(): this {
    this._ctx.state.activeSheetId = this._sheet.sheetId;
    return this;
  }
  activateAsCurrentCell(): this {
    return this.activate();
  }

  // ---- iteration helpers ----------------------------------------------------------------
  _read<T>(fn: (cell: Cell | null) => T): T[][] {
    const { row, column, numRows, numColumns } = this._rect;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const src = this._sheet.rows[row + i];
      const line: T[] = new Array(numColumns);
      for (let j = 0; j < numColumns; j++) line[j] = fn((src && src[column + j]) || null);
      out[i] = line;
    }
    return out;
  }

  _first(): Cell | null {
    return getCell(this._sheet, this._rect.row, this._rect.column);
  }

  /** Replace every cell of the range with fn(old, i, j). */
  _write(fn: (cell: Cell | null, i: number, j: number) => Cell | null): void {
    this._ctx.mutate(this._sheet);
    const { row, column, numRows, numColumns } = this._rect;
    for (let i = 0; i < numRows; i++) {
      const dest = rowFor(this._sheet, row + i);
      while (dest.length < column) dest.push(null);
      for (let j = 0; j < numColumns; j++) {
        const c = column + j;
        const next = fn((dest[c] as Cell | null | undefined) ?? null, i, j);
        if (next || c < dest.length) dest[c] = next;
      }
    }
  }

  _format<K extends keyof CellFormat>(key: K, dflt: NonNullable<CellFormat[K]>): NonNullable<CellFormat[K]> {
    return (this._first()?.format?.[key] ?? dflt) as NonNullable<CellFormat[K]>;
  }
  _formats<K extends keyof CellFormat>(
    key: K,
    dflt: NonNullable<CellFormat[K]>,
  ): NonNullable<CellFormat[K]>[][] {
    return this._read((c) => (c?.format?.[key] ?? dflt) as NonNullable<CellFormat[K]>);
  }
  _setFormat(patch: Partial<CellFormat>): this {
    this._write((c) => withFormat(c, patch));
    return this;
  }
  _setFormats(method: string, data: unknown, toPatch: (v: unknown) => Partial<CellFormat>): this {
    const grid = checkShape(this._ctx, method, data, this._rect.numRows, this._rect.numColumns);
    this._write((c, i, j) => withFormat(c, toPatch(grid[i][j])));
    return this;
  }
}
