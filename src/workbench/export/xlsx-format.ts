/**
 * Mapping of the workbench's {@link CellFormat} (Google Sheets vocabulary) to exceljs styles.
 *
 * Pure functions, no exceljs runtime dependency (types only), so they are cheap to call per cell.
 */
import type { Alignment, Border, BorderStyle, Borders, Fill, Font, Style } from 'exceljs';
import type { BorderSide, CellFormat, ConditionalRuleSpec } from '../model';

/** A few CSS colour names Apps Script accepts in setBackground()/setFontColor(). */
const NAMED_COLOURS: Record<string, string> = {
  black: '000000',
  white: 'FFFFFF',
  red: 'FF0000',
  green: '008000',
  lime: '00FF00',
  blue: '0000FF',
  yellow: 'FFFF00',
  cyan: '00FFFF',
  aqua: '00FFFF',
  magenta: 'FF00FF',
  fuchsia: 'FF00FF',
  gray: '808080',
  grey: '808080',
  silver: 'C0C0C0',
  maroon: '800000',
  olive: '808000',
  navy: '000080',
  purple: '800080',
  teal: '008080',
  orange: 'FFA500',
};

/** "#rrggbb" / "#rgb" / a basic CSS colour name → ARGB "FFRRGGBB"; anything else → undefined. */
export function toArgb(colour: string | null | undefined): string | undefined {
  if (!colour) return undefined;
  const c = colour.trim().toLowerCase();
  const named = NAMED_COLOURS[c];
  if (named) return `FF${named}`;
  let m = /^#?([0-9a-f]{6})$/.exec(c);
  if (m) return `FF${m[1].toUpperCase()}`;
  m = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (m) return `FF${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toUpperCase();
  return undefined;
}

/** SpreadsheetApp.BorderStyle name → Excel border style. Unknown names fall back to thin. */
const BORDER_STYLES: Record<string, BorderStyle> = {
  SOLID: 'thin',
  SOLID_MEDIUM: 'medium',
  SOLID_THICK: 'thick',
  DASHED: 'dashed',
  DOTTED: 'dotted',
  DOUBLE: 'double',
};

export function toBorderStyle(sheetsStyle: string): BorderStyle {
  return BORDER_STYLES[sheetsStyle.toUpperCase()] ?? 'thin';
}

function toBorder(side: BorderSide | undefined): Partial<Border> | undefined {
  if (!side || side.style.toUpperCase() === 'NONE') return undefined;
  const border: Partial<Border> = { style: toBorderStyle(side.style) };
  const argb = toArgb(side.color);
  if (argb) border.color = { argb };
  return border;
}

/** A solid fill; white is Sheets' default background and is left out (a white fill hides Excel's gridlines). */
export function toFill(background: string | undefined, conditional = false): Fill | undefined {
  const argb = toArgb(background);
  if (!argb || (!conditional && argb === 'FFFFFFFF')) return undefined;
  // Cell fills use fgColor; conditional-format (dxf) fills are drawn from bgColor. Set both.
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

export function toFont(format: Partial<CellFormat>): Partial<Font> | undefined {
  const font: Partial<Font> = {};
  if (format.fontFamily) font.name = format.fontFamily;
  if (typeof format.fontSize === 'number' && format.fontSize > 0) font.size = format.fontSize;
  const argb = toArgb(format.fontColor);
  if (argb) font.color = { argb };
  if (format.fontWeight === 'bold') font.bold = true;
  if (format.fontStyle === 'italic') font.italic = true;
  if (format.fontLine === 'underline') font.underline = true;
  if (format.fontLine === 'line-through') font.strike = true;
  return Object.keys(font).length > 0 ? font : undefined;
}

export function toAlignment(format: CellFormat): Partial<Alignment> | undefined {
  const alignment: Partial<Alignment> = {};
  const h = format.horizontalAlignment;
  if (h === 'left' || h === 'center' || h === 'right') alignment.horizontal = h; // 'general' = Excel's default
  const v = format.verticalAlignment;
  if (v === 'top' || v === 'middle' || v === 'bottom') alignment.vertical = v;
  // WRAP → wrapText. OVERFLOW and CLIP → no wrap: Excel has no "clip" mode; its text overflows into
  // empty neighbours and is clipped by non-empty ones, which is the closest it gets.
  const wraps = format.wrapStrategy ? format.wrapStrategy === 'WRAP' : format.wrap === true;
  if (wraps) alignment.wrapText = true;
  if (typeof format.textRotation === 'number' && format.textRotation !== 0) {
    alignment.textRotation = Math.max(-90, Math.min(90, Math.round(format.textRotation)));
  }
  return Object.keys(alignment).length > 0 ? alignment : undefined;
}

const BORDER_SIDES = [
  ['top', 'borderTop'],
  ['bottom', 'borderBottom'],
  ['left', 'borderLeft'],
  ['right', 'borderRight'],
] as const;

export function toBorders(format: CellFormat): Partial<Borders> | undefined {
  const borders: Partial<Borders> = {};
  for (const [side, key] of BORDER_SIDES) {
    const border = toBorder(format[key]);
    if (border) borders[side] = border;
  }
  return Object.keys(borders).length > 0 ? borders : undefined;
}

/**
 * The exceljs style of a cell, or undefined when everything is default.
 * `defaultNumFmt` applies when the format has no number format (used for dates);
 * `unlocked` marks a cell left editable inside a protected sheet.
 * The note is not a style; the caller writes it as a comment.
 */
export function toStyle(
  format: CellFormat | undefined,
  defaultNumFmt?: string,
  unlocked = false,
): Partial<Style> | undefined {
  const style: Partial<Style> = {};
  if (format) {
    const fill = toFill(format.background);
    if (fill) style.fill = fill;
    const font = toFont(format);
    if (font) style.font = font;
    const alignment = toAlignment(format);
    if (alignment) style.alignment = alignment;
    const border = toBorders(format);
    if (border) style.border = border;
    if (format.numberFormat) style.numFmt = format.numberFormat;
  }
  if (!style.numFmt && defaultNumFmt) style.numFmt = defaultNumFmt;
  if (unlocked) style.protection = { locked: false };
  return Object.keys(style).length > 0 ? style : undefined;
}

/** The differential style (fill/font) of a conditional-format rule. */
export function toConditionalStyle(format: ConditionalRuleSpec['format']): Partial<Style> {
  const style: Partial<Style> = {};
  const fill = toFill(format.background, true);
  if (fill) style.fill = fill;
  const font = toFont(format);
  if (font) style.font = font;
  return style;
}
