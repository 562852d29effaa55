/**
 * `Peserta`'s rows in blocks of BLOCK_ROWS, so that a person's edit makes only its blocks stale
 * (server/terpilah/on-edit.ts) and a click repairs only those (server/terpilah/register-counts.ts).
 * Block k holds sheet rows 2 + k·BLOCK_ROWS … 1 + (k + 1)·BLOCK_ROWS. The index keeps each block's
 * counts per activity (the headline's figures are their sum: each count is a sum over rows of what
 * the normaliser reads from that row alone, core/terpilah/register-counts.ts), and the block marks
 * it saw when it last counted each block: a block whose mark cell now says otherwise is dirty.
 * onEdit only ever overwrites a mark with a fresh random one, so a mark written while a repair
 * runs differs from the one the repair records: that block stays dirty, never lost. After its
 * marks onEdit writes a fresh flag too: while the flag is the one recorded, no mark changed and a
 * click reads no mark (the flag is read before the marks, so a flag written after them is news).
 */
import type { ActivityCounts } from './register-counts';

/**
 * Rows per block: a single edit costs the reading of this many rows (five columns of them), and
 * the click after it one mark per block (cells read: 5·BLOCK_ROWS + rows / BLOCK_ROWS, least
 * near 150 at 100,000 rows).
 */
export const BLOCK_ROWS = 250;
/** An edit over more blocks than this makes the whole index stale (a recount costs as little). */
export const MAX_MARKED_BLOCKS = 64;

/** The block of a data row (sheet row ≥ 2). */
export const blockOfRow = (sheetRow: number): number => Math.floor((sheetRow - 2) / BLOCK_ROWS);

/** How many blocks a register whose last row is `lastRow` has. */
export const blocksOf = (lastRow: number): number => (lastRow < 2 ? 0 : blockOfRow(lastRow) + 1);

/** The sheet rows of block `block` in a register whose last row is `lastRow`. */
export function blockSpan(block: number, lastRow: number): { first: number; count: number } {
  const first = 2 + block * BLOCK_ROWS;
  return { first, count: Math.max(0, Math.min(BLOCK_ROWS, lastRow - first + 1)) };
}

/** The blocks as runs of consecutive blocks, in order (a repair reads one run in one read). */
export function blockRuns(blocks: readonly number[]): { first: number; count: number }[] {
  const runs: { first: number; count: number }[] = [];
  for (const k of [...blocks].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && k === last.first + last.count) last.count++;
    else runs.push({ first: k, count: 1 });
  }
  return runs;
}

/**
 * The blocks an edit of sheet rows `firstRow` … `lastRow` touches; null when it touches the header
 * or more than MAX_MARKED_BLOCKS blocks (then the whole index is made stale instead).
 */
export function editedBlocks(firstRow: number, lastRow: number): { first: number; count: number } | null {
  if (!(firstRow >= 2) || !(lastRow >= firstRow)) return null;
  const first = blockOfRow(firstRow);
  const count = blockOfRow(lastRow) - first + 1;
  return count > MAX_MARKED_BLOCKS ? null : { first, count };
}

/** The marks row as recorded: the non-empty marks by block (sparse: most blocks are never edited). */
export function seenMarks(marks: readonly unknown[]): Record<string, string> {
  const seen: Record<string, string> = {};
  marks.forEach((mark, block) => {
    const text = String(mark ?? '');
    if (text !== '') seen[block] = text;
  });
  return seen;
}

/** The blocks (below `blocks`) whose mark differs from the one recorded as counted. */
export function dirtyBlocks(
  seen: Readonly<Record<string, string>>,
  marks: readonly unknown[],
  blocks: number,
): number[] {
  const dirty: number[] = [];
  for (let k = 0; k < blocks; k++) if (String(marks[k] ?? '') !== (seen[k] ?? '')) dirty.push(k);
  return dirty;
}

/** The counts of every block added up. */
export function sumBlocks(blocks: readonly ActivityCounts[]): ActivityCounts {
  const sum: ActivityCounts = Object.create(null) as ActivityCounts;
  for (const block of blocks)
    for (const [key, c] of Object.entries(block)) {
      const s = sum[key] ?? (sum[key] = { participants: 0, L: 0, P: 0, unknown: 0 });
      s.participants += c.participants;
      s.L += c.L;
      s.P += c.P;
      s.unknown += c.unknown;
    }
  return sum;
}

/** Blocks as stored: the activity keys once, then per block [key index, participants, L, P, unknown]… */
export interface StoredBlocks {
  k: string[];
  b: number[][];
}

export function encodeBlocks(blocks: readonly ActivityCounts[]): StoredBlocks {
  const keys: string[] = [];
  const at = new Map<string, number>();
  const b = blocks.map((block) => {
    const flat: number[] = [];
    for (const [key, c] of Object.entries(block)) {
      let i = at.get(key);
      if (i === undefined) at.set(key, (i = keys.push(key) - 1));
      flat.push(i, c.participants, c.L, c.P, c.unknown);
    }
    return flat;
  });
  return { k: keys, b };
}

/** The blocks back; null when they are not a complete, consistent set. */
export function decodeBlocks(stored: unknown): ActivityCounts[] | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { k, b } = stored as Partial<StoredBlocks>;
  if (!Array.isArray(k) || !Array.isArray(b) || !k.every((key) => typeof key === 'string')) return null;
  const blocks: ActivityCounts[] = [];
  for (const flat of b) {
    if (!Array.isArray(flat) || flat.length % 5 !== 0) return null;
    if (!flat.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) return null;
    const block: ActivityCounts = Object.create(null) as ActivityCounts;
    for (let i = 0; i < flat.length; i += 5) {
      const key = k[flat[i]];
      const [participants, L, P, unknown] = flat.slice(i + 1, i + 5);
      if (key === undefined || key in block || L + P + unknown !== participants) return null;
      block[key] = { participants, L, P, unknown };
    }
    blocks.push(block);
  }
  return blocks;
}

/** `codes` with `replacement` put in at character `at` (the codes of some rows, at their rows' place). */
export function spliceCodes(codes: string, at: number, replacement: string): string {
  return codes.slice(0, at) + replacement + codes.slice(at + replacement.length);
}
