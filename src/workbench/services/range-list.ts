/**
 * RangeList: https://developers.google.com/apps-script/reference/spreadsheet/range-list
 * Each method is one counted call however many ranges the list holds.
 */
import type { GridRect, SheetState } from '../model';
import type { Execution } from './context';
import { wrap } from './counter';
import { RangeImpl } from './range';
import { make } from './registry';

export function newRangeList(ctx: Execution, sheet: SheetState, rects: GridRect[]): unknown {
  return wrap(ctx, 'RangeList', new RangeListImpl(ctx, sheet, rects));
}

class RangeListImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
    readonly _rects: GridRect[],
  ) {}
  _each(fn: (r: RangeImpl) => void): this {
    for (const rect of this._rects) fn(new RangeImpl(this._ctx, this._sheet, rect));
    return this;
  }
  getRanges(): unknown[] {
    return this._rects.map((r) => make.range(this._ctx, this._sheet, { ...r }));
  }
  setBackground(color: string | null): this {
    return this._each((r) => r.setBackground(color));
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    return this._each((r) => r.setBackgroundRGB(red, green, blue));
  }
  setFontColor(color: string | null): this {
    return this._each((r) => r.setFontColor(color));
  }
  setFontWeight(weight: string | null): this {
    return this._each((r) => r.setFontWeight(weight));
  }
  setFontStyle(style: string | null): this {
    return this._each((r) => r.setFontStyle(style));
  }
  setFontSize(size: number | null): this {
    return this._each((r) => r.setFontSize(size));
  }
  setFontFamily(family: string | null): this {
    return this._each((r) => r.setFontFamily(family));
  }
  setFontLine(line: string | null): this {
    return this._each((r) => r.setFontLine(line));
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._each((r) => r.setHorizontalAlignment(alignment));
  }
  setVerticalAlignment(alignment: string | null): this {
    return this._each((r) => r.setVerticalAlignment(alignment));
  }
  setWrap(isWrapEnabled: boolean): this {
    return this._each((r) => r.setWrap(isWrapEnabled));
  }
  setWrapStrategy(strategy: unknown): this {
    return this._each((r) => r.setWrapStrategy(strategy));
  }
  setNumberFormat(format: string): this {
    return this._each((r) => r.setNumberFormat(format));
  }
  setTextRotation(degrees: number): this {
    return this._each((r) => r.setTextRotation(degrees));
  }
  setNote(note: string | null): this {
    return this._each((r) => r.setNote(note));
  }
  setValue(value: unknown): this {
    return this._each((r) => r.setValue(value));
  }
  setFormula(formula: string): this {
    return this._each((r) => r.setFormula(formula));
  }
  setBorder(...args: Parameters<RangeImpl['setBorder']>): this {
    return this._each((r) => r.setBorder(...args));
  }
  setDataValidation(rule: unknown): this {
    return this._each((r) => r.setDataValidation(rule));
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    return this._each((r) => r.clear(options));
  }
  clearContent(): this {
    return this._each((r) => r.clearContent());
  }
  clearFormat(): this {
    return this._each((r) => r.clearFormat());
  }
  clearDataValidations(): this {
    return this._each((r) => r.clearDataValidations());
  }
  clearNote(): this {
    return this._each((r) => r.clearNote());
  }
  breakApart(): this {
    return this._each((r) => r.breakApart());
  }
  insertCheckboxes(): this {
    return this._each((r) => r.insertCheckboxes());
  }
  activate(): this {
    this._ctx.state.activeSheetId = this._sheet.sheetId;
    return this;
  }
}
