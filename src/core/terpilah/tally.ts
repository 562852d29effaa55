/**
 * The summaries of summariseAll, counted one participant at a time: what the CLI uses to stream a
 * register of any length without keeping its participants. Memory grows with the number of
 * distinct activities, institutions and regencies, not with the rows: of the findings only
 * what any output shows is kept, per type a count and the first rows (QualityDigestTally). Codes and interning are encode.ts's (same labels, same first-seen order), and
 * the tables come from summaryFromCounts, so the figures are summariseAll's.
 */
import { AGE_GROUPS, LIFE_STAGES } from './age';
import { BABEL_NAMES, ROLE_CODES, UNKNOWN } from './categories';
import { looseKey } from './encode';
import type { Participant, QualityFinding, TableRow, TerpilahSummary } from './model';
import { countsOf, newProvenanceTally, tallyProvenance } from './provenance';
import { QualityDigestTally } from './quality-list';
import { emptyCounts, summaryFromCounts, type SparseCounts, type SummaryCounts } from './summaries';
import { tableRow } from './table-rows';

const AGE_INDEX = new Map(AGE_GROUPS.map((g, i) => [g, i] as const));
const LIFE_INDEX = new Map<string, number>(LIFE_STAGES.map((s, i) => [s, i] as const));
const ROLE_INDEX = new Map<string, number>(ROLE_CODES.map((r, i) => [r, i] as const));
const AGE_UNKNOWN = AGE_GROUPS.length;
const UNKNOWN_KEY = looseKey(UNKNOWN);

/** Sparse counters that grow: index → [L, P, unknown], in one plain array. */
class GrowingSparse implements SparseCounts {
  readonly touched: number[] = [];
  private readonly offsets = new Map<number, number>();
  private readonly cells: number[] = [];
  add(index: number, sex: number): void {
    let base = this.offsets.get(index);
    if (base === undefined) {
      base = this.cells.length;
      this.cells.push(0, 0, 0);
      this.offsets.set(index, base);
      this.touched.push(index);
    }
    this.cells[base + sex]++;
  }
  row(index: number, label: string): TableRow {
    const b = this.offsets.get(index);
    return b === undefined
      ? tableRow(label, 0, 0, 0)
      : tableRow(label, this.cells[b], this.cells[b + 1], this.cells[b + 2]);
  }
}

/**
 * Counters of the all-activities summary, dense by index ([L, P, unknown] at index × 3): its
 * indices are the interner's, so it holds no more than the interner does, and a count is an
 * array step instead of a Map lookup. `touched` keeps first-counted order (the tables' ties).
 */
class GrowingDense implements SparseCounts {
  readonly touched: number[] = [];
  private cells = new Int32Array(3 * 64);
  add(index: number, sex: number): void {
    const b = index * 3;
    if (b >= this.cells.length) {
      const cells = new Int32Array(Math.max(this.cells.length * 2, b + 3));
      cells.set(this.cells);
      this.cells = cells;
    }
    const c = this.cells;
    if (c[b] === 0 && c[b + 1] === 0 && c[b + 2] === 0) this.touched.push(index);
    c[b + sex]++;
  }
  row(index: number, label: string): TableRow {
    const b = index * 3;
    const c = this.cells;
    return b >= c.length ? tableRow(label, 0, 0, 0) : tableRow(label, c[b], c[b + 1], c[b + 2]);
  }
}

/** Interns texts case- and space-blind, as encode.ts does; -1 for "Tidak diketahui" itself. */
class Interner {
  private readonly exact = new Map<string, number>();
  private readonly loose = new Map<string, number>();
  constructor(readonly labels: string[] = []) {
    labels.forEach((label, i) => {
      this.exact.set(label, i);
      this.loose.set(looseKey(label), i);
    });
  }
  code(text: string): number {
    let index = this.exact.get(text);
    if (index === undefined) {
      const key = looseKey(text);
      if (key === UNKNOWN_KEY) {
        this.exact.set(text, -1);
        return -1;
      }
      index = this.loose.get(key);
      if (index === undefined) {
        index = this.labels.length;
        this.labels.push(text);
        this.loose.set(key, index);
      }
      this.exact.set(text, index);
    }
    return index;
  }
}

const newCounts = (activities: number | null) =>
  emptyCounts(activities, new GrowingSparse(), new GrowingSparse());

function count(
  counts: SummaryCounts,
  s: number,
  role: number,
  age: number,
  life: number,
  disability: number,
  institution: number,
  regency: number,
): void {
  counts.participants++;
  counts.sex[s]++;
  counts.role[role * 3 + s]++;
  counts.age[age * 3 + s]++;
  counts.life[life * 3 + s]++;
  counts.disability[disability * 3 + s]++;
  if (institution < 0) counts.institutionUnknown[s]++;
  else (counts.institution as GrowingSparse | GrowingDense).add(institution, s);
  if (regency < 0) counts.regencyUnknown[s]++;
  else (counts.regency as GrowingSparse | GrowingDense).add(regency, s);
}

export class SummaryTally {
  private readonly institutions = new Interner();
  private readonly regencies = new Interner([...BABEL_NAMES]);
  private readonly activityIndex = new Map<string, number>();
  private readonly activities: string[] = [];
  private readonly all = emptyCounts(null, new GrowingDense(), new GrowingDense());
  private readonly perActivity: SummaryCounts[] = [];
  private readonly findings = new QualityDigestTally();
  private readonly findingsPerActivity: QualityDigestTally[] = [];
  private readonly provenancePerActivity: Int32Array[] = [];

  /** Counts one participant, with the findings of its row. */
  add(p: Participant, findings: readonly QualityFinding[] = []): void {
    const activity = typeof p.activity === 'string' ? p.activity : '';
    let a = this.activityIndex.get(activity);
    if (a === undefined) {
      a = this.activities.length;
      this.activities.push(activity);
      this.activityIndex.set(activity, a);
      this.perActivity.push(newCounts(null));
      this.findingsPerActivity.push(new QualityDigestTally());
      this.provenancePerActivity.push(newProvenanceTally());
    }
    // The all-activities provenance is the sum of the activities' (summaries()).
    tallyProvenance(this.provenancePerActivity[a], p);
    const s = p.sex === 'L' ? 0 : p.sex === 'P' ? 1 : 2;
    const role = ROLE_INDEX.get(p.role as string) ?? 3;
    const age = AGE_INDEX.get(p.ageGroup as string) ?? AGE_UNKNOWN;
    const life = LIFE_INDEX.get(p.lifeStage as string) ?? 3;
    const disability = p.disability === true ? 0 : p.disability === false ? 1 : 2;
    const institutionText = typeof p.institution === 'string' ? p.institution : '';
    const institution = institutionText === '' ? -1 : this.institutions.code(institutionText);
    const regencyText = typeof p.regency === 'string' ? p.regency : '';
    const regency = regencyText === '' ? -1 : this.regencies.code(regencyText);
    count(this.all, s, role, age, life, disability, institution, regency);
    count(this.perActivity[a], s, role, age, life, disability, institution, regency);
    for (let k = 0; k < findings.length; k++) {
      this.findings.add(findings[k]);
      this.findingsPerActivity[a].add(findings[k]);
    }
  }

  /**
   * What summariseAll gives for the participants added: all activities first, then each. Each
   * summary keeps of its findings the first rows of each type (`quality`) and every type's count
   * (`qualityCounts`): what the report sheet and the printouts show.
   */
  summaries(): TerpilahSummary[] {
    const labels = {
      institutions: this.institutions.labels,
      regencies: this.regencies.labels,
      activities: this.activities,
    };
    const activities = new Int32Array(this.activities.length * 3);
    this.perActivity.forEach((counts, a) => activities.set(counts.sex, a * 3));
    const digest = (tally: QualityDigestTally) => tally.digest();
    const all = digest(this.findings);
    const provenance = newProvenanceTally();
    for (const own of this.provenancePerActivity)
      for (let i = 0; i < own.length; i++) provenance[i] += own[i];
    return [
      {
        ...summaryFromCounts({ ...this.all, activities }, labels, null, all.quality),
        qualityCounts: all.qualityCounts,
        provenance: countsOf(provenance),
      },
      ...this.perActivity.map((counts, a) => {
        const own = digest(this.findingsPerActivity[a]);
        return {
          ...summaryFromCounts(counts, labels, this.activities[a], own.quality),
          qualityCounts: own.qualityCounts,
          provenance: countsOf(this.provenancePerActivity[a]),
        };
      }),
    ];
  }
}
