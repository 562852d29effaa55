/**
 * The data-quality list summarised by type: per kind of finding its label, how many rows, the
 * first rows (by sheet row) and how many more. A register of 100,000 rows with 10,000 findings
 * then writes a few hundred lines, not 10,000, and the office still sees every kind of problem.
 */
import { t, type Language, type StringKey } from '../i18n';
import type { QualityCode, QualityFinding } from './model';

/** Rows listed per type; the rest are counted ("… dan 9.850 baris lain"). */
export const QUALITY_ROWS_PER_TYPE = 20;

/** The order of the types: what changes the counts first, duplicates last. */
const LABEL_KEYS: Record<QualityCode, StringKey> = {
  sexUnknown: 'qualitySexUnknown',
  sexFromNik: 'qualitySexFromNik',
  sexFromNip: 'qualitySexFromNip',
  sexContradictsNik: 'qualitySexContradictsNik',
  sexContradictsNip: 'qualitySexContradictsNip',
  birthDateFuture: 'qualityBirthDateFuture',
  birthDateImpossible: 'qualityBirthDateImpossible',
  birthDateContradictsNik: 'qualityBirthDateContradictsNik',
  ageUnknown: 'qualityAgeUnknown',
  ageInvalid: 'qualityAgeInvalid',
  ageOver100: 'qualityAgeOver100',
  ageContradictsNik: 'qualityAgeContradictsNik',
  ageContradictsNip: 'qualityAgeContradictsNip',
  nikStoredAsNumber: 'qualityNikStoredAsNumber',
  nikInvalid: 'qualityNikInvalid',
  nipInvalid: 'qualityNipInvalid',
  nameMissing: 'qualityNameMissing',
  duplicateNik: 'qualityDuplicateNik',
  duplicateNameInstitution: 'qualityDuplicateNameInstitution',
  institutionUngrouped: 'qualityInstitutionUngrouped',
};
const ORDER = new Map(Object.keys(LABEL_KEYS).map((code, i) => [code, i] as const));

/** A type's label (every code has one: the record is total, so a new code without a label fails typecheck). */
export function qualityLabel(code: QualityCode, language: Language = 'id'): string {
  return t(language, LABEL_KEYS[code]);
}

export interface QualityGroup {
  code: QualityCode;
  label: string;
  /** Findings of this type. */
  count: number;
  /** The first `perType` of them, by sheet row. */
  shown: QualityFinding[];
  /** count − shown.length. */
  more: number;
}

/** Findings grouped by type, in the fixed order of LABEL_KEYS. */
export function qualityDigest(
  findings: readonly QualityFinding[],
  perType: number = QUALITY_ROWS_PER_TYPE,
  language: Language = 'id',
): QualityGroup[] {
  const limit = Number.isFinite(perType) ? Math.max(0, Math.trunc(perType)) : QUALITY_ROWS_PER_TYPE;
  const groups = new Map<QualityCode, QualityFinding[]>();
  for (const finding of Array.isArray(findings) ? findings : []) {
    const list = groups.get(finding.code);
    if (list) list.push(finding);
    else groups.set(finding.code, [finding]);
  }
  const rank = (code: QualityCode) => ORDER.get(code) ?? ORDER.size;
  return [...groups]
    .map(([code, list], index) => ({ code, list, index }))
    .sort((a, b) => rank(a.code) - rank(b.code) || a.index - b.index)
    .map(({ code, list }) => {
      const shown = firstByRow(list, limit);
      return {
        code,
        label: qualityLabel(code, language),
        count: list.length,
        shown,
        more: list.length - shown.length,
      };
    });
}

/** The `limit` findings with the lowest rows, in row order (stable), without sorting them all. */
function firstByRow(list: QualityFinding[], limit: number): QualityFinding[] {
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) if (rowOf(list[i]) < rowOf(list[i - 1])) sorted = false;
  if (sorted) return list.slice(0, limit);
  return list
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rowOf(a.finding) - rowOf(b.finding) || a.index - b.index)
    .slice(0, limit)
    .map((x) => x.finding);
}

const rowOf = (finding: QualityFinding) => (Number.isFinite(finding.row) ? finding.row : Infinity);

/** "Nama kosong: 1, NIK ganda: 2": the types and their counts, for a one-line message. */
export function qualityTypesText(groups: readonly QualityGroup[], format: (n: number) => string): string {
  return groups.map((g) => `${g.label}: ${format(g.count)}`).join(', ');
}
