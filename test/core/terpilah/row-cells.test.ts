import { rowCells } from '../../../src/core/terpilah/row-cells';
import type { QualityFinding } from '../../../src/core/terpilah/model';
import { MALE_NIK } from './cells';

test('a row by field: raw cells, clean text, quotes and findings that name the row', () => {
  const quality: QualityFinding[] = [];
  const cells = rowCells(
    ['  Siti \n Aminah ', new Date('1990-05-11T17:00:00Z'), MALE_NIK],
    { name: 0, birthDate: 1, nik: 2 },
    { row: 12, reference: '2024-06-01', timeZone: 'Asia/Jakarta', quality },
  );
  expect([cells.has('name'), cells.has('sex')]).toEqual([true, false]);
  expect(cells.at('sex')).toBeUndefined();
  expect(cells.text('name')).toBe('Siti Aminah');
  expect(cells.text('name', 4)).toBe('Siti');
  expect(cells.text('birthDate')).toBe('1990-05-12');
  expect(cells.quote(cells.at('nik'))).toBe('"1971********0001"');
  cells.flag('nameMissing', 'name', `nama ${MALE_NIK} kosong.`);
  cells.flag('ageUnknown', null, 'umur tidak diketahui.');
  expect(quality).toEqual([
    { row: 12, column: 'Nama', code: 'nameMissing', message: 'Baris 12: nama 1971********0001 kosong.' },
    { row: 12, code: 'ageUnknown', message: 'Baris 12: umur tidak diketahui.' },
  ]);
});

test('Date cells are calendar days in the zone given', () => {
  const cells = rowCells(
    [new Date('1990-05-11T17:00:00Z')],
    { birthDate: 0 },
    {
      row: 2,
      reference: '2024-06-01',
      timeZone: 'UTC',
      quality: [],
    },
  );
  expect(cells.text('birthDate')).toBe('1990-05-11');
});
