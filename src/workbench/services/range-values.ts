/**
 * Range, values and formulas (a layer of the Range: ./range-base.ts): reading values as the script
 * sees them, writing them as typed (./typed-input.ts), display values (../format/display.ts).
 */
import type { Cell } from '../model';
import { displayValue, isDate } from '../format/display';
import type { Execution } from './context';
import { hasContent, makeCell } from './grid';
import { checkCellText, checkCellTexts } from './limits';
import { checkShape, RangeBase } from './range-base';
import { coerceInput } from './typed-input';

/**
 * The cell after a script writes `input` into `cell`: the value as typed, and the number format
 * Sheets auto-applies when the cell has none. setValue(s) and Sheet.appendRow write through this.
 */
export function typedCell(ctx: Execution, cell: Cell | null, input: unknown): Cell | null {
  const st = ctx.state;
  const co = coerceInput(input, cell?.format?.numberFormat, st.timeZone, st.locale, ctx.now);
  let fmt = cell?.format;
  if (co.autoFormat && !fmt?.numberFormat) fmt = { ...fmt, numberFormat: co.autoFormat };
  return makeCell(co.value, co.formula, fmt);
}

export class RangeValues extends RangeBase {
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
  setValue(value: unknown): this {
    checkCellText(this._ctx, value);
    this._write((c) => typedCell(this._ctx, c, value));
    return this;
  }
  setValues(values: unknown[][]): this {
    const grid = checkShape(this._ctx, 'setValues', values, this._rect.numRows, this._rect.numColumns);
    checkCellTexts(this._ctx, grid);
    this._write((c, i, j) => typedCell(this._ctx, c, grid[i][j]));
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
}
