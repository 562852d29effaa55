import { isoDate, parseDate } from '../../src/core/dates';

describe('dates as staff type them', () => {
  test.each([
    ['2019-04-15', '2019-04-15'],
    ['2019-4-5', '2019-04-05'],
    ['15/04/2019', '2019-04-15'],
    ['15-4-2019', '2019-04-15'],
    ['15.04.2019', '2019-04-15'],
    ['15 April 2019', '2019-04-15'],
    ['15 april 2019', '2019-04-15'],
    ['17 Agustus 1945', '1945-08-17'],
    ['17 August 2019', '2019-08-17'],
    ['17 Agu 2019', '2019-08-17'],
    ['17 Agt. 2019', '2019-08-17'],
    ['17 ags 2019', '2019-08-17'],
    ['1 Okt 2019', '2019-10-01'],
    ['1 Oct. 2019', '2019-10-01'],
    ['29 Februari 2024', '2024-02-29'],
    ['  2019-04-15  ', '2019-04-15'],
  ])('reads %p', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  test.each([
    '29 Februari 2023',
    '2019-13-01',
    '32/01/2019',
    '15 Foo 2019',
    '15 April 1850',
    '2019-04-15 09:30',
    'besok',
  ])('refuses %p', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  test('blank is "", other types are not dates, a Date cell is its day in the zone', () => {
    expect([parseDate(''), parseDate('   '), parseDate(null), parseDate(undefined)]).toEqual([
      '',
      '',
      '',
      '',
    ]);
    expect(parseDate(20190415)).toBeNull();
    expect(parseDate(true)).toBeNull();
    expect(parseDate(new Date(NaN))).toBeNull();
    // 17:00 UTC is midnight of the next day in Jakarta, still the same day in UTC.
    const cell = new Date('1990-05-11T17:00:00Z');
    expect(parseDate(cell)).toBe('1990-05-12');
    expect(parseDate(cell, 'UTC')).toBe('1990-05-11');
  });

  test('isoDate checks the calendar and pads the year', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(990, 1, 2)).toBe('0990-01-02');
    expect(isoDate(2024, 0, 1)).toBeNull();
    expect(isoDate(2024, 1, 0)).toBeNull();
    expect(isoDate(2024.5, 1, 1)).toBeNull();
  });
});
