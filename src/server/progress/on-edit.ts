/**
 * After a person's edit of `Riwayat` (the simple trigger onEdit, see ../on-edit.ts): the Replay
 * cell of every edited row is cleared, so that "Bangun ulang progres" reads that row cell by cell
 * and sees the edit (core/progress/replay-cells.ts). A paste gives the whole pasted range; an edit
 * of the Replay cell itself clears it too. No call when the edit is elsewhere; within the
 * trigger's 30 seconds whatever the paste (one clear per edit).
 */
import { REPLAY_COLUMN, REPLAY_HEADER } from '../../core/progress/replay-cells';
import { LOCK_TIMEOUT_MS } from '../sheets/lock';
import { RIWAYAT_SHEET } from '../sheets/names';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** `range`: the edited range (e.range); `sheet` and `sheetName`: its sheet's, asked once. */
export function onRiwayatEdit(range: Range, sheet: Sheet, sheetName: string): void {
  if (sheetName !== RIWAYAT_SHEET) return;
  const first = Math.max(2, range.getRow());
  const last = range.getLastRow();
  // Columns right of the Replay column are a person's own: the replay never reads them.
  if (last < first || range.getColumn() > REPLAY_COLUMN) return;
  let header: unknown;
  try {
    header = sheet.getSheetValues(1, REPLAY_COLUMN, 1, 1)[0][0];
  } catch {
    return; // no column O: no Replay cells
  }
  if (header !== REPLAY_HEADER) return; // an older register, or a person's own column O
  // Under the document lock like every write of the log; cleared even if it cannot be had (a
  // stale Replay cell would hide the edit, a cleared one only costs a slower rebuild).
  const lock = LockService.getDocumentLock();
  const locked = lock.tryLock(LOCK_TIMEOUT_MS);
  try {
    sheet.getRange(first, REPLAY_COLUMN, last - first + 1, 1).clearContent();
  } finally {
    if (locked) {
      SpreadsheetApp.flush();
      lock.releaseLock();
    }
  }
}
