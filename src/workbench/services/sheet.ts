/**
 * Sheet: https://developers.google.com/apps-script/reference/spreadsheet/sheet
 */
import type { Cell, GridRect, SheetState } from '../model';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../model';
import { parseA1 } from '../a1';
import { chartSpec, newChartBuilder, newConditionalFormatRule, newEmbeddedChart, ruleSpec } from './builders';
import type { Execution } from './context';
import { wrap } from './counter';
import { enumName } from './enums';
import { lastColumn, lastRow, makeCell, normalizeColor, rowFor, shiftSheetStructures } from './grid';
import { checkCellLimit, checkCellTexts, checkSheetName } from './limits';
import { addMetadata, listMetadata, newMetadataFinder } from './metadata';
import { newProtection } from './protection';
import { checkedRect, newRange, RangeImpl } from './range';
import { newRangeList } from './range-list';
import { newSpreadsheet, sheetNameTaken } from './spreadsheet';
import { coerceInput } from './typed-input';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export function newSheet(ctx: Execution, sheet: SheetState): GasSheet {
  return wrap(ctx, 'Sheet', new SheetImpl(ctx, sheet)) as unknown as GasSheet;
}

/** Resolve A1 notation on a sheet ("Range not found" when invalid or outside the grid). */
export function a1Rect(ctx: Execution, sheet: SheetState, a1: string): GridRect {
  const parsed = parseA1(String(a1), sheet.maxRows, sheet.maxColumns);
  if (!parsed) throw ctx.exception('Range not found');
  const r = parsed.rect;
  if (r.row + r.numRows > sheet.maxRows || r.column + r.numColumns > sheet.maxColumns)
    throw ctx.exception('Range not found');
  return r;
}

export class SheetImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
  ) {}

  toString(): string {
    return 'Sheet';
  }
  _w(): SheetState {
    this._ctx.mutate(this._sheet);
    return this._sheet;
  }

  // ---- identity -------------------------------------------------------------------------
  getName(): string {
    return this._sheet.name;
  }
  getSheetName(): string {
    return this._sheet.name;
  }
  setName(name: string): this {
    const n = String(name);
    if (n === this._sheet.name) return this;
    if (!n.trim()) throw this._ctx.exception('Sheet names cannot be empty.');
    checkSheetName(this._ctx, n);
    if (sheetNameTaken(this._ctx, n, this._sheet)) {
      throw this._ctx.exception(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this._ctx.checkLock(n);
    this._w().name = n;
    return this;
  }
  getSheetId(): number {
    return this._sheet.sheetId;
  }
  getIndex(): number {
    return this._ctx.state.sheets.indexOf(this._sheet) + 1;
  }
  getParent(): unknown {
    return newSpreadsheet(this._ctx);
  }
  activate(): this {
    this._ctx.state.activeSheetId = this._sheet.sheetId;
    if (this._sheet.hidden) this._w().hidden = false;
    return this;
  }

  // ---- ranges ---------------------------------------------------------------------------
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    if (typeof a === 'string') return newRange(this._ctx, this._sheet, a1Rect(this._ctx, this._sheet, a));
    return newRange(
      this._ctx,
      this._sheet,
      checkedRect(this._ctx, this._sheet, a, column as number, numRows, numColumns),
    );
  }
  getRangeList(a1Notations: string[]): unknown {
    const rects = (a1Notations ?? []).map((a1) => a1Rect(this._ctx, this._sheet, a1));
    return newRangeList(this._ctx, this._sheet, rects);
  }
  getDataRange(): GasRange {
    return newRange(this._ctx, this._sheet, {
      row: 0,
      column: 0,
      numRows: Math.max(1, lastRow(this._sheet)),
      numColumns: Math.max(1, lastColumn(this._sheet)),
    });
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const lr = lastRow(this._sheet);
    const lc = lastColumn(this._sheet);
    const rect = checkedRect(
      this._ctx,
      this._sheet,
      startRow,
      startColumn,
      numRows === -1 ? Math.max(1, lr - startRow + 1) : numRows,
      numColumns === -1 ? Math.max(1, lc - startColumn + 1) : numColumns,
    );
    return new RangeImpl(this._ctx, this._sheet, rect).getValues();
  }
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
  _insertRows(at0: number, n: number): void {
    if (!(n >= 1)) throw this._ctx.exception('The number of rows to insert must be at least 1.');
    if (at0 < 0 || at0 > this._sheet.maxRows) throw this._ctx.exception('Those rows are out of bounds.');
    checkCellLimit(this._ctx, n * this._sheet.maxColumns);
    const s = this._w();
    if (at0 < s.rows.length) s.rows.splice(at0, 0, ...Array.from({ length: n }, () => [] as (Cell | null)[]));
    s.maxRows += n;
    shiftSheetStructures(s, 'rows', at0, n);
  }
  insertRowBefore(beforePosition: number): this {
    this._insertRows(beforePosition - 1, 1);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    this._insertRows(afterPosition, 1);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this._insertRows(beforePosition - 1, howMany);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this._insertRows(afterPosition, howMany);
    return this;
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this._insertRows(rowIndex - 1, numRows);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const at0 = rowPosition - 1;
    if (at0 < 0 || !(howMany >= 1) || at0 + howMany > this._sheet.maxRows)
      throw this._ctx.exception('Those rows are out of bounds.');
    if (howMany >= this._sheet.maxRows)
      throw this._ctx.exception("You can't delete all the rows on the sheet.");
    const s = this._w();
    if (at0 < s.rows.length) s.rows.splice(at0, howMany);
    s.maxRows -= howMany;
    shiftSheetStructures(s, 'rows', at0, -howMany);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  _insertColumns(at0: number, n: number): void {
    if (!(n >= 1)) throw this._ctx.exception('The number of columns to insert must be at least 1.');
    if (at0 < 0 || at0 > this._sheet.maxColumns)
      throw this._ctx.exception('Those columns are out of bounds.');
    checkCellLimit(this._ctx, n * this._sheet.maxRows);
    const s = this._w();
    const blanks = new Array<Cell | null>(n).fill(null);
    for (const row of s.rows) if (row && at0 < row.length) row.splice(at0, 0, ...blanks);
    s.maxColumns += n;
    shiftSheetStructures(s, 'columns', at0, n);
  }
  insertColumnBefore(beforePosition: number): this {
    this._insertColumns(beforePosition - 1, 1);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    this._insertColumns(afterPosition, 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this._insertColumns(beforePosition - 1, howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this._insertColumns(afterPosition, howMany);
    return this;
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insertColumns(columnIndex - 1, numColumns);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const at0 = columnPosition - 1;
    if (at0 < 0 || !(howMany >= 1) || at0 + howMany > this._sheet.maxColumns) {
      throw this._ctx.exception('Those columns are out of bounds.');
    }
    if (howMany >= this._sheet.maxColumns)
      throw this._ctx.exception("You can't delete all the columns on the sheet.");
    const s = this._w();
    for (const row of s.rows) if (row && at0 < row.length) row.splice(at0, howMany);
    s.maxColumns -= howMany;
    shiftSheetStructures(s, 'columns', at0, -howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  /** appendRow: one row after the last row with content; the grid grows when full. Values coerce like setValues. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) {
      throw this._ctx.exception(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    checkCellTexts(this._ctx, [rowContents]);
    const r = lastRow(this._sheet);
    const s = this._w();
    const growRows = Math.max(0, r + 1 - s.maxRows);
    const growCols = Math.max(0, rowContents.length - s.maxColumns);
    if (growRows || growCols)
      checkCellLimit(this._ctx, growRows * s.maxColumns + growCols * (s.maxRows + growRows));
    s.maxRows += growRows;
    s.maxColumns += growCols;
    const row = rowFor(s, r);
    const { timeZone, locale } = this._ctx.state;
    rowContents.forEach((v, c) => {
      const old = (row[c] as Cell | null | undefined) ?? null;
      const co = coerceInput(v, old?.format?.numberFormat, timeZone, locale, this._ctx.now);
      let fmt = old?.format;
      if (co.autoFormat && !fmt?.numberFormat) fmt = { ...fmt, numberFormat: co.autoFormat };
      const cell = makeCell(co.value, co.formula, fmt);
      while (row.length < c) row.push(null);
      row[c] = cell;
    });
    return this;
  }

  // ---- clearing -------------------------------------------------------------------------
  _all(): RangeImpl {
    return new RangeImpl(this._ctx, this._sheet, {
      row: 0,
      column: 0,
      numRows: this._sheet.maxRows,
      numColumns: this._sheet.maxColumns,
    });
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    if (!options || (!options.contentsOnly && !options.formatOnly)) {
      this._w().rows = [];
      return this;
    }
    this._all().clear(options);
    return this;
  }
  clearContents(): this {
    this._all().clearContent();
    return this;
  }
  clearFormats(): this {
    this._all().clearFormat();
    return this;
  }
  clearNotes(): this {
    this._all().clearNote();
    return this;
  }

  // ---- layout ---------------------------------------------------------------------------
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
  setColumnWidth(columnPosition: number, width: number): this {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    const s = this._w();
    for (let c = startColumn - 1; c < startColumn - 1 + numColumns; c++) s.columnWidths[c] = width;
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._sheet.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(rowPosition: number, height: number): this {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    const s = this._w();
    for (let r = startRow - 1; r < startRow - 1 + numRows; r++) s.rowHeights[r] = height;
    return this;
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): this {
    return this.setRowHeights(startRow, numRows, height);
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

  // ---- protection ---------------------------------------------------------------------
  /** protect(): the sheet's protection (the existing one when the sheet is already protected). */
  protect(): unknown {
    const existing = this._sheet.protections.find((p) => p.type === 'SHEET');
    if (existing) return newProtection(this._ctx, this._sheet, existing.id);
    const s = this._w();
    const id = `protection-${this._ctx.state.nextId++}`;
    s.protections.push({
      id,
      type: 'SHEET',
      description: '',
      warningOnly: false,
      editors: [this._ctx.userEmail].filter(Boolean),
      unprotected: [],
    });
    return newProtection(this._ctx, this._sheet, id);
  }
  getProtections(type: unknown): unknown[] {
    const t = enumName(type);
    return this._sheet.protections
      .filter((p) => p.type === t)
      .map((p) => newProtection(this._ctx, this._sheet, p.id));
  }

  // ---- charts ---------------------------------------------------------------------------
  newChart(): unknown {
    return newChartBuilder(this._ctx, this._sheet);
  }
  insertChart(chart: unknown): void {
    const spec = structuredClone(chartSpec(this._ctx, chart));
    const s = this._w();
    if (spec.chartId < 0 || s.charts.some((c) => c.chartId === spec.chartId))
      spec.chartId = this._ctx.state.nextId++;
    s.charts.push(spec);
  }
  updateChart(chart: unknown): void {
    const spec = structuredClone(chartSpec(this._ctx, chart));
    const i = this._sheet.charts.findIndex((c) => c.chartId === spec.chartId);
    if (i < 0) throw this._ctx.exception('Workbench: updateChart: the chart is not on this sheet');
    this._w().charts[i] = spec;
  }
  removeChart(chart: unknown): void {
    const id = chartSpec(this._ctx, chart).chartId;
    this._w().charts = this._sheet.charts.filter((c) => c.chartId !== id);
  }
  getCharts(): unknown[] {
    return this._sheet.charts.map((c) => newEmbeddedChart(this._ctx, this._sheet, structuredClone(c)));
  }

  // ---- conditional formats --------------------------------------------------------------
  setConditionalFormatRules(rules: unknown[]): void {
    const specs = (rules ?? []).map((r) => ruleSpec(this._ctx, r));
    this._w().conditionalRules = specs;
  }
  getConditionalFormatRules(): unknown[] {
    return this._sheet.conditionalRules.map((r) =>
      newConditionalFormatRule(this._ctx, structuredClone(r), this._sheet),
    );
  }
  clearConditionalFormatRules(): void {
    this._w().conditionalRules = [];
  }

  // ---- developer metadata ----------------------------------------------------------------
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): this {
    addMetadata(this._ctx, this._sheet, key, value, visibility);
    return this;
  }
  getDeveloperMetadata(): unknown[] {
    return listMetadata(this._ctx, this._sheet);
  }
  createDeveloperMetadataFinder(): unknown {
    return newMetadataFinder(this._ctx, this._sheet);
  }
}
