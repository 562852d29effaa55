/**
 * The `Riwayat` rows the monitoring report replays (header excluded), exactly as reading the 14
 * log columns of every row gives them, "Sebelum" and "Sesudah" aside: the report never uses those
 * two (core/progress/monitoring.ts reads rows through parseEventRow), except that a row holding
 * nothing else is still a row (counted unreadable), so rows read cell by cell keep them.
 *
 * Every cell read costs time in Apps Script (issue 12): a row the add-in wrote and nobody edited
 * since is read as its one Replay cell and its "ID event" (sheets/replay-rows.ts); only the other
 * rows (older registers, typed or edited by a person, moved) are read cell by cell, and "Data"
 * where its Replay cell could not hold it. A person's columns right of the log are never read.
 */
import { REPLAY_COLUMN, REPLAY_HEADER, spansOf } from '../../core/progress/replay-cells';
import { RIWAYAT_HEADERS } from '../../core/progress/riwayat-rows';
import { readMissingData, replayedRows } from '../sheets/replay-rows';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = RIWAYAT_HEADERS.length;
/**
 * Rows with a Replay cell merged into a read of their neighbours rather than paying a round trip
 * more (~45 ms): about what their 14 cells each cost to read (~52 µs a cell).
 */
const ROW_GAP = 61;

export function monitoringLogRows(riwayat: Sheet): unknown[][] {
  const last = riwayat.getLastRow();
  if (last < 1) return [];
  let top: unknown[];
  try {
    // Row 1 with column O: the header check and the Replay header in one read.
    top = riwayat.getSheetValues(1, 1, 1, REPLAY_COLUMN)[0];
  } catch {
    return withoutHeader(narrowGrid(riwayat, last)); // no column O: no Replay cells
  }
  const replayed = top[REPLAY_COLUMN - 1] === REPLAY_HEADER ? replayedRows(riwayat, last) : [];
  const rows: unknown[][] = Array.from({ length: last - 1 }, (_, i) => replayed[i]?.values ?? []);
  for (const [first, end] of spansOf(
    rows.map((_, i) => !replayed[i]),
    ROW_GAP,
  )) {
    const cells = riwayat.getSheetValues(first + 2, 1, end - first + 1, WIDTH);
    cells.forEach((row, i) => {
      if (!replayed[first + i]) rows[first + i] = row;
    });
  }
  readMissingData(riwayat, rows, replayed);
  return isHeader(top) ? rows : [top.slice(0, WIDTH), ...rows];
}

/** The header row is skipped when it is there; a sheet without one loses no event. */
const isHeader = (row: unknown[] | undefined) =>
  row !== undefined && String(row[0]).trim() === RIWAYAT_HEADERS[0];
const withoutHeader = (values: unknown[][]) => (isHeader(values[0]) ? values.slice(1) : values);

/** A grid narrowed by hand below 15 columns: its log columns, read as they are. */
function narrowGrid(riwayat: Sheet, last: number): unknown[][] {
  try {
    return riwayat.getSheetValues(1, 1, last, WIDTH);
  } catch {
    return riwayat.getDataRange().getValues();
  }
}
