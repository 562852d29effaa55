/**
 * Flowchart lines as cell borders. A line is a set of unit edges: the top edge of a cell or its
 * right edge. Sheets draws an inner border of a range only between its cells, so
 *   - a run of top edges of row r, columns c…c+w-1, is the `horizontal` inner line of the 2×w
 *     range starting one row above;
 *   - a run of right edges of column c, rows r…r+h-1, is the `vertical` inner line of the h×2
 *     range starting at column c.
 * Runs keep the RangeList short; one setBorder per spec draws every line of that style.
 */
import { rect, type BorderSpec, type PlanRect } from '../plan/plan';

export class EdgeSet {
  private readonly tops = new Set<string>();
  private readonly rights = new Set<string>();

  /** The top edges of row `row` from column `from` to `to` (either order). */
  top(row: number, from: number, to = from): this {
    for (let c = Math.min(from, to); c <= Math.max(from, to); c++) this.tops.add(`${row},${c}`);
    return this;
  }

  /** The right edges of column `column` from row `from` to `to` (either order). */
  right(column: number, from: number, to = from): this {
    for (let r = Math.min(from, to); r <= Math.max(from, to); r++) this.rights.add(`${r},${column}`);
    return this;
  }

  has(kind: 'top' | 'right', row: number, column: number): boolean {
    return (kind === 'top' ? this.tops : this.rights).has(`${row},${column}`);
  }

  get size(): number {
    return this.tops.size + this.rights.size;
  }

  /**
   * One border entry drawing every edge as a unit range (2×1 for a top edge, 1×2 for a right
   * edge) with both inner flags: a single call, for a set with few edges (the loops).
   */
  toUnitBorder(color: string, style: BorderSpec['style']): { rects: PlanRect[]; spec: BorderSpec }[] {
    const rects = [
      ...[...this.tops].map((key) => key.split(',').map(Number)).map(([r, c]) => rect(r - 1, c, 2, 1)),
      ...[...this.rights].map((key) => key.split(',').map(Number)).map(([r, c]) => rect(r, c, 1, 2)),
    ];
    return rects.length ? [{ rects, spec: { horizontal: true, vertical: true, color, style } }] : [];
  }

  /** The border entries drawing these edges in one colour and style: horizontal runs, vertical runs. */
  toBorders(color: string, style: BorderSpec['style']): { rects: PlanRect[]; spec: BorderSpec }[] {
    const horizontal = runs(this.tops, 'row').map(([row, column, length]) =>
      rect(row - 1, column, 2, length),
    );
    const vertical = runs(this.rights, 'column').map(([row, column, length]) => rect(row, column, length, 2));
    return [
      ...(horizontal.length ? [{ rects: horizontal, spec: { horizontal: true, color, style } }] : []),
      ...(vertical.length ? [{ rects: vertical, spec: { vertical: true, color, style } }] : []),
    ];
  }
}

/** Maximal runs [row, column, length] of adjacent edges along a row (or down a column). */
function runs(edges: Set<string>, along: 'row' | 'column'): [number, number, number][] {
  const cells = [...edges]
    .map((key) => key.split(',').map(Number) as [number, number])
    .sort(along === 'row' ? (a, b) => a[0] - b[0] || a[1] - b[1] : (a, b) => a[1] - b[1] || a[0] - b[0]);
  const result: [number, number, number][] = [];
  for (const [row, column] of cells) {
    const last = result[result.length - 1];
    if (along === 'row' && last && last[0] === row && last[1] + last[2] === column) last[2]++;
    else if (along === 'column' && last && last[1] === column && last[0] + last[2] === row) last[2]++;
    else result.push([row, column, 1]);
  }
  return result;
}
