import type { StandardMinutes } from './model';

/** 100,000 minutes is over two months: anything larger is a typing mistake, not a mutu baku. */
export const MAX_MINUTES = 99_999;

const isMinutes = (value: number): boolean => Number.isInteger(value) && value > 0 && value <= MAX_MINUTES;

/**
 * Reads standard minutes as staff type them: "60", "60 menit", "420 atau 840", "420 / 840",
 * "420 or 840", "1.5" and anything above MAX_MINUTES are refused, numbers from a sheet are accepted as is.
 * Returns null when the text is not a list of positive whole minutes.
 */
export function parseMinutes(input: unknown): StandardMinutes | null {
  if (typeof input === 'number') {
    return isMinutes(input) ? { text: String(input), values: [input] } : null;
  }
  if (typeof input !== 'string') return null;
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 100) return null;
  const parts = text
    .replace(/\bmenit\b|\bminutes?\b|\bmnt\b/gi, ' ')
    .split(/\s*(?:\batau\b|\bor\b|\/|,|;)\s*/i)
    .map((part) => part.trim());
  const values: number[] = [];
  for (const part of parts) {
    const value = /^\d{1,6}$/.test(part) ? Number(part) : NaN;
    if (!isMinutes(value)) return null;
    values.push(value);
  }
  return values.length > 0 ? { text: values.join(' atau '), values } : null;
}

/** The smallest and the largest alternative: the SOP total shows both when they differ. */
export function minutesRange(minutes: StandardMinutes): { min: number; max: number } {
  return { min: Math.min(...minutes.values), max: Math.max(...minutes.values) };
}

export function formatMinutes(minutes: StandardMinutes): string {
  return minutes.values.join(' atau ');
}

/** Total standard minutes of a list of steps: the sums of each step's smallest and largest alternative. */
export function totalMinutes(steps: { minutes: StandardMinutes }[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const step of steps) {
    const range = minutesRange(step.minutes);
    min += range.min;
    max += range.max;
  }
  return { min, max };
}
