import { part } from './part';

/** The data terpilah report's size guard: what a register too large for one execution means. */
export const terpilahSize = part(
  {
    terpilahTooLarge:
      'Peserta terlalu besar untuk satu laporan di Google Sheets: {rows} baris × {columns} kolom, perkiraan {seconds} detik, sedangkan batas Apps Script 6 menit. Tidak ada yang ditulis. Buat laporan satu kegiatan saja (pilih kegiatan di panel Data Terpilah), atau unduh Peserta sebagai CSV/xlsx dan jalankan CLI: sop-terpilah ringkas <file>.',
  },
  {
    terpilahTooLarge:
      'Peserta is too large for one report in Google Sheets: {rows} rows × {columns} columns, an estimated {seconds} seconds, while the Apps Script limit is 6 minutes. Nothing was written. Make the report for one activity (choose it in the Data Terpilah panel), or download Peserta as CSV/xlsx and run the CLI: sop-terpilah ringkas <file>.',
  },
);
