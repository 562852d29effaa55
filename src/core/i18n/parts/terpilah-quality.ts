import { part } from './part';

/**
 * Data terpilah's data-quality findings by type (the report's "Daftar masalah data" and the
 * warnings of the import and the sidebar form), and the questions asked before a duplicate.
 */
export const terpilahQuality = part(
  {
    qualitySexUnknown: 'Jenis kelamin tidak diketahui',
    qualitySexContradictsNik: 'Jenis kelamin bertentangan dengan NIK',
    qualitySexContradictsNip: 'Jenis kelamin bertentangan dengan NIP',
    qualitySexFromNik: 'Jenis kelamin kosong atau tidak dikenali, diisi dari NIK',
    qualitySexFromNip: 'Jenis kelamin kosong atau tidak dikenali, diisi dari NIP',
    qualityAgeUnknown: 'Umur tidak diketahui',
    qualityAgeInvalid: 'Umur tidak terbaca (dipakai sumber lain)',
    qualityAgeOver100: 'Umur lebih dari 100 tahun',
    qualityAgeContradictsNik: 'Umur bertentangan dengan NIK',
    qualityAgeContradictsNip: 'Umur bertentangan dengan NIP',
    qualityBirthDateFuture: 'Tanggal lahir sesudah tanggal kegiatan',
    qualityBirthDateImpossible: 'Tanggal lahir tidak terbaca atau tidak mungkin',
    qualityBirthDateContradictsNik: 'Tanggal lahir berbeda dengan NIK',
    qualityNikInvalid: 'NIK tidak sah',
    qualityNikStoredAsNumber: 'NIK tersimpan sebagai angka',
    qualityNipInvalid: 'NIP tidak sah',
    qualityDuplicateNik: 'NIK ganda',
    qualityDuplicateNameInstitution: 'Nama dan instansi ganda pada kegiatan yang sama',
    qualityNameMissing: 'Nama kosong',
    qualityInstitutionUngrouped: 'Instansi belum dikelompokkan',
    importFindings:
      'Periksa sheet {sheet} sebelum membuat laporan; {count} temuan akan masuk Daftar masalah data ({types}): {findings}',
    entryFindingsMore: '… dan {count} lainnya.',
    pesertaAddedWarnings: 'Perhatian: {findings}',
    pesertaDuplicateQuestion:
      'Mungkin peserta ganda: {reasons}. Tetap tambahkan? Baris ganda akan masuk Daftar masalah data.',
    pesertaDuplicateNik: 'NIK sama dengan baris {rows}',
    pesertaDuplicateName: 'nama dan instansi sama dengan baris {rows} pada kegiatan yang sama',
    sidePesAddAnyway: 'Tetap tambahkan',
    sidePesAddCancel: 'Batal',
  },
  {
    qualitySexUnknown: 'Sex unknown',
    qualitySexContradictsNik: 'Sex contradicts the NIK',
    qualitySexContradictsNip: 'Sex contradicts the NIP',
    qualitySexFromNik: 'Sex blank or unreadable, filled from the NIK',
    qualitySexFromNip: 'Sex blank or unreadable, filled from the NIP',
    qualityAgeUnknown: 'Age unknown',
    qualityAgeInvalid: 'Age unreadable (another source used)',
    qualityAgeOver100: 'Age over 100 years',
    qualityAgeContradictsNik: 'Age contradicts the NIK',
    qualityAgeContradictsNip: 'Age contradicts the NIP',
    qualityBirthDateFuture: 'Birth date after the activity date',
    qualityBirthDateImpossible: 'Birth date unreadable or impossible',
    qualityBirthDateContradictsNik: 'Birth date differs from the NIK',
    qualityNikInvalid: 'Invalid NIK',
    qualityNikStoredAsNumber: 'NIK stored as a number',
    qualityNipInvalid: 'Invalid NIP',
    qualityDuplicateNik: 'Duplicate NIK',
    qualityDuplicateNameInstitution: 'Same name and institution in the same activity',
    qualityNameMissing: 'Empty name',
    qualityInstitutionUngrouped: 'Institution not grouped',
    importFindings:
      'Check sheet {sheet} before creating the report; {count} findings will be listed under data problems ({types}): {findings}',
    entryFindingsMore: '… and {count} more.',
    pesertaAddedWarnings: 'Note: {findings}',
    pesertaDuplicateQuestion:
      'Possibly a duplicate participant: {reasons}. Add anyway? The duplicate row will be listed under data problems.',
    pesertaDuplicateNik: 'same NIK as row {rows}',
    pesertaDuplicateName: 'same name and institution as row {rows} in the same activity',
    sidePesAddAnyway: 'Add anyway',
    sidePesAddCancel: 'Cancel',
  },
);
