/** Whole years from an ISO birth date to an ISO reference date (the activity's date). */
export function ageAt(birthDate: string, referenceDate: string): number {
  const [by, bm, bd] = isoParts(birthDate);
  const [ry, rm, rd] = isoParts(referenceDate);
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

/** The digits of "yyyy-mm-dd" read in place (ageAt runs for every row); anything else as split. */
function isoParts(date: string): [number, number, number] {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    let y = 0;
    let ok = true;
    for (let i = 0; i < 4; i++) {
      const d = date.charCodeAt(i) - 48;
      ok = ok && d >= 0 && d <= 9;
      y = y * 10 + d;
    }
    const m1 = date.charCodeAt(5) - 48;
    const m2 = date.charCodeAt(6) - 48;
    const d1 = date.charCodeAt(8) - 48;
    const d2 = date.charCodeAt(9) - 48;
    if (ok && [m1, m2, d1, d2].every((d) => d >= 0 && d <= 9)) return [y, m1 * 10 + m2, d1 * 10 + d2];
  }
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

export const MAX_AGE = 120;

/** ageAt, or null when the result is no one's age (born after the date, or over MAX_AGE). */
export function plausibleAgeAt(birthDate: string, referenceDate: string): number | null {
  const age = ageAt(birthDate, referenceDate);
  return age >= 0 && age <= MAX_AGE ? age : null;
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
