/**
 * Undo of the person's own typing (POST /api/undo): before each POST /api/edit the cells it will
 * change are copied (value, formula and format: typing a date also sets a date format), and undo
 * puts the last copy back exactly. Kept server-side because only the server has every cell of the
 * range (the page holds a window of rows) and the formats typing changed; the page's own stack
 * would have to re-type old contents, which cannot restore a format.
 *
 * The history is cleared whenever anything else changes the workbook (an execution of the add-in,
 * a tab operation, a reset): the copies hold positions, and those may then hold other data.
 * Sheets itself keeps undo across script runs; the workbench is stricter rather than wrong.
 */
import type { Cell, GridRect, WorkbookState } from '../model';
import { parseA1, toA1 } from '../a1';
import { HttpError } from './errors';

interface Snapshot {
  sheetId: number;
  rect: GridRect;
  cells: (Cell | null)[][];
}

/** At most this many edits can be undone (the oldest are dropped). */
export const UNDO_LIMIT = 50;

export class EditHistory {
  private readonly stack: Snapshot[] = [];

  get size(): number {
    return this.stack.length;
  }

  /** Copies the cells `range` of sheet `sheetName` covers, before they are typed over. */
  record(state: WorkbookState, sheetName: string, range: string): void {
    const sheet = state.sheets.find((s) => s.name === sheetName);
    const parsed = sheet ? parseA1(range, sheet.maxRows, sheet.maxColumns) : null;
    if (!sheet || !parsed) return; // the edit itself will be refused with Sheets' message
    const { rect } = parsed;
    const cells: (Cell | null)[][] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const row = sheet.rows[r];
      const copy: (Cell | null)[] = [];
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
        const cell = row?.[c];
        copy.push(cell ? structuredClone(cell) : null);
      }
      cells.push(copy);
    }
    this.stack.push({ sheetId: sheet.sheetId, rect, cells });
    while (this.stack.length > UNDO_LIMIT) this.stack.shift();
  }

  /** Forgets the last record (its edit was refused). */
  drop(): void {
    this.stack.pop();
  }

  clear(): void {
    this.stack.length = 0;
  }

  /** Puts the cells of the last edit back; answers where (for the page to select it). */
  undo(state: WorkbookState): { sheet: string; range: string } {
    const snap = this.stack.pop();
    if (!snap) throw new HttpError(409, 'Tidak ada yang bisa diurungkan');
    const sheet = state.sheets.find((s) => s.sheetId === snap.sheetId);
    if (!sheet) throw new HttpError(409, 'Sheet hasil edit terakhir sudah tidak ada');
    snap.cells.forEach((cells, i) => {
      const r = snap.rect.row + i;
      while (sheet.rows.length <= r) sheet.rows.push([]);
      const row = sheet.rows[r];
      cells.forEach((cell, j) => {
        const c = snap.rect.column + j;
        while (row.length < c) row.push(null);
        row[c] = cell;
      });
    });
    return { sheet: sheet.name, range: toA1(snap.rect) };
  }
}
