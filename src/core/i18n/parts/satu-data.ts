import { part } from './part';

/** Institution grouping (`Instansi` sheet) and the Satu Data export. */
export const satuData = part(
  {
    menuGroupInstitutions: 'Kelompokkan instansi',
    menuSatuDataExport: 'Ekspor Satu Data',
    instansiTitle: 'Kelompokkan instansi',
    instansiSeeded:
      'Sheet {sheet} dibuat dengan {count} nama instansi awal (perangkat daerah provinsi dan kabupaten/kota): periksa dan sesuaikan.',
    instansiNothingToGroup: 'Semua ejaan instansi di sheet Peserta sudah dikelompokkan.',
    instansiPendingOnly:
      '{count} usulan masih menunggu di sheet {sheet}: ubah Status menjadi "Dikonfirmasi" atau "Ditolak".',
    instansiSuggestIntro:
      '{count} ejaan instansi belum dikelompokkan. Usulan (ejaan → nama baku):\n{list}\n\nYa = konfirmasi semua. Tidak = simpan sebagai "Usulan" di sheet {sheet} untuk diperiksa satu per satu.',
    instansiSuggestLine: '"{spelling}" → "{canonical}"{isNew} ({count} baris)',
    instansiSuggestNew: ' (instansi baru)',
    instansiSuggestMore: '… dan {count} lainnya.',
    instansiConfirmed:
      '{count} ejaan dikelompokkan di sheet {sheet}. Buat ulang laporan untuk memakai nama baku.',
    instansiSavedPending:
      '{count} usulan disimpan di sheet {sheet} dengan status "Usulan": ubah menjadi "Dikonfirmasi" untuk memakainya.',
    instansiNoCanonicalColumn:
      'Sheet {sheet}, baris 1: kolom "Nama baku" tidak ditemukan (ada: {found}). Tambahkan judul kolom "Nama baku", "Alias", "Status".',
    instansiNotOurSheet:
      'Sheet "{sheet}" sudah ada dengan judul kolom lain dan bukan buatan add-on, jadi tidak diubah. Ganti namanya, lalu coba lagi.',
    satuDataTitle: 'Ekspor Satu Data',
    satuDataPrompt: 'Nama kegiatan yang diekspor (kosongkan untuk semua kegiatan):',
    satuDataUnknownActivity:
      'Kegiatan "{activity}" tidak ada di sheet Peserta. Kegiatan yang ada: {known}. Tulis namanya persis, atau kosongkan untuk semua kegiatan.',
    satuDataCreatedToast: 'Satu Data dibuat: {sheet} ({rows} baris, {participants} peserta).',
    satuDataRenamedBecause:
      'Sheet "{sheet}" sudah ada dan bukan buatan add-on, jadi tidak diubah; data ditulis di "{newSheet}".',
  },
  {
    menuGroupInstitutions: 'Group institutions',
    menuSatuDataExport: 'Export Satu Data',
    instansiTitle: 'Group institutions',
    instansiSeeded:
      'Sheet {sheet} created with {count} starting institution names (provincial and regency offices): check and adjust them.',
    instansiNothingToGroup: 'Every institution spelling in the Peserta sheet is grouped already.',
    instansiPendingOnly:
      '{count} suggestions are waiting in sheet {sheet}: set their Status to "Dikonfirmasi" (confirmed) or "Ditolak" (rejected).',
    instansiSuggestIntro:
      '{count} institution spellings are not grouped. Suggestions (spelling → canonical name):\n{list}\n\nYes = confirm all. No = save them as "Usulan" in sheet {sheet} to review one by one.',
    instansiSuggestLine: '"{spelling}" → "{canonical}"{isNew} ({count} rows)',
    instansiSuggestNew: ' (new institution)',
    instansiSuggestMore: '… and {count} more.',
    instansiConfirmed:
      '{count} spellings grouped in sheet {sheet}. Regenerate the report to use the canonical names.',
    instansiSavedPending:
      '{count} suggestions saved in sheet {sheet} with status "Usulan": set it to "Dikonfirmasi" to use them.',
    instansiNoCanonicalColumn:
      'Sheet {sheet}, row 1: no "Nama baku" column (found: {found}). Add the headers "Nama baku", "Alias", "Status".',
    instansiNotOurSheet:
      'A sheet "{sheet}" with other headers exists and was not made by the add-on, so it was left alone. Rename it, then try again.',
    satuDataTitle: 'Export Satu Data',
    satuDataPrompt: 'Activity to export (leave empty for all activities):',
    satuDataUnknownActivity:
      'Activity "{activity}" is not in the Peserta sheet. Activities there: {known}. Type its exact name, or leave it empty for all.',
    satuDataCreatedToast: 'Satu Data created: {sheet} ({rows} rows, {participants} participants).',
    satuDataRenamedBecause:
      'A sheet "{sheet}" exists and was not made by the add-on, so it was left alone; the data went to "{newSheet}".',
  },
);
