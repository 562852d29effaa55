import { AGE_GROUPS } from './age';
import {
  DISABILITY_LABELS,
  LIFE_STAGE_LABELS,
  ROLE_LABELS,
  TABLE_TITLES,
  UNKNOWN,
  BABEL_NAMES,
} from './categories';
import { encode, type Coded } from './encode';
import type {
  DisaggregatedTable,
  Dimension,
  Participant,
  QualityFinding,
  TerpilahSummary,
  TableRow,
} from './model';
import { narrative } from './narrative';
import { countProvenance, countProvenanceByActivity } from './provenance';
import { byTotalDesc, fixedRows, round1, Sparse, sumRows, tableRow } from './table-rows';

/**
 * The data-terpilah tables: L | P | Tidak diketahui | Jumlah | %L | %P | rasio jenis kelamin per
 * category of each dimension. Every participant lands in exactly one row of every table (unknown
 * values in "Tidak diketahui"), so every table's total is the number of participants.
 *
 * Speed: one pass turns each participant into small integer codes (strings interned once), then
 * counting is array increments; the per-activity summaries reuse the codes (counting sort by
 * activity), so all summaries together cost two passes over the participants (encode.ts).
 * Percentages and the sex ratio: table-rows.ts.
 */

function table(dimension: Dimension, rows: TableRow[], knownCount: number | null): DisaggregatedTable {
  const total = sumRows(rows);
  const last = rows[rows.length - 1];
  const known = knownCount ?? total.total - (last && last.category === UNKNOWN ? last.total : 0);
  return {
    dimension,
    title: TABLE_TITLES[dimension],
    rows,
    total,
    completeness: total.total > 0 ? round1((known * 100) / total.total) : 0,
    narrative: narrative(dimension, rows, total),
  };
}

/** Counts per category × sex (index × 3 + sex) of one summary: what its tables are built from. */
export interface SummaryCounts {
  participants: number;
  sex: Int32Array;
  role: Int32Array;
  age: Int32Array;
  life: Int32Array;
  disability: Int32Array;
  institutionUnknown: Int32Array;
  regencyUnknown: Int32Array;
  /** Per activity (all-activities summary only), in the order of `labels.activities`. */
  activities: Int32Array | null;
  /** Counts of the interned institutions and regencies this summary touched. */
  institution: SparseCounts;
  regency: SparseCounts;
}

/** Counters of an open-ended dimension: which indices were counted, and a row for one of them. */
export interface SparseCounts {
  readonly touched: readonly number[];
  row(index: number, label: string): TableRow;
}

/** The labels of the interned codes (encode.ts; the CLI's streaming tally interns the same way). */
export interface SummaryLabels {
  institutions: readonly string[];
  regencies: readonly string[];
  activities: readonly string[];
}

export function emptyCounts(
  activityCount: number | null,
  institution: SparseCounts,
  regency: SparseCounts,
): SummaryCounts {
  return {
    participants: 0,
    sex: new Int32Array(3),
    role: new Int32Array(4 * 3),
    age: new Int32Array((AGE_GROUPS.length + 1) * 3),
    life: new Int32Array(4 * 3),
    disability: new Int32Array(3 * 3),
    institutionUnknown: new Int32Array(3),
    regencyUnknown: new Int32Array(3),
    activities: activityCount === null ? null : new Int32Array(activityCount * 3),
    institution,
    regency,
  };
}

/** Builds one summary over `members` (participant indices; null = everyone). */
function build(
  coded: Coded,
  members: Int32Array | null,
  activity: string | null,
  quality: QualityFinding[],
  scratch: { institution: Sparse; regency: Sparse },
): TerpilahSummary {
  const count = members ? members.length : coded.n;
  const { institution, regency } = scratch;
  const counts = emptyCounts(activity === null ? coded.activities.length : null, institution, regency);
  const { sex, role, age, life, disability, institutionUnknown, regencyUnknown, activities } = counts;
  counts.participants = count;
  for (let k = 0; k < count; k++) {
    const i = members ? members[k] : k;
    const s = coded.sex[i];
    sex[s]++;
    role[coded.role[i] * 3 + s]++;
    age[coded.age[i] * 3 + s]++;
    life[coded.life[i] * 3 + s]++;
    disability[coded.disability[i] * 3 + s]++;
    const inst = coded.institution[i];
    if (inst < 0) institutionUnknown[s]++;
    else institution.add(inst, s);
    const reg = coded.regency[i];
    if (reg < 0) regencyUnknown[s]++;
    else regency.add(reg, s);
    if (activities) activities[coded.activity[i] * 3 + s]++;
  }
  const summary = summaryFromCounts(counts, coded, activity, quality);
  institution.reset();
  regency.reset();
  return summary;
}

/** The tables of one summary from its counts. */
export function summaryFromCounts(
  counts: SummaryCounts,
  labels: SummaryLabels,
  activity: string | null,
  quality: QualityFinding[],
): TerpilahSummary {
  const { sex, role, age, life, disability, institutionUnknown, regencyUnknown, activities } = counts;
  const { institution, regency } = counts;
  const count = counts.participants;
  const institutionRows = institution.touched
    .map((index) => ({ index, row: institution.row(index, labels.institutions[index]) }))
    .sort(byTotalDesc)
    .map((x) => x.row);
  institutionRows.push(
    tableRow(UNKNOWN, institutionUnknown[0], institutionUnknown[1], institutionUnknown[2]),
  );
  const babel = BABEL_NAMES.map((name, index) => regency.row(index, name));
  const others = regency.touched
    .filter((index) => index >= BABEL_NAMES.length)
    .map((index) => ({ index, row: regency.row(index, labels.regencies[index]) }))
    .sort(byTotalDesc)
    .map((x) => x.row);
  const regencyRows = [
    ...babel,
    ...others,
    tableRow(UNKNOWN, regencyUnknown[0], regencyUnknown[1], regencyUnknown[2]),
  ];

  const tables: DisaggregatedTable[] = [];
  if (activities)
    tables.push(
      table(
        'activity',
        labels.activities.map((name, a) =>
          tableRow(name, activities[a * 3], activities[a * 3 + 1], activities[a * 3 + 2]),
        ),
        count,
      ),
    );
  tables.push(
    table('role', fixedRows(role, ROLE_LABELS), null),
    table('ageGroup', fixedRows(age, AGE_GROUPS), null),
    table('lifeStage', fixedRows(life, LIFE_STAGE_LABELS), null),
    table('institution', institutionRows, null),
    table('regency', regencyRows, null),
    table('disability', fixedRows(disability, DISABILITY_LABELS), null),
  );
  return {
    activity,
    participants: count,
    sex: tableRow('Jumlah', sex[0], sex[1], sex[2]),
    tables,
    quality,
  };
}

function scratchFor(coded: Coded) {
  return { institution: new Sparse(coded.institutions.length), regency: new Sparse(coded.regencies.length) };
}

/** The summary of one activity, or of all activities together (activity null). */
export function summarise(
  participants: Participant[],
  quality: QualityFinding[],
  activity: string | null,
): TerpilahSummary {
  const list = Array.isArray(participants) ? participants : [];
  const findings = Array.isArray(quality) ? quality : [];
  if (activity === null) {
    const coded = encode(list);
    return { ...build(coded, null, null, findings, scratchFor(coded)), provenance: countProvenance(list) };
  }
  const members = list.filter((p) => p.activity === activity);
  const rows = new Set(members.map((p) => p.row));
  const coded = encode(members);
  return {
    ...build(
      coded,
      null,
      activity,
      findings.filter((f) => rows.has(f.row)),
      scratchFor(coded),
    ),
    provenance: countProvenance(members),
  };
}

/**
 * Row → the activity code of its participant (the last one, when two share a row). Sheet rows
 * are small integers: a typed array indexed by row when they are, a Map otherwise.
 */
function activityByRow(
  list: readonly Participant[],
  activity: Int32Array,
): (row: number) => number | undefined {
  let max = -1;
  for (let i = 0; i < list.length && max !== Infinity; i++) {
    const row = list[i].row;
    max = Number.isInteger(row) && row >= 0 ? Math.max(max, row) : Infinity;
  }
  if (max <= list.length * 4 + 1024) {
    const byRow = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < list.length; i++) byRow[list[i].row] = activity[i];
    return (row) => {
      const a = Number.isInteger(row) && row >= 0 && row <= max ? byRow[row] : -1;
      return a < 0 ? undefined : a;
    };
  }
  const byRow = new Map<number, number>();
  for (let i = 0; i < list.length; i++) byRow.set(list[i].row, activity[i]);
  return (row) => byRow.get(row);
}

/** All activities together first, then one summary per activity in first-seen order. */
export function summariseAll(participants: Participant[], quality: QualityFinding[]): TerpilahSummary[] {
  const list = Array.isArray(participants) ? participants : [];
  const findings = Array.isArray(quality) ? quality : [];
  const coded = encode(list);
  const scratch = scratchFor(coded);
  const provenance = countProvenanceByActivity(list, coded.activity, coded.activities.length);
  const summaries = [{ ...build(coded, null, null, findings, scratch), provenance: provenance.all }];
  const activityCount = coded.activities.length;
  // Counting sort of participant indices by activity.
  const starts = new Int32Array(activityCount + 1);
  for (let i = 0; i < coded.n; i++) starts[coded.activity[i] + 1]++;
  for (let a = 0; a < activityCount; a++) starts[a + 1] += starts[a];
  const order = new Int32Array(coded.n);
  const next = starts.slice(0, activityCount);
  for (let i = 0; i < coded.n; i++) order[next[coded.activity[i]]++] = i;
  // Findings go to the activity of their row.
  const activityOfRow = activityByRow(list, coded.activity);
  const perActivity: QualityFinding[][] = Array.from({ length: activityCount }, () => []);
  for (const finding of findings) {
    const a = activityOfRow(finding.row);
    if (a !== undefined) perActivity[a].push(finding);
  }
  for (let a = 0; a < activityCount; a++)
    summaries.push({
      ...build(coded, order.subarray(starts[a], starts[a + 1]), coded.activities[a], perActivity[a], scratch),
      provenance: provenance.byActivity[a],
    });
  return summaries;
}
