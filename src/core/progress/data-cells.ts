/**
 * The activity's frozen copy of its SOP (identity + steps) as JSON in the hidden `Data` cells.
 * A cell holds at most 50,000 characters (Google Sheets' limit; the workbench refuses more, see
 * docs/FIDELITY.md), and a template the validator accepts (200 steps × 2,000-character texts)
 * gives far more. So:
 * - `Riwayat`, the source of truth, keeps the whole copy: the "Buat kegiatan" row holds the first
 *   part and "Data lanjutan" rows right after it (same event id) hold the rest, in order;
 * - `Kegiatan` keeps the whole copy when it fits in one cell (the common case: no extra read),
 *   otherwise the identity without steps plus where the steps are in `Riwayat`.
 * Parts are cut on code point boundaries, each well under the limit.
 */
import type { ActivityInfo } from './model';

export const CELL_LIMIT = 50000;
/** Characters per part: margin under the limit. */
export const PART_LENGTH = 45000;

/** Where `Kegiatan` finds the steps of an activity too big for one cell. */
export interface StepsInRiwayat {
  /** Sheet row of the "Buat kegiatan" row. */
  row: number;
  /** That row and its "Data lanjutan" rows. */
  parts: number;
  eventId: string;
}

/** `text` in parts of at most `size` characters, never splitting a surrogate pair. */
export function splitParts(text: string, size = PART_LENGTH): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts.length ? parts : [''];
}

/** The `Kegiatan` Data cell: the whole copy, or the identity and where its steps are. */
export function kegiatanData(info: ActivityInfo, stepsIn: StepsInRiwayat | null): string {
  const whole = JSON.stringify(info);
  if (whole.length <= CELL_LIMIT || !stepsIn) return whole;
  return JSON.stringify({ ...info, steps: [], stepsIn });
}

export function isStepsInRiwayat(value: unknown): value is StepsInRiwayat {
  const v = value as StepsInRiwayat;
  return (
    !!v &&
    Number.isInteger(v.row) &&
    v.row >= 2 &&
    Number.isInteger(v.parts) &&
    v.parts >= 1 &&
    typeof v.eventId === 'string'
  );
}
