/**
 * TextStyle and TextStyleBuilder (SpreadsheetApp.newTextStyle), and what Range.setTextStyle(s)
 * stores: https://developers.google.com/apps-script/reference/spreadsheet/text-style-builder,
 * https://developers.google.com/apps-script/reference/spreadsheet/text-style. A text style is a
 * cell's bold, italic, size, family, colour and line in one value; the emulation stores it in the
 * same cell format fields the single setters use (setFontWeight, setFontSize, …).
 *
 * What a style that leaves an attribute unset does to a cell's attribute is not documented: the
 * workbench leaves it as it is (FIDELITY.md). The add-in writes text styles only onto a new sheet,
 * where leaving and resetting to Sheets' default come to the same.
 */
import type { CellFormat } from '../model';
import type { Execution } from './context';
import { unwrap, wrap } from './counter';
import { normalizeColor } from './grid';
import { typeName } from './range-base';

export interface TextStyleSpec {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontFamily?: string;
  foregroundColor?: string;
  underline?: boolean;
  strikethrough?: boolean;
}

export function newTextStyle(ctx: Execution, spec: TextStyleSpec): GoogleAppsScript.Spreadsheet.TextStyle {
  return wrap(
    ctx,
    'TextStyle',
    new TextStyleImpl(ctx, spec),
  ) as unknown as GoogleAppsScript.Spreadsheet.TextStyle;
}

export function newTextStyleBuilder(ctx: Execution, spec: TextStyleSpec = {}): unknown {
  return wrap(ctx, 'TextStyleBuilder', new TextStyleBuilderImpl(ctx, spec));
}

class TextStyleImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _spec: TextStyleSpec,
  ) {}
  copy(): unknown {
    return newTextStyleBuilder(this._ctx, { ...this._spec });
  }
  getFontFamily(): string | null {
    return this._spec.fontFamily ?? null;
  }
  getFontSize(): number | null {
    return this._spec.fontSize ?? null;
  }
  getForegroundColor(): string | null {
    return this._spec.foregroundColor ?? null;
  }
  isBold(): boolean | null {
    return this._spec.bold ?? null;
  }
  isItalic(): boolean | null {
    return this._spec.italic ?? null;
  }
  isStrikethrough(): boolean | null {
    return this._spec.strikethrough ?? null;
  }
  isUnderline(): boolean | null {
    return this._spec.underline ?? null;
  }
}

class TextStyleBuilderImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _spec: TextStyleSpec,
  ) {}
  build(): unknown {
    return newTextStyle(this._ctx, { ...this._spec });
  }
  setBold(bold: boolean): this {
    this._spec.bold = !!bold;
    return this;
  }
  setItalic(italic: boolean): this {
    this._spec.italic = !!italic;
    return this;
  }
  setFontSize(fontSize: number): this {
    this._spec.fontSize = Number(fontSize);
    return this;
  }
  setFontFamily(fontFamily: string): this {
    this._spec.fontFamily = String(fontFamily);
    return this;
  }
  setForegroundColor(cssString: string): this {
    const color = normalizeColor(cssString);
    if (color === undefined) delete this._spec.foregroundColor;
    else this._spec.foregroundColor = color;
    return this;
  }
  setUnderline(underline: boolean): this {
    this._spec.underline = !!underline;
    return this;
  }
  setStrikethrough(strikethrough: boolean): this {
    this._spec.strikethrough = !!strikethrough;
    return this;
  }
}

/** The cell format change one built text style makes; anything else (a builder, null) throws. */
export function textStylePatch(ctx: Execution, method: string, style: unknown): Partial<CellFormat> {
  const impl = unwrap(style);
  if (!(impl instanceof TextStyleImpl))
    throw ctx.exception(
      `The parameters (${typeName(style)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  const s = impl._spec;
  if (s.underline && s.strikethrough)
    throw ctx.exception('Workbench: a text style both underlined and struck through is not emulated');
  const patch: Partial<CellFormat> = {};
  if (s.bold !== undefined) patch.fontWeight = s.bold ? 'bold' : undefined;
  if (s.italic !== undefined) patch.fontStyle = s.italic ? 'italic' : undefined;
  if (s.fontSize !== undefined) patch.fontSize = s.fontSize;
  if (s.fontFamily !== undefined) patch.fontFamily = s.fontFamily;
  if (s.foregroundColor !== undefined) patch.fontColor = s.foregroundColor;
  if (s.underline !== undefined || s.strikethrough !== undefined)
    patch.fontLine = s.underline ? 'underline' : s.strikethrough ? 'line-through' : undefined;
  return patch;
}

/** A cell's text style as getTextStyle(s) report it: every attribute, Sheets' default where unset. */
export function textStyleOf(
  ctx: Execution,
  format: CellFormat | undefined,
): GoogleAppsScript.Spreadsheet.TextStyle {
  return newTextStyle(ctx, {
    bold: format?.fontWeight === 'bold',
    italic: format?.fontStyle === 'italic',
    fontSize: format?.fontSize ?? 10,
    fontFamily: format?.fontFamily ?? 'Arial',
    foregroundColor: format?.fontColor ?? '#000000',
    underline: format?.fontLine === 'underline',
    strikethrough: format?.fontLine === 'line-through',
  });
}
