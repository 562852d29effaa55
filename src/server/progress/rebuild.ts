/**
 * Menu "Bangun ulang progres": replays `Riwayat` through the core reducer and rewrites `Kegiatan`
 * and `Langkah` entirely (recreating them when deleted), under the document lock. Rows of the log
 * that cannot be read or applied are skipped and listed in one alert.
 */
import { t, type Language } from '../../core/i18n';
import { rebuildFromLog, type RebuildResult } from '../../core/progress/rebuild';
import type { RowValue } from '../../core/progress/row-labels';
import { guarded, problemsText } from '../sheets/guard';
import { withDocumentLock } from '../sheets/lock';
import { dataRows, ensureRows, writeRows, type RowSheetSpec } from '../sheets/rows';
import { readWorkingCalendar } from '../sheets/calendar';
import { ensureProgressSheet, KEGIATAN_SPEC, LANGKAH_SPEC, requireRiwayat, RIWAYAT_SPEC } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function menuRebuildProgress(): void {
  guarded((language) => {
    const result = rebuildProgress(language);
    const counts = { activities: result.kegiatan.length, steps: result.langkah.length };
    const title = t(language, 'rebuildTitle');
    if (result.problems.length > 0) {
      const intro = t(language, 'rebuildProblemsIntro', { ...counts, count: result.problems.length });
      return { title, message: problemsText(intro, result.problems, language) };
    }
    SpreadsheetApp.getActiveSpreadsheet().toast(t(language, 'rebuildDoneToast', counts), title);
  }, 'rebuildTitle');
}

/** The rebuild itself: one read of `Riwayat`, one rewrite of each derived sheet. */
export function rebuildProgress(language: Language): RebuildResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const calendar = readWorkingCalendar(spreadsheet, timeZone, () => language);
  return withDocumentLock(language, () => {
    const riwayat = requireRiwayat(spreadsheet, () => language);
    const rows = dataRows(riwayat, RIWAYAT_SPEC.headers.length);
    const result = rebuildFromLog(rows, 2, timeZone, language, calendar);
    // Both sheets are checked (a user's own sheet of that name is refused) before either is written.
    const kegiatan = ensureProgressSheet(spreadsheet, KEGIATAN_SPEC, language);
    const langkah = ensureProgressSheet(spreadsheet, LANGKAH_SPEC, language);
    rewrite(kegiatan, KEGIATAN_SPEC, result.kegiatan);
    rewrite(langkah, LANGKAH_SPEC, result.langkah);
    return result;
  });
}

/** Replaces every data row of the sheet's own columns (columns staff added on the right stay). */
function rewrite(sheet: Sheet, spec: RowSheetSpec, rows: RowValue[][]): void {
  const width = spec.headers.length;
  sheet.getRange(1, 1, 1, width).setValues([[...spec.headers]]);
  const last = sheet.getLastRow();
  if (last >= 2) sheet.getRange(2, 1, last - 1, width).clearContent();
  ensureRows(sheet, spec, rows.length + 1);
  writeRows(sheet, spec, 2, rows);
}
