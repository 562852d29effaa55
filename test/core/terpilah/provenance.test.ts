import fc from 'fast-check';
import type { ColumnMapping } from '../../../src/core/terpilah/model';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import {
  countProvenance,
  PROVENANCE_FIELDS,
  provenanceText,
  VALUE_SOURCES,
} from '../../../src/core/terpilah/provenance';
import { summarise, summariseAll } from '../../../src/core/terpilah/summaries';
import { formatNumberId } from '../../../src/core/format';

const MAPPING: ColumnMapping = {
  activity: 0,
  name: 1,
  nik: 2,
  nip: 3,
  sex: 4,
  birthDate: 5,
  age: 6,
  role: 7,
  institution: 8,
  regency: 9,
  disability: 10,
};
const OPTIONS = { firstRow: 2, referenceDate: '2026-11-20', timeZone: 'Asia/Jakarta' };
const NIK_1930 = '1971010101300001'; // man, born 1930-01-01, Pangkalpinang
const NIK_F = '1904014505800001'; // woman, born 1980-05-05

const normalise = (rows: unknown[][]) => normaliseRows(rows, MAPPING, OPTIONS);

describe('provenance of every value', () => {
  test('a blank sex filled from the NIK is counted from the NIK, and is a finding with its row', () => {
    const { participants, quality } = normalise([
      ['K', 'Ani', NIK_F, '', '', '', '46', 'Peserta', 'Dinas', '', ''],
    ]);
    expect(participants[0].sex).toBe('P');
    expect(participants[0].provenance?.sex).toBe('nik');
    expect(quality.map((q) => [q.row, q.code, q.column])).toEqual([[2, 'sexFromNik', 'Jenis kelamin']]);
    expect(quality[0].message).toBe(
      'Baris 2: jenis kelamin kosong; diisi dari NIK (perempuan): periksa dan tulis jenis kelaminnya.',
    );
  });

  test('a future birth date replaced by the NIK’s date is still a finding, saying what was counted', () => {
    const { participants, quality } = normalise([
      ['K', 'Budi', NIK_1930, '', 'L', '01/01/2030', '', 'Peserta', 'Dinas', '', ''],
    ]);
    expect(participants[0]).toMatchObject({ age: 96, ageSource: 'nik', ageGroup: '75+' });
    expect(participants[0].provenance?.age).toBe('nik');
    expect(quality.map((q) => q.code)).toEqual(['birthDateFuture']);
    expect(quality[0].message).toBe(
      'Baris 2: tanggal lahir "01/01/2030" sesudah tanggal kegiatan (2026-11-20); dipakai umur 96 tahun dari NIK.',
    );
  });

  test('an unreadable birth date or age with a fallback, an age over 100, a birth date unlike the NIK’s', () => {
    const { quality } = normalise([
      ['K', 'A', NIK_F, '', 'P', '31/02/1980', '', '', '', '', ''],
      ['K', 'B', NIK_F.replace('0001', '0002'), '', 'P', '', 'empat puluh', '', '', '', ''],
      ['K', 'C', '', '', 'L', '', '104', '', '', '', ''],
      ['K', 'D', NIK_F.replace('0001', '0003'), '', 'P', '1980-05-06', '', '', '', '', ''],
    ]);
    expect(quality.map((q) => [q.row, q.code])).toEqual([
      [2, 'birthDateImpossible'],
      [3, 'ageInvalid'],
      [4, 'ageOver100'],
      [5, 'birthDateContradictsNik'],
    ]);
    expect(quality[3].message).toBe(
      'Baris 5: tanggal lahir "1980-05-06" berbeda dengan tanggal lahir pada NIK (1980-05-05); dipakai yang tertulis.',
    );
  });

  test('read as typed, corrected spelling, derived, unknown: per field', () => {
    const { participants } = normalise([
      ['K', 'A', NIK_F, '', 'P', '1980-05-05', '', 'Peserta', 'Dinas', 'Pangkalpinang', 'Ya'],
      ['K', 'B', '1904 0145 0580 0002', '', 'pr', '', '', 'pemateri', '', 'Bateng', ''],
      ['K', 'C', '199005122015032001', '', '', '', '44', 'xyz', '', 'Jakarta', 'tidak'],
    ]);
    expect(participants.map((p) => p.provenance)).toEqual([
      {
        sex: 'read',
        age: 'birthDate',
        nik: 'read',
        nip: 'unknown',
        regency: 'read',
        disability: 'read',
        role: 'read',
        institution: 'read',
      },
      {
        sex: 'corrected',
        age: 'nik',
        nik: 'corrected',
        nip: 'unknown',
        regency: 'corrected',
        disability: 'unknown',
        role: 'corrected',
        institution: 'unknown',
      },
      {
        // A NIP typed in the NIK column: moved to the NIP, and the sex comes from it.
        sex: 'nip',
        age: 'read',
        nik: 'unknown',
        nip: 'corrected',
        regency: 'read',
        disability: 'read',
        role: 'unknown',
        institution: 'unknown',
      },
    ]);
  });

  test('disability from the Washington Group answers is derived', () => {
    const { participants } = normaliseRows(
      [['A', 'Tidak', 'Tidak ada kesulitan', 'Tidak bisa sama sekali']],
      { name: 0, disability: 1, wgSeeing: 2, wgHearing: 3 },
      OPTIONS,
    );
    expect(participants[0]).toMatchObject({
      disability: true,
      provenance: { disability: 'washingtonGroup' },
    });
  });

  test('the summary counts them; the report line names what was derived', () => {
    const { participants, quality } = normalise([
      ['K', 'A', NIK_F, '', '', '', '', '', '', '', ''],
      ['K', 'B', '', '', 'L', '', '30', '', '', '', ''],
      ['K2', 'C', '', '', '', '', '', '', '', '', ''],
    ]);
    const summary = summarise(participants, quality, 'K');
    expect(summary.provenance?.sex).toMatchObject({ nik: 1, read: 1, unknown: 0 });
    expect(provenanceText('sex', summary.provenance!.sex, formatNumberId)).toBe(
      'jenis kelamin: 1 tertulis, 1 dari NIK',
    );
    const [all, k, k2] = summariseAll(participants, quality);
    expect(all.provenance?.sex).toMatchObject({ read: 1, nik: 1, unknown: 1 });
    expect(k.provenance).toEqual(summary.provenance);
    expect(k2.provenance?.age.unknown).toBe(1);
  });

  test('participants built by hand count as unknown', () => {
    const counts = countProvenance([{ activity: 'K' } as never]);
    for (const field of PROVENANCE_FIELDS) expect(counts[field].unknown).toBe(1);
  });
});

/** Cells as people type them, with NIKs, dates and ages that may be wrong. */
const cell = fc.oneof(
  fc.constantFrom(
    '',
    'L',
    'P',
    'laki2',
    'Pr',
    'x',
    NIK_F,
    NIK_1930,
    '1904 0145 0580 0002',
    '199005122015032001',
  ),
  fc.constantFrom(
    '01/01/2030',
    '31/02/1980',
    '1980-05-05',
    '12 Mei 1990',
    '45',
    '104',
    '150',
    'Bateng',
    'Ya',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 200 }),
);
const rows = fc.array(fc.array(cell, { minLength: 11, maxLength: 11 }), { maxLength: 25 });

describe('provenance properties', () => {
  test('per field, read + corrected + derived + unknown = the participants of every summary', () => {
    fc.assert(
      fc.property(rows, (raw) => {
        const { participants, quality } = normalise(raw);
        for (const summary of summariseAll(participants, quality))
          for (const field of PROVENANCE_FIELDS) {
            const counts = summary.provenance![field];
            const sum = VALUE_SOURCES.reduce((total, source) => total + counts[source], 0);
            expect(sum).toBe(summary.participants);
          }
      }),
    );
  });

  test('a derived value never hides a finding: a sex or age from an identifier names its row', () => {
    fc.assert(
      fc.property(rows, (raw) => {
        const { participants, quality } = normalise(raw);
        const codesOf = (row: number) => new Set(quality.filter((q) => q.row === row).map((q) => q.code));
        for (const p of participants) {
          const codes = codesOf(p.row);
          if (p.provenance?.sex === 'nik') expect(codes.has('sexFromNik')).toBe(true);
          if (p.provenance?.sex === 'nip') expect(codes.has('sexFromNip')).toBe(true);
          const values = raw[p.row - 2];
          const typed = (c: unknown) => c !== '' && !(typeof c === 'string' && c.trim() === '');
          if ((p.ageSource === 'nik' || p.ageSource === 'nip') && (typed(values[5]) || typed(values[6])))
            expect(
              ['birthDateFuture', 'birthDateImpossible', 'ageInvalid'].some((code) =>
                codes.has(code as never),
              ),
            ).toBe(true);
          if (p.age !== null && p.age > 100) expect(codes.has('ageOver100')).toBe(true);
        }
      }),
    );
  });
});
