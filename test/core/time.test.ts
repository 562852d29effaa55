import fc from 'fast-check';
import {
  isoDateInZone,
  minutesBetween,
  offsetMinutes,
  parseTime,
  toIsoInZone,
  toLocalText,
  toMinute,
  WALL_CLOCK_OPTIONS,
} from '../../src/core/time';

describe('times of the step log', () => {
  test('reads ISO, local text with space or T, and Date cells, in the zone', () => {
    expect(parseTime('2026-11-24 09:30', 'Asia/Jakarta')).toBe('2026-11-24T09:30:00+07:00');
    expect(parseTime('2026-11-24T09:30', 'Asia/Jakarta')).toBe('2026-11-24T09:30:00+07:00');
    expect(parseTime('2026-11-24T02:30:00Z', 'Asia/Jakarta')).toBe('2026-11-24T09:30:00+07:00');
    expect(parseTime(new Date('2026-11-24T02:30:00Z'), 'Asia/Jakarta')).toBe('2026-11-24T09:30:00+07:00');
    expect(parseTime('2026-11-24 09:30', 'Asia/Makassar')).toBe('2026-11-24T09:30:00+08:00');
    expect(offsetMinutes(Date.UTC(2026, 10, 24), 'Asia/Jayapura')).toBe(540);
  });

  test.each([
    '',
    'besok',
    '2026-13-01 09:00',
    '2026-02-30 09:00',
    '2026-11-24 24:00',
    '24/11/2026 09:30',
    '=NOW()',
  ])('refuses %p', (value) => {
    expect(parseTime(value, 'Asia/Jakarta')).toBeNull();
  });

  test('local text, minutes and the minute truncation', () => {
    expect(toLocalText('2026-11-24T09:30:59+07:00', 'Asia/Jakarta')).toBe('2026-11-24 09:30');
    expect(toMinute('2026-11-24T09:30:59+07:00')).toBe('2026-11-24T09:30:00+07:00');
    expect(minutesBetween('2026-11-24T09:30:00+07:00', '2026-11-24T11:00:00+07:00')).toBe(90);
  });

  test('any instant survives ISO → local text → parse, to the minute, in several zones', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'UTC'),
        (date, zone) => {
          const iso = toMinute(toIsoInZone(date.getTime(), zone));
          expect(parseTime(toLocalText(iso, zone), zone)).toBe(iso);
          expect(parseTime(iso, zone)).toBe(iso);
        },
      ),
    );
  });

  test('the calendar day of an instant in a zone', () => {
    const instant = new Date('2026-11-23T17:30:00Z');
    expect(isoDateInZone(instant, 'Asia/Jakarta')).toBe('2026-11-24');
    expect(isoDateInZone(instant, 'UTC')).toBe('2026-11-23');
    // Cached per zone: asking again in the first zone still gives its own day.
    expect(isoDateInZone(instant, 'Asia/Jakarta')).toBe('2026-11-24');
    expect(toIsoInZone(instant.getTime(), 'UTC')).toBe('2026-11-23T17:30:00+00:00');
  });
});

describe('cached day offsets agree with Intl (DST zones included)', () => {
  const wall = (epoch: number, timeZone: string) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK_OPTIONS, timeZone })
        .formatToParts(new Date(epoch))
        .map((part) => [part.type, part.value]),
    );
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
  test('toLocalText equals the Intl wall clock at any instant (old local mean times too), toMinute drops the seconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom('Asia/Jakarta', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'UTC'),
        (epoch, zone) => {
          const iso = toIsoInZone(epoch, zone);
          // An ISO offset has no seconds: exact back only where offsets are whole minutes (after LMT).
          if (epoch >= Date.UTC(1925, 0, 1)) expect(Date.parse(iso)).toBe(Math.floor(epoch / 1000) * 1000);
          expect(toLocalText(new Date(epoch).toISOString(), zone)).toBe(wall(epoch, zone));
          expect(isoDateInZone(new Date(epoch), zone)).toBe(wall(epoch, zone).slice(0, 10));
          expect(toMinute(iso)).toBe(iso.replace(/:\d\d([+-]\d\d:\d\d|Z)$/, ':00$1'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the last and first days a Date can hold', () => {
  test('a day at the edge of the Date range is read, not a RangeError', () => {
    for (const epoch of [8.64e15, -8.64e15])
      for (const zone of ['Asia/Jakarta', 'America/New_York', 'UTC'])
        expect(() => isoDateInZone(new Date(epoch), zone)).not.toThrow();
    expect(isoDateInZone(new Date(8.64e15), 'UTC')).toBe('275760-09-13');
  });
});
