import fc from 'fast-check';
import { parseDisabilityAnswer, washingtonGroup } from '../../../src/core/terpilah/disability';
import { parseRegency } from '../../../src/core/terpilah/regency';

describe('regencies of Bangka Belitung', () => {
  test.each([
    ['Kab. Bangka', 'Bangka'],
    ['KABUPATEN BANGKA', 'Bangka'],
    ['Bateng', 'Bangka Tengah'],
    ['Kab Bangka Tengah', 'Bangka Tengah'],
    ['basel', 'Bangka Selatan'],
    ['Babar', 'Bangka Barat'],
    ['Beltim', 'Belitung Timur'],
    ['Belitung', 'Belitung'],
    ['Pangkal Pinang', 'Pangkalpinang'],
    ['Kota Pangkalpinang', 'Pangkalpinang'],
    ['PGK', 'Pangkalpinang'],
    ['1971', 'Pangkalpinang'],
    [1904, 'Bangka Tengah'],
  ])('%p → %p', (value, name) => expect(parseRegency(value)).toEqual({ name, babel: true }));

  test('others are kept as written, tidied; blanks are unknown', () => {
    expect(parseRegency('  Kota   Palembang ')).toEqual({ name: 'Kota Palembang', babel: false });
    expect(parseRegency('')).toBeNull();
    expect(parseRegency('-')).toBeNull();
    fc.assert(fc.property(fc.anything(), (v) => void parseRegency(v)));
  });
});

describe('disability', () => {
  test.each([
    ['Ya', true],
    ['ada', true],
    ['Penyandang disabilitas', true],
    ['Tidak', false],
    ['tidak ada', false],
    ['-', false],
    ['mungkin', null],
    ['', null],
  ])('%p → %p', (value, expected) => expect(parseDisabilityAnswer(value)).toBe(expected));

  test('Washington Group: any severe domain is a disability; all mild is not; unreadable is unknown', () => {
    expect(
      washingtonGroup(['Tidak ada kesulitan', 'Sedikit kesulitan', 'Banyak kesulitan', '', '', '']),
    ).toBe(true);
    expect(washingtonGroup(['tidak bisa sama sekali'])).toBe(true);
    expect(
      washingtonGroup([
        'Tidak ada kesulitan',
        'Sedikit kesulitan',
        'Tidak ada kesulitan',
        'Tidak ada kesulitan',
        'Tidak ada kesulitan',
        'Tidak ada kesulitan',
      ]),
    ).toBe(false);
    expect(washingtonGroup(['', '', ''])).toBeNull();
    expect(washingtonGroup(['kadang-kadang'])).toBeNull();
  });
});
