/**
 * Menu "Bangun ulang progres": replays `Riwayat` through the core reducer and rewrites `Kegiatan`
 * and `Langkah` entirely (recreating them when deleted), under the document lock. Rows of the log
 * that cannot be read or applied are skipped and listed in one alert.
 */
import { t, type Language } from '../../core/i18n';
import { rebuildFromLog, type RebuildResult } from '../../core/progress/rebuild';
import type { RowValue } from '../../core/progress/row-labels';
import { getLanguage } from '../preferences';
import { MAX_ALERT_LINES } from '../sop-menu';
import { UserError } from '../sheets/errors';
import {
  ensureProgressSheet,
  ensureRows,
  KEGIATAN_SPEC,
  LANGKAH_SPEC,
  RIWAYAT,
  RIWAYAT_SPEC,
  writeRows,
  type ProgressSheetSpec,
} from './sheets';
import { withDocumentLock } from '../sheets/lock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function menuRebuildProgress(): void {
  let language: Language = 'id';
  try {
    language = getLanguage();
    const result = rebuildProgress(language);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const counts = { activities: result.kegiatan.length, steps: result.langkah.length };
    if (result.problems.length === 0) {
      spreadsheet.toast(t(language, 'rebuildDoneToast', counts), t(language, 'rebuildTitle'));
      return;
    }
    const ui = SpreadsheetApp.getUi();
    ui.alert(t(language, 'rebuildTitle'), problemsText(result.problems, counts, language), ui.ButtonSet.OK);
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    const message =
      error instanceof UserError
        ? error.message
        : t(language, 'unexpectedError', {
            message: String(error instanceof Error ? error.message : error).split('\n')[0],
          });
    ui.alert(t(language, 'rebuildTitle'), message, ui.ButtonSet.OK);
  }
}

/** The rebuild itself: one read of `Riwayat`, one rewrite of each derived sheet. */
export function rebuildProgress(language: Language): RebuildResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  return withDocumentLock(
    () => language,
    () => {
      const riwayat = spreadsheet.getSheetByName(RIWAYAT);
      if (!riwayat) throw new UserError(t(language, 'progressLogMissing'));
      const last = riwayat.getLastRow();
      const rows = last >= 2 ? riwayat.getRange(2, 1, last - 1, RIWAYAT_SPEC.headers.length).getValues() : [];
      const result = rebuildFromLog(rows, 2, timeZone, language);
      // Both sheets are checked (a user's own sheet of that name is refused) before either is written.
      const kegiatan = ensureProgressSheet(spreadsheet, KEGIATAN_SPEC, language);
      const langkah = ensureProgressSheet(spreadsheet, LANGKAH_SPEC, language);
      rewrite(kegiatan, KEGIATAN_SPEC, result.kegiatan);
      rewrite(langkah, LANGKAH_SPEC, result.langkah);
      return result;
    },
  );
}

/** Replaces every data row of the sheet's own columns (columns staff added on the right stay). */
function rewrite(sheet: Sheet, spec: ProgressSheetSpec, rows: RowValue[][]): void {
  const width = spec.headers.length;
  sheet.getRange(1, 1, 1, width).setValues([[...spec.headers]]);
  const last = sheet.getLastRow();
  if (last >= 2) sheet.getRange(2, 1, last - 1, width).clearContent();
  ensureRows(sheet, spec, rows.length + 1);
  writeRows(sheet, spec, 2, rows);
}

function problemsText(problems: string[], counts: { activities: number; steps: number }, language: Language) {
  const shown = problems.slice(0, MAX_ALERT_LINES).map((problem) => `• ${problem}`);
  if (problems.length > MAX_ALERT_LINES)
    shown.push(t(language, 'sopProblemsMore', { count: problems.length - MAX_ALERT_LINES }));
  return [t(language, 'rebuildProblemsIntro', { ...counts, count: problems.length }), ...shown].join('\n');
}
