/**
 * The hidden "Replay" column of `Riwayat` (core/progress/replay-cells.ts): column O, right of the
 * 14 log columns. Registers made before it have no such header: the column is taken when it is
 * free (no header and nothing right of the log columns), never when a person uses it.
 */
import { REPLAY_COLUMN, REPLAY_HEADER } from '../../core/progress/replay-cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Whether column O is the Replay column, taking it when free: one call when it is already (the
 * writers' case), a few once per register.
 */
export function replayColumnReady(sheet: Sheet): boolean {
  let header: unknown;
  try {
    header = sheet.getSheetValues(1, REPLAY_COLUMN, 1, 1)[0][0];
  } catch {
    return false; // a grid narrowed below 15 columns by hand
  }
  if (header === REPLAY_HEADER) return true;
  if (header !== '' || sheet.getLastColumn() >= REPLAY_COLUMN) return false;
  sheet
    .getRange(1, REPLAY_COLUMN)
    .setNumberFormat('@')
    .setValue(REPLAY_HEADER)
    .setFontWeight('bold')
    .setBackground('#e8eaed');
  sheet.hideColumns(REPLAY_COLUMN);
  return true;
}
