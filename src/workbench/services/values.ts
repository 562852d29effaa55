/**
 * How written values become cell contents, and how cells read back.
 *
 * Range.setValue(s) with a string behaves like typing that string into the cell: Sheets parses
 * it ("entered as if typed": https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
 * "if the value is a string starting with = it is interpreted as a formula"). Concretely:
 *  - "=..."                       → a formula (kept in Cell.formula; value stays "" — the
 *                                   workbench does not evaluate formulas);
 *  - "'text"                      → the text without the apostrophe (the quote-prefix escape);
 *  - any string in a cell whose number format is "@" (plain text) → stored verbatim;
 *  - numeric-looking ("007", "1.5", "-3", "1e3", "50%", "3201234567890123") → a number, with
 *    Sheets' 15 significant digits (a 16-digit NIK loses its last digit: 3201234567890123 →
 *    3201234567890120) — exactly the NIK bug real Sheets produces;
 *  - "TRUE"/"FALSE" (any case)    → booleans;
 *  - "yyyy-mm-dd" / "yyyy-mm-dd hh:mm[:ss]" → a Date in the spreadsheet time zone (and the
 *    cell gets a matching date number format when it had none, like Sheets' auto-format).
 * Locale-dependent forms (dd/mm/yyyy, "1.234,5") are not parsed: they stay text.
 * null/undefined → "" (blank); numbers, booleans and Dates are stored as they are.
 */
import { types } from 'node:util';
import type { Cell, CellValue } from '../model';
import { formatJavaDate, formatSheetsDate, isDateFormat, serialToMs, zonedToUtc } from './time';

export interface Coerced {
  value: CellValue;
  formula?: string;
  /** A number format Sheets would auto-apply (dates typed as text). */
  autoFormat?: string;
}

export const PLAIN_TEXT = '@';
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** What a date-time cell without an explicit number format displays as. */
export const DEFAULT_DATE_DISPLAY = 'd/M/yyyy H:mm:ss';

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function isDate(v: unknown): v is Date {
  return types.isDate(v);
}

/** Sheets keeps 15 significant digits. */
export function toSheetsNumber(n: number): number {
  if (Number.isInteger(n) && n < 1e15 && n > -1e15) return n;
  if (!Number.isFinite(n) || n === 0) return n;
  return Number(n.toPrecision(15));
}

export function coerceInput(v: unknown, numberFormat: string | undefined, timeZone: string): Coerced {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number') return { value: toSheetsNumber(v) };
  if (typeof v === 'boolean') return { value: v };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  if (typeof v !== 'string') {
    // Apps Script writes other objects through their string form.
    return coerceInput(String(v), numberFormat, timeZone);
  }
  if (v === '') return { value: '' };
  if (numberFormat === PLAIN_TEXT) return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith('=') && v.length > 1) return { value: '', formula: v };
  // Fast path: text that cannot be a number, boolean or date (the common case for names).
  const c0 = v.charCodeAt(0);
  if (c0 > 57 && c0 !== 84 && c0 !== 116 && c0 !== 70 && c0 !== 102) return { value: v };
  const t = v.trim();
  if (NUMERIC.test(t)) return { value: toSheetsNumber(Number(t)) };
  const pct = PERCENT.exec(t);
  if (pct) return { value: toSheetsNumber(Number(pct[1]) / 100), autoFormat: '0%' };
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return { value: true };
  if (upper === 'FALSE') return { value: false };
  const d = ISO_DATE.exec(t);
  if (d) {
    const [y, mo, da] = [Number(d[1]), Number(d[2]), Number(d[3])];
    const [h, mi, s] = [Number(d[4] ?? 0), Number(d[5] ?? 0), Number(d[6] ?? 0)];
    const valid = mo >= 1 && mo <= 12 && da >= 1 && da <= new Date(Date.UTC(y, mo, 0)).getUTCDate() && h < 24;
    if (valid) {
      return {
        value: new Date(zonedToUtc(y, mo, da, h, mi, s, 0, timeZone)),
        autoFormat:
          d[4] === undefined ? 'yyyy-mm-dd' : d[6] === undefined ? 'yyyy-mm-dd h:mm' : 'yyyy-mm-dd h:mm:ss',
      };
    }
  }
  return { value: v };
}

function formatNumber(n: number, format: string | undefined): string {
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === 'General' || format === PLAIN_TEXT) {
    if (Math.abs(n) >= 1e15)
      return n.toExponential(5).toUpperCase().replace(/E\+?/, 'E+').replace('E+-', 'E-');
    return String(toSheetsNumber(n));
  }
  const section = format.split(';')[0];
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const dot = section.indexOf('.');
  const decimals = dot < 0 ? 0 : (section.slice(dot + 1).match(/[0#]/g) ?? []).length;
  const optional = dot < 0 ? 0 : (section.slice(dot + 1).match(/#/g) ?? []).length;
  let s = Math.abs(value).toFixed(decimals);
  if (optional) s = s.replace(/0+$/, (z) => z.slice(0, Math.max(0, z.length - optional))).replace(/\.$/, '');
  if (section.includes(',')) {
    const [int, frac] = s.split('.');
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const prefix = (/^[^0#?.,]*/.exec(section)?.[0] ?? '').replace(/"/g, '');
  return (value < 0 ? '-' : '') + prefix + s + (percent ? '%' : '');
}

/** Range.getDisplayValue: the text Sheets shows for the cell. */
export function displayValue(cell: Cell | null, timeZone: string): string {
  if (!cell) return '';
  const v = cell.value;
  const fmt = cell.format?.numberFormat;
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (isDate(v)) {
    if (fmt && isDateFormat(fmt)) return formatSheetsDate(v.getTime(), timeZone, fmt);
    return formatJavaDate(v.getTime(), timeZone, DEFAULT_DATE_DISPLAY);
  }
  if (fmt && fmt !== PLAIN_TEXT && isDateFormat(fmt))
    return formatSheetsDate(serialToMs(v, timeZone), timeZone, fmt);
  return formatNumber(v, fmt);
}
