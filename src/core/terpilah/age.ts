import { digitsAt } from './date-digits';

/** The last reference date read (rows of one activity share it): its year and month × 100 + day. */
let reference: { date: string | null; year: number; monthDay: number } = { date: null, year: 0, monthDay: 0 };

/** Whole years from an ISO birth date to an ISO reference date (the activity's date). */
export function ageAt(birthDate: string, referenceDate: string): number {
  // ageAt runs for every row: "yyyy-mm-dd" is read in place, anything else as split.
  if (referenceDate !== reference.date && isIsoShape(referenceDate)) {
    const year = digitsAt(referenceDate, 0, 4);
    const month = digitsAt(referenceDate, 5, 2);
    const day = digitsAt(referenceDate, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0)
      reference = { date: referenceDate, year, monthDay: month * 100 + day };
  }
  if (referenceDate === reference.date && isIsoShape(birthDate)) {
    const year = digitsAt(birthDate, 0, 4);
    const month = digitsAt(birthDate, 5, 2);
    const day = digitsAt(birthDate, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0)
      return reference.year - year - (reference.monthDay < month * 100 + day ? 1 : 0);
  }
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ry, rm, rd] = referenceDate.split('-').map(Number);
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

const isIsoShape = (date: string) =>
  date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45;

export const MAX_AGE = 120;

/** ageAt, or null when the result is no one's age (born after the date, or over MAX_AGE). */
export function plausibleAgeAt(birthDate: string, referenceDate: string): number | null {
  const age = ageAt(birthDate, referenceDate);
  return age >= 0 && age <= MAX_AGE ? age : null;
}

/**
 * plausibleAgeAt of a birth day given as yyyymmdd (isoDay) at an ISO reference date also as
 * yyyymmdd: the same whole years, from numbers.
 */
export function plausibleAgeOnDays(birthDay: number, referenceDay: number): number | null {
  const age =
    Math.floor(referenceDay / 10000) -
    Math.floor(birthDay / 10000) -
    (referenceDay % 10000 < birthDay % 10000 ? 1 : 0);
  return age >= 0 && age <= MAX_AGE ? age : null;
}

/** parseAge of 1 to 3 ASCII digits ("45", most typed ages), read from the char codes; undefined for any other text. */
export function digitsAge(text: string): number | null | undefined {
  const length = text.length;
  if (length === 0 || length > 3) return undefined;
  let age = 0;
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    age = age * 10 + d;
  }
  return age <= MAX_AGE ? age : null;
}

/** An age as typed ("45", "45 tahun", 45); null when not a plausible age (0–120). */
export function parseAge(value: unknown): number | null {
  const text =
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
  const m = /^(\d{1,3})(?:[.,]0+)?\s*(?:th|thn|tahun|tahun\.|years?|y)?\.?$/.exec(text);
  if (!m) return null;
  const age = Number(m[1]);
  return age <= MAX_AGE ? age : null;
}

/** BPS five-year groups: 0-4 … 70-74, 75+. */
export const AGE_GROUPS = [...Array.from({ length: 15 }, (_, i) => `${i * 5}-${i * 5 + 4}`), '75+'];

export function ageGroup(age: number): string {
  return age >= 75 ? '75+' : AGE_GROUPS[Math.floor(age / 5)];
}

export type LifeStage = 'anak' | 'dewasa' | 'lansia';
export const LIFE_STAGES: LifeStage[] = ['anak', 'dewasa', 'lansia'];

/** anak < 18, lansia ≥ 60, dewasa between. */
export function lifeStage(age: number): LifeStage {
  return age < 18 ? 'anak' : age >= 60 ? 'lansia' : 'dewasa';
}
