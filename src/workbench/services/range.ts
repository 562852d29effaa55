/**
 * Range: https://developers.google.com/apps-script/reference/spreadsheet/range
 * Rows/columns are 1-based here and 0-based in the model.
 */
import type { BorderSide, Cell, CellFormat, DataValidationSpec, GridRect, SheetState } from '../model';
import { toA1 } from '../a1';
import type { Execution } from './context';
import { unwrap, wrap } from './counter';
import { enumName, WrapStrategy } from './enums';
import {
  contains,
  getCell,
  hasContent,
  intersects,
  makeCell,
  normalizeColor,
  rowFor,
  subtract,
  withFormat,
} from './grid';
import { displayValue, isDate } from '../format/display';
import { DEFAULT_NUMBER_FORMAT, storedNumberFormat } from '../format/number-format';
import { coerceInput } from './typed-input';
import { DataValidationImpl, newDataValidation } from './builders';
import { checkCellText, checkCellTexts } from './limits';
import { newProtection } from './protection';
import { newSheet } from './sheet';

type Gas = GoogleAppsScript.Spreadsheet.Range;

const MERGE_MISMATCH = 'You must select all cells in a merged range to merge or unmerge them.';

function typeName(v: unknown): string {
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
  if (!Array.isArray(data)) {
    throw ctx.exception(
      `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  if (data.length !== rows) {
    throw ctx.exception(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rows}.`,
    );
  }
  for (const line of data) {
    if (!Array.isArray(line)) {
      throw ctx.exception(
        `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (line.length !== cols) {
      throw ctx.exception(
        `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${cols}.`,
      );
    }
  }
  return data as unknown[][];
}

export function newRange(ctx: Execution, sheet: SheetState, rect: GridRect): Gas {
  return wrap(ctx, 'Range', new RangeImpl(ctx, sheet, rect)) as unknown as Gas;
}

function side(on: boolean | null | undefined, color: unknown, style: unknown): BorderSide | undefined {
  return on ? { color: normalizeColor(color) ?? '#000000', style: enumName(style) || 'SOLID' } : undefined;
}

export class RangeImpl {
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
    return newSheet(this._ctx, this._sheet);
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
    return newRange(this._ctx, this._sheet, rect);
  }
  getCell(row: number, column: number): Gas {
    const r = this._rect;
    if (row < 1 || column < 1 || row > r.numRows || column > r.numColumns) {
      throw this._ctx.exception('Cell reference out of range');
    }
    return newRange(this._ctx, this._sheet, {
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

  // ---- values ---------------------------------------------------------------------------
  _readValue(cell: Cell | null): unknown {
    if (!cell) return '';
    const v = cell.value;
    return typeof v === 'object' && isDate(v) ? this._ctx.date(v.getTime()) : v;
  }

  getValue(): unknown {
    return this._readValue(this._first());
  }
  getValues(): unknown[][] {
    return this._read((c) => this._readValue(c));
  }
  _writeValue(cell: Cell | null, input: unknown): Cell | null {
    const st = this._ctx.state;
    const co = coerceInput(input, cell?.format?.numberFormat, st.timeZone, st.locale, this._ctx.now);
    let fmt = cell?.format;
    if (co.autoFormat && !fmt?.numberFormat) fmt = { ...fmt, numberFormat: co.autoFormat };
    return makeCell(co.value, co.formula, fmt);
  }
  setValue(value: unknown): this {
    checkCellText(this._ctx, value);
    this._write((c) => this._writeValue(c, value));
    return this;
  }
  setValues(values: unknown[][]): this {
    const grid = checkShape(this._ctx, 'setValues', values, this._rect.numRows, this._rect.numColumns);
    checkCellTexts(this._ctx, grid);
    this._write((c, i, j) => this._writeValue(c, grid[i][j]));
    return this;
  }
  getDisplayValue(): string {
    return displayValue(this._first(), this._ctx.state.timeZone, this._ctx.state.locale);
  }
  getDisplayValues(): string[][] {
    const { timeZone, locale } = this._ctx.state;
    return this._read((c) => displayValue(c, timeZone, locale));
  }
  getFormula(): string {
    return this._first()?.formula ?? '';
  }
  getFormulas(): string[][] {
    return this._read((c) => c?.formula ?? '');
  }
  _writeFormula(c: Cell | null, f: unknown): Cell | null {
    const s = f === null || f === undefined ? '' : String(f);
    if (!s) return makeCell('', undefined, c?.format);
    return makeCell('', s.startsWith('=') ? s : `=${s}`, c?.format);
  }
  /** The same formula text goes into every cell (relative references are not adjusted). */
  setFormula(formula: string): this {
    checkCellText(this._ctx, formula);
    this._write((c) => this._writeFormula(c, formula));
    return this;
  }
  setFormulas(formulas: string[][]): this {
    const grid = checkShape(this._ctx, 'setFormulas', formulas, this._rect.numRows, this._rect.numColumns);
    checkCellTexts(this._ctx, grid);
    this._write((c, i, j) => this._writeFormula(c, grid[i][j]));
    return this;
  }
  isBlank(): boolean {
    return this._read((c) => hasContent(c)).every((line) => line.every((x) => !x));
  }

  // ---- formats --------------------------------------------------------------------------
  getBackground(): string {
    return this._format('background', '#ffffff');
  }
  getBackgrounds(): string[][] {
    return this._formats('background', '#ffffff');
  }
  setBackground(color: string | null): this {
    return this._setFormat({ background: normalizeColor(color) });
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = [red, green, blue]
      .map((n) => Math.max(0, Math.min(255, n)).toString(16).padStart(2, '0'))
      .join('');
    return this._setFormat({ background: `#${hex}` });
  }
  setBackgrounds(colors: string[][]): this {
    return this._setFormats('setBackgrounds', colors, (v) => ({ background: normalizeColor(v) }));
  }
  getFontColor(): string {
    return this._format('fontColor', '#000000');
  }
  getFontColors(): string[][] {
    return this._formats('fontColor', '#000000');
  }
  setFontColor(color: string | null): this {
    return this._setFormat({ fontColor: normalizeColor(color) });
  }
  setFontColors(colors: string[][]): this {
    return this._setFormats('setFontColors', colors, (v) => ({ fontColor: normalizeColor(v) }));
  }
  getFontWeight(): string {
    return this._format('fontWeight', 'normal');
  }
  getFontWeights(): string[][] {
    return this._formats('fontWeight', 'normal');
  }
  setFontWeight(weight: string | null): this {
    return this._setFormat({ fontWeight: weight === 'bold' ? 'bold' : undefined });
  }
  setFontWeights(weights: string[][]): this {
    return this._setFormats('setFontWeights', weights, (v) => ({
      fontWeight: v === 'bold' ? 'bold' : undefined,
    }));
  }
  getFontStyle(): string {
    return this._format('fontStyle', 'normal');
  }
  getFontStyles(): string[][] {
    return this._formats('fontStyle', 'normal');
  }
  setFontStyle(style: string | null): this {
    return this._setFormat({ fontStyle: style === 'italic' ? 'italic' : undefined });
  }
  setFontStyles(styles: string[][]): this {
    return this._setFormats('setFontStyles', styles, (v) => ({
      fontStyle: v === 'italic' ? 'italic' : undefined,
    }));
  }
  getFontSize(): number {
    return this._format('fontSize', 10);
  }
  getFontSizes(): number[][] {
    return this._formats('fontSize', 10);
  }
  setFontSize(size: number | null): this {
    return this._setFormat({ fontSize: size ?? undefined });
  }
  setFontSizes(sizes: number[][]): this {
    return this._setFormats('setFontSizes', sizes, (v) => ({ fontSize: v === null ? undefined : Number(v) }));
  }
  getFontFamily(): string {
    return this._format('fontFamily', 'Arial');
  }
  getFontFamilies(): string[][] {
    return this._formats('fontFamily', 'Arial');
  }
  setFontFamily(family: string | null): this {
    return this._setFormat({ fontFamily: family ?? undefined });
  }
  setFontFamilies(families: string[][]): this {
    return this._setFormats('setFontFamilies', families, (v) => ({
      fontFamily: (v as string | null) ?? undefined,
    }));
  }
  getFontLine(): string {
    return this._format('fontLine', 'none');
  }
  getFontLines(): string[][] {
    return this._formats('fontLine', 'none');
  }
  _line(v: unknown): Partial<CellFormat> {
    return { fontLine: v === 'underline' || v === 'line-through' ? v : undefined };
  }
  setFontLine(line: string | null): this {
    return this._setFormat(this._line(line));
  }
  setFontLines(lines: string[][]): this {
    return this._setFormats('setFontLines', lines, (v) => this._line(v));
  }
  _halign(v: unknown): Partial<CellFormat> {
    const s = v === null || v === undefined ? '' : String(v).toLowerCase();
    return { horizontalAlignment: s === 'left' || s === 'center' || s === 'right' ? s : undefined };
  }
  getHorizontalAlignment(): string {
    return this._format('horizontalAlignment', 'general');
  }
  getHorizontalAlignments(): string[][] {
    return this._formats('horizontalAlignment', 'general');
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._setFormat(this._halign(alignment));
  }
  setHorizontalAlignments(alignments: string[][]): this {
    return this._setFormats('setHorizontalAlignments', alignments, (v) => this._halign(v));
  }
  _valign(v: unknown): Partial<CellFormat> {
    const s = v === null || v === undefined ? '' : String(v).toLowerCase();
    return { verticalAlignment: s === 'top' || s === 'middle' ? s : undefined };
  }
  getVerticalAlignment(): string {
    return this._format('verticalAlignment', 'bottom');
  }
  getVerticalAlignments(): string[][] {
    return this._formats('verticalAlignment', 'bottom');
  }
  setVerticalAlignment(alignment: string | null): this {
    return this._setFormat(this._valign(alignment));
  }
  setVerticalAlignments(alignments: string[][]): this {
    return this._setFormats('setVerticalAlignments', alignments, (v) => this._valign(v));
  }
  _wrap(v: unknown): Partial<CellFormat> {
    return v ? { wrap: true, wrapStrategy: 'WRAP' } : { wrap: undefined, wrapStrategy: undefined };
  }
  getWrap(): boolean {
    return this._format('wrap', false);
  }
  getWraps(): boolean[][] {
    return this._formats('wrap', false);
  }
  setWrap(isWrapEnabled: boolean): this {
    return this._setFormat(this._wrap(isWrapEnabled));
  }
  setWraps(isWrapEnabled: boolean[][]): this {
    return this._setFormats('setWraps', isWrapEnabled, (v) => this._wrap(v));
  }
  _strategy(v: unknown): Partial<CellFormat> {
    const s = enumName(v);
    if (s === 'WRAP') return { wrap: true, wrapStrategy: 'WRAP' };
    if (s === 'CLIP') return { wrap: false, wrapStrategy: 'CLIP' };
    return { wrap: undefined, wrapStrategy: undefined };
  }
  getWrapStrategy(): unknown {
    return WrapStrategy[this._format('wrapStrategy', 'OVERFLOW')];
  }
  getWrapStrategies(): unknown[][] {
    return this._formats('wrapStrategy', 'OVERFLOW').map((l) => l.map((s) => WrapStrategy[s]));
  }
  setWrapStrategy(strategy: unknown): this {
    return this._setFormat(this._strategy(strategy));
  }
  setWrapStrategies(strategies: unknown[][]): this {
    return this._setFormats('setWrapStrategies', strategies, (v) => this._strategy(v));
  }
  getNumberFormat(): string {
    return this._format('numberFormat', DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormats(): string[][] {
    return this._formats('numberFormat', DEFAULT_NUMBER_FORMAT);
  }
  /** "General" is stored as the automatic format: getNumberFormat then reports 0.###############. */
  setNumberFormat(numberFormat: string): this {
    return this._setFormat({ numberFormat: storedNumberFormat(numberFormat) });
  }
  setNumberFormats(numberFormats: string[][]): this {
    return this._setFormats('setNumberFormats', numberFormats, (v) => ({
      numberFormat: storedNumberFormat(v),
    }));
  }
  setTextRotation(degrees: number): this {
    return this._setFormat({
      textRotation: typeof degrees === 'number' && degrees !== 0 ? degrees : undefined,
    });
  }
  getNote(): string {
    return this._format('note', '');
  }
  getNotes(): string[][] {
    return this._formats('note', '');
  }
  setNote(note: string | null): this {
    checkCellText(this._ctx, note);
    return this._setFormat({ note: note ? String(note) : undefined });
  }
  setNotes(notes: (string | null)[][]): this {
    checkCellTexts(
      this._ctx,
      checkShape(this._ctx, 'setNotes', notes, this._rect.numRows, this._rect.numColumns),
    );
    return this._setFormats('setNotes', notes, (v) => ({ note: v ? String(v) : undefined }));
  }
  clearNote(): this {
    return this._setFormat({ note: undefined });
  }

  /**
   * setBorder(top, left, bottom, right, vertical, horizontal[, color, style]): true sets, false
   * removes, null leaves unchanged; vertical/horizontal are the internal borders.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setBorder(Boolean,Boolean,Boolean,Boolean,Boolean,Boolean,String,BorderStyle)
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: unknown,
  ): this {
    const { numRows, numColumns } = this._rect;
    const set = (on: boolean | null | undefined): BorderSide | undefined => side(on, color, style);
    const given = (v: boolean | null | undefined): boolean => v !== null && v !== undefined;
    this._write((cell, i, j) => {
      const patch: Partial<CellFormat> = {};
      if (given(top) && i === 0) patch.borderTop = set(top);
      if (given(bottom) && i === numRows - 1) patch.borderBottom = set(bottom);
      if (given(left) && j === 0) patch.borderLeft = set(left);
      if (given(right) && j === numColumns - 1) patch.borderRight = set(right);
      if (given(horizontal)) {
        if (i > 0) patch.borderTop = set(horizontal);
        if (i < numRows - 1) patch.borderBottom = set(horizontal);
      }
      if (given(vertical)) {
        if (j > 0) patch.borderLeft = set(vertical);
        if (j < numColumns - 1) patch.borderRight = set(vertical);
      }
      return Object.keys(patch).length ? withFormat(cell, patch) : cell;
    });
    return this;
  }

  // ---- clearing -------------------------------------------------------------------------
  /** clear(): contents and formats (notes too); options {contentsOnly, formatOnly, validationsOnly, commentsOnly}. */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    const contents = !any || !!o.contentsOnly;
    const formats = !any || !!o.formatOnly;
    if (contents || formats) {
      this._write((c) => {
        if (!c) return c;
        const fmt = formats ? (c.format?.note ? { note: c.format.note } : undefined) : c.format;
        return contents ? makeCell('', undefined, fmt) : makeCell(c.value, c.formula, fmt);
      });
    }
    if (o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return this;
  }
  clearContent(): this {
    this._write((c) => (c ? makeCell('', undefined, c.format) : c));
    return this;
  }
  clearFormat(): this {
    this._write((c) =>
      c ? makeCell(c.value, c.formula, c.format?.note ? { note: c.format.note } : undefined) : c,
    );
    return this;
  }

  // ---- merges ---------------------------------------------------------------------------
  _merge(rects: GridRect[]): this {
    const targets = rects.filter((r) => r.numRows * r.numColumns > 1);
    for (const t of targets) {
      for (const m of this._sheet.merges) {
        if (intersects(m, t) && !contains(t, m)) throw this._ctx.exception(MERGE_MISMATCH);
      }
    }
    this._ctx.mutate(this._sheet);
    this._sheet.merges = this._sheet.merges.filter((m) => !targets.some((t) => contains(t, m)));
    for (const t of targets) {
      this._sheet.merges.push({ ...t });
      // Merging keeps the top-left value only (like Sheets); formats stay.
      for (let i = 0; i < t.numRows; i++) {
        const row = this._sheet.rows[t.row + i];
        if (!row) continue;
        for (let j = i === 0 ? 1 : 0; j < t.numColumns; j++) {
          const c = row[t.column + j];
          if (c && hasContent(c)) row[t.column + j] = makeCell('', undefined, c.format);
        }
      }
    }
    return this;
  }
  merge(): this {
    return this._merge([this._rect]);
  }
  mergeAcross(): this {
    const r = this._rect;
    return this._merge(Array.from({ length: r.numRows }, (_, i) => ({ ...r, row: r.row + i, numRows: 1 })));
  }
  mergeVertically(): this {
    const r = this._rect;
    return this._merge(
      Array.from({ length: r.numColumns }, (_, j) => ({ ...r, column: r.column + j, numColumns: 1 })),
    );
  }
  breakApart(): this {
    const hit = this._sheet.merges.filter((m) => intersects(m, this._rect));
    if (hit.some((m) => !contains(this._rect, m))) throw this._ctx.exception(MERGE_MISMATCH);
    if (hit.length) {
      this._ctx.mutate(this._sheet);
      this._sheet.merges = this._sheet.merges.filter((m) => !intersects(m, this._rect));
    }
    return this;
  }
  getMergedRanges(): Gas[] {
    return this._sheet.merges
      .filter((m) => intersects(m, this._rect))
      .map((m) => newRange(this._ctx, this._sheet, { ...m }));
  }
  isPartOfMerge(): boolean {
    return this._sheet.merges.some((m) => intersects(m, this._rect));
  }

  // ---- data validation ------------------------------------------------------------------
  _clearValidation(rect: GridRect): void {
    this._ctx.mutate(this._sheet);
    this._sheet.validations = this._sheet.validations.flatMap((v) =>
      subtract(v.range, rect).map((range) => ({ range, rule: v.rule })),
    );
  }
  _spec(rule: unknown): DataValidationSpec {
    const impl = unwrap(rule);
    if (!(impl instanceof DataValidationImpl)) {
      throw this._ctx.exception(
        `The parameters (${typeName(rule)}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`,
      );
    }
    return structuredClone(impl._spec);
  }
  setDataValidation(rule: unknown): this {
    const spec = rule === null || rule === undefined ? null : this._spec(rule);
    this._clearValidation(this._rect);
    if (spec) this._sheet.validations.push({ range: { ...this._rect }, rule: spec });
    return this;
  }
  setDataValidations(rules: unknown[][]): this {
    const grid = checkShape(
      this._ctx,
      'setDataValidations',
      rules,
      this._rect.numRows,
      this._rect.numColumns,
    );
    this._clearValidation(this._rect);
    const { row, column } = this._rect;
    grid.forEach((line, i) => {
      let j = 0;
      while (j < line.length) {
        const rule = line[j];
        let k = j + 1;
        while (k < line.length && unwrap(line[k]) === unwrap(rule)) k++;
        if (rule !== null && rule !== undefined) {
          this._sheet.validations.push({
            range: { row: row + i, column: column + j, numRows: 1, numColumns: k - j },
            rule: this._spec(rule),
          });
        }
        j = k;
      }
    });
    return this;
  }
  _validationAt(r: number, c: number, entries = this._sheet.validations): DataValidationSpec | null {
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k].range;
      if (r >= e.row && r < e.row + e.numRows && c >= e.column && c < e.column + e.numColumns)
        return entries[k].rule;
    }
    return null;
  }
  getDataValidation(): unknown {
    const spec = this._validationAt(this._rect.row, this._rect.column);
    return spec ? newDataValidation(this._ctx, spec) : null;
  }
  getDataValidations(): unknown[][] {
    const entries = this._sheet.validations.filter((v) => intersects(v.range, this._rect));
    const { row, column, numRows, numColumns } = this._rect;
    return Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numColumns }, (__, j) => {
        const spec = this._validationAt(row + i, column + j, entries);
        return spec ? newDataValidation(this._ctx, spec) : null;
      }),
    );
  }
  clearDataValidations(): this {
    this._clearValidation(this._rect);
    return this;
  }
  /** Checkbox validation and FALSE in every cell. */
  insertCheckboxes(): this {
    this.setDataValidation(
      newDataValidation(this._ctx, { criteria: 'CHECKBOX', args: [], allowInvalid: false }),
    );
    this._write((c) => makeCell(false, undefined, c?.format));
    return this;
  }

  // ---- protection, copy -----------------------------------------------------------------
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this._ctx.mutate(this._sheet);
    const id = `protection-${this._ctx.state.nextId++}`;
    this._sheet.protections.push({
      id,
      type: 'RANGE',
      range: { ...this._rect },
      description: '',
      warningOnly: false,
      editors: [this._ctx.userEmail].filter(Boolean),
    });
    return newProtection(this._ctx, this._sheet, id);
  }

  /** copyTo(destination[, {contentsOnly, formatOnly}]): values, formulas and formats from the top-left of destination. */
  copyTo(destination: unknown, options?: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    const dest = unwrap(destination);
    if (!(dest instanceof RangeImpl)) throw this._ctx.exception('Workbench: Range.copyTo needs a Range');
    const src = this._read((c) => c);
    const { numRows, numColumns } = this._rect;
    const target = checkedRect(
      this._ctx,
      dest._sheet,
      dest._rect.row + 1,
      dest._rect.column + 1,
      numRows,
      numColumns,
    );
    const o = options ?? {};
    new RangeImpl(this._ctx, dest._sheet, target)._write((old, i, j) => {
      const s = src[i][j];
      if (o.contentsOnly) return makeCell(s ? s.value : '', s?.formula, old?.format);
      if (o.formatOnly) return makeCell(old ? old.value : '', old?.formula, s?.format);
      return s;
    });
  }
}
