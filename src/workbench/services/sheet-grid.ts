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
import { defineMethod } from './methods';

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
}

/**
 * Apps Script's row and column methods, the same for both: insertRowBefore, insertRowAfter,
 * insertRowsBefore, insertRowsAfter, insertRows, deleteRows, deleteRow, and so for columns.
 */
for (const [one, dim] of [
  ['Row', 'rows'],
  ['Column', 'columns'],
] as const) {
  const at = (position: unknown): number => position as number;
  defineMethod(SheetGrid, `insert${one}Before`, function (position) {
    this._insert(dim, at(position) - 1, 1);
    return this;
  });
  defineMethod(SheetGrid, `insert${one}After`, function (position) {
    this._insert(dim, at(position), 1);
    return this;
  });
  defineMethod(SheetGrid, `insert${one}sBefore`, function (position, howMany) {
    this._insert(dim, at(position) - 1, at(howMany));
    return this;
  });
  defineMethod(SheetGrid, `insert${one}sAfter`, function (position, howMany) {
    this._insert(dim, at(position), at(howMany));
    return this;
  });
  defineMethod(SheetGrid, `insert${one}s`, function (index, howMany = 1) {
    this._insert(dim, at(index) - 1, at(howMany));
  });
  defineMethod(SheetGrid, `delete${one}s`, function (position, howMany) {
    this._delete(dim, at(position), at(howMany));
  });
  defineMethod(SheetGrid, `delete${one}`, function (position) {
    this._delete(dim, at(position), 1);
    return this;
  });
}
