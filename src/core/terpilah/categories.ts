/**
 * The categories of the data-terpilah tables and their labels, in the order the tables list them;
 * "Tidak diketahui" is always the last row of a table.
 */
import type { Dimension } from './model';
import { BABEL_REGENCIES } from './nik';

export const UNKNOWN = 'Tidak diketahui';
export const ROLE_LABELS = ['Peserta', 'Narasumber', 'Panitia'] as const;
export const ROLE_CODES = ['peserta', 'narasumber', 'panitia'];
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
/** The province's regencies, always listed (a zero row says no one came from there). */
export const BABEL_NAMES = Object.keys(BABEL_REGENCIES)
  .sort()
  .map((code) => BABEL_REGENCIES[code]);
