import fc from 'fast-check';
import {
  isoDateInZone,
  minutesBetween,
  offsetMinutes,
  parseTime,
  toIsoInZone,
  toLocalText,
  toMinute,
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
