/**
 * The simple trigger Sheets runs after a person's edit (https://developers.google.com/apps-script/guides/triggers#onedite):
 * an edit of `Peserta` (or of the counts sheet itself) makes the stored counts stale by writing a
 * new edit mark (./register-counts.ts). It runs in AuthMode.LIMITED, within 30 seconds, on every
 * edit of any sheet: two calls when the edit is elsewhere, four when it is in `Peserta`. Script
 * writes (the add-in's own) never fire it; they keep the counts themselves.
 */
import { PESERTA_COUNTS_SHEET, PESERTA_SHEET } from '../sheets/names';

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range) return;
  const name = range.getSheet().getName();
  if (name !== PESERTA_SHEET && name !== PESERTA_COUNTS_SHEET) return;
  const counts = (e.source ?? SpreadsheetApp.getActiveSpreadsheet()).getSheetByName(PESERTA_COUNTS_SHEET);
  if (!counts) return; // nothing kept yet: the next headline counts anyway
  counts.getRange(1, 2).setValue(`m${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`);
}
