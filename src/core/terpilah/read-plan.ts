/**
 * Reading only some rows of a register: the rows wanted, grouped into a few contiguous blocks,
 * one getValues each. A gap between two wanted rows is read along (its cells wasted) when reading
 * it costs less than one more round trip; past MAX_BLOCKS the smallest gaps are read along too, so
 * the number of calls stays bounded whatever the register holds.
 */

/**
 * Cells whose reading costs about one round trip, and whose writing does: 45 ms a service call /
 * 52 µs a cell read, / 12 µs a cell written (the typical figures of the workbench's latency
 * model, src/workbench/services/latency.ts; sources in docs/FIDELITY.md "Latency model").
 */
export const CELLS_PER_ROUND_TRIP = 860;
export const CELLS_WRITTEN_PER_ROUND_TRIP = 3700;
/** At most this many reads for one set of rows. */
export const MAX_BLOCKS = 12;

/** Rows `first` … `first + count - 1` (the same numbering as the rows given). */
export interface RowBlock {
  first: number;
  count: number;
}

/**
 * The blocks covering every row of `rows` (ascending or not, duplicates allowed), each block
 * `width` cells wide: adjacent rows together, gaps cheaper than a round trip bridged, at most
 * `maxBlocks` blocks.
 */
export function rowBlocks(rows: readonly number[], width: number, maxBlocks = MAX_BLOCKS): RowBlock[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const bridged = Math.floor(CELLS_PER_ROUND_TRIP / Math.max(1, width));
  // Split points: the indices i where the gap before sorted[i] is worth a round trip.
  const splits: number[] = [];
  for (let i = 1; i < sorted.length; i++) if (sorted[i] - sorted[i - 1] - 1 > bridged) splits.push(i);
  // Too many blocks: keep only the largest gaps as splits (ties: the earlier one).
  const kept =
    splits.length < maxBlocks
      ? splits
      : splits
          .map((i) => ({ i, gap: sorted[i] - sorted[i - 1] }))
          .sort((a, b) => b.gap - a.gap || a.i - b.i)
          .slice(0, Math.max(0, maxBlocks - 1))
          .map(({ i }) => i)
          .sort((a, b) => a - b);
  const blocks: RowBlock[] = [];
  let start = 0;
  for (const end of [...kept, sorted.length]) {
    blocks.push({ first: sorted[start], count: sorted[end - 1] - sorted[start] + 1 });
    start = end;
  }
  return blocks;
}

/**
 * Whether reading each of `columns` columns whole (one call each, `totalRows` cells each) costs
 * less than the blocks `span` columns wide: when the rows wanted are spread all over the register.
 */
export function wholeColumnsCheaper(
  blocks: readonly RowBlock[],
  span: number,
  columns: number,
  totalRows: number,
): boolean {
  const blockCells = blocks.reduce((sum, block) => sum + block.count, 0) * span;
  const blockCost = blockCells + blocks.length * CELLS_PER_ROUND_TRIP;
  return columns * totalRows + columns * CELLS_PER_ROUND_TRIP < blockCost;
}
