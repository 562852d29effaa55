/**
 * The `Kalender Kerja` sheet: two tables the office edits — the week (working day or not, hours,
 * break) and the days off (date, name, kind, status, source) — laid out as a SheetPlan and read
 * back with a located message for every unreadable entry. Tables are found by their header rows,
 * so the office may add notes above them or rows to the list of days.
 */
import { t, type Language } from '../i18n';
import { parseDate } from '../dates';
import { toLocalText } from '../time';
import type { CellStyle, SheetPlan } from '../plan/plan';
import { GridBuilder, rect } from '../plan/plan';
import { DEFAULT_WEEK } from './defaults';
import type { CalendarSettings, Holiday, HolidayKind, HolidayStatus, Weekday, WeekdayHours } from './model';

export const CALENDAR_SHEET_NAME = 'Kalender Kerja';

export const WEEK_HEADERS = [
  'Hari',
  'Hari kerja',
  'Jam masuk',
  'Jam pulang',
  'Istirahat mulai',
  'Istirahat selesai',
];
export const HOLIDAY_HEADERS = ['Tanggal', 'Keterangan', 'Jenis', 'Status', 'Sumber'];

const DAY_NAMES: Record<Weekday, string> = {
  0: 'Minggu',
  1: 'Senin',
  2: 'Selasa',
  3: 'Rabu',
  4: 'Kamis',
  5: 'Jumat',
  6: 'Sabtu',
};
const WEEKDAY_BY_NAME = new Map<string, Weekday>(
  Object.entries(DAY_NAMES).map(([n, name]) => [name.toLowerCase(), Number(n) as Weekday]),
);
WEEKDAY_BY_NAME.set("jum'at", 5);

export const KIND_LABELS: Record<HolidayKind, string> = {
  national: 'Libur nasional',
  collective: 'Cuti bersama',
  office: 'Libur kantor',
};
const KIND_BY_LABEL = new Map(
  Object.entries(KIND_LABELS).map(([k, label]) => [label.toLowerCase(), k as HolidayKind]),
);
const STATUSES: HolidayStatus[] = ['periksa', 'tetap'];
/** What the office writes in Sumber for a day it adds; blank reads the same. */
export const OFFICE_SOURCE = 'Kantor';

const NOTE =
  'Jam kerja bawaan: Perpres 21/2023 tentang Hari Kerja dan Jam Kerja Instansi Pemerintah dan Pegawai ASN ' +
  '(Senin–Jumat, 37,5 jam seminggu di luar istirahat, mulai 07.30; istirahat 60 menit, Jumat 90 menit). ' +
  'Ubah sesuai keputusan kepala perangkat daerah. Hari libur dan cuti bersama: SKB 3 Menteri; baris berstatus ' +
  '"periksa" dicocokkan dengan SKB resmi lalu diganti "tetap". Tanggal yang ditambahkan kantor tetap ada ' +
  'saat menu "Kalender Kerja" dijalankan lagi. Menit aktual langkah dihitung hanya pada jam kerja.';

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const HEADER: CellStyle = { fontWeight: 'bold', background: '#d9e2f3' };
const TEXT: CellStyle = { numberFormat: '@' };
const TO_CHECK: CellStyle = { background: '#fff2cc' };
/** Rows kept ready (formatted as text, with dropdowns) under the list for days the office adds. */
const SPARE_ROWS = 30;

/** The sheet's plan: title, note, the week table from row 4, the days-off table below it. */
export function calendarSheetPlan(settings: CalendarSettings, sheetName = CALENDAR_SHEET_NAME): SheetPlan {
  const grid = new GridBuilder(6);
  grid.set(1, 1, 'Kalender Kerja', { fontWeight: 'bold', fontSize: 12 });
  grid.set(2, 1, NOTE, { fontStyle: 'italic', wrap: true });
  const weekRow = 4;
  WEEK_HEADERS.forEach((h, i) => grid.set(weekRow, i + 1, h, HEADER));
  settings.week.forEach((day, i) => {
    const r = weekRow + 1 + i;
    grid.set(r, 1, DAY_NAMES[day.weekday], TEXT);
    grid.set(r, 2, day.working ? 'Ya' : 'Tidak', TEXT);
    const times = day.working
      ? [day.start, day.end, day.breakStart, day.breakEnd].map(clock)
      : ['', '', '', ''];
    times.forEach((value, c) => grid.set(r, 3 + c, value, TEXT));
  });
  const listRow = weekRow + settings.week.length + 2;
  HOLIDAY_HEADERS.forEach((h, i) => grid.set(listRow, i + 1, h, HEADER));
  const sorted = [...settings.holidays].sort((a, b) => a.date.localeCompare(b.date));
  sorted.forEach((day, i) => {
    const r = listRow + 1 + i;
    const style = day.status === 'periksa' ? { ...TEXT, ...TO_CHECK } : TEXT;
    [day.date, day.name, KIND_LABELS[day.kind], day.status, day.source].forEach((value, c) =>
      grid.set(r, 1 + c, value, style),
    );
  });
  const spare = listRow + sorted.length + SPARE_ROWS;
  for (let c = 1; c <= HOLIDAY_HEADERS.length; c++)
    grid.style(listRow + sorted.length + 1, c, TEXT, SPARE_ROWS, 1);
  const { values, styles } = grid.build();
  const listRows = spare - listRow;
  return {
    sheetName,
    values,
    styles,
    merges: [{ rect: rect(2, 1, 1, 6), mode: 'all' }],
    borders: [],
    validations: [
      {
        rect: rect(weekRow + 1, 2, settings.week.length, 1),
        list: ['Ya', 'Tidak'],
        allowInvalid: false,
        helpText: 'Ya = hari kerja, Tidak = libur.',
      },
      {
        rect: rect(listRow + 1, 3, listRows, 1),
        list: Object.values(KIND_LABELS),
        allowInvalid: false,
        helpText: 'Libur nasional, Cuti bersama atau Libur kantor.',
      },
      {
        rect: rect(listRow + 1, 4, listRows, 1),
        list: STATUSES,
        allowInvalid: false,
        helpText: '"periksa" = belum dicocokkan dengan SKB; "tetap" = sudah.',
      },
    ],
    columnWidths: { 1: 110, 2: 300, 3: 120, 4: 90, 5: 230, 6: 110 },
    rowHeights: { 2: 90 },
    frozenRows: 0,
    print: { orientation: 'portrait', fitToWidth: true },
  };
}

const cellText = (value: unknown): string =>
  (value === null || value === undefined ? '' : String(value)).trim();

/** "07:30", "7.30", "7:30:00", a time cell (Date) or a day fraction → minutes from midnight; null if none. */
function readTime(value: unknown, timeZone: string): number | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const text = toLocalText(value.toISOString(), timeZone);
    return text ? Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16)) : null;
  }
  if (typeof value === 'number') return value >= 0 && value <= 1 ? Math.round(value * 1440) : null;
  const m = /^(\d{1,2})[.:](\d{2})(?::\d{2})?$/.exec(cellText(value));
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 1440 ? minutes : null;
}

export type CalendarRead = { ok: true; settings: CalendarSettings } | { ok: false; problems: string[] };

/** Whether the values hold both tables (the add-in's calendar, or a copy of it). */
export function isCalendarSheet(values: unknown[][]): boolean {
  return findHeader(values, WEEK_HEADERS) >= 0 && findHeader(values, HOLIDAY_HEADERS) >= 0;
}

function findHeader(values: unknown[][], headers: string[]): number {
  return values.findIndex((row) =>
    headers.every((h, i) => cellText(row[i]).toLowerCase() === h.toLowerCase()),
  );
}

/**
 * The settings from the sheet's values (getDataRange().getValues()), or every problem, located.
 * A weekday the table leaves out keeps the default; blank rows in the list are skipped.
 */
export function readCalendarSheet(
  values: unknown[][],
  timeZone: string,
  language: Language = 'id',
): CalendarRead {
  const problems: string[] = [];
  const weekAt = findHeader(values, WEEK_HEADERS);
  const listAt = findHeader(values, HOLIDAY_HEADERS);
  if (weekAt < 0) problems.push(t(language, 'calendarMissingTable', { table: 'Hari' }));
  if (listAt < 0) problems.push(t(language, 'calendarMissingTable', { table: 'Tanggal' }));
  if (problems.length > 0) return { ok: false, problems };
  const week = new Map<Weekday, WeekdayHours>(DEFAULT_WEEK.map((d) => [d.weekday, d]));
  for (let i = weekAt + 1; i < values.length && cellText(values[i][0]) !== ''; i++) {
    if (i === listAt) break;
    const row = values[i];
    const sheetRow = i + 1;
    const weekday = WEEKDAY_BY_NAME.get(cellText(row[0]).toLowerCase());
    if (weekday === undefined) {
      problems.push(t(language, 'calendarBadDay', { row: sheetRow, value: cellText(row[0]).slice(0, 40) }));
      continue;
    }
    const yesNo = cellText(row[1]).toLowerCase();
    if (yesNo !== 'ya' && yesNo !== 'tidak') {
      problems.push(t(language, 'calendarBadYesNo', { row: sheetRow, value: cellText(row[1]).slice(0, 40) }));
      continue;
    }
    if (yesNo === 'tidak') {
      week.set(weekday, { weekday, working: false, start: 0, end: 0, breakStart: 0, breakEnd: 0 });
      continue;
    }
    const times = [2, 3, 4, 5].map((c) => ({ c, value: row[c], minutes: readTime(row[c], timeZone) }));
    const bad = times.filter(
      ({ c, value, minutes }) => minutes === null && (c < 4 || cellText(value) !== ''),
    );
    for (const { c, value } of bad)
      problems.push(
        t(language, 'calendarBadTime', {
          row: sheetRow,
          column: WEEK_HEADERS[c],
          value: value instanceof Date ? String(value) : cellText(value).slice(0, 40),
        }),
      );
    if (bad.length > 0) continue;
    const [start, end, breakStart, breakEnd] = times.map(({ minutes }) => minutes);
    const noBreak = breakStart === null || breakEnd === null;
    const day: WeekdayHours = {
      weekday,
      working: true,
      start: start as number,
      end: end as number,
      breakStart: noBreak ? 0 : (breakStart as number),
      breakEnd: noBreak ? 0 : (breakEnd as number),
    };
    if (
      day.end <= day.start ||
      (!noBreak && (day.breakEnd < day.breakStart || day.breakStart < day.start || day.breakEnd > day.end))
    ) {
      problems.push(t(language, 'calendarBadHours', { row: sheetRow }));
      continue;
    }
    week.set(weekday, day);
  }
  const holidays: Holiday[] = [];
  for (let i = listAt + 1; i < values.length; i++) {
    const row = values[i];
    if ([0, 1, 2, 3, 4].every((c) => cellText(row[c]) === '')) continue;
    const date = parseDate(row[0], timeZone);
    if (!date) {
      problems.push(
        t(language, 'calendarBadDate', {
          row: i + 1,
          value: row[0] instanceof Date ? String(row[0]) : cellText(row[0]).slice(0, 40),
        }),
      );
      continue;
    }
    const status = cellText(row[3]).toLowerCase();
    holidays.push({
      date,
      name: cellText(row[1]),
      kind: KIND_BY_LABEL.get(cellText(row[2]).toLowerCase()) ?? 'office',
      // A day the office typed without a status is the office's own word: confirmed.
      status: status === 'periksa' ? 'periksa' : 'tetap',
      source: cellText(row[4]) || OFFICE_SOURCE,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const order: Weekday[] = [1, 2, 3, 4, 5, 6, 0];
  return { ok: true, settings: { week: order.map((d) => week.get(d) as WeekdayHours), holidays } };
}

/**
 * Reseeding: the office's week and every date it has stay as they are (edited, confirmed or
 * added by hand); seeded dates it does not have yet are added.
 */
export function mergeSeed(
  existing: CalendarSettings | null,
  seed: CalendarSettings,
): { settings: CalendarSettings; added: number; kept: number } {
  if (!existing) return { settings: seed, added: seed.holidays.length, kept: 0 };
  const have = new Set(existing.holidays.map((h) => h.date));
  const fresh = seed.holidays.filter((h) => !have.has(h.date));
  return {
    settings: { week: existing.week, holidays: [...existing.holidays, ...fresh] },
    added: fresh.length,
    kept: existing.holidays.length,
  };
}
