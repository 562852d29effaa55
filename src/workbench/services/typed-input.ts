/**
 * How written values become cell contents: typing a string into a cell.
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
 * Dates and times typed as text: ./typed-dates.ts. How cells read back: ../format/display.ts.
 */
import type { CellValue } from '../model';
import { isDate } from '../format/display';
import type { LocaleRules } from '../format/locale';
import { localeRules } from '../format/locale';
import { PLAIN_TEXT, toSheetsNumber } from '../format/number-format';
import { MONTH_WORDS, parseDateTime, WEEKDAY_WORDS } from './typed-dates';

export interface Coerced {
  value: CellValue;
  formula?: string;
  /** A number format Sheets would auto-apply (dates, percents, currency typed as text). */
  autoFormat?: string;
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
