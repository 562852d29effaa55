/**
 * What the counts index (server/terpilah/register-counts.ts) keeps of `Peserta`'s rows, computed
 * from rows in hand: the counts per activity of each block of BLOCK_ROWS rows (block-counts.ts),
 * and the rows' duplicate codes (register-counts.ts rowCodes). Both come from each row alone, so
 * the rows of one block, read again after a person's edit, replace that block's part exactly.
 */
import { BLOCK_ROWS, blockOfRow } from './block-counts';
import type { ColumnMapping } from './model';
import { normaliseRows, NO_ACTIVITY } from './normalise';
import { PESERTA_COLUMN } from './peserta';
import {
  activityKey,
  addCounts,
  CHUNK_CHARS,
  CODE_CHARS,
  countByActivity,
  rowCodes,
  type ActivityCounts,
} from './register-counts';

/** Counts of named activities only: the unnamed one counts rows by every column, never from here. */
export function countsOfRows(
  rows: readonly unknown[][],
  mapping: ColumnMapping,
  timeZone: string,
): ActivityCounts {
  // Sex needs no reference date; the normaliser asks for one.
  const { participants } = normaliseRows(rows as unknown[][], mapping, {
    firstRow: 2,
    referenceDate: '2000-01-01',
    timeZone,
  });
  const counts = countByActivity(participants);
  delete counts[activityKey(NO_ACTIVITY)];
  return counts;
}

/**
 * `blocks` (a copy) with `rows`, sheet rows `firstRow` on, counted into their blocks: the blocks
 * of a register read whole (firstRow 2, `blocks` empty) or of rows appended below the last.
 */
export function countIntoBlocks(
  blocks: readonly ActivityCounts[],
  rows: readonly unknown[][],
  firstRow: number,
  mapping: ColumnMapping | null,
  timeZone: string,
): ActivityCounts[] {
  const out = [...blocks];
  const last = firstRow + rows.length - 1;
  for (let k = out.length; k <= (rows.length === 0 ? -1 : blockOfRow(last)); k++)
    out.push(Object.create(null) as ActivityCounts);
  if (!mapping || mapping.activity === undefined) return out;
  for (let from = 0; from < rows.length;) {
    const block = blockOfRow(firstRow + from);
    const end = Math.min(rows.length, 2 + (block + 1) * BLOCK_ROWS - firstRow);
    out[block] = addCounts(out[block], countsOfRows(rows.slice(from, end), mapping, timeZone));
    from = end;
  }
  return out;
}

/** The codes of rows in the add-in's columns, as read back from the sheet. */
export function codesOfRows(rows: readonly unknown[][], key: string): { nik: string; name: string } {
  const nik: string[] = [];
  const name: string[] = [];
  for (const row of rows) {
    const codes = rowCodes(key, {
      activity: row[PESERTA_COLUMN.Kegiatan - 1],
      name: row[PESERTA_COLUMN.Nama - 1],
      nik: row[PESERTA_COLUMN.NIK - 1],
      institution: row[PESERTA_COLUMN['Instansi/OPD'] - 1],
    });
    nik.push(codes.nik);
    name.push(codes.name);
  }
  return { nik: nik.join(''), name: name.join('') };
}

/**
 * The code chunks (0-based, CHUNK_CHARS characters each) holding the codes of `blocks`' rows in a
 * register whose last row is `lastRow`: what a repair of those blocks reads and writes of rows 2–3.
 */
export function chunksOfBlocks(blocks: readonly number[], lastRow: number): { from: number; to: number } {
  const first = Math.min(...blocks);
  const last = Math.max(...blocks);
  const start = first * BLOCK_ROWS * CODE_CHARS;
  const end = Math.min(lastRow - 1, (last + 1) * BLOCK_ROWS) * CODE_CHARS;
  return { from: Math.floor(start / CHUNK_CHARS), to: Math.floor((end - 1) / CHUNK_CHARS) };
}
