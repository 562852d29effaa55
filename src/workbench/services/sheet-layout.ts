/**
 * Sheet, layout (a layer of the Sheet: ./sheet-grid.ts): frozen rows and columns, column widths
 * and row heights, hidden rows, columns and sheets, the tab colour.
 */
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../model';
import { normalizeColor } from './grid';
import { SheetGrid } from './sheet-grid';

export class SheetLayout extends SheetGrid {
  setFrozenRows(rows: number): void {
    this._w().frozenRows = Math.max(0, Math.floor(rows));
  }
  setFrozenColumns(columns: number): void {
    this._w().frozenColumns = Math.max(0, Math.floor(columns));
  }
  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }
  getFrozenColumns(): number {
    return this._sheet.frozenColumns;
  }
  _setSizes(key: 'columnWidths' | 'rowHeights', start: number, n: number, px: number): this {
    const sizes = this._w()[key];
    for (let i = start - 1; i < start - 1 + n; i++) sizes[i] = px;
    return this;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    return this._setSizes('columnWidths', columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    return this._setSizes('columnWidths', startColumn, numColumns, width);
  }
  getColumnWidth(columnPosition: number): number {
    return this._sheet.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(rowPosition: number, height: number): this {
    return this._setSizes('rowHeights', rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    return this._setSizes('rowHeights', startRow, numRows, height);
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): this {
    return this._setSizes('rowHeights', startRow, numRows, height);
  }
  getRowHeight(rowPosition: number): number {
    return this._sheet.rowHeights[rowPosition - 1] ?? DEFAULT_ROW_HEIGHT;
  }
  /** Sizing needs a renderer: counted, otherwise a no-op. */
  autoResizeColumns(_startColumn: number, _numColumns: number): this {
    return this;
  }
  autoResizeColumn(_columnPosition: number): this {
    return this;
  }
  autoResizeRows(_startRow: number, _numRows: number): this {
    return this;
  }
  _hide(key: 'hiddenRows' | 'hiddenColumns', start0: number, n: number, hide: boolean): void {
    const s = this._w();
    const set = new Set(s[key] ?? []);
    for (let i = start0; i < start0 + n; i++) {
      if (hide) set.add(i);
      else set.delete(i);
    }
    s[key] = [...set].sort((a, b) => a - b);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this._hide('hiddenRows', rowIndex - 1, numRows, true);
  }
  showRows(rowIndex: number, numRows = 1): void {
    this._hide('hiddenRows', rowIndex - 1, numRows, false);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this._hide('hiddenColumns', columnIndex - 1, numColumns, true);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this._hide('hiddenColumns', columnIndex - 1, numColumns, false);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return (this._sheet.hiddenRows ?? []).includes(rowPosition - 1);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return (this._sheet.hiddenColumns ?? []).includes(columnPosition - 1);
  }
  hideSheet(): this {
    const visible = this._ctx.state.sheets.filter((s) => !s.hidden && s !== this._sheet);
    if (!visible.length) throw this._ctx.exception("You can't hide all the sheets in a document.");
    this._w().hidden = true;
    if (this._ctx.state.activeSheetId === this._sheet.sheetId)
      this._ctx.state.activeSheetId = visible[0].sheetId;
    return this;
  }
  showSheet(): this {
    this._w().hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }
  setTabColor(color: string | null): this {
    this._w().tabColor = normalizeColor(color) ?? null;
    return this;
  }
  getTabColor(): string | null {
    return this._sheet.tabColor;
  }
}
