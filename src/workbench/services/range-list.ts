/**
 * RangeList: https://developers.google.com/apps-script/reference/spreadsheet/range-list
 * Each method is one counted call however many ranges the list holds: it calls the Range method
 * of the same name on every range, uncounted.
 */
import type { GridRect, SheetState } from '../model';
import type { Execution } from './context';
import { wrap } from './counter';
import { RangeImpl } from './range';
import { defineMethod } from './methods';
import { make } from './registry';

type Method = (...args: unknown[]) => unknown;

export function newRangeList(ctx: Execution, sheet: SheetState, rects: GridRect[]): unknown {
  return wrap(ctx, 'RangeList', new RangeListImpl(ctx, sheet, rects));
}

/** The Range methods a RangeList applies to each of its ranges, returning the list. */
const EACH = [
  'setBackground',
  'setBackgroundRGB',
  'setFontColor',
  'setFontWeight',
  'setFontStyle',
  'setFontSize',
  'setFontFamily',
  'setFontLine',
  'setHorizontalAlignment',
  'setVerticalAlignment',
  'setWrap',
  'setWrapStrategy',
  'setNumberFormat',
  'setTextRotation',
  'setNote',
  'setValue',
  'setFormula',
  'setBorder',
  'setDataValidation',
  'clear',
  'clearContent',
  'clearFormat',
  'clearDataValidations',
  'clearNote',
  'breakApart',
  'insertCheckboxes',
];

class RangeListImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
    readonly _rects: GridRect[],
  ) {}
  getRanges(): unknown[] {
    return this._rects.map((r) => make.range(this._ctx, this._sheet, { ...r }));
  }
  activate(): this {
    this._ctx.state.activeSheetId = this._sheet.sheetId;
    return this;
  }
}

for (const name of EACH) {
  defineMethod(RangeListImpl, name, function (...args) {
    for (const rect of this._rects) {
      const range = new RangeImpl(this._ctx, this._sheet, rect) as unknown as Record<string, Method>;
      range[name](...args);
    }
    return this;
  });
}
