/**
 * Numbers and dates the Indonesian way, for every generated sheet, toast and the CLI. Written by
 * hand, not with Intl: Apps Script's Intl locale data for id-ID cannot be relied on. No imports:
 * the workbench may use this module too.
 */

/** Month names as written in Indonesian documents ("15 April 2019"). */
export const MONTH_NAMES_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/**
 * A number the Indonesian way (id-ID): "." groups thousands, "," before at most one decimal —
 * 1234.5 → "1.234,5".
 */
export function formatNumberId(value: number): string {
  const tenths = Math.round(Math.abs(value) * 10);
  const whole = Math.floor(tenths / 10);
  const decimal = tenths % 10;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 && tenths > 0 ? '-' : ''}${grouped}${decimal ? `,${decimal}` : ''}`;
}

/** Always one decimal, comma: 62.2 → "62,2", 0 → "0,0"; thousands with dots. */
export function formatDecimalId(value: number): string {
  const tenths = Math.round(Math.abs(value) * 10);
  const sign = value < 0 && tenths > 0 ? '-' : '';
  return `${sign}${formatNumberId(Math.floor(tenths / 10))},${tenths % 10}`;
}

/** "2019-04-15" → "15 April 2019"; anything else ("" included) stays as it is. */
export function formatDateId(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = m ? MONTH_NAMES_ID[+m[2] - 1] : undefined;
  return m && month ? `${+m[3]} ${month} ${m[1]}` : isoDate;
}

/**
 * When a report was made: "2026-11-24T09:30:00+07:00" or "2026-11-24 09:30" → "24 November 2026
 * pukul 09.30" (the Indonesian time separator is a dot); a bare date → "24 November 2026"; "" when
 * the text does not start with a date.
 */
export function formatDateTimeId(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(text);
  if (!m) return '';
  return `${formatDateId(m[1])}${m[2] ? ` pukul ${m[2]}.${m[3]}` : ''}`;
}
