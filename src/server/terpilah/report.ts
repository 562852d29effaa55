/**
 * "Buat Laporan Data Terpilah": the summaries of `Peserta` (./report-summaries.ts: from the
 * index's tallies, or only the columns and rows needed; a register too large for one execution is
 * refused before anything is written), core's disaggregated tables, narratives, data-quality list
 * (NIK masked) and chart positions, then writes the report the safe way every generated sheet is
 * written (complete under a temporary name, marked, replacing only the add-in's own sheet of that
 * name) and inserts the charts. The number of service calls does not depend on the number of
 * participants.
 */
import { t, type Language } from '../../core/i18n';
import { sheetNameFor } from '../../core/plan/sheet-name';
import { formatNumberId } from '../../core/format';
import { toIsoInZone } from '../../core/time';
import { reportSheetPlan, type ChartPlan } from '../../core/terpilah/report-sheet';
import type { SidebarApi, TerpilahReportRequest, TerpilahReportResult } from '../api';
import { getLanguage } from '../preferences';
import { targetSheet, writeReplacing } from '../sheets/generated';
import { guarded } from '../sheets/guard';
import { withDocumentLock } from '../sheets/lock';
import { activityDates } from './import';
import { reportSummaries } from './report-summaries';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const TERPILAH_REPORT = 'Laporan Data Terpilah';
/** The marker's id on the report sheet ("report:" = the add-in's own, replaceable). */
export const TERPILAH_MARKER_ID = 'report:terpilah';

/** Menu: the report over every activity; any problem is an alert, never a stack. */
export function menuTerpilahReport(): void {
  guarded((language) => {
    createReport(language, '');
  });
}

/** Sidebar: the report over one activity, or all when none is given. */
export const generateTerpilahReport: SidebarApi['generateTerpilahReport'] = (
  request: TerpilahReportRequest,
): TerpilahReportResult => {
  const language = getLanguage();
  const activity = String((request ?? {}).activity ?? '')
    .trim()
    .slice(0, 200);
  return createReport(language, activity);
};

function createReport(language: Language, activity: string): TerpilahReportResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const now = toIsoInZone(Date.now(), timeZone);
  return withDocumentLock(language, () => {
    const options = { referenceDate: now.slice(0, 10), timeZone, activityDates: activityDates(spreadsheet) };
    const summaries = reportSummaries(spreadsheet, language, activity, options);
    const preferred = activity ? sheetNameFor(`${TERPILAH_REPORT}: `, activity) : TERPILAH_REPORT;
    const { name, previous, userSheet } = targetSheet(spreadsheet, preferred);
    const { plan, charts } = reportSheetPlan(summaries, name, now);
    const sheet = writeReplacing(spreadsheet, plan, previous, TERPILAH_MARKER_ID);
    insertCharts(sheet, charts);
    sheet.activate();
    const participants = summaries[0]?.participants ?? 0;
    const message = [
      t(language, 'terpilahCreatedToast', { sheet: name, participants: formatNumberId(participants) }),
      userSheet ? t(language, 'terpilahRenamedBecause', { sheet: userSheet, newSheet: name }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    spreadsheet.toast(message, t(language, 'terpilahTitle'));
    return { sheetName: name, participants, charts: charts.length, message };
  });
}

/** One builder chain and one insertChart per chart: a fixed number of calls each. */
function insertCharts(sheet: Sheet, charts: ChartPlan[]): void {
  for (const chart of charts) {
    const { rect } = chart;
    const built = sheet
      .newChart()
      .setChartType(chart.type === 'BAR' ? Charts.ChartType.BAR : Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(rect.row, rect.column, rect.numRows, rect.numColumns))
      .setPosition(chart.position.row, chart.position.column, 0, 0)
      .setOption('title', chart.title)
      .setOption('isStacked', chart.stacked)
      .build();
    sheet.insertChart(built);
  }
}
