/**
 * The `Peserta` register's columns as the spec states them, for tests to pin the sheet against.
 * Restated here on purpose, not imported from core: a change to the columns must fail a test.
 */
export const PESERTA_SPEC_HEADERS = [
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
