/**
 * Reading `Peserta` for the report and the sidebar's headline: its header row matched like any
 * other register (so a sheet staff made by hand and named `Peserta` works too), the rows
 * normalised by core. The report reads the header, then only the columns the header maps (its
 * fields: not `Sumber`); the headline reads only the columns and rows it needs (./read-activity.ts).
 */
import { t, type Language } from '../../core/i18n';
import { joinColumnBlocks, mappedColumnBlocks } from '../../core/terpilah/column-blocks';
import { matchHeaders } from '../../core/terpilah/headers';
import type { ColumnMapping, Participant, QualityFinding } from '../../core/terpilah/model';
import { normaliseRows } from '../../core/terpilah/normalise';
import { UserError } from '../sheets/errors';
import { PESERTA_SHEET } from '../sheets/names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PesertaData {
  participants: Participant[];
  quality: QualityFinding[];
}

/** No `Peserta` sheet, or only its header: no participants (null when the sheet is missing). */
export function readPeserta(
  spreadsheet: Spreadsheet,
  language: Language,
  referenceDate: string,
  activityDates?: Record<string, string>,
  timeZone: string = spreadsheet.getSpreadsheetTimeZone(),
): PesertaData | null {
  const sheet = spreadsheet.getSheetByName(PESERTA_SHEET);
  if (!sheet) return null;
  return readAll(sheet.getDataRange().getValues(), language, referenceDate, activityDates, timeZone);
}

/** The cells a report read: the header, and the mapped columns' cells under `mapping` (renumbered onto them). */
export interface PesertaRead {
  header: readonly unknown[];
  grid: unknown[][];
  mapping: ColumnMapping;
}

/**
 * `Peserta` for the report, its size known (the size guard has measured it): the header row, then
 * one read per contiguous block of mapped columns (getSheetValues: one call each, no Range
 * handle). Unmapped columns are never read; the participants and findings are those of reading
 * every cell. `read` keeps the cells read, for the counts index (null: nothing to index).
 */
export function readPesertaColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  size: { rows: number; columns: number },
  language: Language,
  options: { referenceDate: string; timeZone: string; activityDates?: Record<string, string> },
): { data: PesertaData; read: PesertaRead | null } {
  const { rows, columns } = size;
  const none = { data: { participants: [], quality: [] }, read: null };
  if (rows < 1 || columns < 1) return none;
  const header = sheet.getSheetValues(1, 1, 1, columns)[0];
  const mapping = pesertaMapping(header, language);
  if (!mapping || rows < 2) return none;
  const { blocks, mapping: joined } = mappedColumnBlocks(mapping, rows - 1);
  const parts = blocks.map((block) => sheet.getSheetValues(2, block.first + 1, rows - 1, block.count));
  const grid = joinColumnBlocks(parts);
  const data = normaliseRows(grid, joined, {
    firstRow: 2,
    referenceDate: options.referenceDate,
    timeZone: options.timeZone,
    ...(options.activityDates ? { activityDates: options.activityDates } : {}),
  });
  return { data, read: { header, grid, mapping: joined } };
}

function readAll(
  values: unknown[][],
  language: Language,
  referenceDate: string,
  activityDates: Record<string, string> | undefined,
  timeZone: string,
): PesertaData {
  const mapping = values.length === 0 ? null : pesertaMapping(values[0], language);
  if (!mapping) return { participants: [], quality: [] };
  return normaliseRows(values.slice(1), mapping, {
    firstRow: 2,
    referenceDate,
    timeZone,
    ...(activityDates ? { activityDates } : {}),
  });
}

/**
 * The columns of `Peserta`'s header row; null for an empty header (no participants yet). A header
 * that is no register's is refused with what was found, never read as participants.
 */
export function pesertaMapping(header: readonly unknown[], language: Language): ColumnMapping | null {
  if (header.every((cell) => cell === '' || cell === null)) return null;
  const match = matchHeaders([...header]);
  if (match.recognised) return match.mapping;
  const found = header
    .map((cell) => String(cell ?? '').trim())
    .filter((text) => text !== '')
    .slice(0, 12)
    .join(', ');
  throw new UserError(
    t(language, 'importHeaderNotRecognised', {
      sheet: PESERTA_SHEET,
      found: found || t(language, 'importFoundNothing'),
    }),
  );
}
