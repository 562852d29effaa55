/**
 * What the add-in calls its own sheets. The registers have fixed names (the office's formulas
 * and habits point to them); generated sheets carry a prefix and the SOP's or activity's name.
 * A name alone never proves a sheet is the add-in's: see markers.ts.
 */

/** One row per activity (kegiatan), derived from `Riwayat`. */
export const KEGIATAN_SHEET = 'Kegiatan';
/** One row per activity × step, derived from `Riwayat`. */
export const LANGKAH_SHEET = 'Langkah';
/** The append-only event log: the truth `Kegiatan` and `Langkah` are rebuilt from. */
export const RIWAYAT_SHEET = 'Riwayat';
/** The participant register. */
export const PESERTA_SHEET = 'Peserta';

export const TEMPLATE_PREFIX = 'Template: ';
export const SOP_PREFIX = 'SOP: ';
/** Every report sheet's name starts so (`Laporan Monitoring SOP`, `Laporan Data Terpilah…`). */
export const REPORT_PREFIX = 'Laporan ';
/**
 * The hidden index of `Peserta`'s counts per activity (server/terpilah/register-counts.ts): the
 * add-in's own, never a user's sheet of that name.
 */
export const PESERTA_COUNTS_SHEET = '_Indeks Peserta';
