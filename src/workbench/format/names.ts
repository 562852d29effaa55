import { MONTH_NAMES_ID } from '../../core/format';

/** Month and weekday names as Sheets displays them (English, Indonesian). */
export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const ID_MONTHS: readonly string[] = MONTH_NAMES_ID;
export const ID_DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** The names a date pattern writes for mmmm/mmm and dddd/ddd. */
export interface DateNames {
  months: readonly string[];
  days: readonly string[];
}

export const ENGLISH_NAMES: DateNames = { months: EN_MONTHS, days: EN_DAYS };
