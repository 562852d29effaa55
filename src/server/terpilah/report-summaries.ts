/**
 * The summaries a report or an export of `Peserta` is made of, read as cheaply as they can be
 * told: over every activity from the index's tallies when they are fresh, else from the columns
 * the header maps; one activity from its own rows. Institutions grouped by the `Instansi` sheet
 * when there is one. A register too large for one execution is refused before anything is read
 * (core/terpilah/size-guard.ts). Writes only the index (a full read stores the tallies for the
 * next time), so it runs in the caller's document lock; the caller writes the rest.
 */
import { t, type Language } from '../../core/i18n';
import { formatNumberId } from '../../core/format';
import { headlineReadsColumns } from '../../core/terpilah/headline';
import type { TerpilahSummary } from '../../core/terpilah/model';
import {
  estimatedReportSeconds,
  registerSize,
  reportFits,
  type ReportSize,
} from '../../core/terpilah/size-guard';
import { summarise, summariseAll } from '../../core/terpilah/summaries';
import { UserError } from '../sheets/errors';
import { PESERTA_SHEET } from '../sheets/names';
import { groupedFromTallies } from './grouped-report';
import { groupedBy, groupedPeserta, instansiDirectory } from './instansi';
import { readPesertaColumns, type PesertaData } from './read';
import { readActivityAll, type ReadOptions } from './read-activity';
import { reportIndex, storeReportIndex, type ReportRead } from './register-counts';
import { talliesOfRead } from './report-tallies';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What a register too large for one execution is refused with (the report's, or the Satu Data export's). */
export type TooLarge = 'terpilahTooLarge' | 'satuDataTooLarge';

export type SummaryOptions = ReadOptions & { tooLarge?: TooLarge };

/** All activities first, then each (`activity` ''), or the named activity's alone. */
export function reportSummaries(
  spreadsheet: Spreadsheet,
  language: Language,
  activity: string,
  options: SummaryOptions,
): TerpilahSummary[] {
  return activity
    ? oneActivity(spreadsheet, language, activity, options)
    : allActivities(spreadsheet, language, options);
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
  options: SummaryOptions,
): TerpilahSummary[] {
  const read = headlineReadsColumns(activity)
    ? readActivityAll(spreadsheet, language, activity, options, (size, register) =>
        refuseTooLarge(size, register, language, options.tooLarge),
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
  options: SummaryOptions,
): TerpilahSummary[] {
  const sheet = spreadsheet.getSheetByName(PESERTA_SHEET);
  if (!sheet) throw new UserError(t(language, 'terpilahNoPeserta'));
  // Read once: the tallies are regrouped by it, or the rows read whole.
  const directory = instansiDirectory(spreadsheet, language);
  const kept = reportIndex(spreadsheet, sheet, options.timeZone, options);
  if (kept && 'tallies' in kept) {
    const summaries = directory
      ? groupedFromTallies(language, sheet, kept, directory, options.timeZone)
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
  const data = groupedBy(directory, read.data);
  return summariseAll(data.participants, data.quality);
}

/** `Peserta` whole, after the size guard: only its mapped columns (./read.ts); the cells read are kept for the index. */
function readWhole(
  spreadsheet: Spreadsheet,
  language: Language,
  options: SummaryOptions,
  sheet = spreadsheet.getSheetByName(PESERTA_SHEET),
  /** Its last row and column when known already. */
  size?: { rows: number; columns: number },
): { data: PesertaData; grid: ReportRead | null } | null {
  if (!sheet) return null;
  const rows = size?.rows ?? sheet.getLastRow();
  const columns = size?.columns ?? sheet.getLastColumn();
  refuseTooLarge(registerSize(rows, columns), { rows, columns }, language, options.tooLarge);
  const { data, read } = readPesertaColumns(sheet, { rows, columns }, language, options);
  return { data, grid: read };
}

function refuseTooLarge(
  size: ReportSize,
  register: { rows: number; columns: number },
  language: Language,
  tooLarge: TooLarge = 'terpilahTooLarge',
): void {
  if (reportFits(size)) return;
  throw new UserError(
    t(language, tooLarge, {
      rows: formatNumberId(register.rows),
      columns: formatNumberId(register.columns),
      seconds: formatNumberId(Math.round(estimatedReportSeconds(size))),
    }),
  );
}
