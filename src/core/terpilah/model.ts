/**
 * Participants (peserta) and their sex-disaggregated (data terpilah) summaries.
 * Raw rows come from the `Peserta` sheet, any imported sheet, or a CSV/XLSX file; core
 * normalises them and builds every table, so the add-in and the CLI print the same figures.
 */
import type { Sex } from './sex';
import type { LifeStage } from './age';
import type { Provenance, ProvenanceCounts } from './provenance';

/** The fields a participant register knows; every raw column maps to one of them (or none). */
export type ParticipantField =
  | 'activity'
  | 'name'
  | 'nik'
  | 'nip'
  | 'sex'
  | 'birthDate'
  | 'age'
  | 'role'
  | 'institution'
  | 'position'
  | 'regency'
  | 'disability'
  | 'attendance'
  /** Washington Group short set, one column per domain. */
  | 'wgSeeing'
  | 'wgHearing'
  | 'wgWalking'
  | 'wgRemembering'
  | 'wgSelfCare'
  | 'wgCommunicating';

/** The Washington Group columns, in the order of its short set. */
export const WG_FIELDS: readonly ParticipantField[] = [
  'wgSeeing',
  'wgHearing',
  'wgWalking',
  'wgRemembering',
  'wgSelfCare',
  'wgCommunicating',
];

/** Source column index (0-based) per field; a field absent from the source is absent here. */
export type ColumnMapping = Partial<Record<ParticipantField, number>>;

export type Role = 'peserta' | 'narasumber' | 'panitia';

/** One participant after normalisation; `row` is the 1-based row in its source sheet or file. */
export interface Participant {
  row: number;
  activity: string;
  name: string;
  /** The 16 digits when readable, else "". Never printed unmasked (maskNik). */
  nik: string;
  nip: string;
  sex: Sex | null;
  /** Where the sex came from: the stated column, else the NIK, else the NIP. */
  sexSource?: 'stated' | 'nik' | 'nip' | null;
  /** Age at the activity's date, from age, birth date, NIK or NIP (in that order); null = unknown. */
  age: number | null;
  /** Where the age came from (first that is readable, in this order). */
  ageSource?: 'age' | 'birthDate' | 'nik' | 'nip' | null;
  ageGroup: string | null;
  lifeStage: LifeStage | null;
  role: Role | null;
  institution: string;
  position: string;
  regency: string | null;
  disability: boolean | null;
  attended: boolean | null;
  /** Where each normalised value came from (normaliseRows sets it; see provenance.ts). */
  provenance?: Provenance;
}

export type QualityCode =
  | 'sexUnknown'
  | 'sexContradictsNik'
  | 'sexContradictsNip'
  | 'ageUnknown'
  | 'ageContradictsNik'
  | 'ageContradictsNip'
  | 'nikInvalid'
  | 'nikStoredAsNumber'
  | 'nipInvalid'
  | 'duplicateNik'
  | 'duplicateNameInstitution'
  | 'nameMissing'
  /** A blank or unreadable sex filled from the NIK / NIP: counted, but not as typed. */
  | 'sexFromNik'
  | 'sexFromNip'
  /** A birth date after the activity's date, or one that is no date / no one's (over 120 years). */
  | 'birthDateFuture'
  | 'birthDateImpossible'
  | 'birthDateContradictsNik'
  /** A typed age that cannot be read, while another source gave one. */
  | 'ageInvalid'
  | 'ageOver100'
  /** A spelling of an institution that no row of the `Instansi` sheet groups (instansi-grouping.ts). */
  | 'institutionUngrouped';

/** A data-quality finding that names its row (and column where there is one). */
export interface QualityFinding {
  row: number;
  column?: string;
  code: QualityCode;
  /** Plain Indonesian, e.g. "Baris 12: jenis kelamin \"Perempuan\" bertentangan dengan NIK (laki-laki)." */
  message: string;
}

/** One line of a disaggregated table. */
export interface TableRow {
  category: string;
  L: number;
  P: number;
  unknown: number;
  total: number;
  /** Percentages of the row total with a known sex... of the row total; null when total is 0. */
  percentL: number | null;
  percentP: number | null;
  /** L ÷ P × 100; null when P is 0. */
  sexRatio: number | null;
}

export type Dimension =
  'role' | 'ageGroup' | 'lifeStage' | 'institution' | 'regency' | 'disability' | 'activity';

export interface DisaggregatedTable {
  dimension: Dimension;
  title: string;
  rows: TableRow[];
  /** Sums every row: equals the number of participants counted. */
  total: TableRow;
  /** % of participants whose value in this dimension is known. */
  completeness: number;
  /** One plain sentence, e.g. "Perempuan 62% dari 148 peserta." */
  narrative: string;
}

export interface TerpilahSummary {
  /** The activity, or null for all activities together. */
  activity: string | null;
  participants: number;
  sex: TableRow;
  tables: DisaggregatedTable[];
  /** The findings of its rows; with `qualityCounts`, only the first rows of each type. */
  quality: QualityFinding[];
  /**
   * Set when `quality` keeps only the first rows of each type (the streaming CLI's digest): how
   * many findings of each type there were. Absent when `quality` holds every finding.
   */
  qualityCounts?: Partial<Record<QualityCode, number>>;
  /** Per field, how many values were read, corrected, derived or unknown (summarise sets it). */
  provenance?: ProvenanceCounts;
}
