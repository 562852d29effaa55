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
import { ensureRows, toCells, type RowSheetSpec } from '../sheets/rows';
import { RIWAYAT_HEADERS } from '../../core/progress/riwayat-rows';
import { REPLAY_COLUMN, REPLAY_HEADER, spansOf, type ReplayedRow } from '../../core/progress/replay-cells';
import { readMissingData, replayedRows } from '../sheets/replay-rows';
import { readWorkingCalendar } from '../sheets/calendar';
import { ensureProgressSheet, KEGIATAN_SPEC, LANGKAH_SPEC, requireRiwayat, RIWAYAT_SPEC } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function menuRebuildProgress(): void {
  guarded((language) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const result = rebuildProgress(language, spreadsheet);
    const counts = { activities: result.kegiatan.length, steps: result.langkah.length };
    const title = t(language, 'rebuildTitle');
    if (result.problems.length > 0) {
      const intro = t(language, 'rebuildProblemsIntro', { ...counts, count: result.problems.length });
      return { title, message: problemsText(intro, result.problems, language) };
    }
    spreadsheet.toast(t(language, 'rebuildDoneToast', counts), title);
  }, 'rebuildTitle');
}

/** The rebuild itself: one read of `Riwayat`'s Replay column (and of the rows without one), one rewrite of each derived sheet. */
export function rebuildProgress(
  language: Language,
  spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): RebuildResult {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const calendar = readWorkingCalendar(spreadsheet, timeZone, () => language);
  return withDocumentLock(language, () => {
    const riwayat = requireRiwayat(spreadsheet, () => language);
    const result = rebuildFromLog(logRows(riwayat), 2, timeZone, language, calendar);
    // Both sheets are checked (a user's own sheet of that name is refused) before either is written.
    const kegiatan = ensureProgressSheet(spreadsheet, KEGIATAN_SPEC, language);
    const langkah = ensureProgressSheet(spreadsheet, LANGKAH_SPEC, language);
    rewrite(kegiatan, KEGIATAN_SPEC, result.kegiatan);
    rewrite(langkah, LANGKAH_SPEC, result.langkah);
    return result;
  });
}

/**
 * "Sebelum" and "Sesudah" are for people reading the log: the replay never needs them. Every
 * other column is replayed (rebuild-reads.test.ts).
 */
const SKIPPED = ['Sebelum', 'Sesudah'].map((h) =>
  RIWAYAT_HEADERS.indexOf(h as (typeof RIWAYAT_HEADERS)[number]),
);
/**
 * Unwanted rows merged into a read rather than paying a round trip more (~45 ms): about what
 * the cells of that many rows cost to read (~52 µs each, 12 cells a row).
 */
const ROW_GAP = 72;

/**
 * The log's data rows, full width but with the columns the replay does not read left blank.
 * The Replay column first: a row the add-in wrote and nobody edited since is there in one cell
 * (core/progress/replay-cells.ts), checked against the row's "ID event". Only the rows without
 * one (written before that column, typed or edited by a person, moved) are read cell by cell,
 * two reads per span of them (before and after Sebelum–Sesudah), and "Data" where its Replay
 * cell could not hold it. getSheetValues: one call each, where getRange + getValues would be two.
 */
function logRows(sheet: Sheet): unknown[][] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const replayed = replayColumn(sheet, last);
  const rows: unknown[][] = replayed.map((row) => row?.values ?? []);
  for (const [first, end] of spansOf(
    replayed.map((row) => row === null),
    ROW_GAP,
  ))
    readCells(sheet, rows, first, end);
  readMissingData(sheet, rows, replayed);
  return rows;
}

/**
 * Each data row's Replay cell decoded and checked against its "ID event" (sheets/replay-rows.ts),
 * null where there is none. The header first (one call more): a register from before the column
 * would otherwise pay a read of a blank column.
 */
function replayColumn(sheet: Sheet, last: number): (ReplayedRow | null)[] {
  const none = Array<null>(last - 1).fill(null);
  try {
    if (sheet.getSheetValues(1, REPLAY_COLUMN, 1, 1)[0][0] !== REPLAY_HEADER) return none;
  } catch {
    return none; // a grid narrowed below 15 columns by hand
  }
  return replayedRows(sheet, last);
}

/** Rows first…end (data-row indexes) from their cells, over whatever the Replay cells gave. */
function readCells(sheet: Sheet, rows: unknown[][], first: number, end: number): void {
  const width = RIWAYAT_SPEC.headers.length;
  const [from, to] = [Math.min(...SKIPPED), Math.max(...SKIPPED)];
  const count = end - first + 1;
  const before = sheet.getSheetValues(first + 2, 1, count, from);
  const after = sheet.getSheetValues(first + 2, to + 2, count, width - to - 1);
  const blank = Array<unknown>(to - from + 1).fill('');
  before.forEach((row, i) => (rows[first + i] = [...row, ...blank, ...after[i]]));
}

/**
 * Replaces the header and every data row of the sheet's own columns (columns staff added on the
 * right stay) in one write. Values only, over the old rows (cleared only below the new last
 * row): the rows' text formats were set when the register set them up or grew (sheets/rows.ts),
 * and new rows get them from ensureRows. Writing formats again would double the cells a rebuild
 * writes. The grid is asked for its size only when the rows reach past the old last row.
 */
function rewrite(sheet: Sheet, spec: RowSheetSpec, rows: RowValue[][]): void {
  const width = spec.headers.length;
  const last = sheet.getLastRow();
  if (last > rows.length + 1)
    sheet.getRange(rows.length + 2, 1, last - rows.length - 1, width).clearContent();
  if (rows.length + 1 > last) ensureRows(sheet, spec, rows.length + 1);
  sheet.getRange(1, 1, rows.length + 1, width).setValues([[...spec.headers], ...toCells(spec, rows)]);
}
