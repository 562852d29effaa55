/**
 * The register's counts per activity (participants, L, P, unknown sex), kept so that the sidebar's
 * headline reads a few cells instead of `Peserta`'s columns. Each count is a sum over rows of what
 * the normaliser reads from that row alone (its activity, its sex from the sex column, else the NIK,
 * else the NIP), so counts of new rows add to the counts of the old ones, and a full recount
 * (countByActivity over every row) gives the same figures as the headline read from `Peserta`.
 *
 * Stored as JSON text in cells (chunks under Sheets' 50,000-character cell limit) with a stamp that
 * says which register it counted. An activity's name is stored as written, unless a NIK is typed
 * into it: a whole NIK appears only in `Peserta`, so that name is stored as its hash.
 */
import { hashText } from '../hash';
import { maskNiksIn } from '../privacy/mask-nik';
import { tableRow } from './table-rows';
import type { Participant } from './model';

export interface SexCounts {
  participants: number;
  L: number;
  P: number;
  unknown: number;
}

/** Activity key (activityKey) → its counts. */
export type ActivityCounts = Record<string, SexCounts>;

/** What the counts were made from: a different register, or an edit since, makes them stale. */
export interface CountsStamp {
  /** The edit mark seen when the counts were made (onEdit writes a new one). */
  mark: string;
  sheetId: number;
  lastRow: number;
  lastColumn: number;
  timeZone: string;
}

/** The first cell of the index: what tells the add-in's index from anything else. */
export const COUNTS_SIGNATURE = 'sopTerpilah.registerCounts/1';

/** Under Sheets' limit of 50,000 characters in a cell. */
export const CHUNK_CHARS = 45_000;

/** The key an activity's counts are stored under: its name, or a hash when a NIK is in it. */
export function activityKey(activity: string): string {
  return maskNiksIn(activity) === activity && !activity.startsWith('#') ? activity : `#${hashText(activity)}`;
}

export function emptyCounts(): SexCounts {
  return { participants: 0, L: 0, P: 0, unknown: 0 };
}

/** The counts per activity of normalised participants. */
export function countByActivity(participants: readonly Participant[]): ActivityCounts {
  const counts: ActivityCounts = Object.create(null) as ActivityCounts;
  for (const p of participants) {
    const key = activityKey(p.activity);
    const c = counts[key] ?? (counts[key] = emptyCounts());
    c.participants++;
    if (p.sex === 'L') c.L++;
    else if (p.sex === 'P') c.P++;
    else c.unknown++;
  }
  return counts;
}

/** `into` plus `more` (a new copy). */
export function addCounts(into: ActivityCounts, more: ActivityCounts): ActivityCounts {
  const sum: ActivityCounts = Object.create(null) as ActivityCounts;
  for (const source of [into, more])
    for (const [key, c] of Object.entries(source)) {
      const s = sum[key] ?? (sum[key] = emptyCounts());
      s.participants += c.participants;
      s.L += c.L;
      s.P += c.P;
      s.unknown += c.unknown;
    }
  return sum;
}

/** The summary the headline is made from (core/terpilah/headline.ts), for one activity. */
export function headlineSummary(counts: ActivityCounts, activity: string) {
  const c = counts[activityKey(activity)] ?? emptyCounts();
  return { participants: c.participants, sex: tableRow('Jumlah', c.L, c.P, c.unknown) };
}

export function sameStamp(a: CountsStamp, b: CountsStamp): boolean {
  return (
    a.mark === b.mark &&
    a.sheetId === b.sheetId &&
    a.lastRow === b.lastRow &&
    a.lastColumn === b.lastColumn &&
    a.timeZone === b.timeZone
  );
}

/** The cells after the signature and the mark: the stamp, then the counts in chunks. */
export function encodeCounts(stamp: CountsStamp, counts: ActivityCounts): string[] {
  const text = JSON.stringify(counts);
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += CHUNK_CHARS) chunks.push(text.slice(at, at + CHUNK_CHARS));
  return [JSON.stringify({ ...stamp, chunks: chunks.length }), ...chunks];
}

/** The stamp and counts from those cells; null when they are not a complete index. */
export function decodeCounts(
  cells: readonly unknown[],
): { stamp: CountsStamp; counts: ActivityCounts } | null {
  try {
    const head = JSON.parse(String(cells[0] ?? '')) as Partial<CountsStamp> & { chunks?: unknown };
    const n = head.chunks;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || cells.length < n + 1) return null;
    const { mark, sheetId, lastRow, lastColumn, timeZone } = head;
    if (
      typeof mark !== 'string' ||
      typeof sheetId !== 'number' ||
      typeof lastRow !== 'number' ||
      typeof lastColumn !== 'number' ||
      typeof timeZone !== 'string'
    )
      return null;
    const parsed: unknown = JSON.parse(
      cells
        .slice(1, n + 1)
        .map((c) => String(c ?? ''))
        .join('') || '{}',
    );
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const counts: ActivityCounts = Object.create(null) as ActivityCounts;
    for (const [key, c] of Object.entries(parsed as Record<string, Partial<SexCounts>>)) {
      const { participants, L, P, unknown } = c ?? {};
      if (![participants, L, P, unknown].every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0))
        return null;
      counts[key] = { participants, L, P, unknown } as SexCounts;
    }
    return { stamp: { mark, sheetId, lastRow, lastColumn, timeZone }, counts };
  } catch {
    return null;
  }
}
