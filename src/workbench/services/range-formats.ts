/**
 * Range, cell formats (a layer of the Range: ./range-base.ts): colours, fonts, alignment,
 * wrapping, number formats and notes. Each property is one row of {@link FORMAT_PROPERTIES} and
 * gets Apps Script's four methods: getX (first cell, with Sheets' default), getXs (every cell),
 * setX and setXs (with the shape check), e.g. getBackground, getBackgrounds, setBackground,
 * setBackgrounds.
 */
import type { CellFormat } from '../model';
import { DEFAULT_NUMBER_FORMAT, storedNumberFormat } from '../format/number-format';
import { enumName, WrapStrategy } from './enums';
import { normalizeColor } from './grid';
import { checkCellText, checkCellTexts } from './limits';
import { defineMethod } from './methods';
import { checkShape } from './range-base';
import { RangeValues } from './range-values';
import { textStyleOf, textStylePatch } from './text-style';

type Patch = Partial<CellFormat>;

interface FormatProperty {
  /** The names in the methods' names: get<one>, get<many>, set<one>, set<many>. */
  one: string;
  many: string;
  key: keyof CellFormat;
  /** What the getters report for a cell without the property. */
  dflt: unknown;
  /** The format change a setter makes for one given value. */
  set: (v: unknown) => Patch;
  /** When set<many> converts its values differently. */
  setMany?: (v: unknown) => Patch;
  /** What the getters give the script for a stored value (an enum). */
  shown?: (stored: unknown) => unknown;
  /** Text that counts toward the cell's 50,000-character limit. */
  text?: boolean;
}

/** A property whose setter stores `value(v)` under `key` (undefined: Sheets' default). */
function property(
  one: string,
  many: string,
  key: keyof CellFormat,
  dflt: unknown,
  value: (v: unknown) => unknown,
  more: Partial<FormatProperty> = {},
): FormatProperty {
  return { one, many, key, dflt, set: (v) => ({ [key]: value(v) }), ...more };
}

/** The value when it is one of `allowed` (any case), else undefined. */
const oneOf =
  (...allowed: string[]) =>
  (v: unknown): string | undefined => {
    const s = v === null || v === undefined ? '' : String(v).toLowerCase();
    return allowed.includes(s) ? s : undefined;
  };
const orDefault = (v: unknown): unknown => v ?? undefined;

const wrapped = (v: unknown): Patch =>
  v ? { wrap: true, wrapStrategy: 'WRAP' } : { wrap: undefined, wrapStrategy: undefined };

function strategy(v: unknown): Patch {
  const s = enumName(v);
  if (s === 'WRAP') return { wrap: true, wrapStrategy: 'WRAP' };
  if (s === 'CLIP') return { wrap: false, wrapStrategy: 'CLIP' };
  return { wrap: undefined, wrapStrategy: undefined };
}

export const FORMAT_PROPERTIES: readonly FormatProperty[] = [
  property('Background', 'Backgrounds', 'background', '#ffffff', normalizeColor),
  property('FontColor', 'FontColors', 'fontColor', '#000000', normalizeColor),
  property('FontWeight', 'FontWeights', 'fontWeight', 'normal', (v) => (v === 'bold' ? v : undefined)),
  property('FontStyle', 'FontStyles', 'fontStyle', 'normal', (v) => (v === 'italic' ? v : undefined)),
  property('FontSize', 'FontSizes', 'fontSize', 10, orDefault, {
    setMany: (v) => ({ fontSize: v === null ? undefined : Number(v) }),
  }),
  property('FontFamily', 'FontFamilies', 'fontFamily', 'Arial', orDefault),
  property('FontLine', 'FontLines', 'fontLine', 'none', (v) =>
    v === 'underline' || v === 'line-through' ? v : undefined,
  ),
  property(
    'HorizontalAlignment',
    'HorizontalAlignments',
    'horizontalAlignment',
    'general',
    oneOf('left', 'center', 'right'),
  ),
  property('VerticalAlignment', 'VerticalAlignments', 'verticalAlignment', 'bottom', oneOf('top', 'middle')),
  { one: 'Wrap', many: 'Wraps', key: 'wrap', dflt: false, set: wrapped },
  {
    one: 'WrapStrategy',
    many: 'WrapStrategies',
    key: 'wrapStrategy',
    dflt: 'OVERFLOW',
    set: strategy,
    shown: (s) => WrapStrategy[s as keyof typeof WrapStrategy],
  },
  // "General" is stored as the automatic format: getNumberFormat then reports 0.###############.
  property('NumberFormat', 'NumberFormats', 'numberFormat', DEFAULT_NUMBER_FORMAT, storedNumberFormat),
  property('Note', 'Notes', 'note', '', (v) => (v ? String(v) : undefined), { text: true }),
];

export class RangeFormats extends RangeValues {
  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = [red, green, blue]
      .map((n) => Math.max(0, Math.min(255, n)).toString(16).padStart(2, '0'))
      .join('');
    return this._setFormat({ background: `#${hex}` });
  }
  setTextRotation(degrees: number): this {
    return this._setFormat({
      textRotation: typeof degrees === 'number' && degrees !== 0 ? degrees : undefined,
    });
  }
  clearNote(): this {
    return this._setFormat({ note: undefined });
  }
  /** A text style's attributes in one call (./text-style.ts); unset ones are left as they are. */
  setTextStyle(style: unknown): this {
    return this._setFormat(textStylePatch(this._ctx, 'setTextStyle', style));
  }
  setTextStyles(styles: unknown): this {
    // Every entry is checked before any cell is written: a bad one writes nothing.
    const grid = checkShape(this._ctx, 'setTextStyles', styles, this._rect.numRows, this._rect.numColumns);
    const patches = grid.map((row) => row.map((style) => textStylePatch(this._ctx, 'setTextStyles', style)));
    return this._setFormats('setTextStyles', patches, (patch) => patch as Patch);
  }
  getTextStyle(): GoogleAppsScript.Spreadsheet.TextStyle {
    return textStyleOf(this._ctx, this._first()?.format);
  }
  getTextStyles(): GoogleAppsScript.Spreadsheet.TextStyle[][] {
    return this._read((cell) => textStyleOf(this._ctx, cell?.format));
  }
}

const method = (name: string, fn: (this: RangeFormats, v?: unknown) => unknown): void =>
  defineMethod(RangeFormats, name, fn);

for (const p of FORMAT_PROPERTIES) {
  const shown = p.shown ?? ((v: unknown) => v);
  const dflt = p.dflt as NonNullable<CellFormat[typeof p.key]>;
  method(`get${p.one}`, function () {
    return shown(this._format(p.key, dflt));
  });
  method(`get${p.many}`, function () {
    return this._formats(p.key, dflt).map((line) => line.map(shown));
  });
  method(`set${p.one}`, function (v) {
    if (p.text) checkCellText(this._ctx, v);
    return this._setFormat(p.set(v));
  });
  method(`set${p.many}`, function (grid) {
    const name = `set${p.many}`;
    if (p.text)
      checkCellTexts(this._ctx, checkShape(this._ctx, name, grid, this._rect.numRows, this._rect.numColumns));
    return this._setFormats(name, grid, p.setMany ?? p.set);
  });
}
