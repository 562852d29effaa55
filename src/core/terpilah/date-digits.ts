/**
 * Calendar days read from digits in place, for the normaliser's hot path (a register has a birth
 * date and a NIK per row): the same answers as dates.ts's isoDate and parseDate, without a Date
 * object, a regex or a match array per cell.
 */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of a month of the proleptic Gregorian calendar (what Date.UTC counts). */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1];
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Whether a day exists: isoDate(year, month, day) !== null, for integer arguments. */
export const dayExists = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/** The value of `length` ASCII digits of `text` from `start`, or -1 when one is not a digit. */
export function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48; // NaN past the end
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** An ISO date "yyyy-mm-dd" as the number yyyymmdd (days compare as numbers); 0 for any other text. */
export function isoDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return 0;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return year < 0 || month < 0 || day < 0 ? 0 : year * 10000 + month * 100 + day;
}

/** isoDay of the last reference date asked for (the rows of one activity share it: read once). */
let lastReference = { date: '', day: 0 };
export function referenceDay(date: string): number {
  if (date !== lastReference.date) lastReference = { date, day: isoDay(date) };
  return lastReference.day;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/** The ISO date of a day number yyyymmdd of a four-digit year (isoDay's inverse). */
export const isoOfDay = (day: number): string =>
  `${Math.floor(day / 10000)}-${TWO_DIGITS[Math.floor(day / 100) % 100]}-${TWO_DIGITS[day % 100]}`;

const isDateSeparator = (code: number) => code === 47 || code === 46 || code === 45; // / . -

/**
 * A typed date in its two usual ten-character shapes, "yyyy-mm-dd" and "dd/mm/yyyy" (/ . - in
 * any mix), as parseDate reads it (years 1900–2200, days that exist): the ISO date, or null when
 * such a text is no date. undefined for any other text: parseDate decides.
 */
export function fixedWidthDate(text: string): string | null | undefined {
  if (text.length !== 10) return undefined;
  if (text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    if (year < 0 || month < 0 || day < 0) return undefined;
    return year >= 1900 && year <= 2200 && dayExists(year, month, day) ? text : null;
  }
  if (isDateSeparator(text.charCodeAt(2)) && isDateSeparator(text.charCodeAt(5))) {
    const day = digitsAt(text, 0, 2);
    const month = digitsAt(text, 3, 2);
    const year = digitsAt(text, 6, 4);
    if (year < 0 || month < 0 || day < 0) return undefined;
    return year >= 1900 && year <= 2200 && dayExists(year, month, day)
      ? `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`
      : null;
  }
  return undefined;
}

/**
 * fixedWidthDate as the day number yyyymmdd (isoDay of its ISO date), with no text built: 0 when
 * such a text is no date, -1 for any other text (parseDate decides).
 */
export function fixedWidthDay(text: string): number {
  if (text.length !== 10) return -1;
  let year: number, month: number, day: number;
  if (text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    year = digitsAt(text, 0, 4);
    month = digitsAt(text, 5, 2);
    day = digitsAt(text, 8, 2);
  } else if (isDateSeparator(text.charCodeAt(2)) && isDateSeparator(text.charCodeAt(5))) {
    day = digitsAt(text, 0, 2);
    month = digitsAt(text, 3, 2);
    year = digitsAt(text, 6, 4);
  } else return -1;
  if (year < 0 || month < 0 || day < 0) return -1;
  return year >= 1900 && year <= 2200 && dayExists(year, month, day) ? year * 10000 + month * 100 + day : 0;
}
