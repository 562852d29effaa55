import fc from 'fast-check';
import {
  duplicateQuestion,
  duplicateRowsOf,
  entryFindingsMessage,
  entryWarnings,
  type RegisterPerson,
} from '../../../src/core/terpilah/entry-check';
import type { QualityFinding } from '../../../src/core/terpilah/model';
import { normaliseRows } from '../../../src/core/terpilah/normalise';

const NIK = '1904014505800001';

describe('duplicateRowsOf', () => {
  const register: RegisterPerson[] = [
    { activity: 'Rapat', name: 'Ani', nik: NIK, institution: 'Dinas A' },
    { activity: 'Rapat', name: 'Budi', nik: '', institution: '' },
    { activity: 'Lain', name: 'Ani', nik: '', institution: 'Dinas A' },
  ];

  test('the same NIK anywhere (typed with spaces), or name and institution in the same activity', () => {
    expect(
      duplicateRowsOf(register, 2, { activity: 'X', name: 'Z', nik: '1904 0145 0580 0001', institution: '' }),
    ).toEqual({
      nik: [2],
      name: [],
    });
    expect(
      duplicateRowsOf(register, 2, { activity: 'Rapat', name: ' budi ', nik: '', institution: '' }),
    ).toEqual({
      nik: [],
      name: [3],
    });
    // Another NIK is another person with the same name.
    expect(
      duplicateRowsOf(register, 2, {
        activity: 'Rapat',
        name: 'Ani',
        nik: '1971011203750002',
        institution: 'Dinas A',
      }),
    ).toBeNull();
    expect(
      duplicateRowsOf(register, 2, { activity: 'Baru', name: 'Ani', nik: '', institution: 'Dinas B' }),
    ).toBeNull();
    expect(duplicateQuestion({ nik: [2], name: [3, 4, 5, 6, 7, 8] }, 'id')).toBe(
      'Mungkin peserta ganda: NIK sama dengan baris 2; nama dan instansi sama dengan baris 3, 4, 5, 6, 7, … pada kegiatan yang sama. Tetap tambahkan? Baris ganda akan masuk Daftar masalah data.',
    );
    expect(duplicateQuestion({ nik: [2], name: [] }, 'en')).toBe(
      'Possibly a duplicate participant: same NIK as row 2. Add anyway? The duplicate row will be listed under data problems.',
    );
  });

  test('"Ani" with a NIK, then "Ani" without, then "Ani" with another NIK: the report compares with the first, so the form does not ask', () => {
    const other = '1971011203750002';
    const register = [
      { activity: 'K1', name: 'Ani', nik: NIK, institution: '' },
      { activity: 'K1', name: 'Ani', nik: '', institution: '' },
    ];
    expect(duplicateRowsOf(register, 2, { activity: 'K1', name: 'Ani', nik: other, institution: '' })).toBe(
      null,
    );
    expect(duplicateRowsOf(register, 2, { activity: 'K1', name: 'Ani', nik: '', institution: '' })).toEqual({
      nik: [],
      name: [2],
    });
  });

  test('property: it asks exactly when the report would flag the new row as a duplicate', () => {
    const person = fc.record({
      activity: fc.constantFrom('K1', 'K2'),
      name: fc.constantFrom('Ani', 'ani ', 'Budi', ''),
      nik: fc.constantFrom('', NIK, '1971011203750002'),
      institution: fc.constantFrom('', 'Dinas A', 'dinas a'),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 8 }), person, (register, candidate) => {
        const rows = [...register, candidate].map((p) => [p.activity, p.name, p.nik, p.institution]);
        const { quality } = normaliseRows(
          rows,
          { activity: 0, name: 1, nik: 2, institution: 3 },
          {
            firstRow: 2,
            referenceDate: '2024-06-01',
          },
        );
        const last = 2 + register.length;
        const flagged = quality.some((q) => q.row === last && q.code.startsWith('duplicate'));
        expect(duplicateRowsOf(register, 2, candidate) !== null).toBe(flagged);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('warnings at entry', () => {
  const f = (row: number, code: QualityFinding['code'], column?: string): QualityFinding => ({
    row,
    code,
    ...(column ? { column } : {}),
    message: `Baris ${row}: ${code}.`,
  });

  test('every type is named and counted; the first finding of each type is quoted first', () => {
    const findings = [
      f(2, 'nameMissing', 'Nama'),
      f(3, 'nameMissing', 'Nama'),
      f(4, 'duplicateNik', 'NIK'),
      f(5, 'nameMissing', 'Nama'),
    ];
    expect(entryFindingsMessage(findings, 'Peserta', 'id')).toBe(
      'Periksa sheet Peserta sebelum membuat laporan; 4 temuan akan masuk Daftar masalah data (Nama kosong: 3, NIK ganda: 1): Baris 2: nameMissing. Baris 4: duplicateNik. Baris 3: nameMissing. … dan 1 lainnya.',
    );
    expect(entryFindingsMessage([], 'Peserta', 'id')).toBe('');
  });

  test('an age unknown because nothing was typed is no warning; an unreadable one is', () => {
    expect(entryWarnings([f(2, 'ageUnknown'), f(3, 'ageUnknown', 'Umur')]).map((x) => x.row)).toEqual([3]);
  });
});
