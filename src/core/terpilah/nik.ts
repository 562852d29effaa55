import { isoDate } from '../dates';
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

/**
 * An identifier (NIK, NIP) that reached us as a number: a cell holds 15 significant digits, so a
 * long one has lost its last digits and cannot be recovered; a short one is simply too short.
 */
export function numberCellProblem(value: number): 'storedAsNumber' | 'wrongLength' {
  return Number.isFinite(value) && String(Math.trunc(value)).length >= 15 ? 'storedAsNumber' : 'wrongLength';
}

/**
 * NIK: PP KK CC DDMMYY SSSS; women have 40 added to the day. The two-digit year is the most
 * recent one not after `referenceDate` (a person is never born in the future).
 * A NIK that Sheets stored as a number has lost its last digit (15 significant digits): refused.
 */
export function decodeNik(
  value: unknown,
  referenceDate: string,
): { ok: true; info: NikInfo } | { ok: false; problem: NikProblem } {
  if (typeof value === 'number') return { ok: false, problem: numberCellProblem(value) };
  if (typeof value !== 'string') return { ok: false, problem: 'empty' };
  const digits = value.replace(/[\s.\-']/g, '');
  if (digits === '') return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'notDigits' };
  if (digits.length !== 16) return { ok: false, problem: 'wrongLength' };
  const province = digits.slice(0, 2);
  if (Number(province) < 11 || Number(province) > 96) return { ok: false, problem: 'badProvince' };
  let day = Number(digits.slice(6, 8));
  const sex: Sex = day > 40 ? 'P' : 'L';
  if (day > 40) day -= 40;
  const month = Number(digits.slice(8, 10));
  const yy = Number(digits.slice(10, 12));
  const refYear = Number(referenceDate.slice(0, 4));
  let year = Math.floor(refYear / 100) * 100 + yy;
  if (year > refYear) year -= 100;
  const birthDate = isoDate(year, month, day);
  if (!birthDate || birthDate > referenceDate) return { ok: false, problem: 'badBirthDate' };
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

/** "1971xxxxxxxx1234" → "1971********1234": NIK is personal data, masked in every output. */
export function maskNik(nik: string): string {
  const digits = nik.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

/** Masks any 16-digit run (a NIK, possibly spaced) inside free text. */
export function maskNiksIn(text: string): string {
  return text
    .replace(/\d[\d .-]*\d/g, (run) => {
      const digits = run.replace(/\D/g, '');
      return digits.length === 16 ? maskNik(digits) : run;
    })
    .replace(/(?<!\d)\d{16}(?!\d)/g, (digits) => maskNik(digits));
}
