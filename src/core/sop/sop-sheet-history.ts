/**
 * The version history below the flowchart ("Riwayat versi"): one row per version of the
 * template, oldest first — what changed, when, and by whom — in the table's own columns (No,
 * Kegiatan, Kelengkapan, Waktu): nothing merged, so Sheets fits the rows' height itself.
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
  grid.style(header, cols.no, HEADER, 1, 2).style(header, cols.requirements, HEADER, 1, 2);
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
  return {
    row,
    merges: [],
    gridRects: [rect(header, cols.no, height, 2), rect(header, cols.requirements, height, 2)],
  };
}
