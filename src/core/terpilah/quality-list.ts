/**
 * The data-quality list summarised by type: per kind of finding its label, how many rows, the
 * first rows (by sheet row) and how many more. A register of 100,000 rows with 10,000 findings
 * then writes a few hundred lines, not 10,000, and the office still sees every kind of problem.
 */
import { t, type Language, type StringKey } from '../i18n';
import type { QualityCode, QualityFinding, TerpilahSummary } from './model';

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
  /** When `findings` are only the first rows of each type: every type's count (TerpilahSummary.qualityCounts). */
  counts?: Partial<Record<QualityCode, number>>,
): QualityGroup[] {
  const limit = Number.isFinite(perType) ? Math.max(0, Math.trunc(perType)) : QUALITY_ROWS_PER_TYPE;
  const groups = new Map<QualityCode, QualityFinding[]>();
  // A type counted but with no row kept (perType 0) is still a group.
  for (const [code, n] of Object.entries(counts ?? {}) as [QualityCode, number][])
    if (n > 0) groups.set(code, []);
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
      const count = Math.max(counts?.[code] ?? 0, list.length);
      return { code, label: qualityLabel(code, language), count, shown, more: count - shown.length };
    });
}

/** How many findings a set of findings stands for (every type's count, when only the first rows were kept). */
export function findingCount(
  findings: readonly QualityFinding[],
  counts?: Partial<Record<QualityCode, number>>,
): number {
  if (!counts) return findings.length;
  return Object.values(counts).reduce((sum: number, n) => sum + (n ?? 0), 0);
}

/**
 * The findings of a list of summaries, once: the all-activities summary's (it holds every
 * finding), or, without one, each summary's in row order, their counts added up.
 */
export function qualityOfSummaries(summaries: readonly TerpilahSummary[]): {
  findings: QualityFinding[];
  counts?: Partial<Record<QualityCode, number>>;
} {
  const all = summaries.find((s) => s.activity === null);
  if (all) return { findings: Array.isArray(all.quality) ? all.quality : [], counts: all.qualityCounts };
  const seen = new Set<QualityFinding>();
  const findings: QualityFinding[] = [];
  let counts: Partial<Record<QualityCode, number>> | undefined;
  for (const s of summaries) {
    for (const f of Array.isArray(s.quality) ? s.quality : [])
      if (!seen.has(f)) {
        seen.add(f);
        findings.push(f);
      }
    if (s.qualityCounts) {
      counts ??= {};
      for (const [code, n] of Object.entries(s.qualityCounts) as [QualityCode, number][])
        counts[code] = (counts[code] ?? 0) + n;
    }
  }
  return { findings: findings.sort((a, b) => a.row - b.row), counts };
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

/**
 * qualityDigest built as findings arrive, in memory bounded by the number of types: per type
 * the count and the `perType` findings with the lowest rows (ties: the first added). What the
 * CLI keeps of a stream's findings, whatever its length; groups() equals qualityDigest of every
 * finding added (test/core/terpilah/quality-list.test.ts).
 */
export class QualityDigestTally {
  /** Findings kept per type. */
  readonly perType: number;
  /**
   * Per type its count, the kept findings and the last kept row (read on every add without
   * loading an old finding: 1 M rows 148 → 69 ms).
   */
  private readonly byCode = new Map<QualityCode, { count: number; kept: QualityFinding[]; last: number }>();
  private total = 0;

  constructor(perType: number = QUALITY_ROWS_PER_TYPE) {
    this.perType = Number.isFinite(perType) ? Math.max(0, Math.trunc(perType)) : QUALITY_ROWS_PER_TYPE;
  }

  /** Findings added. */
  get count(): number {
    return this.total;
  }

  /** Whether the type keeps no more findings after its kept ones (a later row is dropped at once). */
  isFull(code: QualityCode): boolean {
    const entry = this.byCode.get(code);
    return entry !== undefined && entry.kept.length === this.perType;
  }

  add(finding: QualityFinding): void {
    this.total++;
    let entry = this.byCode.get(finding.code);
    if (!entry) this.byCode.set(finding.code, (entry = { count: 0, kept: [], last: -Infinity }));
    entry.count++;
    const { kept } = entry;
    const row = rowOf(finding);
    // Rows mostly arrive in order: a finding past the kept ones is dropped at once.
    if (kept.length === this.perType && (this.perType === 0 || row >= entry.last)) return;
    let at = kept.length;
    while (at > 0 && rowOf(kept[at - 1]) > row) at--;
    kept.splice(at, 0, finding);
    if (kept.length > this.perType) kept.pop();
    entry.last = rowOf(kept[kept.length - 1]);
  }

  /** The kept findings (the first rows of each type) and every type's count: a summary's `quality` and `qualityCounts`. */
  digest(): { quality: QualityFinding[]; qualityCounts: Partial<Record<QualityCode, number>> } {
    const quality = [...this.byCode.values()].flatMap((e) => e.kept); // per type, in row order
    const qualityCounts: Partial<Record<QualityCode, number>> = {};
    for (const [code, entry] of this.byCode) qualityCounts[code] = entry.count;
    return { quality, qualityCounts };
  }

  groups(language: Language = 'id'): QualityGroup[] {
    const rank = (code: QualityCode) => ORDER.get(code) ?? ORDER.size;
    return [...this.byCode]
      .map(([code, entry], index) => ({ code, entry, index }))
      .sort((a, b) => rank(a.code) - rank(b.code) || a.index - b.index)
      .map(({ code, entry }) => ({
        code,
        label: qualityLabel(code, language),
        count: entry.count,
        shown: [...entry.kept],
        more: entry.count - entry.kept.length,
      }));
  }
}
