/**
 * The summaries of summariseAll, counted one participant at a time: what the CLI uses to stream a
 * register of any length without keeping its participants. Memory grows with the number of
 * distinct activities, institutions and regencies, not with the rows: of the findings only
 * what any output shows is kept, per type a count and the first rows (QualityDigestTally). Codes
 * and interning are encode.ts's (same labels, same first-seen order), and the tables come from
 * summaryFromCounts, so the figures are summariseAll's.
 */
import { AGE_GROUPS, LIFE_STAGES } from './age';
import { BABEL_NAMES, ROLE_CODES, UNKNOWN } from './categories';
import { looseKey } from './encode';
import type { Participant, QualityCode, QualityFinding, TerpilahSummary } from './model';
import { countsOf, newProvenanceTally, provenanceId, provenanceSources, VALUE_SOURCES } from './provenance';
import { QualityDigestTally } from './quality-list';
import { summaryFromCounts, type SparseCounts, type SummaryCounts } from './summaries';
import { tableRow } from './table-rows';

const AGE_INDEX = new Map(AGE_GROUPS.map((g, i) => [g, i] as const));
const LIFE_INDEX = new Map<string, number>(LIFE_STAGES.map((s, i) => [s, i] as const));
const ROLE_INDEX = new Map<string, number>(ROLE_CODES.map((r, i) => [r, i] as const));
const AGE_UNKNOWN = AGE_GROUPS.length;
const UNKNOWN_KEY = looseKey(UNKNOWN);

/** PairCounts as plain data: per activity its indices in first-counted order, and their [L, P, unknown]. */
interface PairState {
  touched: number[][];
  counts: Int32Array[];
}

/**
 * One activity's fixed counters in one Int32Array (participants, then per sex the small
 * dimensions, the unknown institutions and regencies, then its provenance tally): a row's counts
 * land in one block instead of seven arrays, and the all-activities counters are the blocks'
 * sum, taken when asked for (summaries, state) rather than counted a second time per row.
 * With the pairs' arrays below, on 300,000 rows of the generated register (CPU, medians of 15):
 * SummaryTally.add 0.64 → 0.54 µs a row.
 */
const SEX = 1;
const ROLE = SEX + 3;
const AGE = ROLE + 4 * 3;
const LIFE = AGE + (AGE_GROUPS.length + 1) * 3;
const DISABILITY = LIFE + 4 * 3;
const INSTITUTION_UNKNOWN = DISABILITY + 3 * 3;
const REGENCY_UNKNOWN = INSTITUTION_UNKNOWN + 3;
const PROVENANCE = REGENCY_UNKNOWN + 3;
const BLOCK = PROVENANCE + newProvenanceTally().length;
const SOURCES = VALUE_SOURCES.length;

/**
 * Rows a batch holds (SummaryTally.flush; 65,536 measured no faster), and the int32s of a row:
 * activity, the small dimensions (sex, disability, life stage, role: 2 bits each; age group),
 * institution, regency, provenance number.
 */
const BATCH = 16384;
const BATCHED = 5;

/** A block's counters as the SummaryCounts summaryFromCounts reads (views, no copies). */
function countsOfBlock(block: Int32Array, institution: SparseCounts, regency: SparseCounts): SummaryCounts {
  return {
    participants: block[0],
    sex: block.subarray(SEX, ROLE),
    role: block.subarray(ROLE, AGE),
    age: block.subarray(AGE, LIFE),
    life: block.subarray(LIFE, DISABILITY),
    disability: block.subarray(DISABILITY, INSTITUTION_UNKNOWN),
    institutionUnknown: block.subarray(INSTITUTION_UNKNOWN, REGENCY_UNKNOWN),
    regencyUnknown: block.subarray(REGENCY_UNKNOWN, PROVENANCE),
    activities: null,
    institution,
    regency,
  };
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
  /** Per activity its block (BLOCK counters). */
  perActivity: Int32Array[];
  institutionPairs: PairState;
  regencyPairs: PairState;
  findings: DigestState;
  findingsPerActivity: DigestState[];
}

/**
 * Adds a digest's findings to a tally: the kept ones (first rows), then the rest of each type's
 * count as findings past every row. Those are dropped at once: a type counted beyond its kept
 * findings kept perType of them, so the tally's list of that type is full of earlier rows.
 * `after`: the digest's rows all come after the tally's (merge), so a kept finding of a type the
 * tally has full is dropped as well, counted without being shifted (a range's ~40,000 kept
 * findings, most of them past the file's first rows by the second range).
 */
function addDigest(
  into: QualityDigestTally,
  digest: DigestState,
  shift: (finding: QualityFinding) => QualityFinding,
  after = false,
): void {
  const kept = new Map<string, number>();
  const past = (code: QualityCode): QualityFinding => ({ row: Infinity, code, message: '' });
  for (const finding of digest.quality) {
    into.add(after && into.isFull(finding.code) ? past(finding.code) : shift(finding));
    kept.set(finding.code, (kept.get(finding.code) ?? 0) + 1);
  }
  for (const [code, count] of Object.entries(digest.qualityCounts) as [QualityCode, number][]) {
    const beyond = past(code);
    for (let n = count - (kept.get(code) ?? 0); n > 0; n--) into.add(beyond);
  }
}

/**
 * The pairs of activities whose counters are too sparse for an array of their own (PairCounts),
 * in one open-addressing table: (activity, index) → [L, P, unknown], key and counters side by
 * side in five int32s, ~27 bytes a pair instead of ~50 in a Map per activity.
 */
class PairHash {
  private slots = new Int32Array(5 * 1024);
  private mask = 1023;
  private count = 0;

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

  /** Adds [L, P, unknown] to a pair; true when the pair is new. */
  addCounts(activity: number, index: number, l: number, p: number, u: number): boolean {
    let at = this.slot(activity, index);
    const isNew = this.slots[at] === 0;
    if (isNew) {
      if ((this.count + 1) * 4 > (this.mask + 1) * 3) {
        this.grow();
        at = this.slot(activity, index);
      }
      this.count++;
      this.slots[at] = activity + 1;
      this.slots[at + 1] = index;
    }
    this.slots[at + 2] += l;
    this.slots[at + 3] += p;
    this.slots[at + 4] += u;
    return isNew;
  }

  /** The counters of a pair, at `out[0..2]`. */
  countsOf(activity: number, index: number, out: Int32Array): void {
    const at = this.slot(activity, index);
    const c = this.slots;
    out[0] = c[at] === 0 ? 0 : c[at + 2];
    out[1] = c[at] === 0 ? 0 : c[at + 3];
    out[2] = c[at] === 0 ? 0 : c[at + 4];
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
}

/** Indices an activity's array starts with, and how sparse it may grow (see PairCounts). */
const DENSE_START = 16;
/**
 * `budget`: indices all the arrays may hold whatever their sparseness (2^20, 12 MB: every
 * register of a few thousand institutions); `slack`: past it, how much longer than 4 × its
 * counted indices an array may grow.
 */
export interface PairLimits {
  budget: number;
  slack: number;
}
const DENSE_LIMITS: PairLimits = { budget: 1 << 20, slack: 64 };

/**
 * The activities' counters of one open-ended dimension (institution or regency): per activity
 * an array [L, P, unknown] by index, so a row's count is one array step. The arrays together
 * hold up to PairLimits' budget of indices; past that, an array longer than 4 × its counted indices + 64
 * (a few rows among tens of thousands of institutions) moves its activity to the PairHash, so
 * memory stays linear in the pairs.
 * On the generated register (400 activities × ~300 institutions) one shared hash table for
 * every pair is 5 MB, a cache miss and a probe a row; the arrays are 1.4 MB.
 */
class PairCounts {
  /** Per activity its array, or null once its pairs are in the hash. */
  private readonly dense: (Int32Array | null)[] = [];
  private readonly hash = new PairHash();
  /** Per activity, its indices in first-counted order. */
  readonly touched: number[][] = [];
  private readonly scratch = new Int32Array(3);
  /** Indices the arrays hold. */
  private denseIndices = 0;

  constructor(private readonly limits: PairLimits = DENSE_LIMITS) {}

  add(activity: number, index: number, sex: number): void {
    const cells = this.dense[activity];
    const b = index * 3;
    if (cells && b < cells.length) {
      if (cells[b] === 0 && cells[b + 1] === 0 && cells[b + 2] === 0) this.touched[activity].push(index);
      cells[b + sex]++;
      return;
    }
    this.addCounts(activity, index, sex === 0 ? 1 : 0, sex === 1 ? 1 : 0, sex === 2 ? 1 : 0);
  }

  /** Adds [L, P, unknown] to a pair (a row's count, or another tally's when merging). */
  addCounts(activity: number, index: number, l: number, p: number, u: number): void {
    let cells = this.dense[activity];
    const touched = (this.touched[activity] ??= []);
    if (cells === undefined) {
      cells = this.dense[activity] = new Int32Array(DENSE_START * 3);
      this.denseIndices += DENSE_START;
    }
    if (cells && index * 3 >= cells.length) cells = this.widen(activity, cells, index);
    if (cells) {
      const b = index * 3;
      if (cells[b] === 0 && cells[b + 1] === 0 && cells[b + 2] === 0) touched.push(index);
      cells[b] += l;
      cells[b + 1] += p;
      cells[b + 2] += u;
    } else if (this.hash.addCounts(activity, index, l, p, u)) touched.push(index);
  }

  /** An activity's array grown to hold `index`, or null when that is too sparse (moved to the hash). */
  private widen(activity: number, cells: Int32Array, index: number): Int32Array | null {
    const size = Math.max((cells.length / 3) * 2, index + 1);
    const touched = this.touched[activity];
    const held = this.denseIndices + size - cells.length / 3;
    if (held > this.limits.budget && size > touched.length * 4 + this.limits.slack) {
      for (const i of touched)
        this.hash.addCounts(activity, i, cells[i * 3], cells[i * 3 + 1], cells[i * 3 + 2]);
      this.dense[activity] = null;
      this.denseIndices -= cells.length / 3;
      return null;
    }
    this.denseIndices = held;
    const wider = new Int32Array(size * 3);
    wider.set(cells);
    this.dense[activity] = wider;
    return wider;
  }

  /** The [L, P, unknown] of a pair, at `out[0..2]`. */
  countsOf(activity: number, index: number, out: Int32Array): void {
    const cells = this.dense[activity];
    if (cells === null) return this.hash.countsOf(activity, index, out);
    const b = index * 3;
    const has = cells !== undefined && b < cells.length;
    out[0] = has ? cells[b] : 0;
    out[1] = has ? cells[b + 1] : 0;
    out[2] = has ? cells[b + 2] : 0;
  }

  /** As plain data (a worker thread's answer): per activity its touched indices and their counts. */
  state(): PairState {
    const out = this.scratch;
    const counts = this.touched.map((indices, a) => {
      const own = new Int32Array((indices?.length ?? 0) * 3);
      (indices ?? []).forEach((i, k) => {
        this.countsOf(a, i, out);
        own.set(out, k * 3);
      });
      return own;
    });
    return { touched: this.touched, counts };
  }

  /** One activity's counters, as summaryFromCounts reads them. */
  of(activity: number): SparseCounts {
    const out = this.scratch;
    return {
      touched: this.touched[activity] ?? [],
      row: (index, label) => {
        this.countsOf(activity, index, out);
        return tableRow(label, out[0], out[1], out[2]);
      },
    };
  }
}

/**
 * The all-activities counters of an open-ended dimension, summed from the activities' pairs
 * when summaries are asked for (each row counted once, in its activity's pair). Every interned
 * index was counted, so `touched` is every index; the tables break ties by index.
 */
function allOf(pairs: PairCounts, size: number): SparseCounts {
  const cells = new Int32Array(size * 3);
  const touched: number[] = [];
  const out = new Int32Array(3);
  pairs.touched.forEach((indices, a) => {
    for (const i of indices ?? []) {
      pairs.countsOf(a, i, out);
      if (cells[i * 3] === 0 && cells[i * 3 + 1] === 0 && cells[i * 3 + 2] === 0) touched.push(i);
      cells[i * 3] += out[0];
      cells[i * 3 + 1] += out[1];
      cells[i * 3 + 2] += out[2];
    }
  });
  return { touched, row: (i, label) => tableRow(label, cells[i * 3], cells[i * 3 + 1], cells[i * 3 + 2]) };
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

export class SummaryTally {
  private readonly institutions = new Interner();
  private readonly regencies = new Interner([...BABEL_NAMES]);
  private readonly activityIndex = new Map<string, number>();
  private readonly activities: string[] = [];
  private readonly institutionPairs: PairCounts;
  private readonly regencyPairs: PairCounts;
  /** Per activity its counters (BLOCK int32s). */
  private readonly perActivity: Int32Array[] = [];
  private readonly findings = new QualityDigestTally();
  private readonly findingsPerActivity: QualityDigestTally[] = [];
  /** The activity of the row before: rows of one activity often come together. */
  private lastActivity = '';
  private lastIndex = -1;

  /** Rows counted but not yet added to the activities' counters (BATCHED int32s each). */
  private readonly batch: Int32Array;
  private batched = 0;
  /** The batch's rows by activity (a counting sort's order). */
  private readonly order: Int32Array;

  /**
   * `pairLimits`: when an activity's institutions or regencies move to the hash table; `batch`:
   * rows counted at a time (tests force both).
   */
  constructor(pairLimits?: PairLimits, batch = BATCH) {
    this.institutionPairs = new PairCounts(pairLimits);
    this.regencyPairs = new PairCounts(pairLimits);
    this.batch = new Int32Array(Math.max(1, batch) * BATCHED);
    this.order = new Int32Array(Math.max(1, batch));
  }

  /**
   * Counts one participant, with the findings of its row. Its texts are interned now (the
   * first-seen orders), its counts in the next batch (flush).
   */
  add(p: Participant, findings: readonly QualityFinding[] = []): void {
    const activity = typeof p.activity === 'string' ? p.activity : '';
    const a =
      activity === this.lastActivity && this.lastIndex >= 0 ? this.lastIndex : this.activityOf(activity);
    const s = p.sex === 'L' ? 0 : p.sex === 'P' ? 1 : 2;
    const role = ROLE_INDEX.get(p.role as string) ?? 3;
    const age = AGE_INDEX.get(p.ageGroup as string) ?? AGE_UNKNOWN;
    const life = LIFE_INDEX.get(p.lifeStage as string) ?? 3;
    const disability = p.disability === true ? 0 : p.disability === false ? 1 : 2;
    const institutionText = typeof p.institution === 'string' ? p.institution : '';
    const regencyText = typeof p.regency === 'string' ? p.regency : '';
    const at = this.batched * BATCHED;
    const batch = this.batch;
    batch[at] = a;
    batch[at + 1] = s | (disability << 2) | (life << 4) | (role << 6) | (age << 8);
    batch[at + 2] = institutionText === '' ? -1 : this.institutions.code(institutionText);
    batch[at + 3] = regencyText === '' ? -1 : this.regencies.code(regencyText);
    batch[at + 4] = provenanceId(p);
    if (++this.batched * BATCHED === batch.length) this.flush();
    for (let k = 0; k < findings.length; k++) {
      this.findings.add(findings[k]);
      this.findingsPerActivity[a].add(findings[k]);
    }
  }

  /**
   * Adds the batch to the counters, activity by activity: a register mixes its activities row
   * by row, and the counters of 400 activities (~2 MB) miss the cache on nearly every row when
   * counted in row order, but stay in it for the activity's rows of a batch. The counts are
   * sums, so the order they are added in changes nothing. 1 M rows, one thread: the tally's
   * self time 0.76 → 0.48 s in the profile, the CLI 9.2 → 8.4 s CPU (medians of 5, interleaved).
   */
  private flush(): void {
    const n = this.batched;
    if (n === 0) return;
    this.batched = 0;
    const { batch, order } = this;
    const starts = new Int32Array(this.activities.length + 1);
    for (let i = 0; i < n; i++) starts[batch[i * BATCHED] + 1]++;
    for (let a = 1; a < starts.length; a++) starts[a] += starts[a - 1];
    for (let i = 0; i < n; i++) order[starts[batch[i * BATCHED]]++] = i;
    for (let k = 0; k < n; k++) {
      const at = order[k] * BATCHED;
      const a = batch[at];
      const block = this.perActivity[a];
      const code = batch[at + 1];
      const s = code & 3;
      block[0]++;
      block[SEX + s]++;
      block[DISABILITY + ((code >> 2) & 3) * 3 + s]++;
      block[LIFE + ((code >> 4) & 3) * 3 + s]++;
      block[ROLE + ((code >> 6) & 3) * 3 + s]++;
      block[AGE + (code >> 8) * 3 + s]++;
      const institution = batch[at + 2];
      if (institution < 0) block[INSTITUTION_UNKNOWN + s]++;
      else this.institutionPairs.add(a, institution, s);
      const regency = batch[at + 3];
      if (regency < 0) block[REGENCY_UNKNOWN + s]++;
      else this.regencyPairs.add(a, regency, s);
      const sources = provenanceSources(batch[at + 4]);
      for (let f = 0; f < sources.length; f++) block[PROVENANCE + f * SOURCES + sources[f]]++;
    }
  }

  /** The index of an activity, counted from now on (first seen: appended). */
  private activityOf(activity: string): number {
    let a = this.activityIndex.get(activity);
    if (a === undefined) {
      a = this.activities.length;
      this.activities.push(activity);
      this.activityIndex.set(activity, a);
      this.perActivity.push(new Int32Array(BLOCK));
      this.findingsPerActivity.push(new QualityDigestTally());
    }
    this.lastActivity = activity;
    this.lastIndex = a;
    return a;
  }

  /** This tally as plain data (structured-clone safe). */
  state(): SummaryTallyState {
    this.flush();
    return {
      institutions: this.institutions.labels,
      regencies: this.regencies.labels,
      activities: this.activities,
      perActivity: this.perActivity,
      institutionPairs: this.institutionPairs.state(),
      regencyPairs: this.regencyPairs.state(),
      findings: this.findings.digest(),
      findingsPerActivity: this.findingsPerActivity.map((f) => f.digest()),
    };
  }

  /**
   * Adds the tally of the rows that come after this one's in the file (another thread's
   * state): then summaries() are those of one tally over all the rows. New activities,
   * institutions and regencies follow this tally's in the other's first-seen order (the tables'
   * ties); `shift` turns the other's findings into this file's (their rows).
   */
  merge(other: SummaryTallyState, shift: (finding: QualityFinding) => QualityFinding = (f) => f): void {
    this.flush();
    const institution = other.institutions.map((label) => this.institutions.code(label));
    const regency = other.regencies.map((label) => this.regencies.code(label));
    const activity = other.activities.map((name) => this.activityOf(name));
    other.perActivity.forEach((block, a) => {
      const into = this.perActivity[activity[a]];
      for (let i = 0; i < BLOCK; i++) into[i] += block[i];
    });
    const pairs = (into: PairCounts, from: PairState, map: number[]) =>
      from.touched.forEach((touched, a) =>
        (touched ?? []).forEach((i, k) => {
          const c = from.counts[a];
          into.addCounts(activity[a], map[i], c[k * 3], c[k * 3 + 1], c[k * 3 + 2]);
        }),
      );
    pairs(this.institutionPairs, other.institutionPairs, institution);
    pairs(this.regencyPairs, other.regencyPairs, regency);
    addDigest(this.findings, other.findings, shift, true);
    other.findingsPerActivity.forEach((digest, a) =>
      addDigest(this.findingsPerActivity[activity[a]], digest, shift, true),
    );
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
    this.flush();
    const labels = {
      institutions: this.institutions.labels,
      regencies: this.regencies.labels,
      activities: this.activities,
    };
    const total = new Int32Array(BLOCK);
    const activities = new Int32Array(this.activities.length * 3);
    this.perActivity.forEach((block, a) => {
      for (let i = 0; i < BLOCK; i++) total[i] += block[i];
      activities.set(block.subarray(SEX, SEX + 3), a * 3);
    });
    const all = this.findings.digest();
    const allCounts = countsOfBlock(
      total,
      allOf(this.institutionPairs, this.institutions.labels.length),
      allOf(this.regencyPairs, this.regencies.labels.length),
    );
    return [
      {
        ...summaryFromCounts({ ...allCounts, activities }, labels, null, all.quality),
        qualityCounts: all.qualityCounts,
        provenance: countsOf(total.subarray(PROVENANCE)),
      },
      ...this.perActivity.map((block, a) => {
        const own = this.findingsPerActivity[a].digest();
        return {
          ...summaryFromCounts(
            countsOfBlock(block, this.institutionPairs.of(a), this.regencyPairs.of(a)),
            labels,
            this.activities[a],
            own.quality,
          ),
          qualityCounts: own.qualityCounts,
          provenance: countsOf(block.subarray(PROVENANCE)),
        };
      }),
    ];
  }
}
