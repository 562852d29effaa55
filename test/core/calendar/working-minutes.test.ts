import fc from 'fast-check';
import { DEFAULT_CALENDAR_SETTINGS, DEFAULT_WORKING_CALENDAR } from '../../../src/core/calendar/defaults';
import { workingCalendar, workingMinutesBetween } from '../../../src/core/calendar/working-minutes';
import { formatDuration } from '../../../src/core/calendar/duration';
import { SEEDED_HOLIDAYS } from '../../../src/core/calendar/holidays-seed';
import { minutesBetween } from '../../../src/core/time';

const TZ = 'Asia/Jakarta';
const cal = DEFAULT_WORKING_CALENDAR;
const w = (from: string, to: string, zone = TZ) => workingMinutesBetween(from, to, cal, zone);

describe('working minutes (default calendar: Perpres 21/2023, SKB 2026)', () => {
  test('a working day is 7 h 30 min, Monday to Friday; 37.5 hours a week', () => {
    expect(w('2026-11-23T00:00+07:00', '2026-11-24T00:00+07:00')).toBe(450); // Monday
    expect(w('2026-11-27T00:00+07:00', '2026-11-28T00:00+07:00')).toBe(450); // Friday
    expect(w('2026-11-23T00:00+07:00', '2026-11-30T00:00+07:00')).toBe(37.5 * 60);
    expect(cal.dayMinutes).toBe(450);
  });

  test('the issue: step 5 from 13:00 to 10:00 next day counts 300 working minutes, not 1,260', () => {
    expect(minutesBetween('2026-11-24T13:00:00+07:00', '2026-11-25T10:00:00+07:00')).toBe(1260);
    // Tue 13:00–16:00 = 180, Wed 07:30–10:00 = 150 → 330 minus nothing (break 12–13 not crossed).
    expect(w('2026-11-24T13:00:00+07:00', '2026-11-25T10:00:00+07:00')).toBe(330);
  });

  test('nights, weekends, breaks, holidays and cuti bersama do not count', () => {
    expect(w('2026-11-24T12:00+07:00', '2026-11-24T13:00+07:00')).toBe(0); // break
    expect(w('2026-11-27T16:00+07:00', '2026-11-30T07:30+07:00')).toBe(30); // Fri 16:00–16:30
    expect(w('2026-11-28T00:00+07:00', '2026-11-30T00:00+07:00')).toBe(0); // weekend
    expect(w('2026-12-24T00:00+07:00', '2026-12-26T00:00+07:00')).toBe(0); // cuti bersama + Natal
    // Idul Fitri 2026: Fri 20 (cuti) … Tue 24 (cuti) March, back to work Wednesday 25.
    expect(w('2026-03-19T16:00+07:00', '2026-03-25T08:30+07:00')).toBe(60);
  });

  test('a weekend and a holiday: Thursday 24 Dec 13:00 to Monday 28 Dec 10:00 is 2 h 30 min', () => {
    expect(w('2026-12-24T13:00+07:00', '2026-12-28T10:00+07:00')).toBe(150);
  });

  test('long durations read as working days: "2 hari 3 jam 15 mnt"', () => {
    expect(formatDuration(2 * 450 + 3 * 60 + 15, 450)).toBe('2 hari 3 jam 15 mnt');
    expect(formatDuration(45, 450)).toBe('45 mnt');
    expect(formatDuration(0, 450)).toBe('0 mnt');
    expect(formatDuration(450, 450)).toBe('1 hari');
    expect(formatDuration(-120, 450)).toBe('2 jam');
    expect(formatDuration(917702, 450)).toBe('2039 hari 2 jam 32 mnt');
    expect(formatDuration(75, 0)).toBe('1 jam 15 mnt');
  });

  test('every seeded day is marked "periksa" and lies in 2026 or 2027', () => {
    expect(new Set(SEEDED_HOLIDAYS.map((h) => h.status))).toEqual(new Set(['periksa']));
    expect(SEEDED_HOLIDAYS.every((h) => /^202[67]-\d\d-\d\d$/.test(h.date))).toBe(true);
    expect(SEEDED_HOLIDAYS.filter((h) => h.date.startsWith('2026'))).toHaveLength(25); // 17 + 8
  });
});

/** Minute-aligned instants over three years, as the log keeps them. */
const instant = fc.integer({ min: 0, max: 3 * 366 * 1440 }).map((m) => Date.UTC(2025, 11, 1) + m * 60000);
const iso = (ms: number) => new Date(ms).toISOString();
const zones = fc.constantFrom(
  'Asia/Jakarta',
  'Asia/Makassar',
  'Asia/Jayapura',
  'Europe/Berlin',
  'America/New_York',
);

describe('working minutes: properties', () => {
  test('never more than the clock minutes, never negative', () => {
    fc.assert(
      fc.property(instant, instant, zones, (a, b, zone) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const worked = w(iso(from), iso(to), zone);
        return worked >= 0 && worked <= minutesBetween(iso(from), iso(to));
      }),
    );
  });

  test('additive over split intervals', () => {
    fc.assert(
      fc.property(fc.array(instant, { minLength: 3, maxLength: 3 }), zones, (points, zone) => {
        const [a, m, b] = [...points].sort((x, y) => x - y).map(iso);
        expect(w(a, m, zone) + w(m, b, zone)).toBe(w(a, b, zone));
      }),
    );
  });

  test('0 over a holiday, whatever the hours of that weekday', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDED_HOLIDAYS.map((h) => h.date)),
        fc.integer({ min: 0, max: 1440 }),
        fc.integer({ min: 0, max: 1440 }),
        (date, x, y) => {
          const every = workingCalendar({
            ...DEFAULT_CALENDAR_SETTINGS,
            week: DEFAULT_CALENDAR_SETTINGS.week.map((d) => ({ ...d, working: true, start: 0, end: 1440 })),
          });
          const midnight = Date.parse(`${date}T00:00:00+07:00`);
          const [p, q] = [Math.min(x, y), Math.max(x, y)].map((m) => iso(midnight + m * 60000));
          expect(workingMinutesBetween(p, q, every, TZ)).toBe(0);
        },
      ),
    );
  });
});
