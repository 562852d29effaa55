import { isoDate } from '../dates';
import { idDigits, isScientific, numberCellProblem } from './nik';
import type { Sex } from './sex';

export type NipProblem =
  | 'empty'
  | 'storedAsNumber'
  | 'wrongLength'
  | 'notDigits'
  | 'badBirthDate'
  | 'badAppointment'
  | 'badSexDigit';

export interface NipInfo {
  nip: string;
  birthDate: string;
  /** yyyy-mm of the appointment (TMT CPNS). */
  appointed: string;
  sex: Sex;
  serial: string;
}

/**
 * NIP (civil servants, 18 digits): YYYYMMDD birth, YYYYMM appointment, sex digit (1 L, 2 P),
 * 3-digit serial; typed with or without spaces ("19650713 199203 2 002").
 */
export function decodeNip(value: unknown): { ok: true; info: NipInfo } | { ok: false; problem: NipProblem } {
  if (typeof value === 'number') return { ok: false, problem: numberCellProblem(value) };
  if (typeof value !== 'string') return { ok: false, problem: 'empty' };
  const digits = idDigits(value.replace(/^\s*NIP\.?\s*/i, ''));
  if (digits === '') return { ok: false, problem: 'empty' };
  if (isScientific(value)) return { ok: false, problem: 'storedAsNumber' };
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'notDigits' };
  if (digits.length !== 18) return { ok: false, problem: 'wrongLength' };
  const birthDate = isoDate(
    Number(digits.slice(0, 4)),
    Number(digits.slice(4, 6)),
    Number(digits.slice(6, 8)),
  );
  if (!birthDate || birthDate < '1900-01-01') return { ok: false, problem: 'badBirthDate' };
  const appointedYear = Number(digits.slice(8, 12));
  const appointedMonth = Number(digits.slice(12, 14));
  if (appointedMonth < 1 || appointedMonth > 12 || appointedYear < Number(birthDate.slice(0, 4)) + 15)
    return { ok: false, problem: 'badAppointment' };
  const sexDigit = digits[14];
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, problem: 'badSexDigit' };
  return {
    ok: true,
    info: {
      nip: digits,
      birthDate,
      appointed: `${digits.slice(8, 12)}-${digits.slice(12, 14)}`,
      sex: sexDigit === '1' ? 'L' : 'P',
      serial: digits.slice(15),
    },
  };
}
