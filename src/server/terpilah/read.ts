/**
 * Reading `Peserta` for the report and the sidebar's headline: one getDataRange().getValues(),
 * its header row matched like any other register (so a sheet staff made by hand and named
 * `Peserta` works too), the rows normalised by core.
 */
import { t, type Language } from '../../core/i18n';
import { matchHeaders } from '../../core/terpilah/headers';
import type { Participant, QualityFinding } from '../../core/terpilah/model';
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
): PesertaData | null {
  const sheet = spreadsheet.getSheetByName(PESERTA_SHEET);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  if (values.length === 0 || values[0].every((cell) => cell === '' || cell === null))
    return { participants: [], quality: [] };
  const match = matchHeaders(values[0]);
  if (!match.recognised) {
    const found = values[0]
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
  return normaliseRows(values.slice(1), match.mapping, {
    firstRow: 2,
    referenceDate,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    ...(activityDates ? { activityDates } : {}),
  });
}
