/**
 * The simple trigger Sheets runs after a person's edit
 * (https://developers.google.com/apps-script/guides/triggers#onedite), in AuthMode.LIMITED,
 * within 30 seconds, on every edit of any sheet: each feature that keeps something derived from a
 * register it could not see edited otherwise gets the event. Two calls when the edit concerns
 * none of them. Script writes (the add-in's own) and API edits never fire it.
 */
import { onRiwayatEdit } from './progress/on-edit';
import { onPesertaEdit } from './terpilah/on-edit';

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range) return;
  const sheet = range.getSheet();
  const name = sheet.getName();
  // One handler failing must not keep the other from running.
  try {
    onPesertaEdit(e, name);
  } finally {
    onRiwayatEdit(range, sheet, name);
  }
}
