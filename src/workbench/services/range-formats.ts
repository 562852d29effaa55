/**
 * Range, cell formats (a layer of the Range: ./range-base.ts): colours, fonts, alignment,
 * wrapping, number formats, text rotation and notes, each as a getter with Sheets' default, a
 * plural getter, a setter and a plural setter with the shape check.
 */
import type { CellFormat } from '../model';
import { DEFAULT_NUMBER_FORMAT, storedNumberFormat } from '../format/number-format';
import { enumName, WrapStrategy } from './enums';
import { normalizeColor } from './grid';
import { checkCellText, checkCellTexts } from './limits';
import { checkShape } from './range-base';
import { RangeValues } from './range-values';

export class RangeFormats extends RangeValues {
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
}
