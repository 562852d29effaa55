/**
 * Reading only the columns a register's mapping uses (the report over `Peserta` needs 13 of its 14
 * columns: "Sumber", the import's fingerprint, is no field): the mapped columns grouped into
 * contiguous blocks, one getValues each (a gap is read along when that costs less than a round
 * trip, see read-plan.ts), and the mapping renumbered onto the blocks' cells laid side by side.
 * The normaliser then sees the same cells in every mapped column, so it finds exactly what it
 * finds reading every column (blank rows are blank in every mapped column either way).
 */
import type { ColumnMapping, ParticipantField } from './model';
import { rowBlocks, type RowBlock } from './read-plan';

/** Column blocks (0-based `first`) and the mapping onto their cells joined left to right. */
export interface ColumnRead {
  blocks: RowBlock[];
  mapping: ColumnMapping;
}

/** The blocks covering the mapped columns of a register `rows` data rows high. */
export function mappedColumnBlocks(mapping: ColumnMapping, rows: number): ColumnRead {
  const used = Object.values(mapping).filter(
    (c): c is number => typeof c === 'number' && Number.isInteger(c) && c >= 0,
  );
  const blocks = rowBlocks(used, Math.max(1, rows));
  const offsets: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    offsets.push(offset);
    offset += block.count;
  }
  const joined: ColumnMapping = {};
  for (const [field, column] of Object.entries(mapping) as [ParticipantField, number | undefined][]) {
    if (typeof column !== 'number') continue;
    const at = blocks.findIndex((b) => column >= b.first && column < b.first + b.count);
    if (at >= 0) joined[field] = offsets[at] + column - blocks[at].first;
  }
  return { blocks, mapping: joined };
}

/** The blocks' values (same rows each, in block order) as one row per register row. */
export function joinColumnBlocks(parts: readonly unknown[][][]): unknown[][] {
  if (parts.length === 1) return parts[0];
  if (parts.length === 0) return [];
  return parts[0].map((_, r) => parts.flatMap((part) => part[r]));
}
