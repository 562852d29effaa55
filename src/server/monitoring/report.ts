import { t, type Language } from '../../core/i18n';
import { MONITORING_SHEET_NAME, monitoringSheetPlan } from '../../core/progress/monitoring-sheet';
import { monitorFromLog } from '../../core/progress/monitoring';
import { RIWAYAT_HEADERS } from '../../core/progress/riwayat-rows';
import { toIsoInZone } from '../../core/time';
import { targetSheet, writeReplacing } from '../sheets/generated';
import { guarded } from '../sheets/guard';
import { withDocumentLock } from '../sheets/lock';
import { RIWAYAT_SHEET } from '../sheets/names';
import { readWorkingCalendar } from '../sheets/calendar';

/** The marker's templateId on the report sheet (GENERATED_KEY: the add-in's own, replaceable). */
export const MONITORING_MARKER_ID = 'report:monitoring';

/**
 * Menu "Laporan Monitoring SOP": reads `Riwayat` once, computes the monitoring per SOP and step,
 * and writes `Laporan Monitoring SOP` the safe way generated SOPs are written (built complete
 * under a temporary name, marked, replacing only the add-in's own sheet of that name; a user's
 * sheet of that name stays and the report goes to "… (2)"). No `Riwayat` sheet = the empty report.
 * Service calls do not depend on the number of log rows, activities or steps.
 */
export function menuMonitoringReport(): void {
  guarded(createMonitoringReport);
}

function createMonitoringReport(language: Language): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const calendar = readWorkingCalendar(spreadsheet, timeZone, () => language);
  withDocumentLock(language, () => {
    const riwayat = spreadsheet.getSheetByName(RIWAYAT_SHEET);
    const values: unknown[][] = riwayat ? logColumns(riwayat) : [];
    // The header row is skipped when it is there; a sheet without one loses no event.
    const rows =
      values.length > 0 && String(values[0][0]).trim() === RIWAYAT_HEADERS[0] ? values.slice(1) : values;
    const report = monitorFromLog(rows, timeZone, calendar);
    const { name, previous, userSheet } = targetSheet(spreadsheet, MONITORING_SHEET_NAME);
    const plan = monitoringSheetPlan(report, {
      sheetName: name,
      generatedAt: toIsoInZone(Date.now(), timeZone),
      timeZone,
    });
    const sheet = writeReplacing(spreadsheet, plan, previous, MONITORING_MARKER_ID);
    sheet.activate();
    const activities = report.sops.reduce((sum, sop) => sum + sop.activities.total, 0);
    const skipped = report.unreadable + report.refused;
    const message = [
      t(language, 'monitoringCreatedToast', { sheet: name, sops: report.sops.length, activities }),
      skipped > 0 ? t(language, 'monitoringSkippedRows', { count: skipped }) : '',
      userSheet ? t(language, 'monitoringRenamedBecause', { sheet: userSheet, newSheet: name }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    spreadsheet.toast(message, t(language, 'monitoringTitle'));
  });
}

/**
 * The log's own 14 columns, every row: not the hidden Replay column right of them (the rebuild's,
 * core/progress/replay-cells.ts) nor a person's columns further right, which the report never
 * uses and which would cost a read per cell. A grid narrowed by hand is read as it is.
 */
function logColumns(riwayat: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  const last = riwayat.getLastRow();
  if (last < 1) return [];
  try {
    return riwayat.getSheetValues(1, 1, last, RIWAYAT_HEADERS.length);
  } catch {
    return riwayat.getDataRange().getValues();
  }
}
