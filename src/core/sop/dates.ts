/**
 * Dates on the identity page, as staff type them: "2019-04-15", "15 April 2019", "15/04/2019",
 * "15-4-2019", or a Date cell. Stored as ISO yyyy-mm-dd; shown the Indonesian way.
 */
const MONTHS = [
  'januari',
  'februari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'desember',
];
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

function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const table of [MONTHS, MONTHS_EN, SHORT, SHORT_EN]) {
    const index = table.indexOf(w);
    if (index >= 0) return index + 1;
  }
  if (w === 'agt' || w === 'ags') return 8;
  return 0;
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO date of the calendar day `date` falls on in `timeZone`. */
export function isoDateInZone(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "" for a blank cell, an ISO date, or null when the text is not a date. */
export function parseDate(value: unknown, timeZone = 'Asia/Jakarta'): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : isoDateInZone(value, timeZone);
  if (typeof value !== 'string') return value === null || value === undefined ? '' : null;
  const text = value.trim();
  if (text === '') return '';
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthOf(m[2]);
    return month ? iso(+m[3], month, +m[1]) : null;
  }
  return null;
}

/** "2019-04-15" → "15 April 2019"; "" stays "". */
export function formatDateId(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const month = MONTHS[+m[2] - 1];
  return `${+m[3]} ${month[0].toUpperCase()}${month.slice(1)} ${m[1]}`;
}
