/**
 * After a person's edit (the simple trigger onEdit, ../on-edit.ts, https://developers.google.com/apps-script/guides/triggers#onedite):
 * an edit of `Peserta`'s rows writes a fresh random mark into the cells of the blocks it touched
 * (the index's marks column, ./index-sheet.ts MARKS_ROW; the range's geometry is local), then a
 * fresh flag in C1 (a click reads the marks only when the flag changed), so that the next click
 * reads only those blocks' rows again; an edit of the header, of many blocks, of the counts sheet
 * itself, or one reaching `Peserta`'s last row makes the whole index stale (a new edit mark in
 * B1). The last row: rows deleted or inserted fire no trigger and shift every row below them;
 * the index sees them by the last row they change, unless an edit at the bottom (a row typed
 * below, the last one cleared) brings it back to the counted one. It only ever overwrites cells
 * with fresh values, never reads-modifies-writes: two people's edits at once cannot lose each
 * other's marks. It runs in AuthMode.LIMITED, within 30 seconds, on every edit of any sheet: no
 * call of its own when the edit is elsewhere, seven when it is in `Peserta`'s rows.
 * Script writes (the add-in's own) never fire it; they keep the counts themselves.
 */
import { editedBlocks } from '../../core/terpilah/block-counts';
import { COUNTS_SIGNATURE } from '../../core/terpilah/register-counts';
import { PESERTA_COUNTS_SHEET, PESERTA_SHEET } from '../sheets/names';
import { MARKS_ROW } from './index-sheet';

const freshMark = () => `m${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;

/** `sheetName`: the edited sheet's, asked once for every feature's handler. */
export function onPesertaEdit(e: GoogleAppsScript.Events.SheetsOnEdit, sheetName: string): void {
  if (sheetName !== PESERTA_SHEET && sheetName !== PESERTA_COUNTS_SHEET) return;
  const counts = (e.source ?? SpreadsheetApp.getActiveSpreadsheet()).getSheetByName(PESERTA_COUNTS_SHEET);
  if (!counts) return; // nothing kept yet: the next headline counts anyway
  // A user's own sheet of that name is never written; an index without its signature (emptied
  // by hand) is recounted anyway (./index-sheet.ts).
  if (counts.getSheetValues(1, 1, 1, 1)[0][0] !== COUNTS_SIGNATURE) return;
  const blocks = sheetName === PESERTA_SHEET ? editedBlocks(e.range.getRow(), e.range.getLastRow()) : null;
  if (blocks && e.range.getLastRow() < e.range.getSheet().getLastRow()) {
    try {
      const marks = Array.from({ length: blocks.count }, () => [freshMark()]);
      counts.getRange(MARKS_ROW + blocks.first, 1, blocks.count, 1).setValues(marks);
      // After the marks: a click that sees this flag sees them too.
      counts.getRange(1, 3).setValue(freshMark());
      return;
    } catch {
      // Blocks past the sheet's rows (a person deleted rows of it): all stale.
    }
  }
  counts.getRange(1, 2).setValue(freshMark());
}
