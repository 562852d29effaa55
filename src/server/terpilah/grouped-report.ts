/**
 * The report over every activity once the office groups institutions (an `Instansi` sheet), from
 * the index's fresh tallies: `Peserta`'s header and its institution column are read, not the
 * whole register (core/terpilah/grouped-tallies.ts). 5 calls, one cell a row. null when the column
 * and the tallies do not agree on a name per institution: the caller reads `Peserta` whole.
 */
import type { Language } from '../../core/i18n';
import { groupedTallySummaries } from '../../core/terpilah/grouped-tallies';
import { InstitutionDirectory } from '../../core/terpilah/instansi-directory';
import type { TerpilahSummary } from '../../core/terpilah/model';
import type { ReportTallies } from '../../core/terpilah/report-tallies';
import { INSTITUTION_COLUMN, readInstansiSheet } from './instansi';
import { pesertaMapping } from './read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function groupedFromTallies(
  spreadsheet: Spreadsheet,
  language: Language,
  peserta: Sheet,
  kept: { tallies: ReportTallies; size: { rows: number; columns: number } },
  timeZone: string,
): TerpilahSummary[] | null {
  const instansi = readInstansiSheet(spreadsheet, language);
  if (!instansi) return kept.tallies.summaries();
  const { rows, columns } = kept.size;
  if (rows < 2 || columns < 1) return null;
  const header = peserta.getSheetValues(1, 1, 1, columns)[0];
  const column = pesertaMapping(header, language)?.institution;
  if (column === undefined) return null;
  const cells = peserta.getSheetValues(2, column + 1, rows - 1, 1).map((row) => row[0]);
  return groupedTallySummaries(kept.tallies, cells, new InstitutionDirectory(instansi.rows), {
    header: INSTITUTION_COLUMN,
    timeZone,
  });
}
