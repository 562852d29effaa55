/**
 * Dates and times typed as text (see ./typed-input.ts for the rest of typing): digits in the
 * locale's order, ISO, month-year, day-month; English or Indonesian month names with an optional
 * weekday; times ("9:30", "9:30 PM", "10am"; in id_ID also "21.30"); date-times. A time alone is a
 * Date on 1899-12-30 (Sheets' day zero). Each conversion carries the format Sheets auto-applies.
 */
import type { LocaleRules } from '../format/locale';
import { EN_DAYS, EN_MONTHS, ID_DAYS, ID_MONTHS } from '../format/names';
import { zonedParts, zonedToUtc } from '../format/zones';

/** Month names, lower case → 1-12: English and Indonesian, full and abbreviated. */
export const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (names: readonly string[]) => names.forEach((n, i) => m.set(n.toLowerCase(), i + 1));
  add(EN_MONTHS);
  add(ID_MONTHS);
  add(EN_MONTHS.map((n) => n.slice(0, 3)));
  add(ID_MONTHS.map((n) => n.slice(0, 3)));
  m.set('sept', 9);
  m.set('ags', 8);
  m.set('agt', 8);
  return m;
})();

/** Weekday names (English and Indonesian, full and abbreviated): allowed before a date. */
export const WEEKDAY_WORDS: ReadonlySet<string> = new Set(
  [
    ...EN_DAYS,
    ...ID_DAYS,
    ...EN_DAYS.map((d) => d.slice(0, 3)),
    ...ID_DAYS.map((d) => d.slice(0, 3)),
    'tues',
    'thur',
    'thurs',
  ].map((d) => d.toLowerCase()),
);

const FULL_MONTHS = new Set([...EN_MONTHS, ...ID_MONTHS].map((m) => m.toLowerCase()));

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

/** A typed date or time and the format Sheets auto-applies to it. */
export interface TypedDate {
  value: Date;
  autoFormat: string;
}

/** Dates, times and date-times. */
export function parseDateTime(
  t: string,
  r: LocaleRules,
  tz: string,
  now: (() => Date) | undefined,
): TypedDate | null {
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
