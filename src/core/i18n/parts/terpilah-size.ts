import { part } from './part';

/** The size guards of the report, the Satu Data export and the import: what a sheet too large for one execution means. */
export const terpilahSize = part(
  {
    terpilahTooLarge:
      'Peserta terlalu besar untuk satu laporan di Google Sheets: {rows} baris × {columns} kolom, perkiraan {seconds} detik, sedangkan batas Apps Script 6 menit. Tidak ada yang ditulis. Buat laporan satu kegiatan saja (pilih kegiatan di panel Data Terpilah), atau unduh Peserta sebagai CSV/xlsx dan jalankan CLI: sop-terpilah ringkas <file>.',
    satuDataTooLarge:
      'Peserta terlalu besar untuk satu ekspor Satu Data di Google Sheets: {rows} baris × {columns} kolom, perkiraan {seconds} detik, sedangkan batas Apps Script 6 menit. Tidak ada yang ditulis. Ekspor satu kegiatan saja (ketik namanya saat ditanya), atau unduh Peserta sebagai CSV/xlsx dan jalankan CLI: sop-terpilah ringkas <file>.',
    importTooLarge:
      'Sheet “{sheet}” terlalu besar untuk satu kali impor di Google Sheets: {rows} baris, perkiraan {seconds} detik, sedangkan batas Apps Script 6 menit. Tidak ada yang ditulis. Bagi isinya ke beberapa sheet berisi paling banyak {max} baris (misalnya satu sheet per kegiatan), lalu impor satu per satu.',
    importNoRoom:
      'Spreadsheet ini tidak punya ruang untuk {rows} baris peserta lagi: Google Sheets membatasi satu spreadsheet pada 10 juta sel. Tidak ada peserta yang ditulis. Hapus sheet, atau baris dan kolom kosong, yang tidak dipakai, atau impor ke spreadsheet baru.',
    importDuration: 'Perkiraan lama impor: hingga {time}; biarkan panel ini terbuka sampai selesai.',
    importSeconds: '{n} detik',
    importMinutes: '{n} menit',
    importTooLargePreview:
      'Sheet “{sheet}” terlalu besar untuk satu kali impor: {rows} baris, perkiraan {seconds} detik, sedangkan batas Apps Script 6 menit. Bagi isinya ke beberapa sheet berisi paling banyak {max} baris, lalu impor satu per satu.',
  },
  {
    terpilahTooLarge:
      'Peserta is too large for one report in Google Sheets: {rows} rows × {columns} columns, an estimated {seconds} seconds, while the Apps Script limit is 6 minutes. Nothing was written. Make the report for one activity (choose it in the Data Terpilah panel), or download Peserta as CSV/xlsx and run the CLI: sop-terpilah ringkas <file>.',
    satuDataTooLarge:
      'Peserta is too large for one Satu Data export in Google Sheets: {rows} rows × {columns} columns, an estimated {seconds} seconds, while the Apps Script limit is 6 minutes. Nothing was written. Export one activity (type its name when asked), or download Peserta as CSV/xlsx and run the CLI: sop-terpilah ringkas <file>.',
    importTooLarge:
      'The sheet “{sheet}” is too large for one import in Google Sheets: {rows} rows, an estimated {seconds} seconds, while the Apps Script limit is 6 minutes. Nothing was written. Split it into sheets of at most {max} rows (for example one sheet per activity) and import them one by one.',
    importNoRoom:
      'This spreadsheet has no room for {rows} more participant rows: Google Sheets allows 10 million cells in one spreadsheet. No participant was written. Delete sheets, or empty rows and columns, you do not use, or import into a new spreadsheet.',
    importDuration: 'Estimated import time: up to {time}; keep this panel open until it finishes.',
    importSeconds: '{n} seconds',
    importMinutes: '{n} minutes',
    importTooLargePreview:
      'The sheet “{sheet}” is too large for one import: {rows} rows, an estimated {seconds} seconds, while the Apps Script limit is 6 minutes. Split it into sheets of at most {max} rows and import them one by one.',
  },
);
