/**
 * The simple trigger Sheets runs after a person's edit
 * (https://developers.google.com/apps-script/guides/triggers#onedite): each feature that keeps
 * something derived from a register it cannot see edited otherwise gets the event. Script writes
 * (the add-in's own) and API edits never fire it.
 */
import { onRiwayatEdit } from './progress/on-edit';
import { onEdit as onPesertaEdit } from './terpilah/on-edit';

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  // One handler failing must not keep the other from running.
  try {
    onPesertaEdit(e);
  } finally {
    onRiwayatEdit(e);
  }
}
