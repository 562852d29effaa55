import { formatDecimalId, formatNumberId } from '../format';
import { AGE_GROUPS, LIFE_STAGES } from './age';
import type {
  DisaggregatedTable,
  Dimension,
  Participant,
  QualityFinding,
  TableRow,
  TerpilahSummary,
} from './model';
import { BABEL_REGENCIES } from './nik';

/**
 * The data-terpilah tables: L | P | Tidak diketahui | Jumlah | %L | %P | rasio jenis kelamin per
 * category of each dimension. Every participant lands in exactly one row of every table (unknown
 * values in "Tidak diketahui"), so every table's total is the number of participants.
 *
 * Speed: one pass turns each participant into small integer codes (strings interned once), then
 * counting is array increments; the per-activity summaries reuse the codes (counting sort by
 * activity), so all summaries together cost two passes over the participants.
 *
 * %L and %P are shares of the row total (unknown sex included in the denominator), one decimal;
 * rasio = L ÷ P × 100, one decimal, null when P is 0.
 */

export const UNKNOWN = 'Tidak diketahui';
export const ROLE_LABELS = ['Peserta', 'Narasumber', 'Panitia'] as const;
const ROLE_CODES = ['peserta', 'narasumber', 'panitia'];
export const LIFE_STAGE_LABELS = [
  'Anak (< 18 tahun)',
  'Dewasa (18–59 tahun)',
  'Lansia (≥ 60 tahun)',
] as const;
export const DISABILITY_LABELS = ['Disabilitas', 'Non-disabilitas'] as const;
export const TABLE_TITLES: Record<Dimension, string> = {
  activity: 'Menurut kegiatan',
  role: 'Menurut peran',
  ageGroup: 'Menurut kelompok umur (BPS, lima tahunan)',
  lifeStage: 'Menurut tahap usia',
  institution: 'Menurut instansi',
  regency: 'Menurut kabupaten/kota',
  disability: 'Menurut status disabilitas',
};
const BABEL_NAMES = Object.keys(BABEL_REGENCIES)
  .sort()
  .map((code) => BABEL_REGENCIES[code]);

const AGE_INDEX = new Map(AGE_GROUPS.map((g, i) => [g, i] as const));
const LIFE_INDEX = new Map<string, number>(LIFE_STAGES.map((s, i) => [s, i] as const));
const ROLE_INDEX = new Map<string, number>(ROLE_CODES.map((r, i) => [r, i] as const));
const AGE_UNKNOWN = AGE_GROUPS.length;

const round1 = (x: number) => Math.round(x * 10) / 10;

export function tableRow(category: string, L: number, P: number, unknown: number): TableRow {
  const total = L + P + unknown;
  return {
    category,
    L,
    P,
    unknown,
    total,
    percentL: total > 0 ? round1((L * 100) / total) : null,
    percentP: total > 0 ? round1((P * 100) / total) : null,
    sexRatio: P > 0 ? round1((L * 100) / P) : null,
  };
}

/** Participants as integer codes: the one pass that reads strings. */
interface Coded {
  n: number;
  sex: Uint8Array;
  role: Uint8Array;
  age: Uint8Array;
  life: Uint8Array;
  disability: Uint8Array;
  institution: Int32Array;
  regency: Int32Array;
  activity: Int32Array;
  institutions: string[];
  regencies: string[];
  activities: string[];
}

const looseKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
const UNKNOWN_KEY = looseKey(UNKNOWN);

function encode(participants: Participant[]): Coded {
  const n = participants.length;
  const coded: Coded = {
    n,
    sex: new Uint8Array(n),
    role: new Uint8Array(n),
    age: new Uint8Array(n),
    life: new Uint8Array(n),
    disability: new Uint8Array(n),
    institution: new Int32Array(n),
    regency: new Int32Array(n),
    activity: new Int32Array(n),
    institutions: [],
    regencies: [...BABEL_NAMES],
    activities: [],
  };
  const institutionExact = new Map<string, number>();
  const institutionLoose = new Map<string, number>();
  const regencyExact = new Map<string, number>(BABEL_NAMES.map((name, i) => [name, i] as const));
  const regencyLoose = new Map<string, number>(BABEL_NAMES.map((name, i) => [looseKey(name), i] as const));
  const activityIndex = new Map<string, number>();
  const intern = (
    text: string,
    exact: Map<string, number>,
    loose: Map<string, number>,
    labels: string[],
  ): number => {
    let index = exact.get(text);
    if (index === undefined) {
      const key = looseKey(text);
      if (key === UNKNOWN_KEY) {
        exact.set(text, -1);
        return -1;
      }
      index = loose.get(key);
      if (index === undefined) {
        index = labels.length;
        labels.push(text);
        loose.set(key, index);
      }
      exact.set(text, index);
    }
    return index;
  };

  for (let i = 0; i < n; i++) {
    const p = participants[i];
    coded.sex[i] = p.sex === 'L' ? 0 : p.sex === 'P' ? 1 : 2;
    coded.role[i] = ROLE_INDEX.get(p.role as string) ?? 3;
    coded.age[i] = AGE_INDEX.get(p.ageGroup as string) ?? AGE_UNKNOWN;
    coded.life[i] = LIFE_INDEX.get(p.lifeStage as string) ?? 3;
    coded.disability[i] = p.disability === true ? 0 : p.disability === false ? 1 : 2;
    const institution = typeof p.institution === 'string' ? p.institution : '';
    coded.institution[i] =
      institution === '' ? -1 : intern(institution, institutionExact, institutionLoose, coded.institutions);
    const regency = typeof p.regency === 'string' ? p.regency : '';
    coded.regency[i] = regency === '' ? -1 : intern(regency, regencyExact, regencyLoose, coded.regencies);
    const activity = typeof p.activity === 'string' ? p.activity : '';
    let a = activityIndex.get(activity);
    if (a === undefined) {
      a = coded.activities.length;
      coded.activities.push(activity);
      activityIndex.set(activity, a);
    }
    coded.activity[i] = a;
  }
  return coded;
}

/** Scratch counters for the open-ended dimensions, reset after each summary (touched list). */
class Sparse {
  readonly counts: Int32Array;
  readonly touched: number[] = [];
  constructor(size: number) {
    this.counts = new Int32Array(Math.max(1, size) * 3);
  }
  add(index: number, sex: number): void {
    const base = index * 3;
    if (this.counts[base] === 0 && this.counts[base + 1] === 0 && this.counts[base + 2] === 0)
      this.touched.push(index);
    this.counts[base + sex]++;
  }
  row(index: number, label: string): TableRow {
    const b = index * 3;
    return tableRow(label, this.counts[b], this.counts[b + 1], this.counts[b + 2]);
  }
  reset(): void {
    for (const index of this.touched) this.counts.fill(0, index * 3, index * 3 + 3);
    this.touched.length = 0;
  }
}

function fixedRows(counts: Int32Array, labels: readonly string[]): TableRow[] {
  const rows = labels.map((label, i) => tableRow(label, counts[i * 3], counts[i * 3 + 1], counts[i * 3 + 2]));
  const u = labels.length * 3;
  rows.push(tableRow(UNKNOWN, counts[u], counts[u + 1], counts[u + 2]));
  return rows;
}

const byTotalDesc = (a: { row: TableRow; index: number }, b: { row: TableRow; index: number }) =>
  b.row.total - a.row.total || a.index - b.index;

function sumRows(rows: TableRow[]): TableRow {
  let L = 0;
  let P = 0;
  let unknown = 0;
  for (const row of rows) {
    L += row.L;
    P += row.P;
    unknown += row.unknown;
  }
  return tableRow('Jumlah', L, P, unknown);
}

function sexSentence(total: TableRow): string {
  if (total.total === 0) return 'Belum ada peserta.';
  const unknown =
    total.unknown > 0 ? `; ${formatNumberId(total.unknown)} orang tidak diketahui jenis kelaminnya` : '';
  return (
    `Perempuan ${formatDecimalId(total.percentP ?? 0)}% dari ${formatNumberId(total.total)} peserta; ` +
    `laki-laki ${formatDecimalId(total.percentL ?? 0)}%${unknown}.`
  );
}

function narrative(dimension: Dimension, rows: TableRow[], total: TableRow): string {
  const base = sexSentence(total);
  if (total.total === 0) return base;
  if (dimension === 'disability') {
    const d = rows[0];
    return d.total > 0
      ? `${base} Penyandang disabilitas ${formatNumberId(d.total)} orang (perempuan ${formatDecimalId(d.percentP ?? 0)}%).`
      : `${base} Tidak ada penyandang disabilitas tercatat.`;
  }
  let top: TableRow | null = null;
  for (const row of rows)
    if (row.category !== UNKNOWN && row.total > 0 && (!top || row.total > top.total)) top = row;
  return top
    ? `${base} Terbanyak ${top.category}: ${formatNumberId(top.total)} orang (perempuan ${formatDecimalId(top.percentP ?? 0)}%).`
    : base;
}

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

/** Builds one summary over `members` (participant indices; null = everyone). */
function build(
  coded: Coded,
  members: Int32Array | null,
  activity: string | null,
  quality: QualityFinding[],
  scratch: { institution: Sparse; regency: Sparse },
): TerpilahSummary {
  const count = members ? members.length : coded.n;
  const sex = new Int32Array(3);
  const role = new Int32Array(4 * 3);
  const age = new Int32Array((AGE_GROUPS.length + 1) * 3);
  const life = new Int32Array(4 * 3);
  const disability = new Int32Array(3 * 3);
  const institutionUnknown = new Int32Array(3);
  const regencyUnknown = new Int32Array(3);
  const activities = activity === null ? new Int32Array(coded.activities.length * 3) : null;
  const { institution, regency } = scratch;
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

  const institutionRows = institution.touched
    .map((index) => ({ index, row: institution.row(index, coded.institutions[index]) }))
    .sort(byTotalDesc)
    .map((x) => x.row);
  institutionRows.push(
    tableRow(UNKNOWN, institutionUnknown[0], institutionUnknown[1], institutionUnknown[2]),
  );
  const babel = BABEL_NAMES.map((name, index) => regency.row(index, name));
  const others = regency.touched
    .filter((index) => index >= BABEL_NAMES.length)
    .map((index) => ({ index, row: regency.row(index, coded.regencies[index]) }))
    .sort(byTotalDesc)
    .map((x) => x.row);
  const regencyRows = [
    ...babel,
    ...others,
    tableRow(UNKNOWN, regencyUnknown[0], regencyUnknown[1], regencyUnknown[2]),
  ];
  institution.reset();
  regency.reset();

  const tables: DisaggregatedTable[] = [];
  if (activities)
    tables.push(
      table(
        'activity',
        coded.activities.map((name, a) =>
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
    return build(coded, null, null, findings, scratchFor(coded));
  }
  const members = list.filter((p) => p.activity === activity);
  const rows = new Set(members.map((p) => p.row));
  const coded = encode(members);
  return build(
    coded,
    null,
    activity,
    findings.filter((f) => rows.has(f.row)),
    scratchFor(coded),
  );
}

/** All activities together first, then one summary per activity in first-seen order. */
export function summariseAll(participants: Participant[], quality: QualityFinding[]): TerpilahSummary[] {
  const list = Array.isArray(participants) ? participants : [];
  const findings = Array.isArray(quality) ? quality : [];
  const coded = encode(list);
  const scratch = scratchFor(coded);
  const summaries = [build(coded, null, null, findings, scratch)];
  const activityCount = coded.activities.length;
  // Counting sort of participant indices by activity.
  const starts = new Int32Array(activityCount + 1);
  for (let i = 0; i < coded.n; i++) starts[coded.activity[i] + 1]++;
  for (let a = 0; a < activityCount; a++) starts[a + 1] += starts[a];
  const order = new Int32Array(coded.n);
  const next = starts.slice(0, activityCount);
  for (let i = 0; i < coded.n; i++) order[next[coded.activity[i]]++] = i;
  // Findings go to the activity of their row.
  const activityOfRow = new Map<number, number>();
  for (let i = 0; i < coded.n; i++) activityOfRow.set(list[i].row, coded.activity[i]);
  const perActivity: QualityFinding[][] = Array.from({ length: activityCount }, () => []);
  for (const finding of findings) {
    const a = activityOfRow.get(finding.row);
    if (a !== undefined) perActivity[a].push(finding);
  }
  for (let a = 0; a < activityCount; a++)
    summaries.push(
      build(coded, order.subarray(starts[a], starts[a + 1]), coded.activities[a], perActivity[a], scratch),
    );
  return summaries;
}
