import { isoDate } from '../dates';
import { PROVINCE_CODES } from '../privacy/mask-nik';
import { dayExists, digitsAt } from './date-digits';
import type { Sex } from './sex';

/** Kemendagri regency codes of Provinsi Kepulauan Bangka Belitung (province 19). BPS codes differ. */
export const BABEL_REGENCIES: Record<string, string> = {
  '01': 'Bangka',
  '02': 'Belitung',
  '03': 'Bangka Selatan',
  '04': 'Bangka Tengah',
  '05': 'Bangka Barat',
  '06': 'Belitung Timur',
  '71': 'Pangkalpinang',
};
export const BABEL_PROVINCE = '19';

export type NikProblem =
  'empty' | 'storedAsNumber' | 'wrongLength' | 'notDigits' | 'badProvince' | 'badBirthDate';

export interface NikInfo {
  /** The 16 digits. */
  nik: string;
  province: string;
  /** Province + regency, e.g. "1971". */
  regencyCode: string;
  /** Regency name when the NIK is from Bangka Belitung. */
  regency: string | null;
  /** ISO birth date. */
  birthDate: string;
  sex: Sex;
}

/** What may stand between an identifier's digits as people type them: spaces, dots, dashes, slashes, a quote. */
const ID_SEPARATORS = /[\s.\-_/'\u2010-\u2015]/g;

/** The identifier's characters without its separators ("1971 0112-0375/0035" → "1971011203750035"). */
export function idDigits(typed: string): string {
  return typed.replace(ID_SEPARATORS, '');
}

/** Whether a text is one or more ASCII digits and nothing else: an identifier typed plainly (most are). */
export function isAsciiDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/** isoDate without a Date object, for four-digit years (Date.UTC reads years 0–99 as 19xx). */
const birthDay = (year: number, month: number, day: number): string | null =>
  Number.isInteger(year) && year >= 1000 && year <= 9999
    ? dayExists(year, month, day)
      ? `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`
      : null
    : isoDate(year, month, day);

/**
 * A number as Sheets' automatic format shows it in Indonesian ("1,97101E+15" from 15 digits on),
 * or a text that is such a display (a CSV saved by Excel, a cell copied from one): the digits
 * after the sixth are gone.
 */
const SCIENTIFIC = /^\s*'?[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*\+?\s*\d{1,3}\s*$/;
export function isScientific(value: unknown): boolean {
  return typeof value === 'string' && SCIENTIFIC.test(value);
}

/** How a cell holding an identifier as a number looks in Sheets: "1,97101E+15", "12345". */
export function shownAsNumber(value: unknown): string {
  if (typeof value === 'string') return value.trim().replace(/^'/, '').slice(0, 24);
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  if (Math.abs(value) < 1e15) return String(value);
  return value.toExponential(5).replace('.', ',').replace('e+', 'E+');
}

/** The number of digits of an identifier that reached us as a number (a cell holds 15 significant digits). */
export function digitCount(value: number): number {
  return Number.isFinite(value) ? String(Math.trunc(Math.abs(value))).length : 0;
}

/**
 * An identifier (NIK, NIP) that reached us as a number: a cell holds 15 significant digits, so a
 * long one has lost its last digits and cannot be recovered; a short one is simply too short.
 */
export function numberCellProblem(value: number): 'storedAsNumber' | 'wrongLength' {
  return digitCount(value) >= 15 ? 'storedAsNumber' : 'wrongLength';
}

/** Kemendagri province codes as a table by number (the normaliser asks once a row). */
const PROVINCES = new Uint8Array(100);
for (const code of PROVINCE_CODES) PROVINCES[Number(code)] = 1;

/** Whether 16 digits (already checked) begin with a province code. */
export function provinceKnown(digits: string): boolean {
  const code = digitsAt(digits, 0, 2);
  return code >= 0 && PROVINCES[code] === 1;
}

/** The sex 16 digits encode: women have 40 added to the day. */
export const nikSex = (digits: string): Sex => (digitsAt(digits, 6, 2) > 40 ? 'P' : 'L');

/**
 * The ISO birth date 16 digits (already checked) encode, null when no such day is, or it is after
 * `referenceDate`. The two-digit year is the most recent one not after the reference date.
 */
/**
 * nikBirthDate as a day number yyyymmdd (isoDay), 0 when none, at a reference day of a year from
 * 1100 on (then every NIK year read is four digits): numbers only, no text built or compared.
 */
export function nikBirthDay(digits: string, referenceDay: number): number {
  let day = digitsAt(digits, 6, 2);
  if (day > 40) day -= 40;
  const month = digitsAt(digits, 8, 2);
  const refYear = Math.floor(referenceDay / 10000);
  let year = Math.floor(refYear / 100) * 100 + digitsAt(digits, 10, 2);
  if (year > refYear) year -= 100;
  if (!dayExists(year, month, day)) return 0;
  const birth = year * 10000 + month * 100 + day;
  return birth <= referenceDay ? birth : 0;
}

/** Reference days nikBirthDay reads (from 1100-01-01: a NIK's year is then never below 1000). */
export const NIK_DAYS_FROM = 11000101;

export function nikBirthDate(digits: string, referenceDate: string): string | null {
  let day = digitsAt(digits, 6, 2);
  if (day > 40) day -= 40;
  const month = digitsAt(digits, 8, 2);
  const yy = digitsAt(digits, 10, 2);
  const typedYear = digitsAt(referenceDate, 0, 4);
  const refYear = typedYear >= 0 ? typedYear : Number(referenceDate.slice(0, 4));
  let year = Math.floor(refYear / 100) * 100 + yy;
  if (year > refYear) year -= 100;
  const birthDate = birthDay(year, month, day);
  return birthDate && birthDate <= referenceDate ? birthDate : null;
}

/**
 * NIK: PP KK CC DDMMYY SSSS; women have 40 added to the day. The two-digit year is the most
 * recent one not after `referenceDate` (a person is never born in the future).
 * The province is a Kemendagri code (PROVINCE_CODES, shared with the masker). A NIK that Sheets
 * stored as a number, or its scientific display as text, has lost its last digits: refused.
 */
export function decodeNik(
  value: unknown,
  referenceDate: string,
): { ok: true; info: NikInfo } | { ok: false; problem: NikProblem } {
  if (typeof value === 'number') return { ok: false, problem: numberCellProblem(value) };
  if (typeof value !== 'string') return { ok: false, problem: 'empty' };
  // Plain digits have no separators to take out and cannot be a scientific display.
  const plain = isAsciiDigits(value);
  const digits = plain ? value : idDigits(value);
  if (digits === '') return { ok: false, problem: 'empty' };
  if (!plain && isScientific(value)) return { ok: false, problem: 'storedAsNumber' };
  if (!plain && !/^\d+$/.test(digits)) return { ok: false, problem: 'notDigits' };
  if (digits.length !== 16) return { ok: false, problem: 'wrongLength' };
  if (!provinceKnown(digits)) return { ok: false, problem: 'badProvince' };
  const birthDate = nikBirthDate(digits, referenceDate);
  if (!birthDate) return { ok: false, problem: 'badBirthDate' };
  const province = digits.slice(0, 2);
  const sex = nikSex(digits);
  const regencyCode = digits.slice(0, 4);
  return {
    ok: true,
    info: {
      nik: digits,
      province,
      regencyCode,
      regency: province === BABEL_PROVINCE ? (BABEL_REGENCIES[digits.slice(2, 4)] ?? null) : null,
      birthDate,
      sex,
    },
  };
}
