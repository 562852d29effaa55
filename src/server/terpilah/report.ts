/**
 * "Buat Laporan Data Terpilah": reads `Peserta` once, only the columns its header maps (one
 * activity: only its rows; a register too large for one execution is refused before anything is
 * written: core/terpilah/size-guard.ts),
 * lets core build every disaggregated table, the narratives, the data-quality list (NIK masked)
 * and the chart positions, then writes the report the safe way every generated sheet is written (complete under a temporary name, marked,
 * replacing only the add-in's own sheet of that name) and inserts the charts. The number of
 * service calls does not depend on the number of participants.
 */
import { t, type Language } from '../../core/i18n';
import { sheetNameFor } from '../../core/plan/sheet-name';
import { formatNumberId } from '../../core/format';
import { toIsoInZone } from '../../core/time';
import { reportSheetPlan, type ChartPlan } from '../../core/terpilah/report-sheet';
import { summarise, summariseAll } from '../../core/terpilah/summaries';
import { INSTANSI_SHEET } from '../../core/terpilah/instansi-sheet';
import type { TerpilahSummary } from '../../core/terpilah/model';
import type { SidebarApi, TerpilahReportRequest, TerpilahReportResult } from '../api';
import { getLanguage } from '../preferences';
import { UserError } from '../sheets/errors';
import { targetSheet, writeReplacing } from '../sheets/generated';
import { guarded } from '../sheets/guard';
import { withDocumentLock } from '../sheets/lock';
import { headlineReadsColumns } from '../../core/terpilah/headline';
import {
  estimatedReportSeconds,
  registerSize,
  reportFits,
  type ReportSize,
} from '../../core/terpilah/size-guard';
import { PESERTA_SHEET } from '../sheets/names';
import { activityDates } from './import';
import { groupedFromTallies } from './grouped-report';
import { groupedPeserta } from './instansi';
import { readPesertaColumns, type PesertaData } from './read';
import { reportIndex, storeReportIndex, type ReportRead } from './register-counts';
import { talliesOfRead } from './report-tallies';
import { readActivityAll, type ReadOptions } from './read-activity';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
    const summaries = activity
      ? oneActivity(spreadsheet, language, activity, options)
      : allActivities(spreadsheet, language, options);
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

/**
 * The report of one named activity: its own rows only (./read-activity.ts), or the whole register
 * for the unnamed one. Either way the size guard runs first: a report that would not finish
 * within Apps Script's 6 minutes stops here, before anything is written.
 */
function oneActivity(
  spreadsheet: Spreadsheet,
  language: Language,
  activity: string,
  options: ReadOptions,
): TerpilahSummary[] {
  const read = headlineReadsColumns(activity)
    ? readActivityAll(spreadsheet, language, activity, options, (size, register) =>
        refuseTooLarge(size, register, language),
      )
    : readWhole(spreadsheet, language, options)?.data;
  if (!read) throw new UserError(t(language, 'terpilahNoPeserta'));
  // Canonical institution names, and ungrouped spellings as findings, once an Instansi sheet exists.
  const data = groupedPeserta(spreadsheet, language, read);
  return [summarise(data.participants, data.quality, activity)];
}

/**
 * The report over every activity: from the index's tallies when they are fresh (a few cells
 * whatever the register's size: ./register-counts.ts), else from `Peserta` read whole, which
 * then stores the index and the tallies again for the next report. Institutions grouped by an
 * `Instansi` sheet: the tallies regrouped from `Peserta`'s institution column (./grouped-report.ts),
 * or, when that column cannot tell, `Peserta` read whole.
 */
function allActivities(
  spreadsheet: Spreadsheet,
  language: Language,
  options: ReadOptions,
): TerpilahSummary[] {
  const sheet = spreadsheet.getSheetByName(PESERTA_SHEET);
  if (!sheet) throw new UserError(t(language, 'terpilahNoPeserta'));
  const grouped = spreadsheet.getSheetByName(INSTANSI_SHEET) !== null;
  const kept = reportIndex(spreadsheet, sheet, options.timeZone, options);
  if (kept && 'tallies' in kept) {
    const summaries = grouped
      ? groupedFromTallies(spreadsheet, language, sheet, kept, options.timeZone)
      : kept.tallies.summaries();
    if (summaries) return summaries;
  }
  const size =
    kept && 'before' in kept ? { rows: kept.before.lastRow, columns: kept.before.lastColumn } : undefined;
  const read = readWhole(spreadsheet, language, options, sheet, size);
  if (!read) throw new UserError(t(language, 'terpilahNoPeserta'));
  if (kept && 'before' in kept && read.grid)
    storeReportIndex(
      spreadsheet,
      sheet,
      kept,
      read.grid,
      talliesOfRead(read.data.participants, read.data.quality, options),
    );
  const data = grouped ? groupedPeserta(spreadsheet, language, read.data) : read.data;
  return summariseAll(data.participants, data.quality);
}

/** `Peserta` whole, after the size guard: only its mapped columns (./read.ts); the cells read are kept for the index. */
function readWhole(
  spreadsheet: Spreadsheet,
  language: Language,
  options: ReadOptions,
  sheet = spreadsheet.getSheetByName(PESERTA_SHEET),
  /** Its last row and column when known already. */
  size?: { rows: number; columns: number },
): { data: PesertaData; grid: ReportRead | null } | null {
  if (!sheet) return null;
  const rows = size?.rows ?? sheet.getLastRow();
  const columns = size?.columns ?? sheet.getLastColumn();
  refuseTooLarge(registerSize(rows, columns), { rows, columns }, language);
  const { data, read } = readPesertaColumns(sheet, { rows, columns }, language, options);
  return { data, grid: read };
}

function refuseTooLarge(
  size: ReportSize,
  register: { rows: number; columns: number },
  language: Language,
): void {
  if (reportFits(size)) return;
  throw new UserError(
    t(language, 'terpilahTooLarge', {
      rows: formatNumberId(register.rows),
      columns: formatNumberId(register.columns),
      seconds: formatNumberId(Math.round(estimatedReportSeconds(size))),
    }),
  );
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
