/**
 * The labels of the `Template: <nama>` sheet: the identity rows' labels, the roles row's label and
 * the step table's headers. The plan writes them; the reader finds rows and columns by them (not
 * by position), so staff may move rows and reorder columns.
 */
import type { LIST_FIELDS, StepKind } from './model';

export type ScalarField =
  'namaSop' | 'instansi' | 'nomor' | 'tanggalPembuatan' | 'tanggalRevisi' | 'tanggalEfektif';
export type ApproverField = 'jabatan' | 'nama' | 'pangkat' | 'nip';
export type IdentityKey = ScalarField | `pengesah.${ApproverField}` | (typeof LIST_FIELDS)[number];

export const IDENTITY_LABELS: [IdentityKey, string][] = [
  ['namaSop', 'Nama SOP'],
  ['instansi', 'Instansi'],
  ['nomor', 'Nomor SOP'],
  ['tanggalPembuatan', 'Tanggal Pembuatan'],
  ['tanggalRevisi', 'Tanggal Revisi'],
  ['tanggalEfektif', 'Tanggal Efektif'],
  ['pengesah.jabatan', 'Disahkan oleh (jabatan)'],
  ['pengesah.nama', 'Nama pengesah'],
  ['pengesah.pangkat', 'Pangkat pengesah'],
  ['pengesah.nip', 'NIP pengesah'],
  ['dasarHukum', 'Dasar Hukum'],
  ['kualifikasiPelaksana', 'Kualifikasi Pelaksana'],
  ['keterkaitan', 'Keterkaitan'],
  ['peralatan', 'Peralatan/Perlengkapan'],
  ['peringatan', 'Peringatan'],
  ['pencatatan', 'Pencatatan dan Pendataan'],
];
export const ROLES_LABEL = 'Pelaksana (urutan kolom)';

export type StepColumn =
  | 'number'
  | 'activity'
  | 'executors'
  | 'kind'
  | 'requirements'
  | 'minutes'
  | 'output'
  | 'remarks'
  | 'onApproved'
  | 'onRevision';
export const STEP_HEADERS: [StepColumn, string][] = [
  ['number', 'No'],
  ['activity', 'Kegiatan'],
  ['executors', 'Pelaksana'],
  ['kind', 'Jenis'],
  ['requirements', 'Kelengkapan'],
  ['minutes', 'Waktu (menit)'],
  ['output', 'Output'],
  ['remarks', 'Keterangan'],
  ['onApproved', 'Sesuai →'],
  ['onRevision', 'Perbaikan →'],
];
export const KIND_LABELS: Record<StepKind, string> = { process: 'proses', decision: 'keputusan' };
export const END_LABEL = 'selesai';

/** The version history block below the steps: its label in column A, then a header row. */
export const HISTORY_LABEL = 'Riwayat versi';
export const HISTORY_HEADERS = ['Versi', 'Tanggal', 'Perubahan', 'Oleh'] as const;

/**
 * Optional print settings: a row anywhere above the steps table with one of these labels in
 * column A and its value in B (the template sheet does not write them; staff add them when an
 * SOP needs other pages than the default, which fits A4 landscape).
 */
export const PAPER_LABEL = 'Kertas';
export const STEPS_PER_PAGE_LABEL = 'Langkah per halaman';
