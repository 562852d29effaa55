import { part } from './part';

/**
 * The working calendar (`Kalender Kerja`): its menu item, its sheet's words and the located
 * problems of a hand-edited sheet. Keys start with `calendar` (and `menuWorkingCalendar`).
 */
export const calendar = part(
  {
    menuWorkingCalendar: 'Kalender Kerja',
    calendarTitle: 'Kalender Kerja',
    calendarCreatedToast:
      'Sheet "Kalender Kerja" dibuat: jam kerja Perpres 21/2023 dan {count} hari libur/cuti bersama berstatus "periksa". Cocokkan dengan SKB resmi, lalu ganti statusnya menjadi "tetap".',
    calendarUpdatedToast:
      'Sheet "Kalender Kerja" diperbarui: {added} tanggal baru ditambahkan; {kept} tanggal yang sudah ada (termasuk tambahan kantor) tidak diubah.',
    calendarNotOurs:
      'Sheet "Kalender Kerja" sudah ada tetapi bukan kalender kerja add-on (tidak ada tabel "Hari" dan "Tanggal"), jadi tidak diubah. Ganti nama sheet itu dulu.',
    calendarProblemsIntro:
      'Sheet "Kalender Kerja" punya {count} isian yang tidak terbaca, jadi menit kerja tidak bisa dihitung. Perbaiki dulu:',
    calendarBadTime: 'Kalender Kerja baris {row}, kolom "{column}": "{value}" bukan jam. Tulis mis. 07:30.',
    calendarBadDay: 'Kalender Kerja baris {row}, kolom "Hari": "{value}" bukan nama hari (Senin … Minggu).',
    calendarBadYesNo: 'Kalender Kerja baris {row}, kolom "Hari kerja": "{value}" harus "Ya" atau "Tidak".',
    calendarBadHours:
      'Kalender Kerja baris {row}: jam pulang harus sesudah jam masuk, dan istirahat di antaranya.',
    calendarBadDate:
      'Kalender Kerja baris {row}, kolom "Tanggal": "{value}" bukan tanggal. Tulis mis. 2026-12-25.',
    calendarMissingTable:
      'Kalender Kerja: tabel "{table}" tidak ditemukan. Jalankan menu "Kalender Kerja" untuk memulihkannya.',
  },
  {
    menuWorkingCalendar: 'Working calendar',
    calendarTitle: 'Working calendar',
    calendarCreatedToast:
      'Sheet "Kalender Kerja" created: Perpres 21/2023 working hours and {count} holidays/cuti bersama marked "periksa". Check them against the official SKB, then set their status to "tetap".',
    calendarUpdatedToast:
      'Sheet "Kalender Kerja" updated: {added} new dates added; {kept} dates already there (the office\'s own included) left unchanged.',
    calendarNotOurs:
      'Sheet "Kalender Kerja" exists but is not the add-on\'s working calendar (no "Hari" and "Tanggal" tables), so it was left untouched. Rename that sheet first.',
    calendarProblemsIntro:
      'Sheet "Kalender Kerja" has {count} unreadable entries, so working minutes cannot be counted. Fix them first:',
    calendarBadTime:
      'Kalender Kerja row {row}, column "{column}": "{value}" is not a time. Write e.g. 07:30.',
    calendarBadDay: 'Kalender Kerja row {row}, column "Hari": "{value}" is not a day name (Senin … Minggu).',
    calendarBadYesNo: 'Kalender Kerja row {row}, column "Hari kerja": "{value}" must be "Ya" or "Tidak".',
    calendarBadHours:
      'Kalender Kerja row {row}: the end must be after the start, and the break between them.',
    calendarBadDate:
      'Kalender Kerja row {row}, column "Tanggal": "{value}" is not a date. Write e.g. 2026-12-25.',
    calendarMissingTable:
      'Kalender Kerja: table "{table}" not found. Run the menu "Working calendar" to restore it.',
  },
);
