/**
 * Sheet: https://developers.google.com/apps-script/reference/spreadsheet/sheet
 * A Sheet is built in layers, one file each: this base (the grid: its size, inserting and
 * deleting rows and columns), ./sheet-layout.ts (frozen panes, sizes, hiding, tab colour), and
 * ./sheet.ts (identity, ranges, appending, clearing, protection, charts, rules, metadata), whose
 * SheetImpl is what scripts get.
 */
import type { Cell, SheetState } from '../model';
import type { Execution } from './context';
import { lastColumn, lastRow, shiftSheetStructures } from './grid';
import { checkCellLimit } from './limits';

type Dimension = 'rows' | 'columns';

export class SheetGrid {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
  ) {}

  toString(): string {
    return 'Sheet';
  }
  /** The sheet's state, about to change. */
  _w(): SheetState {
    this._ctx.mutate(this._sheet);
    return this._sheet;
  }

  // ---- size -----------------------------------------------------------------------------
  getLastRow(): number {
    return lastRow(this._sheet);
  }
  getLastColumn(): number {
    return lastColumn(this._sheet);
  }
  getMaxRows(): number {
    return this._sheet.maxRows;
  }
  getMaxColumns(): number {
    return this._sheet.maxColumns;
  }

  // ---- rows and columns -----------------------------------------------------------------
  _max(dim: Dimension): number {
    return dim === 'rows' ? this._sheet.maxRows : this._sheet.maxColumns;
  }
  _insert(dim: Dimension, at0: number, n: number): void {
    if (!(n >= 1)) throw this._ctx.exception(`The number of ${dim} to insert must be at least 1.`);
    if (at0 < 0 || at0 > this._max(dim)) throw this._ctx.exception(`Those ${dim} are out of bounds.`);
    checkCellLimit(this._ctx, n * this._max(dim === 'rows' ? 'columns' : 'rows'));
    const s = this._w();
    if (dim === 'rows') {
      if (at0 < s.rows.length)
        s.rows.splice(at0, 0, ...Array.from({ length: n }, () => [] as (Cell | null)[]));
      s.maxRows += n;
    } else {
      const blanks = new Array<Cell | null>(n).fill(null);
      for (const row of s.rows) if (row && at0 < row.length) row.splice(at0, 0, ...blanks);
      s.maxColumns += n;
    }
    shiftSheetStructures(s, dim, at0, n);
  }
  _delete(dim: Dimension, position: number, howMany: number): void {
    const at0 = position - 1;
    const max = this._max(dim);
    if (at0 < 0 || !(howMany >= 1) || at0 + howMany > max)
      throw this._ctx.exception(`Those ${dim} are out of bounds.`);
    if (howMany >= max) throw this._ctx.exception(`You can't delete all the ${dim} on the sheet.`);
    const s = this._w();
    if (dim === 'rows') {
      if (at0 < s.rows.length) s.rows.splice(at0, howMany);
      s.maxRows -= howMany;
    } else {
      for (const row of s.rows) if (row && at0 < row.length) row.splice(at0, howMany);
      s.maxColumns -= howMany;
    }
    shiftSheetStructures(s, dim, at0, -howMany);
  }
  insertRowBefore(beforePosition: number): this {
    this._insert('rows', beforePosition - 1, 1);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    this._insert('rows', afterPosition, 1);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this._insert('rows', beforePosition - 1, howMany);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this._insert('rows', afterPosition, howMany);
    return this;
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this._insert('rows', rowIndex - 1, numRows);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._delete('rows', rowPosition, howMany);
  }
  deleteRow(rowPosition: number): this {
    this._delete('rows', rowPosition, 1);
    return this;
  }
  insertColumnBefore(beforePosition: number): this {
    this._insert('columns', beforePosition - 1, 1);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    this._insert('columns', afterPosition, 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this._insert('columns', beforePosition - 1, howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this._insert('columns', afterPosition, howMany);
    return this;
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insert('columns', columnIndex - 1, numColumns);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._delete('columns', columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this._delete('columns', columnPosition, 1);
    return this;
  }
}
