/**
 * The report's tallies: what "Buat Laporan Data Terpilah" over every activity needs, kept in the
 * counts index (server/terpilah/register-counts.ts) so that a report of a fresh register reads a
 * few cells instead of `Peserta`. Per activity and for all activities together: the counts per
 * category × sex of every table, the provenance counts, and the date its ages were computed at;
 * the institutions and regencies interned as tally.ts / encode.ts intern them (first spelling seen
 * is the label, case- and space-blind); of the findings only what the report shows: per type the
 * count and the first QUALITY_ROWS_PER_TYPE rows (quality-list.ts). No row's data is kept.
 *
 * Rows are added in sheet order (a full read, then the rows the add-in appends below the last):
 * so the figures are summariseAll's over every row, and the summaries built here give the same
 * report sheet (test/server/report-tallies.test.ts). A whole NIK appears only in `Peserta`: labels
 * and messages are stored with NIKs masked (the report masks every text it writes the same way),
 * and a label's matching key is stored as a hash when a NIK is in it.
 */
import { parseDate } from '../dates';
import { maskNiksIn } from '../privacy/mask-nik';
import { DEFAULT_TIME_ZONE, isoDateInZone } from '../time';
import { AGE_GROUPS, LIFE_STAGES } from './age';
import { BABEL_NAMES, ROLE_CODES, UNKNOWN } from './categories';
import { looseKey } from './encode';
import type { Participant, QualityCode, QualityFinding, TableRow, TerpilahSummary } from './model';
import { countsOf, newProvenanceTally, tallyProvenance } from './provenance';
import { QUALITY_ROWS_PER_TYPE } from './quality-list';
import { activityKey } from './register-counts';
import { emptyCounts, summaryFromCounts, type SparseCounts, type SummaryCounts } from './summaries';
import { tableRow } from './table-rows';

const AGE_INDEX = new Map(AGE_GROUPS.map((g, i) => [g, i] as const));
const LIFE_INDEX = new Map<string, number>(LIFE_STAGES.map((s, i) => [s, i] as const));
const ROLE_INDEX = new Map<string, number>(ROLE_CODES.map((r, i) => [r, i] as const));
const AGE_UNKNOWN = AGE_GROUPS.length;
const UNKNOWN_KEY = looseKey(UNKNOWN);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Counts of one summary, as stored: fixed arrays, and [index, L, P, unknown] of the open ones. */
interface StoredSummaryCounts {
  n: number;
  sex: number[];
  role: number[];
  age: number[];
  life: number[];
  disability: number[];
  iu: number[];
  ru: number[];
  inst: number[][];
  reg: number[][];
  prov: number[];
}

interface StoredActivity {
  /** activityKey of the name: how appended rows find it. */
  key: string;
  /** The name, NIKs masked. */
  label: string;
  /** The date its ages were computed at (its own date, or the reference date). */
  date: string;
  counts: StoredSummaryCounts;
}

interface StoredFindings {
  code: QualityCode;
  count: number;
  kept: QualityFinding[];
}

/** The tallies as JSON. */
export interface StoredTallies {
  v: 1;
  /** The reference date of activities without their own date. */
  referenceDate: string;
  activities: StoredActivity[];
  all: StoredSummaryCounts;
  /** Interned institutions and regencies (after BABEL_NAMES): [matching key, label]. */
  institutions: [string, string][];
  regencies: [string, string][];
  findings: StoredFindings[];
}

const zeros = (n: number) => new Array<number>(n).fill(0);

function emptyStored(): StoredSummaryCounts {
  return {
    n: 0,
    sex: zeros(3),
    role: zeros(4 * 3),
    age: zeros((AGE_GROUPS.length + 1) * 3),
    life: zeros(4 * 3),
    disability: zeros(3 * 3),
    iu: zeros(3),
    ru: zeros(3),
    inst: [],
    reg: [],
    prov: Array.from(newProvenanceTally()),
  };
}

/** Open-ended counters: index → [L, P, unknown], in the order first counted. */
class OpenCounts implements SparseCounts {
  readonly touched: number[] = [];
  private readonly cells = new Map<number, number[]>();
  constructor(stored: readonly number[][]) {
    for (const [index, L, P, u] of stored) {
      this.touched.push(index);
      this.cells.set(index, [L, P, u]);
    }
  }
  add(index: number, sex: number): void {
    let c = this.cells.get(index);
    if (!c) {
      this.cells.set(index, (c = [0, 0, 0]));
      this.touched.push(index);
    }
    c[sex]++;
  }
  /** Adds another part's [L, P, unknown] of `index` (in-order merge: first counted stays first). */
  addAll(index: number, counts: readonly number[]): void {
    let c = this.cells.get(index);
    if (!c) {
      this.cells.set(index, (c = [0, 0, 0]));
      this.touched.push(index);
    }
    for (let s = 0; s < 3; s++) c[s] += counts[s];
  }
  /** [L, P, unknown] of `index`. */
  of(index: number): readonly number[] {
    return this.cells.get(index) ?? [0, 0, 0];
  }
  row(index: number, label: string): TableRow {
    const c = this.cells.get(index) ?? [0, 0, 0];
    return tableRow(label, c[0], c[1], c[2]);
  }
  stored(): number[][] {
    return this.touched.map((index) => [index, ...(this.cells.get(index) ?? [0, 0, 0])]);
  }
}

/** Live counters of one summary. */
class Counts {
  readonly counts: SummaryCounts;
  readonly provenance: Int32Array;
  constructor(stored: StoredSummaryCounts) {
    this.counts = emptyCounts(null, new OpenCounts(stored.inst), new OpenCounts(stored.reg));
    const c = this.counts;
    c.participants = stored.n;
    c.sex.set(stored.sex);
    c.role.set(stored.role);
    c.age.set(stored.age);
    c.life.set(stored.life);
    c.disability.set(stored.disability);
    c.institutionUnknown.set(stored.iu);
    c.regencyUnknown.set(stored.ru);
    this.provenance = Int32Array.from(stored.prov);
  }
  add(
    p: Participant,
    codes: { s: number; role: number; age: number; life: number; dis: number },
    inst: number,
    reg: number,
  ) {
    const c = this.counts;
    const { s } = codes;
    c.participants++;
    c.sex[s]++;
    c.role[codes.role * 3 + s]++;
    c.age[codes.age * 3 + s]++;
    c.life[codes.life * 3 + s]++;
    c.disability[codes.dis * 3 + s]++;
    if (inst < 0) c.institutionUnknown[s]++;
    else (c.institution as OpenCounts).add(inst, s);
    if (reg < 0) c.regencyUnknown[s]++;
    else (c.regency as OpenCounts).add(reg, s);
    tallyProvenance(this.provenance, p);
  }
  /** Adds the counts of a later part, its institutions and regencies renumbered (`inst`, `reg`). */
  absorb(other: Counts, inst: readonly number[], reg: readonly number[]): void {
    const c = this.counts;
    const o = other.counts;
    c.participants += o.participants;
    const add = (into: Int32Array | number[], from: ArrayLike<number>) => {
      for (let i = 0; i < from.length; i++) into[i] += from[i];
    };
    add(c.sex, o.sex);
    add(c.role, o.role);
    add(c.age, o.age);
    add(c.life, o.life);
    add(c.disability, o.disability);
    add(c.institutionUnknown, o.institutionUnknown);
    add(c.regencyUnknown, o.regencyUnknown);
    add(this.provenance, other.provenance);
    const open = (into: OpenCounts, from: OpenCounts, map: readonly number[]) => {
      for (const index of from.touched) into.addAll(map[index], from.of(index));
    };
    open(c.institution as OpenCounts, o.institution as OpenCounts, inst);
    open(c.regency as OpenCounts, o.regency as OpenCounts, reg);
  }
  stored(): StoredSummaryCounts {
    const c = this.counts;
    return {
      n: c.participants,
      sex: Array.from(c.sex),
      role: Array.from(c.role),
      age: Array.from(c.age),
      life: Array.from(c.life),
      disability: Array.from(c.disability),
      iu: Array.from(c.institutionUnknown),
      ru: Array.from(c.regencyUnknown),
      inst: (c.institution as OpenCounts).stored(),
      reg: (c.regency as OpenCounts).stored(),
      prov: Array.from(this.provenance),
    };
  }
}

/** The matching key of a label as stored: hashed when a NIK is in it (activityKey's rule). */
const storedKey = (text: string) => activityKey(looseKey(text));

/** Interns texts case- and space-blind, as encode.ts; -1 for "Tidak diketahui" itself. */
class Labels {
  readonly keys: string[] = [];
  readonly labels: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(entries: readonly (readonly [string, string])[]) {
    for (const [key, label] of entries) this.push(key, label);
  }
  private push(key: string, label: string): number {
    const at = this.labels.length;
    this.keys.push(key);
    this.labels.push(label);
    this.index.set(key, at);
    return at;
  }
  /** The index of a stored key; null when none has it. */
  indexOf(key: string): number | null {
    return this.index.get(key) ?? null;
  }
  /** The index of a stored key (a later part's), interned with its label when new. */
  intern(key: string, label: string): number {
    return this.index.get(key) ?? this.push(key, label);
  }
  code(text: string): number {
    const loose = looseKey(text);
    if (loose === UNKNOWN_KEY) return -1;
    const key = storedKey(text);
    return this.index.get(key) ?? this.push(key, maskNiksIn(text));
  }
  stored(from = 0): [string, string][] {
    return this.keys.slice(from).map((key, i) => [key, this.labels[from + i]]);
  }
}

/** The date ages are computed at for an activity: its own readable date, else the reference date (normalise.ts's rule). */
/** The reference date as the normaliser reads it (today in the zone when unreadable). */
function referenceDateOf(referenceDate: string, timeZone: string): string {
  const base = parseDate(referenceDate);
  return base && ISO.test(base) ? base : isoDateInZone(new Date(), timeZone);
}

export function activityDateResolver(
  referenceDate: string,
  activityDates: Record<string, string> | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): (activity: string) => string {
  const fallback = referenceDateOf(referenceDate, timeZone);
  const dates = activityDates ?? {};
  return (activity) => {
    const given = Object.prototype.hasOwnProperty.call(dates, activity) ? parseDate(dates[activity]) : null;
    return given && ISO.test(given) ? given : fallback;
  };
}

export class ReportTallies {
  readonly referenceDate: string;
  private readonly activities: { key: string; label: string; date: string; counts: Counts }[];
  private readonly byKey = new Map<string, number>();
  private readonly all: Counts;
  private readonly institutions: Labels;
  private readonly regencies: Labels;
  private readonly findings: StoredFindings[];

  private constructor(stored: StoredTallies) {
    this.referenceDate = stored.referenceDate;
    this.activities = stored.activities.map((a) => ({ ...a, counts: new Counts(a.counts) }));
    this.activities.forEach((a, i) => this.byKey.set(a.key, i));
    this.all = new Counts(stored.all);
    this.institutions = new Labels(stored.institutions);
    this.regencies = new Labels([
      ...BABEL_NAMES.map((name) => [storedKey(name), name] as const),
      ...stored.regencies,
    ]);
    this.findings = stored.findings.map((f) => ({ ...f, kept: [...f.kept] }));
  }

  static empty(referenceDate: string): ReportTallies {
    return new ReportTallies({
      v: 1,
      referenceDate,
      activities: [],
      all: emptyStored(),
      institutions: [],
      regencies: [],
      findings: [],
    });
  }

  /** The tallies from their JSON; null when it is not a complete set. */
  static parse(text: string): ReportTallies | null {
    try {
      return ReportTallies.fromStored(JSON.parse(text));
    } catch {
      return null;
    }
  }

  /** The tallies from their parsed JSON; null when it is not a complete set. */
  static fromStored(parsed: unknown): ReportTallies | null {
    try {
      const stored = parsed as StoredTallies;
      if (!stored || stored.v !== 1 || typeof stored.referenceDate !== 'string') return null;
      const counts = (c: StoredSummaryCounts) =>
        Number.isInteger(c.n) &&
        [c.sex, c.role, c.age, c.life, c.disability, c.iu, c.ru, c.prov].every(
          (a) => Array.isArray(a) && a.every((x) => Number.isInteger(x)),
        ) &&
        [c.inst, c.reg].every((a) => Array.isArray(a) && a.every((x) => Array.isArray(x) && x.length === 4));
      if (!Array.isArray(stored.activities) || !counts(stored.all)) return null;
      if (
        !stored.activities.every(
          (a) => typeof a.key === 'string' && typeof a.date === 'string' && counts(a.counts),
        )
      )
        return null;
      if (![stored.institutions, stored.regencies, stored.findings].every(Array.isArray)) return null;
      return new ReportTallies(stored);
    } catch {
      return null;
    }
  }

  /** The tallies as JSON text. */
  text(): string {
    return JSON.stringify(this.stored());
  }

  /** The tallies as their JSON object. */
  stored(): StoredTallies {
    return {
      v: 1,
      referenceDate: this.referenceDate,
      activities: this.activities.map((a) => ({
        key: a.key,
        label: a.label,
        date: a.date,
        counts: a.counts.stored(),
      })),
      all: this.all.stored(),
      institutions: this.institutions.stored(),
      regencies: this.regencies.stored(BABEL_NAMES.length),
      findings: this.findings,
    };
  }

  /**
   * Adds the tallies of the rows right below these (a later block): what counting its rows here
   * would give — counts added, its institutions, regencies and activities interned after these
   * ones in its own first-seen order, its findings after these per type (the first rows kept).
   */
  absorb(part: ReportTallies): void {
    const inst = part.institutions.keys.map((key, i) =>
      this.institutions.intern(key, part.institutions.labels[i]),
    );
    const reg = part.regencies.keys.map((key, i) => this.regencies.intern(key, part.regencies.labels[i]));
    for (const a of part.activities) {
      let at = this.byKey.get(a.key);
      if (at === undefined) {
        at = this.activities.length;
        this.activities.push({ key: a.key, label: a.label, date: a.date, counts: new Counts(emptyStored()) });
        this.byKey.set(a.key, at);
      }
      this.activities[at].counts.absorb(a.counts, inst, reg);
    }
    this.all.absorb(part.all, inst, reg);
    for (const f of part.findings) {
      let entry = this.findings.find((e) => e.code === f.code);
      if (!entry) this.findings.push((entry = { code: f.code, count: 0, kept: [] }));
      entry.count += f.count;
      for (const kept of f.kept) if (entry.kept.length < QUALITY_ROWS_PER_TYPE) entry.kept.push(kept);
    }
  }

  /** Whether every activity's ages were computed at the date it gets now (normalise.ts's rule). */
  datesMatch(
    referenceDate: string,
    activityDates: Record<string, string> | undefined,
    timeZone: string,
  ): boolean {
    const dateOf = activityDateResolver(referenceDate, activityDates, timeZone);
    const fallback = referenceDateOf(referenceDate, timeZone);
    const byKey = new Map<string, string>();
    for (const name of Object.keys(activityDates ?? {})) byKey.set(activityKey(name), dateOf(name));
    return this.activities.every((a) => (byKey.get(a.key) ?? fallback) === a.date);
  }

  /** The date an activity's ages were computed at; null when it has no participant yet. */
  dateOf(activity: string): string | null {
    const a = this.byKey.get(activityKey(activity));
    return a === undefined ? null : this.activities[a].date;
  }

  /** Counts one participant (rows in sheet order); `date`: the date its activity's ages were computed at. */
  add(p: Participant, date: string): void {
    const activity = typeof p.activity === 'string' ? p.activity : '';
    const key = activityKey(activity);
    let a = this.byKey.get(key);
    if (a === undefined) {
      a = this.activities.length;
      this.activities.push({ key, label: maskNiksIn(activity), date, counts: new Counts(emptyStored()) });
      this.byKey.set(key, a);
    }
    const codes = {
      s: p.sex === 'L' ? 0 : p.sex === 'P' ? 1 : 2,
      role: ROLE_INDEX.get(p.role as string) ?? 3,
      age: AGE_INDEX.get(p.ageGroup as string) ?? AGE_UNKNOWN,
      life: LIFE_INDEX.get(p.lifeStage as string) ?? 3,
      dis: p.disability === true ? 0 : p.disability === false ? 1 : 2,
    };
    const institutionText = typeof p.institution === 'string' ? p.institution : '';
    const inst = institutionText === '' ? -1 : this.institutions.code(institutionText);
    const regencyText = typeof p.regency === 'string' ? p.regency : '';
    const reg = regencyText === '' ? -1 : this.regencies.code(regencyText);
    this.all.add(p, codes, inst, reg);
    this.activities[a].counts.add(p, codes, inst, reg);
  }

  /** Counts one finding (in row order, after its row's participant). */
  addFinding(finding: QualityFinding): void {
    let entry = this.findings.find((f) => f.code === finding.code);
    if (!entry) this.findings.push((entry = { code: finding.code, count: 0, kept: [] }));
    entry.count++;
    if (entry.kept.length >= QUALITY_ROWS_PER_TYPE) return;
    const kept: QualityFinding = {
      row: finding.row,
      code: finding.code,
      message: maskNiksIn(String(finding.message ?? '')),
    };
    if (finding.column !== undefined) kept.column = maskNiksIn(finding.column);
    entry.kept.push(kept);
  }

  /** The interned institutions some row was counted with, first counted first. */
  institutionsCounted(): readonly number[] {
    return (this.all.counts.institution as OpenCounts).touched;
  }

  /**
   * The interned index of an institution as a participant carries it (-1: blank or "Tidak
   * diketahui", counted as unknown); null when no row counted has it.
   */
  institutionIndex(text: string): number | null {
    if (text === '' || looseKey(text) === UNKNOWN_KEY) return -1;
    return this.institutions.indexOf(storedKey(text));
  }

  /**
   * summariseAll's summaries (all activities first, then each); findings as the first rows per
   * type and each type's count. `regroup`: every institution counted under another name (see
   * Regroup), and findings of types these tallies do not hold.
   */
  summaries(regroup?: Regroup): TerpilahSummary[] {
    const institutions = regroup ? regroupedLabels(this.all, regroup.names) : null;
    const summaryCounts = (c: Counts): SummaryCounts =>
      institutions ? regroupedCounts(c.counts, institutions.index) : c.counts;
    const labels = {
      institutions: institutions ? institutions.labels : this.institutions.labels,
      regencies: this.regencies.labels,
      activities: this.activities.map((a) => a.label),
    };
    const activities = new Int32Array(this.activities.length * 3);
    this.activities.forEach((a, i) => activities.set(a.counts.counts.sex, i * 3));
    const findings = withFindings(this.findings, regroup?.findings ?? []);
    const quality = findings.flatMap((f) => f.kept);
    const qualityCounts: Partial<Record<QualityCode, number>> = {};
    for (const f of findings) qualityCounts[f.code] = f.count;
    return [
      {
        ...summaryFromCounts({ ...summaryCounts(this.all), activities }, labels, null, quality),
        qualityCounts,
        provenance: countsOf(this.all.provenance),
      },
      ...this.activities.map((a) => ({
        ...summaryFromCounts(summaryCounts(a.counts), labels, a.label, []),
        provenance: countsOf(a.counts.provenance),
      })),
    ];
  }
}

/**
 * Institutions counted under other names: `names[index]` is the name every row of the interned
 * institution `index` carries now (the Instansi sheet's canonical name, or the spelling its
 * ungrouped key was first seen with). Names are interned again as summariseAll interns texts
 * (case- and space-blind, the first one counted is the label); one that reads "Tidak diketahui"
 * is counted as unknown. `findings`: of types the tallies hold none of, in row order.
 */
export interface Regroup {
  names: ReadonlyMap<number, string>;
  findings: readonly QualityFinding[];
}

/** The names' labels, interned in the order the register counts them first (all activities' touched order). */
function regroupedLabels(
  all: Counts,
  names: ReadonlyMap<number, string>,
): { labels: string[]; index: Map<number, number> } {
  const labels: string[] = [];
  const byKey = new Map<string, number>();
  const index = new Map<number, number>();
  for (const from of (all.counts.institution as OpenCounts).touched) {
    const name = names.get(from);
    // The caller names every institution counted (grouped-tallies.ts checks before it asks).
    if (name === undefined) throw new Error(`regroup: institution ${from} has no name`);
    const key = looseKey(name);
    if (key === UNKNOWN_KEY) {
      index.set(from, -1);
      continue;
    }
    let to = byKey.get(key);
    if (to === undefined) byKey.set(key, (to = labels.push(name) - 1));
    index.set(from, to);
  }
  return { labels, index };
}

/** One summary's counts with its institutions renumbered into the regrouped labels (first counted first). */
function regroupedCounts(counts: SummaryCounts, index: ReadonlyMap<number, number>): SummaryCounts {
  const from = counts.institution as OpenCounts;
  const institution = new OpenCounts([]);
  const unknown = Int32Array.from(counts.institutionUnknown);
  for (const i of from.touched) {
    const to = index.get(i);
    // Every summary's institutions are counted in all activities' too.
    if (to === undefined) throw new Error(`regroup: institution ${i} not interned`);
    const c = from.of(i);
    if (to < 0) for (let s = 0; s < 3; s++) unknown[s] += c[s];
    else institution.addAll(to, c);
  }
  return { ...counts, institution, institutionUnknown: unknown };
}

/** The tallies' findings and more, as the tallies keep them: per type its count and first rows (by row). */
function withFindings(kept: readonly StoredFindings[], more: readonly QualityFinding[]): StoredFindings[] {
  const byCode = new Map<QualityCode, StoredFindings>();
  for (const f of kept) byCode.set(f.code, { ...f, kept: [...f.kept] });
  for (const f of [...more].sort((a, b) => a.row - b.row)) {
    let entry = byCode.get(f.code);
    if (!entry) byCode.set(f.code, (entry = { code: f.code, count: 0, kept: [] }));
    entry.count++;
    entry.kept.push(f);
  }
  for (const entry of byCode.values())
    entry.kept = entry.kept.sort((a, b) => a.row - b.row).slice(0, QUALITY_ROWS_PER_TYPE);
  return [...byCode.values()];
}
