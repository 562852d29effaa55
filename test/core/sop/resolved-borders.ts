import type { BorderSpec, SheetPlan } from '../../../src/core/plan/plan';

export type Edge = { color: string; style: BorderSpec['style'] };

/**
 * The borders a plan leaves on the sheet, as Sheets keeps them: one border per shared edge
 * (a cell's right edge is its neighbour's left edge), the last one set wins — applyPlan sets the
 * entries in order. Keys: `top:r,c` (the top edge of cell r,c) and `right:r,c`.
 */
export function resolvedBorders(plan: SheetPlan): Map<string, Edge> {
  const edges = new Map<string, Edge>();
  for (const { rects, spec } of plan.borders) {
    const edge = { color: spec.color, style: spec.style };
    for (const { row, column, numRows, numColumns } of rects) {
      const lastRow = row + numRows - 1;
      const lastColumn = column + numColumns - 1;
      for (let c = column; c <= lastColumn; c++) {
        if (spec.top) edges.set(`top:${row},${c}`, edge);
        if (spec.bottom) edges.set(`top:${lastRow + 1},${c}`, edge);
        if (spec.horizontal) for (let r = row + 1; r <= lastRow; r++) edges.set(`top:${r},${c}`, edge);
      }
      for (let r = row; r <= lastRow; r++) {
        if (spec.left) edges.set(`right:${r},${column - 1}`, edge);
        if (spec.right) edges.set(`right:${r},${lastColumn}`, edge);
        if (spec.vertical) for (let c = column; c < lastColumn; c++) edges.set(`right:${r},${c}`, edge);
      }
    }
  }
  return edges;
}
