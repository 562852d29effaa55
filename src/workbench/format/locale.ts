/**
 * The spreadsheet locale: what the workbench needs of it to parse typed strings and to render
 * display values the way Sheets does for that locale.
 *
 * The locale is a property of the spreadsheet, not of the user
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale(),
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets#SpreadsheetProperties:
 * "The locale of the spreadsheet ... such as en_US"), and "the actual rendering of the format
 * depends on the spreadsheet's locale" (https://developers.google.com/sheets/api/guides/formats).
 * Separators and date order follow CLDR for the locale (id: decimal ",", group ".", d/m/y, time
 * "HH.mm"; en_US: ".", ",", m/d/y). Only the locales below are emulated; setting another one is
 * refused so that no test runs under rules the workbench does not have.
 * Shared by the services (typed input, display values) and the page; no Node APIs.
 */
import { EN_DAYS, EN_MONTHS, ID_DAYS, ID_MONTHS } from './names';

export interface LocaleRules {
  /** The code the workbench was given, e.g. "id_ID". */
  code: string;
  decimal: '.' | ',';
  group: '.' | ',';
  /** Order of the day and month in a date typed in digits ("3/4/2024"). */
  dateOrder: 'DMY' | 'MDY';
  /** Whether "." also separates hours and minutes ("21.30"; CLDR id time pattern HH.mm.ss). */
  dotTime: boolean;
  /** Words typed alone that become booleans (upper case). */
  booleans: Readonly<Record<string, boolean>>;
  /** Month and day names for display (Sheets renders mmmm/dddd in the spreadsheet's language). */
  months: readonly string[];
  days: readonly string[];
  /** Java pattern of a Date cell without a number format. */
  dateTimeDisplay: string;
}

const ID: Omit<LocaleRules, 'code'> = {
  decimal: ',',
  group: '.',
  dateOrder: 'DMY',
  dotTime: true,
  // Assumed: an Indonesian spreadsheet may also take the localized names (conservative).
  booleans: { TRUE: true, FALSE: false, BENAR: true, SALAH: false },
  months: ID_MONTHS,
  days: ID_DAYS,
  dateTimeDisplay: 'd/M/yyyy H:mm:ss',
};
const EN_US: Omit<LocaleRules, 'code'> = {
  decimal: '.',
  group: ',',
  dateOrder: 'MDY',
  dotTime: false,
  booleans: { TRUE: true, FALSE: false },
  months: EN_MONTHS,
  days: EN_DAYS,
  dateTimeDisplay: 'M/d/yyyy H:mm:ss',
};
const EN_GB: Omit<LocaleRules, 'code'> = {
  ...EN_US,
  dateOrder: 'DMY',
  dateTimeDisplay: 'dd/MM/yyyy HH:mm:ss',
};

/**
 * Emulated locales. "in" is Java's legacy code for Indonesian, which Google services sometimes
 * report instead of "id" (assumed; accepted as the same rules).
 */
const RULES: Record<string, Omit<LocaleRules, 'code'>> = {
  id: ID,
  id_ID: ID,
  in: ID,
  in_ID: ID,
  en: EN_US,
  en_US: EN_US,
  en_GB: EN_GB,
};

export const DEFAULT_LOCALE = 'id_ID';
export const EMULATED_LOCALES = Object.keys(RULES);

const cache = new Map<string, LocaleRules>();

/** Rules of a locale; an unknown or missing locale (older saved workbooks) gets id_ID's. */
export function localeRules(locale: string | undefined): LocaleRules {
  const code = locale ?? DEFAULT_LOCALE;
  let r = cache.get(code);
  if (!r) {
    r = { code, ...(RULES[code] ?? ID) };
    cache.set(code, r);
  }
  return r;
}

export function isEmulatedLocale(locale: string): boolean {
  return Object.prototype.hasOwnProperty.call(RULES, locale);
}
