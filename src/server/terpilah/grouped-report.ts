/**
 * The report over every activity once the office groups institutions (its `Instansi` sheet read
 * by the caller), from the index's fresh tallies: `Peserta`'s header and its institution column
 * are read, not the whole register (core/terpilah/grouped-tallies.ts). 2 calls, one cell a row.
 * null when the column and the tallies do not agree on a name per institution: the caller reads
 * `Peserta` whole.
 */
import type { Language } from '../../core/i18n';
import { groupedTallySummaries } from '../../core/terpilah/grouped-tallies';
import type { InstitutionDirectory } from '../../core/terpilah/instansi-directory';
import type { TerpilahSummary } from '../../core/terpilah/model';
import type { ReportTallies } from '../../core/terpilah/report-tallies';
import { INSTITUTION_COLUMN } from './instansi';
import { pesertaMapping } from './read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function groupedFromTallies(
  language: Language,
  peserta: Sheet,
  kept: { tallies: ReportTallies; size: { rows: number; columns: number } },
  directory: InstitutionDirectory,
  timeZone: string,
): TerpilahSummary[] | null {
  const { rows, columns } = kept.size;
  if (rows < 2 || columns < 1) return null;
  const header = peserta.getSheetValues(1, 1, 1, columns)[0];
  const column = pesertaMapping(header, language)?.institution;
  if (column === undefined) return null;
  const cells = peserta.getSheetValues(2, column + 1, rows - 1, 1).map((row) => row[0]);
  return groupedTallySummaries(kept.tallies, cells, directory, { header: INSTITUTION_COLUMN, timeZone });
}
