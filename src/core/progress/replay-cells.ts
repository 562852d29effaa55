/**
 * The "Replay" cell of a `Riwayat` row: the row's replayed cells in one hidden cell, so that
 * "Bangun ulang progres" reads one column instead of twelve (every cell read costs time in Apps
 * Script, issue 12). It copies the row's own cells, nothing else: decoded, it gives back exactly
 * what reading those cells gives (a whole NIK can be in it only if it is in the row).
 *
 * Layout: JSON of the eleven cells before "Data" (A–J and "ID event"), then, when it fits in one
 * cell, a newline and the "Data" cell as it is (JSON never holds a raw newline, so the first one
 * ends the head). Without the newline, "Data" did not fit (a big frozen SOP, a "Data lanjutan"
 * part) and is read from its own column.
 *
 * The cell is true only while nobody edited the row: a person's edit clears it (the simple
 * trigger onEdit, server/progress/on-edit.ts), and a row without it is read cell by cell.
 */
import { CELL_LIMIT } from './data-cells';
import { RIWAYAT_HEADERS } from './riwayat-rows';
import type { RowValue } from './row-labels';

export const REPLAY_HEADER = 'Replay';
/** The column right after the 14 of RIWAYAT_HEADERS (1-based). */
export const REPLAY_COLUMN = RIWAYAT_HEADERS.length + 1;

const DATA = RIWAYAT_HEADERS.indexOf('Data');
/** The columns the replay reads, "Data" apart: all but "Sebelum" and "Sesudah". */
const HEAD = RIWAYAT_HEADERS.flatMap((header, i) =>
  header === 'Sebelum' || header === 'Sesudah' || i === DATA ? [] : [i],
);

/** The Replay cell of a Riwayat row as the add-in writes it (its values before the quote prefix). */
export function replayCell(row: readonly RowValue[]): string {
  const head = JSON.stringify(HEAD.map((i) => row[i] ?? ''));
  const data = String(row[DATA] ?? '');
  // The cell is written with the quote prefix: one character more.
  return head.length + 1 + data.length + 1 <= CELL_LIMIT ? `${head}\n${data}` : head;
}

export interface ReplayedRow {
  /** The row's 14 cells as reading them gives, "Sebelum" and "Sesudah" blank (not replayed). */
  values: unknown[];
  /** "Data" was too long for the Replay cell: read it from its column. */
  needsData: boolean;
}

/** The row back from its Replay cell; null when the cell is empty or not one the add-in wrote. */
export function fromReplayCell(cell: unknown): ReplayedRow | null {
  if (typeof cell !== 'string' || !cell.startsWith('[')) return null;
  const cut = cell.indexOf('\n');
  let head: unknown;
  try {
    head = JSON.parse(cut < 0 ? cell : cell.slice(0, cut));
  } catch {
    return null;
  }
  if (!Array.isArray(head) || head.length !== HEAD.length) return null;
  if (!head.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) return null;
  const values: unknown[] = new Array<unknown>(RIWAYAT_HEADERS.length).fill('');
  HEAD.forEach((column, i) => (values[column] = head[i]));
  if (cut >= 0) values[DATA] = cell.slice(cut + 1);
  return { values, needsData: cut < 0 };
}

/**
 * The rows to read cell by cell as spans [first, last] (indexes into `wanted`), a gap of up to
 * `gap` unwanted rows merged into its neighbours: one read more costs a round trip (~45 ms),
 * about as much as the cells of that many rows.
 */
export function spansOf(wanted: readonly boolean[], gap: number): [number, number][] {
  const spans: [number, number][] = [];
  wanted.forEach((want, i) => {
    if (!want) return;
    const last = spans[spans.length - 1];
    if (last && i - last[1] - 1 <= gap) last[1] = i;
    else spans.push([i, i]);
  });
  return spans;
}
