/**
 * Where each normalised value came from, so an analyst can tell values read from the register
 * from values the add-in derived: read as typed, corrected spelling ("laki2" → L, "Bateng" →
 * Bangka Tengah), derived from the NIK, the NIP, the birth date or the Washington Group answers,
 * or unknown. Counted per summary (countProvenance): for every field, the sources add up to the
 * number of participants.
 */
import { cleanText } from './cell-text';
import type { Participant } from './model';
import type { RegencyReading } from './regency';

export type ValueSource = 'read' | 'corrected' | 'nik' | 'nip' | 'birthDate' | 'washingtonGroup' | 'unknown';
export const VALUE_SOURCES: readonly ValueSource[] = [
  'read',
  'corrected',
  'nik',
  'nip',
  'birthDate',
  'washingtonGroup',
  'unknown',
];
/** Sources that are neither typed nor unknown: the add-in inferred them. */
export const DERIVED_SOURCES: readonly ValueSource[] = ['nik', 'nip', 'birthDate', 'washingtonGroup'];

export const PROVENANCE_FIELDS = [
  'sex',
  'age',
  'nik',
  'nip',
  'regency',
  'disability',
  'role',
  'institution',
] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];
export type Provenance = Record<ProvenanceField, ValueSource>;
/** Per field, participants per source (every source present, 0 when none). */
export type ProvenanceCounts = Record<ProvenanceField, Record<ValueSource, number>>;

/** Field names as the report writes them ("jenis kelamin: 12 dari NIK"). */
export const PROVENANCE_FIELD_LABELS: Record<ProvenanceField, string> = {
  sex: 'jenis kelamin',
  age: 'umur',
  nik: 'NIK',
  nip: 'NIP',
  regency: 'kabupaten/kota',
  disability: 'disabilitas',
  role: 'peran',
  institution: 'instansi',
};
export const VALUE_SOURCE_LABELS: Record<ValueSource, string> = {
  read: 'tertulis',
  corrected: 'ejaan dibakukan',
  nik: 'dari NIK',
  nip: 'dari NIP',
  birthDate: 'dari tanggal lahir',
  washingtonGroup: 'dari pertanyaan Washington Group',
  unknown: 'tidak diketahui',
};

/** The register's own spellings of sex: anything else that was read is a corrected spelling. */
const SEX_AS_TYPED = new Set(['l', 'p', 'laki-laki', 'perempuan']);
const ROLE_AS_TYPED = new Set(['peserta', 'narasumber', 'panitia']);

/** Whether a sex cell is spelled as the register's own words (L, P, Laki-laki, Perempuan). */
export const isSexAsTyped = (raw: unknown): boolean =>
  typeof raw === 'string' && SEX_AS_TYPED.has(raw.trim().toLowerCase());

export function sexProvenance(raw: unknown, sexSource: Participant['sexSource']): ValueSource {
  return sexSourceOf(sexSource === 'stated' && isSexAsTyped(raw), sexSource);
}

/** sexProvenance from the cell's reading (isSexAsTyped), which the normaliser memoises. */
export function sexSourceOf(asTyped: boolean, sexSource: Participant['sexSource']): ValueSource {
  if (sexSource === 'stated') return asTyped ? 'read' : 'corrected';
  return sexSource === 'nik' || sexSource === 'nip' ? sexSource : 'unknown';
}

export function ageProvenance(ageSource: Participant['ageSource']): ValueSource {
  if (ageSource === 'age') return 'read';
  return ageSource === 'birthDate' || ageSource === 'nik' || ageSource === 'nip' ? ageSource : 'unknown';
}

/** An identifier: read when typed as its digits, corrected when separators were taken out or it moved column. */
export function idProvenance(raw: unknown, id: string, moved = false): ValueSource {
  if (id === '') return 'unknown';
  if (moved) return 'corrected';
  return typeof raw === 'string' && raw.trim() === id ? 'read' : 'corrected';
}

export function regencyProvenance(raw: unknown, reading: RegencyReading | null): ValueSource {
  if (!reading) return 'unknown';
  if (!reading.babel) return 'read';
  return typeof raw === 'string' && raw.replace(/\s+/g, ' ').trim() === reading.name ? 'read' : 'corrected';
}

export function roleProvenance(raw: unknown, role: Participant['role']): ValueSource {
  if (role === null) return 'unknown';
  return ROLE_AS_TYPED.has(cleanText(raw, 80).toLowerCase()) ? 'read' : 'corrected';
}

export const textProvenance = (text: string): ValueSource => (text === '' ? 'unknown' : 'read');

export function emptyProvenanceCounts(): ProvenanceCounts {
  const counts = {} as ProvenanceCounts;
  for (const field of PROVENANCE_FIELDS) {
    const bySource = {} as Record<ValueSource, number>;
    for (const source of VALUE_SOURCES) bySource[source] = 0;
    counts[field] = bySource;
  }
  return counts;
}

const S = VALUE_SOURCES.length;
const UNKNOWN_INDEX = VALUE_SOURCES.indexOf('unknown');
const SOURCE_INDEX = new Map<string, number>(VALUE_SOURCES.map((source, i) => [source, i] as const));
const FIELD_COUNT = PROVENANCE_FIELDS.length;

/** An empty tally for tallyProvenance (the CLI's streaming summaries keep one per activity). */
export const newProvenanceTally = (): Int32Array => new Int32Array(FIELD_COUNT * S);

/**
 * Provenances are few (a source per field: about 12,000 combinations can occur, a register
 * shows a few hundred), so the normaliser shares one frozen object per combination instead of
 * building one per row, and the tally reads its sources as indices.
 */
const SHARED = new Map<number, Provenance>();
/** VALUE_SOURCES' index of a source (a switch: the normaliser asks eight times a row). */
function sourceIndex(source: ValueSource): number {
  switch (source) {
    case 'read':
      return 0;
    case 'corrected':
      return 1;
    case 'nik':
      return 2;
    case 'nip':
      return 3;
    case 'birthDate':
      return 4;
    case 'washingtonGroup':
      return 5;
    default:
      return UNKNOWN_INDEX;
  }
}
/**
 * Per shared provenance its number (in order of first use) and its sources as indices. The
 * number sits on the frozen object under a symbol, not enumerable (no output, copy or equality
 * sees it): a property load per row where a WeakMap lookup cost ~0.1 µs.
 */
const SHARED_ID = Symbol('provenance id');
const SHARED_INDICES: Uint8Array[] = [];
type Numbered = Provenance & { readonly [SHARED_ID]?: number };

/** The shared provenance of these sources (PROVENANCE_FIELDS' order). */
export function sharedProvenance(
  sex: ValueSource,
  age: ValueSource,
  nik: ValueSource,
  nip: ValueSource,
  regency: ValueSource,
  disability: ValueSource,
  role: ValueSource,
  institution: ValueSource,
): Provenance {
  const code =
    ((((((sourceIndex(sex) * S + sourceIndex(age)) * S + sourceIndex(nik)) * S + sourceIndex(nip)) * S +
      sourceIndex(regency)) *
      S +
      sourceIndex(disability)) *
      S +
      sourceIndex(role)) *
      S +
    sourceIndex(institution);
  let shared = SHARED.get(code);
  if (!shared) {
    const provenance = {} as Provenance;
    const indices = new Uint8Array(FIELD_COUNT);
    for (let f = FIELD_COUNT - 1, rest = code; f >= 0; f--, rest = Math.floor(rest / S)) {
      indices[f] = rest % S;
    }
    PROVENANCE_FIELDS.forEach((field, f) => (provenance[field] = VALUE_SOURCES[indices[f]]));
    Object.defineProperty(provenance, SHARED_ID, { value: SHARED_INDICES.length });
    SHARED_INDICES.push(indices);
    shared = Object.freeze(provenance);
    SHARED.set(code, shared);
  }
  return shared;
}

/**
 * The number of a participant's provenance (provenanceSources gives its sources): the shared
 * one's, or for one built by hand (not by the normaliser) the shared one with its sources, an
 * unknown source or none counted as unknown.
 */
export function provenanceId(p: Participant): number {
  const provenance = p.provenance as Numbered | undefined;
  const id = provenance ? provenance[SHARED_ID] : undefined;
  if (id !== undefined) return id;
  const source = (field: ProvenanceField): ValueSource => {
    const value = provenance?.[field];
    return SOURCE_INDEX.has(value as string) ? (value as ValueSource) : 'unknown';
  };
  const [sex, age, nik, nip, regency, disability, role, institution] = PROVENANCE_FIELDS.map(source);
  return (sharedProvenance(sex, age, nik, nip, regency, disability, role, institution) as Numbered)[
    SHARED_ID
  ]!;
}

/** The sources of a provenance number, as VALUE_SOURCES' indices in PROVENANCE_FIELDS' order. */
export const provenanceSources = (id: number): Uint8Array => SHARED_INDICES[id];

/**
 * Adds one participant to a tally (field × source, as integers: the hot loop stays cheap), at
 * `offset` in `into` (one array holding a tally per activity).
 */
export function tallyProvenance(into: Int32Array, p: Participant, offset = 0): void {
  const indices = SHARED_INDICES[provenanceId(p)];
  for (let f = 0; f < FIELD_COUNT; f++) into[offset + f * S + indices[f]]++;
}

export function countsOf(tallied: Int32Array): ProvenanceCounts {
  const counts = emptyProvenanceCounts();
  PROVENANCE_FIELDS.forEach((field, f) =>
    VALUE_SOURCES.forEach((source, i) => (counts[field][source] = tallied[f * S + i])),
  );
  return counts;
}

/**
 * Participants per field and source. A participant without a provenance (built by hand, not by
 * normaliseRows) counts as unknown in every field, so the sources always add up to the total.
 */
export function countProvenance(participants: readonly Participant[]): ProvenanceCounts {
  const tallied = new Int32Array(FIELD_COUNT * S);
  for (const p of participants) tallyProvenance(tallied, p);
  return countsOf(tallied);
}

/**
 * All participants, and per activity, in one pass: for summariseAll, which has coded each
 * participant's activity already (`activityOf[i]`, 0 … activityCount - 1).
 */
export function countProvenanceByActivity(
  participants: readonly Participant[],
  activityOf: Int32Array,
  activityCount: number,
): { all: ProvenanceCounts; byActivity: ProvenanceCounts[] } {
  const all = new Int32Array(FIELD_COUNT * S);
  const groups = new Int32Array(activityCount * FIELD_COUNT * S);
  for (let i = 0; i < participants.length; i++) {
    tallyProvenance(all, participants[i]);
    tallyProvenance(groups, participants[i], activityOf[i] * FIELD_COUNT * S);
  }
  return {
    all: countsOf(all),
    byActivity: Array.from({ length: activityCount }, (_, a) =>
      countsOf(groups.subarray(a * FIELD_COUNT * S, (a + 1) * FIELD_COUNT * S)),
    ),
  };
}

/**
 * "jenis kelamin: 140 tertulis, 12 dari NIK, 3 tidak diketahui" — the sources with a count, in
 * the order read, corrected, derived, unknown. `format` writes a count (formatNumberId).
 */
export function provenanceText(
  field: ProvenanceField,
  counts: Record<ValueSource, number>,
  format: (n: number) => string,
): string {
  const parts = VALUE_SOURCES.filter((source) => counts[source] > 0).map(
    (source) => `${format(counts[source])} ${VALUE_SOURCE_LABELS[source]}`,
  );
  return `${PROVENANCE_FIELD_LABELS[field]}: ${parts.length > 0 ? parts.join(', ') : '-'}`;
}
