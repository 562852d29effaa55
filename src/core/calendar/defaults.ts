/**
 * Default working hours: Peraturan Presiden Nomor 21 Tahun 2023 tentang Hari Kerja dan Jam Kerja
 * Instansi Pemerintah dan Pegawai ASN — five working days, Monday to Friday (Pasal 3); 37 hours
 * 30 minutes a week not counting breaks, starting 07.30 local time (Pasal 4); breaks of 60
 * minutes, 90 on Friday (as summarised by Setneg, https://setneg.go.id/baca/index/
 * pemerintah_terbitkan_aturan_flexible_working_arrangement_bagi_asn). Hence Monday–Thursday
 * 07:30–16:00 with a 12:00–13:00 break (7 h 30 min) and Friday 07:30–16:30 with an 11:30–13:00
 * break (7 h 30 min): 5 × 450 = 2,250 minutes = 37.5 hours. The Ramadan hours (32.5 h, from
 * 08.00) and the office's own decree are the office's to set in the sheet.
 */
import type { CalendarSettings, Weekday, WeekdayHours } from './model';
import { SEEDED_HOLIDAYS } from './holidays-seed';
import { workingCalendar } from './working-minutes';

const hm = (hours: number, minutes = 0) => hours * 60 + minutes;

const day = (weekday: Weekday, end: number, breakStart: number): WeekdayHours => ({
  weekday,
  working: true,
  start: hm(7, 30),
  end,
  breakStart,
  breakEnd: hm(13),
});
const off = (weekday: Weekday): WeekdayHours => ({
  weekday,
  working: false,
  start: 0,
  end: 0,
  breakStart: 0,
  breakEnd: 0,
});

/** Monday first, as the sheet lists them. */
export const DEFAULT_WEEK: WeekdayHours[] = [
  day(1, hm(16), hm(12)),
  day(2, hm(16), hm(12)),
  day(3, hm(16), hm(12)),
  day(4, hm(16), hm(12)),
  day(5, hm(16, 30), hm(11, 30)),
  off(6),
  off(0),
];

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  week: DEFAULT_WEEK,
  holidays: SEEDED_HOLIDAYS,
};

/** The calendar used when the spreadsheet has no `Kalender Kerja` sheet. */
export const DEFAULT_WORKING_CALENDAR = workingCalendar(DEFAULT_CALENDAR_SETTINGS);
