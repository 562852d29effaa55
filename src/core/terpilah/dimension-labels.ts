import type { Dimension } from './model';

/** What each dimension (and the total row) is called in the report's and Satu Data's tables. */
export const DIMENSION_LABELS: Readonly<Record<Dimension | 'total', string>> = {
  total: 'Jumlah peserta',
  activity: 'Kegiatan',
  role: 'Peran',
  ageGroup: 'Kelompok umur',
  lifeStage: 'Tahap usia',
  institution: 'Instansi',
  regency: 'Kabupaten/kota',
  disability: 'Status disabilitas',
};
