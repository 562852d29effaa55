/**
 * After a person's edit (the simple trigger onEdit, ../on-edit.ts, https://developers.google.com/apps-script/guides/triggers#onedite):
 * an edit of `Peserta` (or of the counts sheet itself) makes the stored counts stale by writing a
 * new edit mark (./register-counts.ts). It runs in AuthMode.LIMITED, within 30 seconds, on every
 * edit of any sheet: no call of its own when the edit is elsewhere, two when it is in `Peserta`.
 * Script writes (the add-in's own) never fire it; they keep the counts themselves.
 */
import { PESERTA_COUNTS_SHEET, PESERTA_SHEET } from '../sheets/names';

/** `sheetName`: the edited sheet's, asked once for every feature's handler. */
export function onPesertaEdit(e: GoogleAppsScript.Events.SheetsOnEdit, sheetName: string): void {
  if (sheetName !== PESERTA_SHEET && sheetName !== PESERTA_COUNTS_SHEET) return;
  const counts = (e.source ?? SpreadsheetApp.getActiveSpreadsheet()).getSheetByName(PESERTA_COUNTS_SHEET);
  if (!counts) return; // nothing kept yet: the next headline counts anyway
  counts.getRange(1, 2).setValue(`m${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`);
}
