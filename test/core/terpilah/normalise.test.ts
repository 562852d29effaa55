import fc from 'fast-check';
import type { ColumnMapping } from '../../../src/core/terpilah/model';
import { matchHeaders } from '../../../src/core/terpilah/headers';
import { parseAttendance } from '../../../src/core/terpilah/attendance';
import { NO_ACTIVITY, normaliseRows } from '../../../src/core/terpilah/normalise';
import { parseRole } from '../../../src/core/terpilah/role';

const MALE_NIK = '1971011205900001'; // Pangkalpinang, born 12-05-1990, L
const FEMALE_NIK = '1971015205900002'; // born 12-05-1990, P (day + 40)
const FEMALE_NIP = '199005122015032001'; // born 1990-05-12, P

const HEADERS = [
  'Timestamp',
  'Nama',
  'JK',
  'NIK',
  'NIP',
  'Umur',
  'Tgl Lahir',
  'Instansi',
  'Kab/Kota',
  'Peran',
  'Disabilitas',
  'Hadir',
  'Kegiatan',
];
const { mapping } = matchHeaders(HEADERS);
const options = { firstRow: 2, referenceDate: '2024-06-01' };
const row = (values: Partial<Record<(typeof HEADERS)[number], unknown>>) =>
  HEADERS.map((h) => values[h] ?? '');

describe('normaliseRows', () => {
  test('reads a clean row', () => {
    const { participants, quality } = normaliseRows(
      [
        row({
          Nama: ' Siti  Aminah ',
          JK: 'Perempuan',
          NIK: FEMALE_NIK,
          Instansi: 'Dinas Kesehatan',
          'Kab/Kota': 'Bateng',
          Peran: 'Narasumber',
          Disabilitas: 'Tidak',
          Hadir: '✓',
          Kegiatan: 'Pelatihan PUG',
        }),
      ],
      mapping,
      options,
    );
    expect(quality).toEqual([]);
    expect(participants).toEqual([
      expect.objectContaining({
        row: 2,
        name: 'Siti Aminah',
        sex: 'P',
        sexSource: 'stated',
        nik: FEMALE_NIK,
        age: 34,
        ageSource: 'nik',
        ageGroup: '30-34',
        lifeStage: 'dewasa',
        role: 'narasumber',
        institution: 'Dinas Kesehatan',
        regency: 'Bangka Tengah',
        disability: false,
        attended: true,
        activity: 'Pelatihan PUG',
      }),
    ]);
  });

  test('sex from NIK, else NIP; age at the activity date', () => {
    const { participants } = normaliseRows(
      [
        row({ Nama: 'A', NIK: MALE_NIK, Kegiatan: 'K1' }),
        row({ Nama: 'B', NIP: FEMALE_NIP, Kegiatan: 'K2' }),
      ],
      mapping,
      { ...options, activityDates: { K1: '11 Mei 2024', K2: '2024-05-12' } },
    );
    expect(participants.map((p) => [p.sex, p.sexSource, p.age, p.ageSource])).toEqual([
      ['L', 'nik', 33, 'nik'],
      ['P', 'nip', 34, 'nip'],
    ]);
  });

  test('stated age, then birth date (also "tempat, tanggal lahir")', () => {
    const { participants } = normaliseRows(
      [
        row({ Nama: 'A', JK: 'L', Umur: '45 tahun', 'Tgl Lahir': '1990-01-01' }),
        row({ Nama: 'B', JK: 'L', 'Tgl Lahir': 'Pangkalpinang, 2 Juni 2014' }),
        row({ Nama: 'C', JK: 'L', 'Tgl Lahir': new Date(Date.UTC(1960, 0, 1, 5)) }),
      ],
      mapping,
      options,
    );
    expect(participants.map((p) => [p.age, p.ageSource, p.lifeStage])).toEqual([
      [45, 'age', 'dewasa'],
      [9, 'birthDate', 'anak'],
      [64, 'birthDate', 'lansia'],
    ]);
  });

  test('cross-checks name the row and keep the stated value', () => {
    const { participants, quality } = normaliseRows(
      [
        row({ Nama: 'A', JK: 'Laki-laki', NIK: FEMALE_NIK, Umur: 50 }),
        row({ Nama: 'B', JK: 'L', NIP: FEMALE_NIP }),
      ],
      mapping,
      options,
    );
    expect(participants.map((p) => [p.sex, p.age])).toEqual([
      ['L', 50],
      ['L', 34],
    ]);
    expect(quality.map((q) => [q.row, q.code])).toEqual([
      [2, 'sexContradictsNik'],
      [2, 'ageContradictsNik'],
      [3, 'sexContradictsNip'],
    ]);
    expect(quality[0].message).toBe(
      'Baris 2: jenis kelamin "Laki-laki" bertentangan dengan NIK (perempuan); dipakai yang tertulis.',
    );
    expect(quality.map((q) => q.message).join()).not.toContain(FEMALE_NIK);
  });

  test('unknowns are flagged, never dropped; blank rows skipped', () => {
    const { participants, quality } = normaliseRows(
      [
        row({ Nama: 'A', JK: 'X', Umur: '300' }),
        row({}),
        ['2024-01-01 10:00'].concat(Array(12).fill('  ')),
        row({ JK: 'P', NIK: 1971015205900002 }),
        row({ Nama: 'D', JK: 'p', NIK: '1971-0152' }),
      ],
      mapping,
      options,
    );
    expect(participants.map((p) => [p.row, p.sex, p.age])).toEqual([
      [2, null, null],
      [5, 'P', null],
      [6, 'P', null],
    ]);
    expect(quality.map((q) => [q.row, q.code])).toEqual([
      [2, 'sexUnknown'],
      [2, 'ageUnknown'],
      [5, 'nameMissing'],
      [5, 'nikStoredAsNumber'],
      [5, 'ageUnknown'],
      [6, 'nikInvalid'],
      [6, 'ageUnknown'],
    ]);
    expect(quality[0].message).toBe(
      'Baris 2: jenis kelamin "X" tidak dikenali (dihitung sebagai tidak diketahui).',
    );
    expect(quality[1].message).toContain('umur "300"');
    expect(quality[5].message).toBe('Baris 6: NIK 8 angka, seharusnya 16: periksa lagi dari KTP/KK.');
  });

  test('duplicates flagged on the later row and still counted', () => {
    const { participants, quality } = normaliseRows(
      [
        row({ Nama: 'Budi', JK: 'L', NIK: MALE_NIK, Instansi: 'Bappeda', Kegiatan: 'K1' }),
        row({ Nama: 'Budi S', JK: 'L', NIK: MALE_NIK, Instansi: 'Bappeda', Kegiatan: 'K2' }),
        row({ Nama: 'siti', JK: 'P', Instansi: 'DP3A', Kegiatan: 'K1' }),
        row({ Nama: 'Siti ', JK: 'P', Instansi: 'dp3a', Kegiatan: 'K1' }),
        row({ Nama: 'Siti', JK: 'P', Instansi: 'DP3A', Kegiatan: 'K2' }),
      ],
      mapping,
      options,
    );
    expect(participants).toHaveLength(5);
    const duplicates = quality.filter((q) => q.code.startsWith('duplicate'));
    expect(duplicates.map((q) => [q.row, q.code])).toEqual([
      [3, 'duplicateNik'],
      [5, 'duplicateNameInstitution'],
    ]);
    expect(duplicates[0].message).toBe(
      'Baris 3: NIK 1971********0001 sama dengan baris 2; tetap dihitung (periksa apakah orang yang sama tercatat dua kali).',
    );
    expect(duplicates[1].message).toContain('sama dengan baris 4 pada kegiatan yang sama; tetap dihitung');
  });

  test('the default activity, text capped', () => {
    const { participants } = normaliseRows([row({ Nama: 'x'.repeat(50_000), JK: 'L' })], mapping, options);
    expect(participants[0].name).toHaveLength(200);
    expect(participants[0].activity).toBe(NO_ACTIVITY);
    const other = normaliseRows(
      [[' Ani ', 'P']],
      { name: 0, sex: 1 },
      { ...options, defaultActivity: 'Rapat' },
    );
    expect(other.participants[0]).toMatchObject({ activity: 'Rapat', name: 'Ani', sex: 'P', age: null });
    expect(other.quality).toEqual([]);
  });

  test('Washington Group: any severe domain is a disability', () => {
    const wg = matchHeaders(['Nama', 'Kesulitan melihat', 'Kesulitan mendengar']).mapping;
    const { participants } = normaliseRows(
      [
        ['A', 'Tidak ada kesulitan', 'Banyak kesulitan'],
        ['B', 'Tidak ada kesulitan', 'Sedikit kesulitan'],
        ['C', '', ''],
      ],
      wg,
      options,
    );
    expect(participants.map((p) => p.disability)).toEqual([true, false, null]);
  });

  test('roles and attendance spellings', () => {
    expect(
      [
        'Peserta',
        'participant',
        'Undangan',
        'Pemateri',
        'Speaker',
        'Fasilitator',
        'Panitia',
        'committee',
        'Penyelenggara',
        'x',
        '',
      ].map(parseRole),
    ).toEqual([
      'peserta',
      'peserta',
      'peserta',
      'narasumber',
      'narasumber',
      'narasumber',
      'panitia',
      'panitia',
      'panitia',
      null,
      null,
    ]);
    expect(
      ['Ya', 'hadir', 'HADIR', '✓', true, 'Tidak hadir', 'tidak', 'no', false, 'izin', '?', null].map(
        parseAttendance,
      ),
    ).toEqual([true, true, true, true, true, false, false, false, false, false, null, null]);
  });

  test('any garbage never throws and every non-blank row becomes one participant', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '=SUM(A1)',
        '<script>x</script>',
        '🙂👩‍🦰',
        '9999-99-99',
        '31/02/2020',
        '300',
        'x'.repeat(50_000),
      ),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: false }),
      fc.constant({}),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 15 }), { maxLength: 20 }),
        fc.string(),
        (rows, date) => {
          const result = normaliseRows(rows, mapping, { firstRow: 2, referenceDate: date });
          const rowSet = new Set(result.participants.map((p) => p.row));
          expect(rowSet.size).toBe(result.participants.length);
          for (const q of result.quality) {
            expect(rowSet.has(q.row)).toBe(true);
            expect(q.message.startsWith(`Baris ${q.row}: `)).toBe(true);
            expect(q.message).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(() =>
      normaliseRows(null as unknown as unknown[][], null as unknown as ColumnMapping, options),
    ).not.toThrow();
  });
});

test('a birth date cell at midnight in Jakarta is that calendar day, not the previous UTC day', () => {
  // 12 May 1990 00:00 in Asia/Jakarta is 11 May 17:00 UTC; the 36th birthday falls on 12 May 2026.
  const { participants } = normaliseRows(
    [['Ani', 'P', new Date('1990-05-11T17:00:00Z')]],
    { name: 0, sex: 1, birthDate: 2 },
    {
      firstRow: 2,
      referenceDate: '2026-05-12',
    },
  );
  expect(participants[0].age).toBe(36);
});

test("Date cells are read in the time zone passed in (the spreadsheet's), Asia/Jakarta by default", () => {
  // 11 May 1990 17:00 UTC is 12 May in Jakarta, still 11 May in UTC: 36 on 11 May 2026 only in UTC.
  const rows = [['Ani', 'P', new Date('1990-05-11T17:00:00Z'), new Date('2026-05-10T18:00:00Z')]];
  const mapping = { name: 0, sex: 1, birthDate: 2, activity: 3 };
  const options = { firstRow: 2, referenceDate: '2026-05-11' };
  const utc = normaliseRows(rows, mapping, { ...options, timeZone: 'UTC' }).participants[0];
  const jakarta = normaliseRows(rows, mapping, options).participants[0];
  expect([utc.age, utc.activity]).toEqual([36, '2026-05-10']);
  expect([jakarta.age, jakarta.activity]).toEqual([35, '2026-05-11']);
});
