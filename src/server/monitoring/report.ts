import { t, type Language } from '../../core/i18n';
import { MONITORING_SHEET_NAME, monitoringSheetPlan } from '../../core/progress/monitoring-sheet';
import { monitorFromLog } from '../../core/progress/monitoring';
import { toIsoInZone } from '../../core/time';
import { targetSheet, writeReplacing } from '../sheets/generated';
import { guarded } from '../sheets/guard';
import { withDocumentLock } from '../sheets/lock';
import { RIWAYAT_SHEET } from '../sheets/names';
import { readWorkingCalendar } from '../sheets/calendar';
import { monitoringLogRows } from './log-rows';

/** The marker's templateId on the report sheet (GENERATED_KEY: the add-in's own, replaceable). */
export const MONITORING_MARKER_ID = 'report:monitoring';

/**
 * Menu "Laporan Monitoring SOP": reads `Riwayat` once (through its Replay column, log-rows.ts),
 * computes the monitoring per SOP and step, and writes `Laporan Monitoring SOP` the safe way generated SOPs are written (built complete
 * under a temporary name, marked, replacing only the add-in's own sheet of that name; a user's
 * sheet of that name stays and the report goes to "… (2)"). No `Riwayat` sheet = the empty report.
 * Service calls do not depend on the number of log rows, activities or steps; only on how many
 * spans of rows lack a Replay cell (two reads per span at most).
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
    const report = monitorFromLog(riwayat ? monitoringLogRows(riwayat) : [], timeZone, calendar);
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
