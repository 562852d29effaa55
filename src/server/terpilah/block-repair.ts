/**
 * The repair of the counts index (./register-counts.ts) after a person's edit of `Peserta`: only
 * the dirty blocks' rows (core/terpilah/block-counts.ts) are read again, only the columns the
 * index is made of (activity, sex, NIK, NIP; the name too when the codes are kept), and their
 * counts and codes replace the blocks' old ones. Reads only; the caller writes, in its lock.
 */
import { BLOCK_ROWS, blockRuns, blockSpan, spliceCodes } from '../../core/terpilah/block-counts';
import { codesOfRows, countsOfRows } from '../../core/terpilah/index-rows';
import type { ColumnMapping } from '../../core/terpilah/model';
import { PESERTA_COLUMN } from '../../core/terpilah/peserta';
import {
  CHUNK_CHARS,
  CODE_CHARS,
  fromChunks,
  type ActivityCounts,
} from '../../core/terpilah/register-counts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The index's code chunks `from` … `to` (rows 2 and 3), as text. */
export interface CodesWindow {
  from: number;
  to: number;
  nik: string;
  name: string;
}

/**
 * The code chunks `from` … `to` from rows 2 and 3 of the index as read (from column A); null when
 * they are not what `lastRow` says.
 */
export function codesWindowOf(
  rows: readonly (readonly unknown[])[],
  lastRow: number,
  chunks: { from: number; to: number },
): CodesWindow | null {
  const { from, to } = chunks;
  const total = (lastRow - 1) * CODE_CHARS;
  const expected = Math.min(total, (to + 1) * CHUNK_CHARS) - from * CHUNK_CHARS;
  const nik = fromChunks((rows[0] ?? []).slice(from, to + 1));
  const name = fromChunks((rows[1] ?? []).slice(from, to + 1));
  if (nik === null || name === null || nik.length !== expected || name.length !== expected) return null;
  return { from, to, nik, name };
}

/** The 0-based columns wanted, grouped into reads: a gap of one column is read along. */
function columnSpans(columns: readonly number[]): { first: number; count: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const spans: { first: number; count: number }[] = [];
  for (const c of sorted) {
    const last = spans[spans.length - 1];
    if (last && c - (last.first + last.count) <= 1) last.count = c - last.first + 1;
    else spans.push({ first: c, count: 1 });
  }
  return spans;
}

/** A block's rows' codes, made again: what replaces that block's part of rows 2 and 3. */
export interface BlockCodes {
  block: number;
  nik: string;
  name: string;
}

/**
 * `blocks` with the `dirty` ones counted again from `Peserta`, and (with `key`: the codes are
 * kept) the codes of those blocks' rows made again. Each row's counts and codes come from that
 * row alone: the result is what a full recount would store.
 */
export function repairBlocks(
  peserta: Sheet,
  repair: {
    lastRow: number;
    blocks: readonly ActivityCounts[];
    dirty: readonly number[];
    mapping: ColumnMapping;
    timeZone: string;
    key: string | null;
  },
): { blocks: ActivityCounts[]; codes: BlockCodes[] } {
  const { lastRow, dirty, mapping, timeZone, key } = repair;
  const blocks = [...repair.blocks];
  const codes: BlockCodes[] = [];
  const wanted = [mapping.activity, mapping.sex, mapping.nik, mapping.nip];
  if (key) wanted.push(PESERTA_COLUMN.Kegiatan - 1, PESERTA_COLUMN.Nama - 1, PESERTA_COLUMN.NIK - 1);
  const spans = columnSpans(wanted.filter((c): c is number => c !== undefined));
  for (const run of blockRuns(dirty)) {
    const { first } = blockSpan(run.first, lastRow);
    const count = Math.max(0, Math.min(run.count * BLOCK_ROWS, lastRow - first + 1));
    const grid: unknown[][] = Array.from({ length: count }, () => []);
    if (count > 0)
      for (const span of spans)
        peserta
          .getSheetValues(first, span.first + 1, count, span.count)
          .forEach((line, i) => line.forEach((cell, j) => (grid[i][span.first + j] = cell)));
    for (let k = run.first; k < run.first + run.count; k++) {
      const rows = grid.slice((k - run.first) * BLOCK_ROWS, (k - run.first + 1) * BLOCK_ROWS);
      if (mapping.activity !== undefined) blocks[k] = countsOfRows(rows, mapping, timeZone);
      if (key && rows.length > 0) codes.push({ block: k, ...codesOfRows(rows, key) });
    }
  }
  return { blocks, codes };
}

/** `window` (a copy) with the blocks' codes put in at their rows' place. */
export function withBlockCodes(
  window: CodesWindow,
  codes: readonly BlockCodes[],
  lastRow: number,
): CodesWindow {
  const out = { ...window };
  for (const c of codes) {
    const at = (blockSpan(c.block, lastRow).first - 2) * CODE_CHARS - window.from * CHUNK_CHARS;
    out.nik = spliceCodes(out.nik, at, c.nik);
    out.name = spliceCodes(out.name, at, c.name);
  }
  return out;
}
