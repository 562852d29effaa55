/**
 * An SOP template (Permenpan RB 35/2012): the identity page, the executor roles (the ordered
 * "Pelaksana" columns) and the steps of the flowchart table with their mutu baku.
 */

export type StepKind = 'process' | 'decision';

/** Standard minutes as typed ("60", "420 atau 840") and as numbers: alternatives are kept, not merged. */
export interface StandardMinutes {
  text: string;
  values: number[];
}

/** Where a decision's branch goes: a step number, or the end of the procedure. */
export type StepTarget = number | 'end';

export interface SopStep {
  number: number;
  activity: string;
  /** One or several role names, each one of the template's roles. */
  executors: string[];
  kind: StepKind;
  requirements: string;
  minutes: StandardMinutes;
  output: string;
  remarks: string;
  /** Decisions only: the targets of "Sesuai" and "Perbaikan". */
  onApproved?: StepTarget;
  onRevision?: StepTarget;
}

export interface Approver {
  jabatan: string;
  nama: string;
  pangkat: string;
  nip: string;
}

export interface SopIdentity {
  /** Government and agency lines, e.g. "PEMERINTAH PROVINSI …\nDP3ACSKB". */
  instansi: string;
  nomor: string;
  /** ISO dates (yyyy-mm-dd) or "" when blank. */
  tanggalPembuatan: string;
  tanggalRevisi: string;
  tanggalEfektif: string;
  pengesah: Approver;
  namaSop: string;
  dasarHukum: string[];
  kualifikasiPelaksana: string[];
  keterkaitan: string[];
  peralatan: string[];
  peringatan: string[];
  pencatatan: string[];
}

/** One entry of a template's version history ("Riwayat versi"). */
export interface SopVersion {
  version: number;
  /** ISO date (yyyy-mm-dd) or "" when not known. */
  date: string;
  /** What changed. */
  note: string;
  /** Who made the change (an e-mail or a name), "" when not known. */
  by: string;
}

export interface SopTemplate {
  identity: SopIdentity;
  roles: string[];
  steps: SopStep[];
  /** Oldest first; absent or empty for a template without a history block. */
  versions?: SopVersion[];
  /** Template sheets only: the 1-based row of the "Riwayat versi" label (the add-in appends below). */
  historyRow?: number;
  /** How the SOP prints: paper and steps per page (sop-sheet-pages.ts); absent = the defaults. */
  print?: { paper?: 'A4' | 'F4'; stepsPerPage?: number };
}

/** The identity fields that hold a list (one item per line, numbered on the SOP sheet). */
export const LIST_FIELDS = [
  'dasarHukum',
  'kualifikasiPelaksana',
  'keterkaitan',
  'peralatan',
  'peringatan',
  'pencatatan',
] as const satisfies readonly (keyof SopIdentity)[];

export const MAX_TEXT_LENGTH = 2000;
export const MAX_STEPS = 200;
export const MAX_ROLES = 12;

/** An identity page with every field blank. */
export function emptyIdentity(namaSop = ''): SopIdentity {
  return {
    instansi: '',
    nomor: '',
    tanggalPembuatan: '',
    tanggalRevisi: '',
    tanggalEfektif: '',
    pengesah: { jabatan: '', nama: '', pangkat: '', nip: '' },
    namaSop,
    dasarHukum: [],
    kualifikasiPelaksana: [],
    keterkaitan: [],
    peralatan: [],
    peringatan: [],
    pencatatan: [],
  };
}
