/**
 * Reading `Riwayat` through its hidden Replay column (core/progress/replay-cells.ts): what the
 * rebuild and the monitoring report both need, so it stands on the ground floor. A row the
 * add-in wrote and nobody edited since is one Replay cell, checked against the row's "ID event";
 * the callers read every other row cell by cell, each the columns it needs.
 */
import { fromReplayCell, REPLAY_COLUMN, spansOf, type ReplayedRow } from '../../core/progress/replay-cells';
import { RIWAYAT_HEADERS } from '../../core/progress/riwayat-rows';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ID_COLUMN = RIWAYAT_HEADERS.indexOf('ID event') + 1;
const DATA_COLUMN = RIWAYAT_HEADERS.indexOf('Data') + 1;
/**
 * Rows not needing Data merged into a read of it rather than paying a round trip more (~45 ms):
 * about what that many cells cost to read (~52 µs each).
 */
const DATA_GAP = 800;

/**
 * Data rows 2…last decoded from their Replay cells (the caller has seen the column's "Replay"
 * header), null where there is none or where the row's "ID event" is not the one in it: cells
 * moved without column O (a sort or a cut of columns A–N, which fire no onEdit) are read cell by
 * cell too. Two reads of one column each.
 */
export function replayedRows(sheet: Sheet, last: number): (ReplayedRow | null)[] {
  if (last < 2) return [];
  const ids = sheet.getSheetValues(2, ID_COLUMN, last - 1, 1);
  return sheet.getSheetValues(2, REPLAY_COLUMN, last - 1, 1).map(([cell], i) => {
    const row = fromReplayCell(cell);
    return row && row.values[ID_COLUMN - 1] === ids[i][0] ? row : null;
  });
}

/**
 * "Data" into `rows` (data-row indexes, as `replayed`) where the Replay cell could not hold it:
 * a big frozen SOP or a "Data lanjutan" part. One read of the Data column per span of them.
 */
export function readMissingData(sheet: Sheet, rows: unknown[][], replayed: (ReplayedRow | null)[]): void {
  for (const [first, end] of spansOf(
    replayed.map((row) => row?.needsData === true),
    DATA_GAP,
  )) {
    const data = sheet.getSheetValues(first + 2, DATA_COLUMN, end - first + 1, 1);
    data.forEach(([value], i) => {
      if (replayed[first + i]?.needsData) rows[first + i][DATA_COLUMN - 1] = value;
    });
  }
}
