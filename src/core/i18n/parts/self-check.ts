import { part } from './part';

/** "Periksa pemasangan": the installation self-check and its report. */
export const selfCheck = part(
  {
    menuSelfCheck: 'Periksa pemasangan',
    selfCheckTitle: 'Periksa pemasangan',
    selfCheckIntro: 'SOP & Data Terpilah versi {version}: pemeriksaan di spreadsheet ini.',
    selfCheckAllPassed: 'Semua {count} pemeriksaan lulus: add-in siap dipakai.',
    selfCheckSomeFailed:
      '{failed} dari {count} pemeriksaan tidak lulus. Ikuti langkah bertanda →, lalu jalankan Periksa pemasangan lagi.',
    selfCheckProbeSheetName: 'Periksa pemasangan ~{token}',

    selfCheckTimeZone: 'Zona waktu (Intl.DateTimeFormat, Asia/Jakarta)',
    selfCheckTimeZoneFix:
      'Waktu langkah dan tanggal akan salah. Pastikan appsscript.json berisi "runtimeVersion": "V8" (salin dist/appsscript.json), lalu periksa lagi.',
    selfCheckUnicodeRegex: 'Ekspresi reguler Unicode (\\p{L}, lookbehind)',
    selfCheckUnicodeRegexFix:
      'Judul kolom, jenis kelamin dan NIK peserta tidak akan dikenali. Pastikan appsscript.json berisi "runtimeVersion": "V8", lalu periksa lagi.',
    selfCheckNormalize: 'Normalisasi Unicode (NFKC)',
    selfCheckNormalizeFix:
      'Teks lebar penuh atau beraksen di data peserta tidak akan dikenali. Pastikan appsscript.json berisi "runtimeVersion": "V8", lalu periksa lagi.',
    selfCheckCollation: 'Pengurutan teks (localeCompare)',
    selfCheckCollationFix:
      'Daftar kegiatan dan laporan monitoring akan terurut salah. Pastikan appsscript.json berisi "runtimeVersion": "V8", lalu periksa lagi.',
    selfCheckSpreadsheet: 'Akses ke spreadsheet ini (spreadsheets.currentonly)',
    selfCheckSpreadsheetFix:
      'Tambahkan https://www.googleapis.com/auth/spreadsheets.currentonly ke "oauthScopes" di appsscript.json (salin dist/appsscript.json), lalu jalankan lagi dan izinkan akses.',
    selfCheckUi: 'Menu dan dialog (script.container.ui)',
    selfCheckUiFix:
      'Tambahkan https://www.googleapis.com/auth/script.container.ui ke "oauthScopes" di appsscript.json (salin dist/appsscript.json), lalu jalankan lagi dan izinkan akses.',
    selfCheckEmail: 'Alamat email pengguna (userinfo.email)',
    selfCheckEmailFix:
      'Tambahkan https://www.googleapis.com/auth/userinfo.email ke "oauthScopes" di appsscript.json (salin dist/appsscript.json), lalu jalankan lagi dan izinkan akses. Tanpa itu riwayat kegiatan tidak dapat dicatat.',
    selfCheckSidebarFile: 'Berkas HTML "Sidebar"',
    selfCheckSidebarFileFix:
      'Di editor Apps Script buat berkas HTML bernama Sidebar berisi dist/Sidebar.html (atau jalankan npm run push), lalu periksa lagi.',
    selfCheckLock: 'Kunci dokumen (LockService)',
    selfCheckLockFix:
      'Bila sedang dipakai orang lain, tunggu sebentar lalu periksa lagi. Bila skrip tidak terikat ke spreadsheet ini, pasang ulang dari Ekstensi → Apps Script di spreadsheet ini.',
    selfCheckProbeSheet: 'Membuat sheet sementara',
    selfCheckProbeSheetFix:
      'Add-in tidak dapat menambah sheet: pastikan Anda punya akses edit ke spreadsheet ini dan batas 10 juta sel belum tercapai.',
    selfCheckMetadata: 'Penanda sheet (developer metadata)',
    selfCheckMetadataFix:
      'Add-in mengenali sheet buatannya lewat penanda ini; tanpa itu SOP dan laporan tidak dapat dibuat ulang dengan aman. Pastikan Anda punya akses edit, lalu periksa lagi.',
    selfCheckLiteralText: 'Teks tersimpan apa adanya ("=1+1", "007", NIK 16 digit, …)',
    selfCheckLiteralTextFix:
      'Sheets mengubah teks di atas. Laporkan daftar ini ke pengembang add-in: ini kekurangan add-in, bukan kesalahan Anda.',
    selfCheckCleanup: 'Sheet sementara dihapus',
    selfCheckCleanupFix: 'Hapus dengan tangan sheet "Periksa pemasangan ~…" yang tertinggal.',

    selfCheckThrew: 'galat: {message}',
    selfCheckExpectedGot: 'diharapkan {expected}, didapat {actual}',
    selfCheckMissing: '{feature} tidak tersedia',
    selfCheckZoneUnknown: 'zona waktu spreadsheet {zone} tidak dikenal ({message})',
    selfCheckSpreadsheetIs: '"{name}", zona waktu {zone}',
    selfCheckEmailIs: '{email}',
    selfCheckEmailEmpty:
      'Google tidak memberikan alamat (akun pribadi atau domain lain); add-in mencatat nama yang diketik di panel.',
    selfCheckSidebarEmpty: 'berkas ada tetapi bukan sidebar add-in (kosong atau tanpa skrip)',
    selfCheckLockBusy: 'sedang dipakai proses lain',
    selfCheckLockNone: 'tidak ada kunci dokumen: skrip tidak terikat ke spreadsheet ini',
    selfCheckMetadataNotRemoved: 'penanda tidak dapat dihapus',
    selfCheckTextsKept: '{count} sel terbaca kembali persis',
    selfCheckTextsChanged: '{count} sel terbaca kembali berubah:',
    selfCheckColumnPlain: 'kolom biasa',
    selfCheckColumnText: 'kolom teks "@"',
    selfCheckSheetLeft: 'sheet "{sheet}" masih ada',
    selfCheckNeedsSpreadsheet: 'tidak dijalankan: spreadsheet tidak dapat dibuka',
    selfCheckNeedsProbeSheet: 'tidak dijalankan: sheet sementara tidak dapat dibuat',
    selfCheckNotRun: 'tidak dijalankan',
  },
  {
    menuSelfCheck: 'Check installation',
    selfCheckTitle: 'Check installation',
    selfCheckIntro: 'SOP & Data Terpilah version {version}: checks in this spreadsheet.',
    selfCheckAllPassed: 'All {count} checks passed: the add-in is ready to use.',
    selfCheckSomeFailed:
      '{failed} of {count} checks did not pass. Follow the steps marked →, then run Check installation again.',
    selfCheckProbeSheetName: 'Check installation ~{token}',

    selfCheckTimeZone: 'Time zone (Intl.DateTimeFormat, Asia/Jakarta)',
    selfCheckTimeZoneFix:
      'Step times and dates would be wrong. Make sure appsscript.json has "runtimeVersion": "V8" (copy dist/appsscript.json), then check again.',
    selfCheckUnicodeRegex: 'Unicode regular expressions (\\p{L}, lookbehind)',
    selfCheckUnicodeRegexFix:
      'Column headers, sex and NIK of participants would not be recognised. Make sure appsscript.json has "runtimeVersion": "V8", then check again.',
    selfCheckNormalize: 'Unicode normalisation (NFKC)',
    selfCheckNormalizeFix:
      'Full-width or accented text in participant data would not be recognised. Make sure appsscript.json has "runtimeVersion": "V8", then check again.',
    selfCheckCollation: 'Text ordering (localeCompare)',
    selfCheckCollationFix:
      'Activity lists and the monitoring report would be sorted wrongly. Make sure appsscript.json has "runtimeVersion": "V8", then check again.',
    selfCheckSpreadsheet: 'Access to this spreadsheet (spreadsheets.currentonly)',
    selfCheckSpreadsheetFix:
      'Add https://www.googleapis.com/auth/spreadsheets.currentonly to "oauthScopes" in appsscript.json (copy dist/appsscript.json), then run again and allow access.',
    selfCheckUi: 'Menus and dialogs (script.container.ui)',
    selfCheckUiFix:
      'Add https://www.googleapis.com/auth/script.container.ui to "oauthScopes" in appsscript.json (copy dist/appsscript.json), then run again and allow access.',
    selfCheckEmail: "The user's email address (userinfo.email)",
    selfCheckEmailFix:
      'Add https://www.googleapis.com/auth/userinfo.email to "oauthScopes" in appsscript.json (copy dist/appsscript.json), then run again and allow access. Without it activity history cannot be recorded.',
    selfCheckSidebarFile: 'The "Sidebar" HTML file',
    selfCheckSidebarFileFix:
      'In the Apps Script editor create an HTML file named Sidebar holding dist/Sidebar.html (or run npm run push), then check again.',
    selfCheckLock: 'Document lock (LockService)',
    selfCheckLockFix:
      'If someone else is using it, wait a moment and check again. If the script is not bound to this spreadsheet, install it again from Extensions → Apps Script in this spreadsheet.',
    selfCheckProbeSheet: 'Creating a temporary sheet',
    selfCheckProbeSheetFix:
      'The add-in cannot add sheets: make sure you can edit this spreadsheet and it is below the 10 million cell limit.',
    selfCheckMetadata: 'Sheet markers (developer metadata)',
    selfCheckMetadataFix:
      'The add-in recognises its own sheets by these markers; without them SOPs and reports cannot be rebuilt safely. Make sure you can edit, then check again.',
    selfCheckLiteralText: 'Text kept as typed ("=1+1", "007", 16-digit NIK, …)',
    selfCheckLiteralTextFix:
      'Sheets changed the text above. Report this list to the add-in developers: it is a shortcoming of the add-in, not your mistake.',
    selfCheckCleanup: 'Temporary sheet removed',
    selfCheckCleanupFix: 'Delete the leftover sheet "Check installation ~…" by hand.',

    selfCheckThrew: 'error: {message}',
    selfCheckExpectedGot: 'expected {expected}, got {actual}',
    selfCheckMissing: '{feature} is not available',
    selfCheckZoneUnknown: 'the spreadsheet time zone {zone} is unknown ({message})',
    selfCheckSpreadsheetIs: '"{name}", time zone {zone}',
    selfCheckEmailIs: '{email}',
    selfCheckEmailEmpty:
      'Google does not reveal the address (consumer account or another domain); the add-in records the name typed in the panel.',
    selfCheckSidebarEmpty: "the file exists but is not the add-in's sidebar (empty or without script)",
    selfCheckLockBusy: 'held by another process',
    selfCheckLockNone: 'no document lock: the script is not bound to this spreadsheet',
    selfCheckMetadataNotRemoved: 'the marker could not be removed',
    selfCheckTextsKept: '{count} cells read back exactly',
    selfCheckTextsChanged: '{count} cells read back changed:',
    selfCheckColumnPlain: 'plain column',
    selfCheckColumnText: '"@" text column',
    selfCheckSheetLeft: 'sheet "{sheet}" is still there',
    selfCheckNeedsSpreadsheet: 'not run: the spreadsheet could not be opened',
    selfCheckNeedsProbeSheet: 'not run: the temporary sheet could not be created',
    selfCheckNotRun: 'not run',
  },
);
