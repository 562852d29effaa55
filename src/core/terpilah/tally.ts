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
import type { Participant, QualityCode, QualityFinding, TableRow, TerpilahSummary } from './model';
import { countsOf, newProvenanceTally, tallyProvenance } from './provenance';
import { QualityDigestTally } from './quality-list';
import { emptyCounts, summaryFromCounts, type SparseCounts, type SummaryCounts } from './summaries';
import { tableRow } from './table-rows';

const AGE_INDEX = new Map(AGE_GROUPS.map((g, i) => [g, i] as const));
const LIFE_INDEX = new Map<string, number>(LIFE_STAGES.map((s, i) => [s, i] as const));
const ROLE_INDEX = new Map<string, number>(ROLE_CODES.map((r, i) => [r, i] as const));
const AGE_UNKNOWN = AGE_GROUPS.length;
const UNKNOWN_KEY = looseKey(UNKNOWN);

/** PairCounts as plain data. */
interface PairState {
  slots: Int32Array;
  mask: number;
  count: number;
  touched: number[][];
}

/** GrowingDense as plain data. */
interface DenseState {
  touched: number[];
  cells: Int32Array;
}

/** The fixed counters of a SummaryCounts. */
type FixedCounts = Pick<
  SummaryCounts,
  'participants' | 'sex' | 'role' | 'age' | 'life' | 'disability' | 'institutionUnknown' | 'regencyUnknown'
>;
const FIXED = ['sex', 'role', 'age', 'life', 'disability', 'institutionUnknown', 'regencyUnknown'] as const;

const fixedOf = (c: SummaryCounts): FixedCounts => ({
  participants: c.participants,
  sex: c.sex,
  role: c.role,
  age: c.age,
  life: c.life,
  disability: c.disability,
  institutionUnknown: c.institutionUnknown,
  regencyUnknown: c.regencyUnknown,
});

function addFixed(into: SummaryCounts, from: FixedCounts): void {
  into.participants += from.participants;
  for (const key of FIXED) {
    const a = into[key];
    const b = from[key];
    for (let i = 0; i < a.length; i++) a[i] += b[i];
  }
}

/** A QualityDigestTally as its digest (what summaries() reads of it). */
type DigestState = ReturnType<QualityDigestTally['digest']>;

/**
 * A SummaryTally as plain data, safe to post between threads: the CLI counts byte ranges of one
 * file on several threads and merges their tallies in file order (SummaryTally.merge).
 */
export interface SummaryTallyState {
  institutions: string[];
  regencies: string[];
  activities: string[];
  all: FixedCounts;
  perActivity: FixedCounts[];
  allInstitutions: DenseState;
  allRegencies: DenseState;
  institutionPairs: PairState;
  regencyPairs: PairState;
  findings: DigestState;
  findingsPerActivity: DigestState[];
  provenancePerActivity: Int32Array[];
}

/**
 * Adds a digest's findings to a tally: the kept ones (first rows), then the rest of each type's
 * count as findings past every row. Those are dropped at once: a type counted beyond its kept
 * findings kept perType of them, so the tally's list of that type is full of earlier rows.
 */
function addDigest(
  into: QualityDigestTally,
  digest: DigestState,
  shift: (finding: QualityFinding) => QualityFinding,
): void {
  const kept = new Map<string, number>();
  for (const finding of digest.quality) {
    into.add(shift(finding));
    kept.set(finding.code, (kept.get(finding.code) ?? 0) + 1);
  }
  for (const [code, count] of Object.entries(digest.qualityCounts) as [QualityCode, number][]) {
    const past: QualityFinding = { row: Infinity, code, message: '' };
    for (let n = count - (kept.get(code) ?? 0); n > 0; n--) into.add(past);
  }
}

/**
 * The activities' counters of one open-ended dimension (institution or regency), in one
 * open-addressing table: (activity, index) → [L, P, unknown], key and counters side by side in
 * five int32s. A row's count is then one slot (about one cache miss) instead of a Map per
 * activity (bucket, entry and counter array: three), and a pair takes ~27 bytes instead of ~50.
 */
class PairCounts {
  private slots = new Int32Array(5 * 1024);
  private mask = 1023;
  private count = 0;
  /** Per activity, its indices in first-counted order (the tables' ties). */
  readonly touched: number[][] = [];

  private slot(activity: number, index: number): number {
    let h = Math.imul(activity + 1, 0x9e3779b1) ^ index;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let i = (h ^ (h >>> 16)) & this.mask;
    const slots = this.slots;
    // An empty slot has key 0: activities are stored as activity + 1.
    while (slots[i * 5] !== 0 && (slots[i * 5] !== activity + 1 || slots[i * 5 + 1] !== index))
      i = (i + 1) & this.mask;
    return i * 5;
  }

  add(activity: number, index: number, sex: number): void {
    // The slot first: taking it may grow the table (a new `slots`).
    const at = this.pair(activity, index);
    this.slots[at + 2 + sex]++;
  }

  /** The offset of a pair's slot, taken (and the table grown) when the pair is new. */
  private pair(activity: number, index: number): number {
    let at = this.slot(activity, index);
    if (this.slots[at] === 0) {
      if ((this.count + 1) * 4 > (this.mask + 1) * 3) {
        this.grow();
        at = this.slot(activity, index);
      }
      this.count++;
      this.slots[at] = activity + 1;
      this.slots[at + 1] = index;
      (this.touched[activity] ??= []).push(index);
    }
    return at;
  }

  /** Adds [L, P, unknown] to a pair (merging another tally's). */
  addCounts(activity: number, index: number, l: number, p: number, u: number): void {
    const at = this.pair(activity, index);
    this.slots[at + 2] += l;
    this.slots[at + 3] += p;
    this.slots[at + 4] += u;
  }

  /** As plain data (a worker thread's answer). */
  state(): PairState {
    return { slots: this.slots, mask: this.mask, count: this.count, touched: this.touched };
  }

  static fromState(state: PairState): PairCounts {
    const pairs = new PairCounts();
    pairs.slots = state.slots as Int32Array<ArrayBuffer>;
    pairs.mask = state.mask;
    pairs.count = state.count;
    state.touched.forEach((touched, a) => (pairs.touched[a] = touched));
    return pairs;
  }

  /** The [L, P, unknown] of a pair. */
  countsOf(activity: number, index: number): [number, number, number] {
    const at = this.slot(activity, index);
    const c = this.slots;
    return c[at] === 0 ? [0, 0, 0] : [c[at + 2], c[at + 3], c[at + 4]];
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 5);
    for (let j = 0; j < old.length; j += 5) {
      if (old[j] === 0) continue;
      this.slots.set(old.subarray(j, j + 5), this.slot(old[j] - 1, old[j + 1]));
    }
  }

  /** One activity's counters, as summaryFromCounts reads them. */
  of(activity: number): SparseCounts {
    const touched = this.touched[activity] ?? [];
    return {
      touched,
      row: (index, label) => {
        const at = this.slot(activity, index);
        const c = this.slots;
        return c[at] === 0 ? tableRow(label, 0, 0, 0) : tableRow(label, c[at + 2], c[at + 3], c[at + 4]);
      },
    };
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
    const c = this.cell(index);
    c[index * 3 + sex]++;
  }
  /** Adds [L, P, unknown] to an index (merging another tally's). */
  addCounts(index: number, l: number, p: number, u: number): void {
    const c = this.cell(index);
    c[index * 3] += l;
    c[index * 3 + 1] += p;
    c[index * 3 + 2] += u;
  }
  /** The counters, grown to hold the index, which is marked touched when first counted. */
  private cell(index: number): Int32Array {
    const b = index * 3;
    if (b >= this.cells.length) {
      const cells = new Int32Array(Math.max(this.cells.length * 2, b + 3));
      cells.set(this.cells);
      this.cells = cells;
    }
    const c = this.cells;
    if (c[b] === 0 && c[b + 1] === 0 && c[b + 2] === 0) this.touched.push(index);
    return c;
  }
  state(): DenseState {
    return { touched: this.touched, cells: this.cells };
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

/** A SparseCounts the activities' counts never read (their pairs are in PairCounts). */
const NO_SPARSE: SparseCounts = Object.freeze({
  touched: [],
  row: (_: number, label: string) => tableRow(label, 0, 0, 0),
});
const newCounts = () => emptyCounts(null, NO_SPARSE, NO_SPARSE);

/** Counts the fixed dimensions and the unknowns of the open-ended ones (counted by the caller). */
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
  if (regency < 0) counts.regencyUnknown[s]++;
}

export class SummaryTally {
  private readonly institutions = new Interner();
  private readonly regencies = new Interner([...BABEL_NAMES]);
  private readonly activityIndex = new Map<string, number>();
  private readonly activities: string[] = [];
  private readonly allInstitutions = new GrowingDense();
  private readonly allRegencies = new GrowingDense();
  private readonly all = emptyCounts(null, this.allInstitutions, this.allRegencies);
  private readonly institutionPairs = new PairCounts();
  private readonly regencyPairs = new PairCounts();
  private readonly perActivity: SummaryCounts[] = [];
  private readonly findings = new QualityDigestTally();
  private readonly findingsPerActivity: QualityDigestTally[] = [];
  private readonly provenancePerActivity: Int32Array[] = [];

  /** Counts one participant, with the findings of its row. */
  add(p: Participant, findings: readonly QualityFinding[] = []): void {
    const a = this.activityOf(typeof p.activity === 'string' ? p.activity : '');
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
    if (institution >= 0) {
      this.allInstitutions.add(institution, s);
      this.institutionPairs.add(a, institution, s);
    }
    if (regency >= 0) {
      this.allRegencies.add(regency, s);
      this.regencyPairs.add(a, regency, s);
    }
    for (let k = 0; k < findings.length; k++) {
      this.findings.add(findings[k]);
      this.findingsPerActivity[a].add(findings[k]);
    }
  }

  /** The index of an activity, counted from now on (first seen: appended). */
  private activityOf(activity: string): number {
    let a = this.activityIndex.get(activity);
    if (a === undefined) {
      a = this.activities.length;
      this.activities.push(activity);
      this.activityIndex.set(activity, a);
      this.perActivity.push(newCounts());
      this.findingsPerActivity.push(new QualityDigestTally());
      this.provenancePerActivity.push(newProvenanceTally());
    }
    return a;
  }

  /** This tally as plain data (structured-clone safe). */
  state(): SummaryTallyState {
    return {
      institutions: this.institutions.labels,
      regencies: this.regencies.labels,
      activities: this.activities,
      all: fixedOf(this.all),
      perActivity: this.perActivity.map(fixedOf),
      allInstitutions: this.allInstitutions.state(),
      allRegencies: this.allRegencies.state(),
      institutionPairs: this.institutionPairs.state(),
      regencyPairs: this.regencyPairs.state(),
      findings: this.findings.digest(),
      findingsPerActivity: this.findingsPerActivity.map((f) => f.digest()),
      provenancePerActivity: this.provenancePerActivity,
    };
  }

  /**
   * Adds the tally of the rows that come after this one's in the file (another thread's
   * state): then summaries() are those of one tally over all the rows. New activities,
   * institutions and regencies follow this tally's in the other's first-seen order (the tables'
   * ties); `shift` turns the other's findings into this file's (their rows).
   */
  merge(other: SummaryTallyState, shift: (finding: QualityFinding) => QualityFinding = (f) => f): void {
    const institution = other.institutions.map((label) => this.institutions.code(label));
    const regency = other.regencies.map((label) => this.regencies.code(label));
    const activity = other.activities.map((name) => this.activityOf(name));
    addFixed(this.all, other.all);
    other.perActivity.forEach((counts, a) => addFixed(this.perActivity[activity[a]], counts));
    const dense = (into: GrowingDense, from: DenseState, map: number[]) => {
      for (const i of from.touched)
        into.addCounts(map[i], from.cells[i * 3], from.cells[i * 3 + 1], from.cells[i * 3 + 2]);
    };
    dense(this.allInstitutions, other.allInstitutions, institution);
    dense(this.allRegencies, other.allRegencies, regency);
    const pairs = (into: PairCounts, from: PairState, map: number[]) => {
      const source = PairCounts.fromState(from);
      source.touched.forEach((touched, a) => {
        for (const i of touched ?? []) into.addCounts(activity[a], map[i], ...source.countsOf(a, i));
      });
    };
    pairs(this.institutionPairs, other.institutionPairs, institution);
    pairs(this.regencyPairs, other.regencyPairs, regency);
    addDigest(this.findings, other.findings, shift);
    other.findingsPerActivity.forEach((digest, a) =>
      addDigest(this.findingsPerActivity[activity[a]], digest, shift),
    );
    other.provenancePerActivity.forEach((own, a) => {
      const into = this.provenancePerActivity[activity[a]];
      for (let i = 0; i < own.length; i++) into[i] += own[i];
    });
  }

  /**
   * Findings not attached to a counted participant's row (the CLI's duplicate check, replayed
   * after the threads): the first ones of a type in an activity, and how many there were.
   */
  addFindings(activity: string, code: QualityCode, kept: readonly QualityFinding[], count: number): void {
    const a = this.activityOf(activity);
    addDigest(this.findings, { quality: [...kept], qualityCounts: { [code]: count } }, (f) => f);
    addDigest(
      this.findingsPerActivity[a],
      { quality: [...kept], qualityCounts: { [code]: count } },
      (f) => f,
    );
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
          ...summaryFromCounts(
            { ...counts, institution: this.institutionPairs.of(a), regency: this.regencyPairs.of(a) },
            labels,
            this.activities[a],
            own.quality,
          ),
          qualityCounts: own.qualityCounts,
          provenance: countsOf(this.provenancePerActivity[a]),
        };
      }),
    ];
  }
}
