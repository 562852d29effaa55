/**
 * The participant register `Peserta` as rows: its columns and the closed values its dropdowns
 * offer (what the normaliser reads back as L/P, roles, yes/no, attendance).
 */
import type { RowValue } from '../progress/row-labels';

export const PESERTA_HEADERS = [
  'Kegiatan',
  'Nama',
  'NIK',
  'NIP',
  'Jenis kelamin',
  'Tanggal lahir',
  'Umur',
  'Peran',
  'Instansi/OPD',
  'Jabatan',
  'Kabupaten/Kota',
  'Disabilitas',
  'Kehadiran',
  'Sumber',
] as const;

export type PesertaHeader = (typeof PESERTA_HEADERS)[number];
/** 1-based column of each header. */
export const PESERTA_COLUMN = Object.fromEntries(PESERTA_HEADERS.map((h, i) => [h, i + 1])) as Record<
  PesertaHeader,
  number
>;

/** One Peserta row: the values of PESERTA_HEADERS in order. */
export type PesertaRow = RowValue[];

export const SEX_VALUES = ['L', 'P'];
export const ROLE_VALUES = ['Peserta', 'Narasumber', 'Panitia'];
export const YES_NO_VALUES = ['Ya', 'Tidak'];
export const ATTENDANCE_VALUES = ['Hadir', 'Tidak hadir'];

/** The row in header order, from its values by header. */
export function pesertaRowOf(values: Record<PesertaHeader, string | number>): PesertaRow {
  return PESERTA_HEADERS.map((header) => values[header]);
}
