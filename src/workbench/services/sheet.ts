/**
 * Sheet: https://developers.google.com/apps-script/reference/spreadsheet/sheet
 * The top layer of the Sheet (see ./sheet-grid.ts): identity, ranges, appending a row, clearing,
 * protection, charts, conditional format rules and developer metadata. SheetImpl is the object
 * scripts get, through newSheet.
 */
import type { Cell, GridRect, SheetState } from '../model';
import { parseA1 } from '../a1';
import { newConditionalFormatRule, ruleSpec } from './conditional-format';
import type { Execution } from './context';
import { wrap } from './counter';
import { chartSpec, newChartBuilder, newEmbeddedChart } from './embedded-chart';
import { enumName } from './enums';
import { lastColumn, lastRow, rowFor } from './grid';
import { checkCellLimit, checkCellTexts, checkSheetName } from './limits';
import { addMetadata, listMetadata, newMetadataFinder } from './metadata';
import { newProtection } from './protection';
import { newRange, RangeImpl } from './range';
import { checkedRect } from './range-base';
import { newRangeList } from './range-list';
import { typedCell } from './range-values';
import { make, register } from './registry';
import { SheetLayout } from './sheet-layout';

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

/** Sheet names are unique regardless of case. */
export function sheetNameTaken(ctx: Execution, name: string, except?: SheetState): boolean {
  const n = name.toLowerCase();
  return ctx.state.sheets.some((s) => s !== except && s.name.toLowerCase() === n);
}

export class SheetImpl extends SheetLayout {
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
    return make.spreadsheet(this._ctx);
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
    rowContents.forEach((v, c) => {
      const cell = typedCell(this._ctx, (row[c] as Cell | null | undefined) ?? null, v);
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

register({ sheet: newSheet });
