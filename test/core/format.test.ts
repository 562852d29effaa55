import {
  formatDateId,
  formatDateTimeId,
  formatDecimalId,
  formatNumberId,
  MONTH_NAMES_ID,
} from '../../src/core/format';

describe('Indonesian numbers and dates', () => {
  test('numbers: dots group thousands, a comma before at most one decimal', () => {
    expect([0, 7, 1234, 1234567.5, 61.25, -3].map(formatNumberId)).toEqual([
      '0',
      '7',
      '1.234',
      '1.234.567,5',
      '61,3',
      '-3',
    ]);
    // Rounded to zero: no minus sign.
    expect(formatNumberId(-0.01)).toBe('0');
    expect([62.16, 1234.5, 0, -7.04, -0.01].map(formatDecimalId)).toEqual([
      '62,2',
      '1.234,5',
      '0,0',
      '-7,0',
      '0,0',
    ]);
  });

  test('dates: "15 April 2019"; what is not an ISO date stays as it is', () => {
    expect(MONTH_NAMES_ID).toHaveLength(12);
    expect(formatDateId('2019-04-15')).toBe('15 April 2019');
    expect(formatDateId('2026-01-01')).toBe('1 Januari 2026');
    expect(formatDateId('2026-12-31')).toBe('31 Desember 2026');
    for (const text of ['', '15/04/2019', '2019-13-01', '2019-00-10']) expect(formatDateId(text)).toBe(text);
  });

  test('date and time of a report: ISO or local text, the time with a dot', () => {
    expect(formatDateTimeId('2026-11-24T09:30:00+07:00')).toBe('24 November 2026 pukul 09.30');
    expect(formatDateTimeId('2026-11-24 09:30')).toBe('24 November 2026 pukul 09.30');
    expect(formatDateTimeId('2026-11-24')).toBe('24 November 2026');
    expect(formatDateTimeId('')).toBe('');
    expect(formatDateTimeId('kemarin')).toBe('');
  });
});
