/**
 * The text Sheets shows for a cell: Range.getDisplayValue(s), the page's grid and its charts all
 * call {@link displayValue}, so what the page shows is what a script reads. Rendered for the
 * spreadsheet locale and time zone ("the actual rendering of the format depends on the
 * spreadsheet's locale": https://developers.google.com/sheets/api/guides/formats).
 * No Node APIs: the page bundles this for the browser.
 */
import type { Cell } from '../model';
import { localeRules } from './locale';
import { formatJavaDate } from './java-date';
import { formatNumber, PLAIN_TEXT } from './number-format';
import { formatSheetsDate, isDateFormat } from './sheets-date';
import { serialToMs } from './zones';

/** A Date of any realm (the script's vm context, the page, Node), without node:util. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * The displayed text of a cell: booleans TRUE/FALSE, text as it is, numbers and Dates by the
 * cell's number format; a Date without a date format shows the locale's date-time.
 */
export function displayValue(cell: Cell | null | undefined, timeZone: string, locale?: string): string {
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
