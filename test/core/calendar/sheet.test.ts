import fc from 'fast-check';
import { DEFAULT_CALENDAR_SETTINGS } from '../../../src/core/calendar/defaults';
import type { CalendarSettings, Holiday } from '../../../src/core/calendar/model';
import {
  calendarSheetPlan,
  isCalendarSheet,
  mergeSeed,
  readCalendarSheet,
} from '../../../src/core/calendar/sheet';

const TZ = 'Asia/Jakarta';
const valuesOf = (settings: CalendarSettings) => calendarSheetPlan(settings).values as unknown[][];

describe('Kalender Kerja sheet', () => {
  test('the default sheet reads back as the defaults: Perpres 21/2023 hours, seeded days "periksa"', () => {
    const values = valuesOf(DEFAULT_CALENDAR_SETTINGS);
    expect(values[4].slice(0, 6)).toEqual(['Senin', 'Ya', '07:30', '16:00', '12:00', '13:00']);
    expect(values[8].slice(0, 6)).toEqual(['Jumat', 'Ya', '07:30', '16:30', '11:30', '13:00']);
    expect(values[9].slice(0, 6)).toEqual(['Sabtu', 'Tidak', '', '', '', '']);
    const read = readCalendarSheet(values, TZ);
    expect(read).toEqual({ ok: true, settings: DEFAULT_CALENDAR_SETTINGS });
  });

  test('the office edits: a Saturday half day, a date typed as "17 Agustus 2026", a Date cell', () => {
    const values = valuesOf(DEFAULT_CALENDAR_SETTINGS).map((row) => [...row]);
    values[9] = ['Sabtu', 'Ya', '8.00', '12:00', '', ''];
    const listEnd = values.findIndex((row, i) => i > 12 && row[0] === '');
    values[listEnd] = ['1 Juli 2026', 'HUT Bhayangkara (kantor)', '', '', ''];
    values[listEnd + 1] = [new Date('2026-10-09T00:00:00+07:00'), 'Rapat kerja', 'Libur kantor', 'tetap', ''];
    const read = readCalendarSheet(values, TZ);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.settings.week[5]).toEqual({
      weekday: 6,
      working: true,
      start: 480,
      end: 720,
      breakStart: 0,
      breakEnd: 0,
    });
    expect(read.settings.holidays.slice(-2)).toEqual([
      {
        date: '2026-07-01',
        name: 'HUT Bhayangkara (kantor)',
        kind: 'office',
        status: 'tetap',
        source: 'Kantor',
      },
      { date: '2026-10-09', name: 'Rapat kerja', kind: 'office', status: 'tetap', source: 'Kantor' },
    ]);
  });

  // 08:00 on Sheets' day zero in Jakarta, whose offset was then its local mean time, +07:07:12.
  const JAKARTA_0800 = new Date(Date.UTC(1899, 11, 30, 8) - (7 * 3600 + 7 * 60 + 12) * 1000);

  test('time cells as Sheets gives them (a Date on 1899-12-30, a day fraction) read as times', () => {
    const values = valuesOf(DEFAULT_CALENDAR_SETTINGS).map((row) => [...row]);
    values[4] = ['Senin', 'Ya', JAKARTA_0800, 16 / 24, '', ''];
    const read = readCalendarSheet(values, TZ);
    expect(read.ok && read.settings.week[0]).toEqual({
      weekday: 1,
      working: true,
      start: 480,
      end: 960,
      breakStart: 0,
      breakEnd: 0,
    });
    expect(isCalendarSheet(values)).toBe(true);
    expect(isCalendarSheet([['Hari', 'Hari kerja']])).toBe(false);
  });

  test('an Invalid Date in a time cell is an unreadable time, not a crash', () => {
    const values = valuesOf(DEFAULT_CALENDAR_SETTINGS).map((row) => [...row]);
    values[4] = ['Senin', 'Ya', new Date(NaN), '16:00', '', ''];
    const read = readCalendarSheet(values, TZ);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.length).toBe(1);
  });

  test('every unreadable entry is named by row and column, all at once', () => {
    const values = valuesOf(DEFAULT_CALENDAR_SETTINGS).map((row) => [...row]);
    values[4][3] = '16.6';
    values[5][1] = 'mungkin';
    values[6] = ['Rabu', 'Ya', '13:00', '08:00', '', ''];
    values[13][0] = 'besok';
    values[10][0] = 'Senen';
    const read = readCalendarSheet(values, TZ);
    expect(read).toEqual({
      ok: false,
      problems: [
        'Kalender Kerja baris 5, kolom "Jam pulang": "16.6" bukan jam. Tulis mis. 07:30.',
        'Kalender Kerja baris 6, kolom "Hari kerja": "mungkin" harus "Ya" atau "Tidak".',
        'Kalender Kerja baris 7: jam pulang harus sesudah jam masuk, dan istirahat di antaranya.',
        'Kalender Kerja baris 11, kolom "Hari": "Senen" bukan nama hari (Senin … Minggu).',
        'Kalender Kerja baris 14, kolom "Tanggal": "besok" bukan tanggal. Tulis mis. 2026-12-25.',
      ],
    });
    expect(readCalendarSheet([['Catatan saya']], TZ)).toEqual({
      ok: false,
      problems: [
        'Kalender Kerja: tabel "Hari" tidak ditemukan. Jalankan menu "Kalender Kerja" untuk memulihkannya.',
        'Kalender Kerja: tabel "Tanggal" tidak ditemukan. Jalankan menu "Kalender Kerja" untuk memulihkannya.',
      ],
    });
  });

  test('reseeding keeps the office week and every date it has, and adds the seeded ones it lacks', () => {
    const office: Holiday = {
      date: '2026-07-01',
      name: 'Hari kantor',
      kind: 'office',
      status: 'tetap',
      source: 'Kantor',
    };
    const confirmed = { ...DEFAULT_CALENDAR_SETTINGS.holidays[0], status: 'tetap' as const };
    const existing: CalendarSettings = {
      week: DEFAULT_CALENDAR_SETTINGS.week.map((d) =>
        d.weekday === 6 ? { ...d, working: true, start: 480, end: 720 } : d,
      ),
      holidays: [confirmed, office],
    };
    const { settings, added, kept } = mergeSeed(existing, DEFAULT_CALENDAR_SETTINGS);
    expect(settings.week).toBe(existing.week);
    expect(settings.holidays).toContainEqual(office);
    expect(settings.holidays.filter((h) => h.date === confirmed.date)).toEqual([confirmed]);
    expect(added).toBe(DEFAULT_CALENDAR_SETTINGS.holidays.length - 1);
    expect(kept).toBe(2);
  });

  test('property: whatever days the office keeps, the sheet reads back as written', () => {
    const holiday = fc.record({
      date: fc
        .integer({ min: 0, max: 730 })
        .map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86400000).toISOString().slice(0, 10)),
      name: fc.string({ maxLength: 30 }).map((s) => s.trim()),
      kind: fc.constantFrom('national' as const, 'collective' as const, 'office' as const),
      status: fc.constantFrom('periksa' as const, 'tetap' as const),
      source: fc.constantFrom('Kantor', 'SKB'),
    });
    fc.assert(
      fc.property(fc.array(holiday, { maxLength: 40 }), (holidays) => {
        const settings = { week: DEFAULT_CALENDAR_SETTINGS.week, holidays };
        const read = readCalendarSheet(valuesOf(settings), TZ);
        expect(read.ok && [...read.settings.holidays].sort((a, b) => a.date.localeCompare(b.date))).toEqual(
          [...holidays].sort((a, b) => a.date.localeCompare(b.date)),
        );
      }),
    );
  });
});
