/**
 * Flowchart lines as cell borders. A line is a set of unit edges: the top edge of a cell or its
 * right edge. Sheets draws an inner border of a range only between its cells, so the top edge of
 * cell (r, c) is the `horizontal` inner line of the 2×1 range from (r-1, c), and its right edge
 * the `vertical` inner line of the 1×2 range from (r, c). With both inner flags one RangeList of
 * those unit ranges draws every edge of a style in one setBorder (the cells written are the same
 * as with runs of edges: two per edge), where runs would need a horizontal and a vertical spec.
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

  /** One border entry drawing every edge as a unit range (2×1 for a top edge, 1×2 for a right edge). */
  toUnitBorder(color: string, style: BorderSpec['style']): { rects: PlanRect[]; spec: BorderSpec }[] {
    const rects = [
      ...[...this.tops].map((key) => key.split(',').map(Number)).map(([r, c]) => rect(r - 1, c, 2, 1)),
      ...[...this.rights].map((key) => key.split(',').map(Number)).map(([r, c]) => rect(r, c, 1, 2)),
    ];
    return rects.length ? [{ rects, spec: { horizontal: true, vertical: true, color, style } }] : [];
  }
}
