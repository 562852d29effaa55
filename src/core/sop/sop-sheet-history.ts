/**
 * The version history below the flowchart ("Riwayat versi"): one row per version of the
 * template, oldest first — what changed, when, and by whom. Each column spans the same width on
 * every row: one mergeAcross per column group, whatever the number of versions.
 */
import { formatDateId } from '../format';
import { rect, type GridBuilder, type PlanMerge, type PlanRect } from '../plan/plan';
import { HEADER, TEXT } from '../plan/styles';
import type { SopVersion } from './model';
import { CENTER, type SopColumns } from './sop-sheet-grid';

export const HISTORY_TITLE = 'RIWAYAT VERSI';

export interface HistoryBlock {
  row: number;
  merges: PlanMerge[];
  gridRects: PlanRect[];
}

/** Writes the block from `row` (title, header, one row per version, or "-" when none). */
export function writeHistory(
  grid: GridBuilder,
  versions: SopVersion[],
  cols: SopColumns,
  row: number,
): HistoryBlock {
  grid.set(row, cols.activity, HISTORY_TITLE, { fontWeight: 'bold' });
  const header = row + 1;
  grid.style(header, 1, HEADER, 1, cols.width);
  grid.set(header, cols.no, 'No').set(header, cols.activity, 'Perubahan');
  grid.set(header, cols.requirements, 'Tanggal').set(header, cols.minutes, 'Oleh');
  const rows: SopVersion[] = versions.length ? versions : [{ version: 1, date: '', note: '-', by: '' }];
  rows.forEach((version, i) => {
    const r = header + 1 + i;
    grid.set(r, cols.no, version.version, { ...CENTER, verticalAlignment: 'top' });
    grid.set(r, cols.activity, version.note, TEXT);
    grid.set(r, cols.requirements, formatDateId(version.date), TEXT);
    grid.set(r, cols.minutes, version.by, TEXT);
  });
  const height = rows.length + 1;
  const block = rect(header, 1, height, cols.width);
  return {
    row,
    merges: [
      { rect: rect(header, cols.activity, height, cols.lastChart - cols.activity + 1), mode: 'across' },
      { rect: rect(header, cols.minutes, height, cols.remarks - cols.minutes + 1), mode: 'across' },
    ],
    gridRects: [block],
  };
}
