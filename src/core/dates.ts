/**
 * Calendar dates as staff type them — "2019-04-15", "15 April 2019", "15 Agu 2019", "15/04/2019",
 * "15-4-2019" — or a Date cell: read as ISO yyyy-mm-dd. Used by the SOP identity page and the
 * participants' birth dates. Shown again with format.ts's formatDateId.
 */
import { MONTH_NAMES_ID } from './format';
import { DEFAULT_TIME_ZONE, isoDateInZone } from './time';

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const SHORT = ['jan', 'feb', 'mar', 'apr', 'mei', 'jun', 'jul', 'agu', 'sep', 'okt', 'nov', 'des'];
const SHORT_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_TABLES = [MONTH_NAMES_ID.map((name) => name.toLowerCase()), MONTHS_EN, SHORT, SHORT_EN];

/** 1–12 for a month name in Indonesian or English, full or short (with a dot or not); 0 if none. */
function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const table of MONTH_TABLES) {
    const index = table.indexOf(w);
    if (index >= 0) return index + 1;
  }
  if (w === 'agt' || w === 'ags') return 8;
  return 0;
}

/** "yyyy-mm-dd" for a day that exists (29 February only in leap years), else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A typed year outside this range is a typo, not a date. */
const typedDate = (year: number, month: number, day: number): string | null =>
  year < 1900 || year > 2200 ? null : isoDate(year, month, day);

/** "" for a blank cell, an ISO date, or null when the text is not a date. */
export function parseDate(value: unknown, timeZone = DEFAULT_TIME_ZONE): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : isoDateInZone(value, timeZone);
  if (typeof value !== 'string') return value === null || value === undefined ? '' : null;
  const text = value.trim();
  if (text === '') return '';
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return typedDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return typedDate(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthOf(m[2]);
    return month ? typedDate(+m[3], month, +m[1]) : null;
  }
  return null;
}

/** Month words by their lowercase spelling without a dot: what monthOf reads, as one lookup. */
const MONTH_WORDS = new Map<string, number>();
for (const table of [...MONTH_TABLES, ['agt'], ['ags']])
  table.forEach((word, i) => {
    if (!MONTH_WORDS.has(word)) MONTH_WORDS.set(word, table.length === 1 ? 8 : i + 1);
  });

/** The value of the ASCII digits of `text` from `start` to `end`, or -1 when one is not a digit. */
function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * parseDate of a date written "12 Mei 1990" (one or two digits, a month word with or without a
 * dot, four digits, single spaces, nothing around), read in place as the day number yyyymmdd:
 * 0 when it is no date, -1 for any other text (parseDate decides). A register's named-month
 * birth dates are mostly distinct (18,400 in 100,000), and a lookup in a map of them cost
 * 0.3–0.9 µs a cell; this reading costs far less.
 */
export function namedMonthDay(text: string): number {
  const first = text.indexOf(' ');
  const last = text.lastIndexOf(' ');
  if (text.length > 20 || first < 1 || first > 2 || last !== text.length - 5 || last - first < 2) return -1;
  const day = digitsValue(text, 0, first);
  const year = digitsValue(text, last + 1, text.length);
  if (day < 0 || year < 0) return -1;
  const wordEnd = text.charCodeAt(last - 1) === 46 ? last - 1 : last; // a dot after the word
  if (wordEnd === first + 1) return -1;
  for (let i = first + 1; i < wordEnd; i++) {
    const c = text.charCodeAt(i) | 0x20; // lowercase of an ASCII letter
    if (c < 97 || c > 122) return -1;
  }
  const month = MONTH_WORDS.get(text.slice(first + 1, wordEnd).toLowerCase()) ?? 0;
  const date = month ? typedDate(year, month, day) : null;
  return date ? year * 10000 + month * 100 + day : 0;
}
