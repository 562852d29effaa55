/**
 * Column widths (row heights) in the fewest setColumnWidths (setRowHeights) calls. Each call
 * sets one size on a run of adjacent columns, and a later call overwrites an earlier one
 * ("Sets the width of the given columns to the given value",
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setColumnWidths(Integer,Integer,Integer);
 * setRowHeights likewise: #setRowHeights(Integer,Integer,Integer)). So widths 36 | 200 | 12 |
 * 64 ×10 | 36 ×2 are four strokes, not five: 36 over all fifteen first, the others on top, and
 * every column ends with the width it would have had. Only the columns that have a size are
 * ever set: a column without one keeps Sheets' default, untouched.
 *
 * The fewest strokes for one gapless stretch is the "strange printer" problem: a dynamic
 * programme over the stretch's runs of equal sizes (cubic in the runs; a stretch of more runs
 * than MAX_RUNS keeps one stroke per run, which is never more than the runs).
 */

/** One call: `size` on `count` columns (rows) from `start` (1-based). */
export interface SizeStroke {
  start: number;
  count: number;
  size: number;
}

/** Above this many runs in one stretch, one stroke per run (the programme is cubic in the runs). */
export const MAX_RUNS = 64;

interface Run {
  start: number;
  count: number;
  size: number;
}

/** Maximal runs of adjacent indices of equal size, split into stretches at indices without a size. */
function stretches(sizes: Record<number, number>): Run[][] {
  const out: Run[][] = [];
  const indices = Object.keys(sizes)
    .map(Number)
    .sort((a, b) => a - b);
  for (const index of indices) {
    const stretch = out[out.length - 1];
    const last = stretch?.[stretch.length - 1];
    if (!last || last.start + last.count !== index)
      out.push([{ start: index, count: 1, size: sizes[index] }]);
    else if (last.size === sizes[index]) last.count++;
    else stretch.push({ start: index, count: 1, size: sizes[index] });
  }
  return out;
}

/**
 * The strokes of one stretch in the order they must be made: a stroke is always followed by the
 * ones painted over it. cost[i][j] is the fewest strokes for runs i..j: run i alone and then
 * i+1..j, or run i's stroke stretched over to a later run k of the same size (which then needs
 * no stroke of its own) with i+1..k-1 painted over it.
 */
function strokesOf(runs: Run[]): SizeStroke[] {
  const n = runs.length;
  if (n > MAX_RUNS) return runs.map(({ start, count, size }) => ({ start, count, size }));
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  const via: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(-1));
  const at = (i: number, j: number) => (i > j ? 0 : cost[i][j]);
  for (let i = n - 1; i >= 0; i--)
    for (let j = i; j < n; j++) {
      cost[i][j] = 1 + at(i + 1, j);
      for (let k = i + 1; k <= j; k++)
        if (runs[k].size === runs[i].size && at(i + 1, k - 1) + at(k, j) < cost[i][j]) {
          cost[i][j] = at(i + 1, k - 1) + at(k, j);
          via[i][j] = k;
        }
    }
  /** Strokes for runs i..j; the first one covers run i (and starts there). */
  const build = (i: number, j: number): SizeStroke[] => {
    if (i > j) return [];
    const k = via[i][j];
    if (k < 0) {
      const { start, count, size } = runs[i];
      return [{ start, count, size }, ...build(i + 1, j)];
    }
    const [first, ...rest] = build(k, j);
    const end = first.start + first.count;
    return [
      { start: runs[i].start, count: end - runs[i].start, size: first.size },
      ...rest,
      ...build(i + 1, k - 1),
    ];
  };
  return build(0, n - 1);
}

/** The calls that give every index of `sizes` its size (1-based indices), fewest first-found. */
export function sizeStrokes(sizes: Record<number, number>): SizeStroke[] {
  return stretches(sizes).flatMap(strokesOf);
}

/** One call per run of adjacent indices of equal size (what applyPlan does without strokes). */
export function sizeRuns(sizes: Record<number, number>): SizeStroke[] {
  return stretches(sizes).flat();
}
