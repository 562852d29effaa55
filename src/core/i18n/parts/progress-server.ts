import { part } from './part';

/**
 * Server side of activities and the step log (`Kegiatan`, `Langkah`, `Riwayat`): the rebuild
 * menu item, refusals and located problems. Keys start with `progress`, `activity` or `rebuild`.
 */
export const progressServer = part(
  {
    menuRebuildProgress: 'Bangun ulang progres',
    progressBusy: 'Sedang dipakai, coba lagi.',
    progressSheetMissing:
      'Sheet "{sheet}" tidak ada. Jalankan menu "Bangun ulang progres" untuk memulihkannya dari Riwayat.',
    progressLogMissing:
      'Sheet "Riwayat" tidak ada, jadi catatan tidak bisa disimpan. Pulihkan sheet itu lewat Histori versi.',
    progressRowBroken:
      'Sheet "Langkah" baris {row}, kolom "{column}": isi "{value}" tidak terbaca. Jalankan menu "Bangun ulang progres".',
    progressActivityRowBroken:
      'Sheet "Kegiatan" baris {row}: data kegiatan {id} tidak terbaca. Jalankan menu "Bangun ulang progres".',
    registerRenamed:
      'Sheet "{sheet}" sekarang bernama "{current}". Kembalikan namanya menjadi "{sheet}" (klik kanan tab → Ganti nama), lalu coba lagi: sheet baru yang kosong tidak dibuat.',
    progressLangkahEdited:
      'Status langkah kegiatan {id} di sheet "Langkah" (baris {first}–{last}) diubah di luar panel, jadi tidak sesuai Riwayat. Jalankan menu "Bangun ulang progres" untuk memulihkannya dari Riwayat, lalu catat lagi dari panel.',
    progressNotOurSheet:
      'Sheet "{sheet}" sudah ada dan bukan buatan add-on, jadi tidak diubah. Ganti nama sheet itu dulu.',
    progressRebuildFirst:
      'Sheet "{sheet}" hilang padahal Riwayat berisi catatan. Jalankan menu "Bangun ulang progres" dulu.',
    progressUnknownAction: 'Aksi tidak dikenal: "{value}". Pilih Mulai, Selesai, Sesuai atau Perbaikan.',
    progressTextTooLong: '{field} terlalu panjang ({length} karakter; paling banyak {max}).',
    progressFieldPerson: 'Nama petugas',
    progressFieldEvidence: 'Tautan bukti',
    progressFieldNote: 'Catatan',
    progressFieldName: 'Nama kegiatan',
    progressFieldPlace: 'Tempat',
    progressFieldPersonInCharge: 'Penanggung jawab',
    activityNameEmpty: 'Nama kegiatan kosong. Tulis nama kegiatan, mis. "Rapat Koordinasi PUG 2026".',
    activityDateInvalid: 'Tanggal rencana "{value}" tidak terbaca. Tulis mis. 2026-11-24, atau kosongkan.',
    activityTemplateProblems: 'Template "{template}" punya {count} masalah, jadi kegiatan tidak dibuat:',
    rebuildTitle: 'Bangun ulang progres',
    rebuildDoneToast: 'Progres dibangun ulang: {activities} kegiatan, {steps} langkah.',
    rebuildProblemsIntro:
      'Progres dibangun ulang: {activities} kegiatan, {steps} langkah. {count} baris Riwayat dilewati karena tidak terbaca atau tidak sesuai SOP:',
  },
  {
    menuRebuildProgress: 'Rebuild progress',
    progressBusy: 'In use, try again.',
    progressSheetMissing:
      'Sheet "{sheet}" does not exist. Run the menu "Rebuild progress" to restore it from Riwayat.',
    progressLogMissing:
      'Sheet "Riwayat" does not exist, so the entry cannot be saved. Restore that sheet from the version history.',
    progressRowBroken:
      'Sheet "Langkah" row {row}, column "{column}": "{value}" is unreadable. Run the menu "Rebuild progress".',
    progressActivityRowBroken:
      'Sheet "Kegiatan" row {row}: the data of activity {id} is unreadable. Run the menu "Rebuild progress".',
    registerRenamed:
      'Sheet "{sheet}" is now named "{current}". Rename it back to "{sheet}" (right-click the tab → Rename), then try again: no new, empty sheet was made.',
    progressLangkahEdited:
      'The step states of activity {id} in sheet "Langkah" (rows {first}–{last}) were changed outside the panel, so they no longer match Riwayat. Run the menu "Rebuild progress" to restore them from Riwayat, then log again from the panel.',
    progressNotOurSheet:
      'Sheet "{sheet}" already exists and was not made by the add-on, so it was left untouched. Rename that sheet first.',
    progressRebuildFirst:
      'Sheet "{sheet}" is missing although Riwayat holds entries. Run the menu "Rebuild progress" first.',
    progressUnknownAction: 'Unknown action: "{value}". Choose Start, Finish, Sesuai or Perbaikan.',
    progressTextTooLong: '{field} is too long ({length} characters; at most {max}).',
    progressFieldPerson: 'The staff name',
    progressFieldEvidence: 'The evidence link',
    progressFieldNote: 'The note',
    progressFieldName: 'The activity name',
    progressFieldPlace: 'The place',
    progressFieldPersonInCharge: 'The person in charge',
    activityNameEmpty: 'The activity name is empty. Type a name, e.g. "Rapat Koordinasi PUG 2026".',
    activityDateInvalid: 'Unreadable planned date "{value}". Write e.g. 2026-11-24, or leave it empty.',
    activityTemplateProblems: 'Template "{template}" has {count} problems, so the activity was not created:',
    rebuildTitle: 'Rebuild progress',
    rebuildDoneToast: 'Progress rebuilt: {activities} activities, {steps} steps.',
    rebuildProblemsIntro:
      'Progress rebuilt: {activities} activities, {steps} steps. {count} Riwayat rows were skipped as unreadable or against the SOP:',
  },
);
