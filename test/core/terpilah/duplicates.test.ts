import { DuplicateCheck, KeyTable } from '../../../src/core/terpilah/duplicates';
import type { QualityFinding } from '../../../src/core/terpilah/model';
import { rowCells } from '../../../src/core/terpilah/row-cells';
import { FEMALE_NIK, MALE_NIK } from './cells';

/** Feeds people to one check, row 2 onwards; the findings. */
function check(people: { activity?: string; name?: string; institution?: string; nik?: string }[]) {
  const duplicates = new DuplicateCheck();
  const quality: QualityFinding[] = [];
  people.forEach((person, i) =>
    duplicates.check(
      rowCells([], {}, { row: 2 + i, reference: '2024-06-01', timeZone: 'Asia/Jakarta', quality }),
      { activity: 'K1', name: '', institution: '', nik: '', ...person },
    ),
  );
  return quality;
}

describe('DuplicateCheck', () => {
  test('the same NIK, in any activity, is flagged on the later row with the NIK masked', () => {
    const quality = check([
      { nik: MALE_NIK, activity: 'K1' },
      { nik: MALE_NIK, activity: 'K2' },
    ]);
    expect(quality).toEqual([
      {
        row: 3,
        column: 'NIK',
        code: 'duplicateNik',
        message:
          'Baris 3: NIK 1971********0001 sama dengan baris 2; tetap dihitung (periksa apakah orang yang sama tercatat dua kali).',
      },
    ]);
  });

  test('the same name and institution in one activity, however written', () => {
    const quality = check([
      { name: 'Siti Aminah', institution: 'DP3A' },
      { name: ' siti  aminah', institution: 'dp3a', activity: 'K2' },
      { name: 'SITI AMINAH', institution: 'DP3A.' },
      { name: 'Budi' },
      { name: 'budi' },
    ]);
    expect(quality.map((q) => [q.row, q.code])).toEqual([
      [4, 'duplicateNameInstitution'],
      [6, 'duplicateNameInstitution'],
    ]);
    expect(quality[0].message).toBe(
      'Baris 4: nama "SITI AMINAH" dan instansi "DP3A." sama dengan baris 2 pada kegiatan yang sama; tetap dihitung.',
    );
    expect(quality[1].message).toContain('instansi (kosong)');
  });

  test('one name with two NIKs is two people; with one NIK it is flagged once, as a NIK', () => {
    expect(
      check([
        { name: 'Ani', nik: MALE_NIK },
        { name: 'Ani', nik: FEMALE_NIK },
      ]),
    ).toEqual([]);
    expect(
      check([
        { name: 'Ani', nik: MALE_NIK },
        { name: 'Ani', nik: MALE_NIK },
      ]).map((q) => q.code),
    ).toEqual(['duplicateNik']);
    expect(
      check([
        { name: 'Ani', nik: MALE_NIK },
        { name: 'Ani', nik: '' },
      ]).map((q) => q.code),
    ).toEqual(['duplicateNameInstitution']);
  });
});

describe('KeyTable.release', () => {
  test('forgets every key: a key seen before is new again, and the size is 0', () => {
    const table = new KeyTable();
    for (let k = 1; k <= 5000; k++) table.getOrSet(k, k * 7, k);
    expect(table.getOrSet(42, 294, 0)).toBe(42);
    table.release();
    expect(table.size).toBe(0);
    expect(table.getOrSet(42, 294, 9)).toBeUndefined();
    expect(table.getOrSet(42, 294, 10)).toBe(9);
  });
});
