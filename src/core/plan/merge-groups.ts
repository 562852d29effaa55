/**
 * Fewer merge calls for the same merged areas: Range.mergeAcross merges each row of its range on
 * its own, Range.mergeVertically each column, so one-row areas of the same columns on consecutive
 * rows are one mergeAcross, and one-column areas of the same rows on adjacent columns are one
 * mergeVertically. Every other merge is kept as it is. The areas Sheets ends up with are exactly
 * the plan's (only their order may differ); each call is one round trip saved.
 */
import type { PlanMerge, PlanRect } from './plan';

/** A run of one-row areas (across) or one-column areas (vertically) that one call can merge. */
interface Band {
  mode: 'across' | 'vertically';
  rect: PlanRect;
  /** How many plan merges the band stands for: one keeps the plan's own call. */
  members: PlanMerge[];
}

/** The band a merge is, or null when its areas are neither all one row nor all one column. */
function bandOf(merge: PlanMerge): Band | null {
  const { rect, mode } = merge;
  const oneRowAreas = mode === 'across' || (mode === 'all' && rect.numRows === 1);
  const oneColumnAreas = mode === 'vertically' || (mode === 'all' && rect.numColumns === 1);
  // A single cell merges nothing; a band of one cell wide and one tall is ambiguous: keep as is.
  if (oneRowAreas && rect.numColumns > 1) return { mode: 'across', rect, members: [merge] };
  if (oneColumnAreas && rect.numRows > 1) return { mode: 'vertically', rect, members: [merge] };
  return null;
}

/** `next` continues `band`: the same columns one row further down (across), or the same rows one column right. */
function continues(band: Band, next: Band): boolean {
  if (band.mode !== next.mode) return false;
  const [a, b] = [band.rect, next.rect];
  return band.mode === 'across'
    ? a.column === b.column && a.numColumns === b.numColumns && a.row + a.numRows === b.row
    : a.row === b.row && a.numRows === b.numRows && a.column + a.numColumns === b.column;
}

/**
 * The plan's merges with continuing bands joined, each group at the place of its first member.
 * A band standing for one merge keeps that merge (its mode and rect) unchanged.
 */
export function groupMerges(merges: readonly PlanMerge[]): PlanMerge[] {
  const bands = merges.map((merge) => ({ merge, band: bandOf(merge) }));
  // Sorted by position so a band meets its continuation next: across by column span then row,
  // vertically by row span then column.
  const key = (b: Band) =>
    b.mode === 'across'
      ? [0, b.rect.column, b.rect.numColumns, b.rect.row]
      : [1, b.rect.row, b.rect.numRows, b.rect.column];
  const sorted = bands
    .map((entry) => entry.band)
    .filter((band): band is Band => band !== null)
    .sort((x, y) => {
      const [kx, ky] = [key(x), key(y)];
      for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return kx[i] - ky[i];
      return 0;
    });
  const joined: Band[] = [];
  for (const band of sorted) {
    const last = joined[joined.length - 1];
    if (last && continues(last, band)) {
      const grow = band.mode === 'across' ? { numRows: last.rect.numRows + band.rect.numRows } : {};
      const widen =
        band.mode === 'vertically' ? { numColumns: last.rect.numColumns + band.rect.numColumns } : {};
      joined[joined.length - 1] = {
        mode: band.mode,
        rect: { ...last.rect, ...grow, ...widen },
        members: [...last.members, ...band.members],
      };
    } else joined.push({ ...band, members: [...band.members] });
  }
  const groupOf = new Map<PlanMerge, Band>();
  for (const band of joined) for (const member of band.members) groupOf.set(member, band);
  const out: PlanMerge[] = [];
  const placed = new Set<Band>();
  for (const { merge } of bands) {
    const band = groupOf.get(merge);
    if (!band) out.push(merge);
    else if (!placed.has(band)) {
      placed.add(band);
      out.push(band.members.length === 1 ? merge : { mode: band.mode, rect: band.rect });
    }
  }
  return out;
}

/** The merged areas a merge makes in Sheets: its rect, each of its rows, or each of its columns. */
export function mergedAreas(merge: PlanMerge): PlanRect[] {
  const { rect, mode } = merge;
  if (mode === 'across')
    return Array.from({ length: rect.numRows }, (_, i) => ({ ...rect, row: rect.row + i, numRows: 1 }));
  if (mode === 'vertically')
    return Array.from({ length: rect.numColumns }, (_, j) => ({
      ...rect,
      column: rect.column + j,
      numColumns: 1,
    }));
  return [rect];
}
