/**
 * How written values become cell contents, and how cells read back.
 *
 * Range.setValue(s) with a string behaves like typing that string into the cell
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object):
 * a string starting with "=" is a formula; Sheets parses the rest "as if the user typed them into
 * the UI ... strings may be converted to numbers, dates, etc." —
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption, USER_ENTERED).
 * Typing is parsed per the SPREADSHEET's locale (./locale.ts; id_ID by default). Concretely:
 *  - "=..."  → a formula (kept in Cell.formula; value stays "" — formulas are not evaluated);
 *  - "'text" → the text without the apostrophe (https://support.google.com/docs/answer/3094240);
 *  - any string in a cell whose number format is "@" (plain text) → stored verbatim;
 *  - numbers with the locale's separators (id_ID "1.234,5", "3,5"; en_US "1,234.5"), signs,
 *    scientific notation ("1e3"), percents ("50%", "50 %"), currency ("Rp 100", "Rp. 1.000",
 *    "$100", "100 $" — every symbol in either locale), accounting negatives "(100)";
 *    every typed number keeps 15 significant digits (a 16-digit NIK 3201234567890123 becomes
 *    3201234567890120 — the bug real Sheets produces);
 *  - booleans TRUE/FALSE (any case; in id_ID also BENAR/SALAH — assumed);
 *  - dates in digits in the locale's order (id_ID d/m/y, en_US m/d/y; separators / - .), ISO
 *    y-m-d, month-year ("12/2024"), day-month without a year (current year);
 *  - dates with English or Indonesian month names, full or short, with an optional weekday
 *    ("15 April", "April 2024", "15 Agustus 2024", "Aug 15, 2024", "Senin, 1 Jan 2024");
 *  - times ("9:30", "9:30 PM", "10am"; in id_ID also "21.30", CLDR's HH.mm) → a Date on
 *    1899-12-30 (Sheets' day zero), and date-times (a date, a space or "T", a time);
 *  - fractions that are not dates ("13/2" in en_US, "1 1/2") → numbers;
 *  - digits with misplaced group separators ("1,5" in en_US, "123.45" in id_ID) → numbers.
 * Where the exact Sheets rule is unknown the string is treated as converted (docs/FIDELITY.md,
 * "Values as Sheets parses them"): a test can only be stricter than real Sheets.
 * A converted value gets the number format Sheets auto-applies (when the cell has none).
 * null/undefined → "" (blank). Numbers written as numbers keep their exact double (only typed
 * digits lose precision); booleans and Dates are stored as they are.
 *
 * Display values (getDisplayValue) render with the locale's separators and month names; the
 * General format shows at most 15 significant digits.
 */
import { types } from 'node:util';
import type { Cell, CellValue } from '../model';
import type { LocaleRules } from './locale';
import { localeRules, MONTH_WORDS, WEEKDAY_WORDS } from './locale';
import {
  EN_MONTHS,
  formatJavaDate,
  formatSheetsDate,
  ID_MONTHS,
  isDateFormat,
  serialToMs,
  zonedParts,
  zonedToUtc,
} from './time';

export interface Coerced {
  value: CellValue;
  formula?: string;
  /** A number format Sheets would auto-apply (dates, percents, currency typed as text). */
  autoFormat?: string;
}

export const PLAIN_TEXT = '@';
/** What getNumberFormat reports for a cell with the automatic ("General") format. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

export function isDate(v: unknown): v is Date {
  return types.isDate(v);
}

/** Sheets keeps 15 significant digits of a number typed as text. */
export function toSheetsNumber(n: number): number {
  if (Number.isInteger(n) && n < 1e15 && n > -1e15) return n;
  if (!Number.isFinite(n) || n === 0) return n;
  return Number(n.toPrecision(15));
}

/**
 * The number format stored for setNumberFormat(s): "General" (any case) and "" are the automatic
 * format, which getNumberFormat reports as {@link DEFAULT_NUMBER_FORMAT}.
 */
export function storedNumberFormat(format: unknown): string | undefined {
  if (format === null || format === undefined || format === '') return undefined;
  const s = String(format);
  return s.toLowerCase() === 'general' ? undefined : s;
}

/**
 * What Sheets stores when a script writes `v` into a cell whose number format is `numberFormat`.
 * `locale` is the spreadsheet locale (default id_ID); `now` gives the current year for dates
 * typed without one.
 */
export function coerceInput(
  v: unknown,
  numberFormat: string | undefined,
  timeZone: string,
  locale?: string,
  now?: () => Date,
): Coerced {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number') return { value: v };
  if (typeof v === 'boolean') return { value: v };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  if (typeof v !== 'string') {
    // Apps Script writes other objects through their string form.
    return coerceInput(String(v), numberFormat, timeZone, locale, now);
  }
  if (v === '') return { value: '' };
  if (numberFormat === PLAIN_TEXT) return { value: v };
  const c0 = v.charCodeAt(0);
  if (c0 === 39) return { value: v.slice(1) }; // '
  if (c0 === 61 && v.length > 1) return { value: '', formula: v }; // =
  return parseTyped(v, localeRules(locale), timeZone, now);
}

// ---- typed strings ---------------------------------------------------------------------------

/** Words (besides month and weekday names) that a convertible string may contain. */
const OTHER_WORDS = new Set(['am', 'pm', 'a', 'p', 'm', 'rp', 'idr', 'us', 'usd', 't', 'e']);
const FULL_MONTHS = new Set([...EN_MONTHS, ...ID_MONTHS].map((m) => m.toLowerCase()));
const WORD = /[A-Za-z]+/g;

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A number naming a word of up to 10 ASCII letters, case-insensitive, without allocating. */
function wordKey(s: string, end: number): number {
  let k = 0;
  for (let i = 0; i < end; i++) k = k * 32 + ((s.charCodeAt(i) | 32) - 96);
  return k;
}
/** Keys of the words a convertible string may start with: months, weekdays, currencies, booleans. */
const START_KEYS = new Set(
  [...MONTH_WORDS.keys(), ...WEEKDAY_WORDS, 'rp', 'idr', 'us', 'usd', 'true', 'false', 'benar', 'salah'].map(
    (w) => wordKey(w, w.length),
  ),
);

function parseTyped(v: string, r: LocaleRules, tz: string, now: (() => Date) | undefined): Coerced {
  // Fast path for names: a string that starts with a word converts only if that word is a
  // month or weekday name, a currency or a boolean.
  if (isLetter(v.charCodeAt(0))) {
    let i = 1;
    while (i < v.length && isLetter(v.charCodeAt(i))) i++;
    if (i > 10 || !START_KEYS.has(wordKey(v, i))) return { value: v };
  }
  // Without a digit only a boolean can convert.
  let digit = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digit = true;
      break;
    }
  }
  if (!digit) {
    if (v.length > 12) return { value: v };
    const b = r.booleans[v.trim().toUpperCase()];
    return b === undefined ? { value: v } : { value: b };
  }
  const t = v.trim();
  // Any other word ("Kelas 3A", "Jl. Merdeka 10") keeps the string text.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(t); m; m = WORD.exec(t)) {
    const w = m[0].toLowerCase();
    if (!OTHER_WORDS.has(w) && !MONTH_WORDS.has(w) && !WEEKDAY_WORDS.has(w)) return { value: v };
  }
  return (
    parseNumber(t, r) ??
    parseDateTime(t, r, tz, now) ??
    parseFraction(t) ??
    parseLooseGroups(t, r) ?? { value: v }
  );
}

const esc = (c: string): string => (c === '.' ? '\\.' : c);
const numberRe = new Map<string, RegExp>();
const looseRe = new Map<string, RegExp>();

/** int (plain, or grouped by 3 with the group separator), fraction, exponent. */
function numberRegex(r: LocaleRules): RegExp {
  const key = r.decimal + r.group;
  let re = numberRe.get(key);
  if (!re) {
    const g = esc(r.group);
    const d = esc(r.decimal);
    re = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d*))?(?:[eE]([+-]?\\d+))?$`);
    numberRe.set(key, re);
  }
  return re;
}

const CUR_PREFIX = /^(rp\.?|idr|us\$|usd|\$|€|£|¥)\s*/i;
const CUR_SUFFIX = /\s*(rp|idr|usd|\$|€)$/i;

function currencyFormat(symbol: string): string {
  const s = symbol.toLowerCase();
  const shown = s.startsWith('rp') || s === 'idr' ? 'Rp' : s === 'us$' || s === 'usd' ? '$' : symbol;
  return `"${shown}"#,##0.00`;
}

/** Numbers, percents, currency amounts, accounting negatives. */
function parseNumber(t: string, r: LocaleRules): Coerced | null {
  let s = t;
  let neg = false;
  if (s.charCodeAt(0) === 40 && s.endsWith(')')) {
    neg = true;
    s = s.slice(1, -1).trim();
  }
  let signed = false;
  const sign = (): void => {
    const c = s[0];
    if (!signed && (c === '-' || c === '+')) {
      signed = true;
      if (c === '-') neg = !neg;
      s = s.slice(1).trimStart();
    }
  };
  sign();
  let cur: string | undefined;
  let m = CUR_PREFIX.exec(s);
  if (m) {
    cur = m[1];
    s = s.slice(m[0].length);
    sign();
  }
  let pct = false;
  if (s.endsWith('%')) {
    pct = true;
    s = s.slice(0, -1).trimEnd();
  } else if (!cur && (m = CUR_SUFFIX.exec(s))) {
    cur = m[1];
    s = s.slice(0, m.index);
  }
  if (pct && cur) return null;
  const n = numberRegex(r).exec(s);
  if (!n) return null;
  const [, int = '', frac, exp] = n;
  if (int === '' && !frac) return null;
  const grouped = int.includes(r.group);
  let value = Number(`${grouped ? int.split(r.group).join('') : int || '0'}.${frac ?? ''}e${exp ?? 0}`);
  if (!Number.isFinite(value)) return null;
  if (pct) value /= 100;
  value = toSheetsNumber(value);
  if (neg && value !== 0) value = -value;
  let autoFormat: string | undefined;
  if (pct) autoFormat = frac ? '0.00%' : '0%';
  else if (cur) autoFormat = currencyFormat(cur);
  else if (exp !== undefined) autoFormat = '0.00E+00';
  else if (grouped) autoFormat = '#,##0' + (frac ? `.${'0'.repeat(frac.length)}` : '');
  return autoFormat ? { value, autoFormat } : { value };
}

interface TimeParts {
  h: number;
  mi: number;
  s: number;
  ms: number;
  format: string;
}

const TIME =
  /^(\d{1,2})(?:([:.])(\d{2})(?:\2(\d{2})(?:[.,](\d{1,3}))?)?)?(?:\s*(am|pm|a\.m\.|p\.m\.|a|p))?$/i;
const TIME_SUFFIX =
  /\s+(\d{1,2}(?:[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d{1,3})?)?)?(?:\s*(?:am|pm|a\.m\.|p\.m\.|a|p))?)$/i;

function parseTime(t: string, r: LocaleRules): TimeParts | null {
  const m = TIME.exec(t);
  if (!m) return null;
  const [, hh, sep, mm, ss, frac, ampm] = m;
  if (!sep && !ampm) return null;
  if (sep === '.' && !r.dotTime && !ampm) return null;
  let h = Number(hh);
  const mi = mm === undefined ? 0 : Number(mm);
  const s = ss === undefined ? 0 : Number(ss);
  if (mi > 59 || s > 59) return null;
  if (ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ampm[0].toLowerCase() === 'p' ? 12 : 0);
  } else if (h > 23) return null;
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  const sp = sep ?? ':';
  const format = `h${sp}mm${ss === undefined ? '' : `${sp}ss`}${ampm ? ' am/pm' : ''}`;
  return { h, mi, s, ms, format };
}

interface DateParts {
  y: number;
  mo: number;
  d: number;
  format: string;
}

const DATE3 = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/;
const DATE2 = /^(\d{1,4})([/.-])(\d{1,4})$/;
const DATE_SPLIT = /[\s,.\-/]+/;

/** Two-digit years: 00-29 → 20xx, 30-99 → 19xx (assumed, the spreadsheet convention). */
function fullYear(digits: string): number {
  const y = Number(digits);
  if (digits.length > 2 && y >= 100) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function parseDate(t: string, r: LocaleRules, year: () => number): DateParts | null {
  let m = DATE3.exec(t);
  if (m) {
    const [, a, sep, b, c] = m;
    if (a.length >= 3) return { y: fullYear(a), mo: Number(b), d: Number(c), format: `yyyy${sep}mm${sep}dd` };
    if (r.dateOrder === 'DMY')
      return { y: fullYear(c), mo: Number(b), d: Number(a), format: `d${sep}m${sep}yyyy` };
    return { y: fullYear(c), mo: Number(a), d: Number(b), format: `m${sep}d${sep}yyyy` };
  }
  m = DATE2.exec(t);
  if (m) {
    const [, a, sep, b] = m;
    if (a.length >= 3) return { y: fullYear(a), mo: Number(b), d: 1, format: `yyyy${sep}mm` };
    if (b.length >= 3) return { y: fullYear(b), mo: Number(a), d: 1, format: `m${sep}yyyy` };
    if (r.dateOrder === 'DMY') return { y: year(), mo: Number(b), d: Number(a), format: `d${sep}m` };
    return { y: year(), mo: Number(a), d: Number(b), format: `m${sep}d` };
  }
  // Month names (English or Indonesian, in either locale), optional leading weekday.
  const parts = t.split(DATE_SPLIT).filter((p) => p !== '');
  if (parts.length && WEEKDAY_WORDS.has(parts[0].toLowerCase())) parts.shift();
  let month = 0;
  let monthAt = -1;
  let shape = '';
  for (const [i, p] of parts.entries()) {
    const c = p.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (!/^\d{1,4}$/.test(p)) return null;
      shape += 'N';
    } else {
      const mo = MONTH_WORDS.get(p.toLowerCase());
      if (!mo || monthAt >= 0) return null;
      month = mo;
      monthAt = i;
      shape += 'M';
    }
  }
  if (monthAt < 0) return null;
  const mf = FULL_MONTHS.has(parts[monthAt].toLowerCase()) ? 'mmmm' : 'mmm';
  const num = (i: number): number => Number(parts[i]);
  switch (shape) {
    case 'NM':
      return { y: year(), mo: month, d: num(0), format: `d ${mf}` };
    case 'NMN':
      return { y: fullYear(parts[2]), mo: month, d: num(0), format: `d ${mf} yyyy` };
    case 'MN':
      if (parts[1].length >= 3 || num(1) > 31)
        return { y: fullYear(parts[1]), mo: month, d: 1, format: `${mf} yyyy` };
      return { y: year(), mo: month, d: num(1), format: `${mf} d` };
    case 'MNN':
      return { y: fullYear(parts[2]), mo: month, d: num(1), format: `${mf} d, yyyy` };
    default:
      return null;
  }
}

function validDate(p: DateParts): boolean {
  return p.mo >= 1 && p.mo <= 12 && p.d >= 1 && p.d <= new Date(Date.UTC(p.y, p.mo, 0)).getUTCDate();
}

/** Dates, times and date-times. */
function parseDateTime(t: string, r: LocaleRules, tz: string, now: (() => Date) | undefined): Coerced | null {
  if (t.length > 64) return null; // no date is that long; bounds TIME_SUFFIX backtracking
  let year: number | undefined;
  const currentYear = (): number => (year ??= zonedParts((now ? now() : new Date()).getTime(), tz).year);
  const time = parseTime(t, r);
  if (time) {
    return {
      value: new Date(zonedToUtc(1899, 12, 30, time.h, time.mi, time.s, time.ms, tz)),
      autoFormat: time.format,
    };
  }
  let date: DateParts | null = null;
  let at: TimeParts | null = null;
  const iso = /^(\d{4}-\d{1,2}-\d{1,2})T(.+)$/i.exec(t);
  const suffix = iso ? null : TIME_SUFFIX.exec(t);
  if (iso) {
    at = parseTime(iso[2], r);
    date = at && parseDate(iso[1], r, currentYear);
  } else if (suffix) {
    at = parseTime(suffix[1], r);
    date = at && parseDate(t.slice(0, suffix.index), r, currentYear);
  }
  if (!date) {
    at = null;
    date = parseDate(t, r, currentYear);
  }
  if (!date || !validDate(date)) return null;
  const ms = zonedToUtc(date.y, date.mo, date.d, at?.h ?? 0, at?.mi ?? 0, at?.s ?? 0, at?.ms ?? 0, tz);
  return { value: new Date(ms), autoFormat: at ? `${date.format} ${at.format}` : date.format };
}

const FRACTION = /^([+-])?(?:(\d+)\s+)?(\d+)\/(\d+)$/;

/** "13/2" (not a date), "1 1/2": numbers (assumed: Sheets' fraction entry). */
function parseFraction(t: string): Coerced | null {
  const m = FRACTION.exec(t);
  if (!m || Number(m[4]) === 0) return null;
  const v = toSheetsNumber(Number(m[2] ?? 0) + Number(m[3]) / Number(m[4]));
  return { value: m[1] === '-' && v !== 0 ? -v : v };
}

/** Digits with group separators not in threes ("1,5" in en_US): numbers (assumed). */
function parseLooseGroups(t: string, r: LocaleRules): Coerced | null {
  const key = r.decimal + r.group;
  let re = looseRe.get(key);
  if (!re) {
    re = new RegExp(`^([+-]?\\d+(?:${esc(r.group)}\\d+)+)(?:${esc(r.decimal)}(\\d+))?$`);
    looseRe.set(key, re);
  }
  const m = re.exec(t);
  if (!m) return null;
  const v = Number(`${m[1].split(r.group).join('')}.${m[2] ?? ''}`);
  return Number.isFinite(v) ? { value: toSheetsNumber(v) } : null;
}

// ---- display ---------------------------------------------------------------------------------

/** Swap "." and "," for a locale whose decimal separator is ",". */
function localized(s: string, r: LocaleRules): string {
  return r.decimal === '.' ? s : s.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

function formatNumber(n: number, format: string | undefined, r: LocaleRules): string {
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === PLAIN_TEXT) {
    if (Math.abs(n) >= 1e15)
      return localized(n.toExponential(5).toUpperCase().replace(/E\+?/, 'E+').replace('E+-', 'E-'), r);
    return localized(String(toSheetsNumber(n)), r);
  }
  const section = format.split(';')[0];
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const prefix = (/^[^0#?.,]*/.exec(section)?.[0] ?? '').replace(/"/g, '');
  const sci = /0(?:\.(0+))?E\+(0+)/i.exec(section);
  let s: string;
  if (sci) {
    const [mant, ex] = Math.abs(value)
      .toExponential(sci[1]?.length ?? 0)
      .split('e');
    const e = Number(ex);
    s = `${mant}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(sci[2].length, '0')}`;
  } else {
    const dot = section.indexOf('.');
    const decimals = dot < 0 ? 0 : (section.slice(dot + 1).match(/[0#]/g) ?? []).length;
    const optional = dot < 0 ? 0 : (section.slice(dot + 1).match(/#/g) ?? []).length;
    s = Math.abs(value).toFixed(decimals);
    if (optional)
      s = s.replace(/0+$/, (z) => z.slice(0, Math.max(0, z.length - optional))).replace(/\.$/, '');
    if (section.includes(',')) {
      const [int, frac] = s.split('.');
      s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
    }
  }
  return (value < 0 ? '-' : '') + prefix + localized(s, r) + (percent ? '%' : '');
}

/**
 * Range.getDisplayValue: the text Sheets shows for the cell, rendered for the spreadsheet locale
 * ("the actual rendering of the format depends on the spreadsheet's locale":
 * https://developers.google.com/sheets/api/guides/formats).
 */
export function displayValue(cell: Cell | null, timeZone: string, locale?: string): string {
  if (!cell) return '';
  const v = cell.value;
  const fmt = cell.format?.numberFormat;
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const r = localeRules(locale);
  if (isDate(v)) {
    if (fmt && isDateFormat(fmt)) return formatSheetsDate(v.getTime(), timeZone, fmt, r);
    return formatJavaDate(v.getTime(), timeZone, r.dateTimeDisplay);
  }
  if (fmt && fmt !== PLAIN_TEXT && isDateFormat(fmt))
    return formatSheetsDate(serialToMs(v, timeZone), timeZone, fmt, r);
  return formatNumber(v, fmt, r);
}
