/**
 * Applying the directory to a register: every participant's institution becomes its canonical
 * name; spellings no row groups stay as written (spellings with one key share the first one
 * seen) and are listed, so the report can name them and "Kelompokkan instansi" can suggest a
 * grouping for each.
 */
import { institutionKey } from './instansi-tokens';
import { InstitutionDirectory, tidy, type InstitutionRow } from './instansi-directory';
import type { Participant, QualityFinding } from './model';

export interface UngroupedSpelling {
  /** The spelling shown (the first seen of its key). */
  spelling: string;
  /** Every spelling of this key, first seen first. */
  spellings: string[];
  count: number;
  firstRow: number;
}

export interface Grouped<P = Participant> {
  participants: P[];
  ungrouped: UngroupedSpelling[];
}

/** What grouping reads of a participant (the report's tallies pass only these). */
type Placed = Pick<Participant, 'institution' | 'row'>;

/** The participants with canonical institutions (new objects; the input is not changed). */
export function groupInstitutions<P extends Placed = Participant>(
  participants: readonly P[],
  directory: InstitutionDirectory,
): Grouped<P> {
  const list: readonly P[] = Array.isArray(participants) ? participants : [];
  const resolved = new Map<string, { name: string; group: UngroupedSpelling | null }>();
  const ungrouped = new Map<string, UngroupedSpelling>();
  const out: P[] = new Array<P>(list.length);
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    const spelling = tidy(p.institution);
    if (spelling === '') {
      out[i] = p;
      continue;
    }
    let found = resolved.get(spelling);
    if (found === undefined) {
      const canonical = directory.canonicalOf(spelling);
      if (canonical !== null) found = { name: canonical, group: null };
      else {
        const key = institutionKey(spelling) || spelling;
        let group = ungrouped.get(key);
        if (group) group.spellings.push(spelling);
        else {
          group = { spelling, spellings: [spelling], count: 0, firstRow: p.row };
          ungrouped.set(key, group);
        }
        found = { name: group.spelling, group };
      }
      resolved.set(spelling, found);
    }
    if (found.group) found.group.count++;
    out[i] = found.name === p.institution ? p : { ...p, institution: found.name };
  }
  return { participants: out, ungrouped: [...ungrouped.values()] };
}

/** One finding per ungrouped spelling, at its first row. */
export function ungroupedFindings(ungrouped: readonly UngroupedSpelling[], column: string): QualityFinding[] {
  return ungrouped.map((u) => ({
    row: u.firstRow,
    column,
    code: 'institutionUngrouped' as const,
    message:
      `Baris ${u.firstRow}: instansi "${u.spelling}" (${u.count} baris` +
      `${u.spellings.length > 1 ? `, ${u.spellings.length} ejaan` : ''}) belum dikelompokkan di sheet Instansi; ` +
      'jalankan menu "Kelompokkan instansi".',
  }));
}

export interface Suggestion {
  spelling: string;
  canonical: string;
  /** A new canonical name (no row of the directory is close). */
  isNew: boolean;
  count: number;
}

/**
 * A grouping for each ungrouped spelling not already waiting in the sheet: the closest canonical
 * name, else a new institution under the spelling of its key seen first.
 */
export function suggestGroupings(
  ungrouped: readonly UngroupedSpelling[],
  directory: InstitutionDirectory,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const group of ungrouped) {
    const close = directory.closest(group.spelling);
    const canonical = close ? close.canonical : group.spelling;
    for (const spelling of new Set(group.spellings)) {
      if (directory.isPending(spelling)) continue;
      if (!close && spelling === canonical && directory.hasCanonical(canonical)) continue;
      suggestions.push({ spelling, canonical, isNew: !close, count: group.count });
    }
  }
  return suggestions;
}

/** The sheet rows that record suggestions with a status (Dikonfirmasi, or Usulan to decide later). */
export function suggestionRows(suggestions: readonly Suggestion[], status: string): InstitutionRow[] {
  return suggestions.map((s) => ({
    canonical: s.canonical,
    alias: s.isNew && s.spelling === s.canonical ? '' : s.spelling,
    status,
  }));
}
