/**
 * Reading `Peserta` for the report and the sidebar's headline: its header row matched like any
 * other register (so a sheet staff made by hand and named `Peserta` works too), the rows
 * normalised by core. The report reads every cell (one getDataRange().getValues()); the headline
 * reads only the columns and rows it needs (./read-activity.ts).
 */
import { t, type Language } from '../../core/i18n';
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

/** Every cell of `Peserta` in one read, its size known (the report's size guard asked for it). */
export function readPesertaSized(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  size: { rows: number; columns: number },
  language: Language,
  options: { referenceDate: string; timeZone: string; activityDates?: Record<string, string> },
): PesertaData {
  const { rows, columns } = size;
  const values = rows > 0 && columns > 0 ? sheet.getRange(1, 1, rows, columns).getValues() : [];
  return readAll(values, language, options.referenceDate, options.activityDates, options.timeZone);
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
