import { parseBirthDate, readAge } from '../../../src/core/terpilah/read-age';
import { cellsOf, codes } from './cells';

describe('parseBirthDate', () => {
  test('a date, "tempat, tanggal lahir", or a Date cell in the zone', () => {
    expect(parseBirthDate('12 Mei 1990')).toBe('1990-05-12');
    expect(parseBirthDate('Pangkalpinang, 12 Mei 1990')).toBe('1990-05-12');
    expect(parseBirthDate('Sungailiat, Bangka, 1990-05-12')).toBe('1990-05-12');
    expect(parseBirthDate(new Date('1990-05-11T17:00:00Z'))).toBe('1990-05-12');
    expect(parseBirthDate(new Date('1990-05-11T17:00:00Z'), 'UTC')).toBe('1990-05-11');
  });

  test('nothing readable: null', () => {
    for (const value of ['Pangkalpinang', 'Pangkalpinang, kemarin', 'Pangkalpinang,', '', 19900512, null])
      expect(parseBirthDate(value)).toBeNull();
    expect(parseBirthDate(new Date(NaN))).toBeNull();
  });
});

describe('readAge', () => {
  test('stated age, then birth date, then NIK, then NIP', () => {
    expect(readAge(cellsOf({ age: '45 tahun', birthDate: '1979-01-01' }).cells, 44, 44)).toEqual({
      age: 45,
      ageSource: 'age',
    });
    expect(readAge(cellsOf({ age: '', birthDate: '1979-06-02' }).cells, 44, null)).toEqual({
      age: 44,
      ageSource: 'birthDate',
    });
    expect(readAge(cellsOf({ age: '' }).cells, 30, 31)).toEqual({ age: 30, ageSource: 'nik' });
    expect(readAge(cellsOf({ nip: 'x' }).cells, null, 31)).toEqual({ age: 31, ageSource: 'nip' });
  });

  test('a birth date after the activity, or over 120 years before it, is no age', () => {
    const later = cellsOf({ birthDate: '2024-06-02' });
    expect(readAge(later.cells, null, null)).toEqual({ age: null, ageSource: null });
    expect(codes(later.quality)).toEqual(['birthDateFuture']);
    expect(readAge(cellsOf({ birthDate: '1900-01-01' }).cells, null, null).age).toBeNull();
  });

  test('more than a year off the NIK or NIP: flagged on the written column, the written value kept', () => {
    const { cells, quality } = cellsOf({ age: 50 });
    expect(readAge(cells, 34, 30).age).toBe(50);
    expect(quality.map((q) => [q.code, q.column])).toEqual([
      ['ageContradictsNik', 'Umur'],
      ['ageContradictsNip', 'Umur'],
    ]);
    expect(quality[0].message).toBe(
      'Baris 7: umur 50 tahun bertentangan dengan tanggal lahir pada NIK (34 tahun); dipakai yang tertulis.',
    );
    const birth = cellsOf({ birthDate: '1990-05-12' });
    readAge(birth.cells, 20, null);
    expect(birth.quality.map((q) => [q.code, q.column])).toEqual([['ageContradictsNik', 'Tanggal lahir']]);
    // One year off is no contradiction.
    const close = cellsOf({ age: 35 });
    readAge(close.cells, 34, 36);
    expect(close.quality).toEqual([]);
  });

  test('unknown age: flagged on what was unreadable, or on no column', () => {
    const age = cellsOf({ age: '300' });
    readAge(age.cells, null, null);
    expect(age.quality).toEqual([
      {
        row: 7,
        column: 'Umur',
        code: 'ageUnknown',
        message: 'Baris 7: umur "300" tidak terbaca atau tidak mungkin (dihitung sebagai tidak diketahui).',
      },
    ]);
    const birth = cellsOf({ age: '', birthDate: 'kemarin' });
    readAge(birth.cells, null, null);
    expect(birth.quality.map((q) => [q.column, q.message])).toEqual([
      [
        'Tanggal lahir',
        'Baris 7: tanggal lahir "kemarin" tidak terbaca atau tidak mungkin (dihitung sebagai tidak diketahui).',
      ],
    ]);
    const none = cellsOf({ nik: '' });
    readAge(none.cells, null, null);
    expect(none.quality.map((q) => [q.column, q.message])).toEqual([
      [
        undefined,
        'Baris 7: umur tidak diketahui (tidak ada umur, tanggal lahir, NIK atau NIP yang terbaca) (dihitung sebagai tidak diketahui).',
      ],
    ]);
  });

  test('a register without any age column: unknown, and no finding', () => {
    const { cells, quality } = cellsOf({ name: 'Ani', sex: 'P' });
    expect(readAge(cells, null, null)).toEqual({ age: null, ageSource: null });
    expect(quality).toEqual([]);
  });
});
