/**
 * The report grouped by the office's `Instansi` sheet without reading `Peserta` whole: the report's
 * tallies (counted from the rows as typed) and the register's institution column are enough.
 * Grouping changes only what a participant's institution reads as (instansi-grouping.ts): so each
 * institution the tallies interned is counted under the name its rows carry after grouping, and
 * the ungrouped spellings' findings come from the column itself. The duplicate findings stay the
 * tallies': the report finds duplicates on the institutions as typed, before grouping.
 *
 * null when the column and the tallies do not tell one name per interned institution (then the
 * caller reads `Peserta` whole): a spelling the tallies never counted, two spellings the tallies
 * intern as one but grouping names apart, or a row counted as unknown ("Tidak diketahui") that
 * grouping would name.
 */
import { cleanText, TEXT_CAP } from './cell-text';
import { looseKey } from './encode';
import type { InstitutionDirectory } from './instansi-directory';
import { groupInstitutions, ungroupedFindings } from './instansi-grouping';
import type { TerpilahSummary } from './model';
import type { ReportTallies } from './report-tallies';

const UNKNOWN_KEY = looseKey('Tidak diketahui');

/**
 * `column`: the institution cells of `Peserta` from row 2 (row i is sheet row i + 2), read as the
 * report's normaliser reads them; `header`: that column's header (the findings name it).
 */
export function groupedTallySummaries(
  tallies: ReportTallies,
  column: readonly unknown[],
  directory: InstitutionDirectory,
  options: { header: string; timeZone: string },
): TerpilahSummary[] | null {
  // A row with an institution is never blank, so it is a participant: its row and its text.
  const people: { institution: string; row: number }[] = [];
  for (let i = 0; i < column.length; i++) {
    const institution = cleanText(column[i], TEXT_CAP, options.timeZone);
    if (institution !== '') people.push({ institution, row: i + 2 });
  }
  const grouped = groupInstitutions(people, directory);
  const names = new Map<number, string>();
  for (let i = 0; i < people.length; i++) {
    const index = tallies.institutionIndex(people[i].institution);
    const name = grouped.participants[i].institution;
    if (index === null) return null;
    if (index < 0) {
      if (looseKey(name) !== UNKNOWN_KEY) return null;
      continue;
    }
    const before = names.get(index);
    if (before === undefined) names.set(index, name);
    else if (before !== name) return null;
  }
  if (!tallies.institutionsCounted().every((index) => names.has(index))) return null;
  return tallies.summaries({ names, findings: ungroupedFindings(grouped.ungrouped, options.header) });
}
