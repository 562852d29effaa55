import fc from 'fast-check';
import { AGE_GROUPS } from '../../../src/core/terpilah/age';
import {
  DISABILITY_LABELS,
  LIFE_STAGE_LABELS,
  ROLE_LABELS,
  UNKNOWN,
} from '../../../src/core/terpilah/categories';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { summarise, summariseAll } from '../../../src/core/terpilah/summaries';
import {
  periodOf,
  satuDataRows,
  REGENCY_CODES,
  SATU_DATA_COLUMNS,
  type SatuDataRow,
} from '../../../src/core/terpilah/satu-data';
import { satuDataExport } from '../../../src/core/terpilah/satu-data-export';
import { satuDataCsv, satuDataMetadataJson } from '../../../src/core/terpilah/satu-data-files';
import { PENANGGUNG_JAWAB_BLANK } from '../../../src/core/terpilah/satu-data-metadata';
import { satuDataSheetPlan } from '../../../src/core/terpilah/satu-data-sheet';

const MAPPING = {
  activity: 0,
  name: 1,
  nik: 2,
  nip: 3,
  sex: 4,
  age: 5,
  role: 6,
  institution: 7,
  position: 8,
  regency: 9,
  disability: 10,
};
const GENERATED = '2026-12-01T09:30:00+07:00';

function exportOf(rows: unknown[][], activity: string | null = null) {
  const { participants, quality } = normaliseRows(rows, MAPPING, {
    firstRow: 2,
    referenceDate: '2026-11-20',
  });
  const summaries =
    activity === null ? summariseAll(participants, quality) : [summarise(participants, quality, activity)];
  return {
    participants,
    summaries,
    ...satuDataExport(summaries, {
      generatedAt: GENERATED,
      activityDates: { 'Rapat PUG': '2026-11-20', 'Bimtek SIGA': '20/03/2025' },
      sumber: 'Sheet Peserta, spreadsheet "Uji"',
    }),
  };
}

const ROWS = [
  [
    'Rapat PUG',
    'Siti Aminah',
    '1904014505800001',
    '',
    'P',
    45,
    'Peserta',
    'Dinas Kesehatan',
    'Kasi',
    'Bateng',
    'Tidak',
  ],
  [
    'Rapat PUG',
    'Budi Santoso',
    '1971011203750002',
    '',
    'L',
    51,
    'Narasumber',
    'Bappeda',
    'Analis',
    'Pangkal Pinang',
    'Ya',
  ],
  ['Bimtek SIGA', 'Rina', '', '199005122015032001', '', '', 'Panitia', '', '', 'Palembang', ''],
];

describe('the Satu Data table', () => {
  test('one row per dimension value, with Kemendagri codes, period and activity', () => {
    const { rows, kegiatan, metadata } = exportOf(ROWS);
    expect(kegiatan).toBe('Semua kegiatan');
    const total = rows.find((r) => r.kegiatan === 'Semua kegiatan' && r.dimensi === 'Jumlah peserta');
    expect(total).toEqual({
      kodeWilayah: '19',
      namaWilayah: 'Provinsi Kepulauan Bangka Belitung',
      periode: '2025–2026',
      kegiatan: 'Semua kegiatan',
      dimensi: 'Jumlah peserta',
      kategori: 'Semua peserta',
      lakiLaki: 1,
      perempuan: 2,
      tidakDiketahui: 0,
      jumlah: 3,
    });
    const regencies = rows.filter((r) => r.kegiatan === 'Rapat PUG' && r.dimensi === 'Kabupaten/kota');
    expect(regencies.map((r) => [r.kodeWilayah, r.namaWilayah, r.kategori, r.jumlah])).toEqual([
      ['19.01', 'Kabupaten Bangka', 'Bangka', 0],
      ['19.02', 'Kabupaten Belitung', 'Belitung', 0],
      ['19.03', 'Kabupaten Bangka Selatan', 'Bangka Selatan', 0],
      ['19.04', 'Kabupaten Bangka Tengah', 'Bangka Tengah', 1],
      ['19.05', 'Kabupaten Bangka Barat', 'Bangka Barat', 0],
      ['19.06', 'Kabupaten Belitung Timur', 'Belitung Timur', 0],
      ['19.71', 'Kota Pangkalpinang', 'Pangkalpinang', 1],
      ['', '', UNKNOWN, 0],
    ]);
    const palembang = rows.find((r) => r.kegiatan === 'Bimtek SIGA' && r.kategori === 'Palembang');
    expect(palembang).toMatchObject({ kodeWilayah: '', periode: '2025', jumlah: 1 });
    expect(rows.find((r) => r.kegiatan === 'Rapat PUG')?.periode).toBe('2026');
    // The metadata names the concept, the unit, the source, the date and who answers for it.
    const byKey = Object.fromEntries(metadata.map((m) => [m.key, m.value]));
    expect(byKey).toMatchObject({
      konsep: 'Peserta Kegiatan',
      satuan: 'Orang',
      ukuran: 'Jumlah',
      periode: '2025–2026',
      sumber: 'Sheet Peserta, spreadsheet "Uji"',
      penanggungJawab: PENANGGUNG_JAWAB_BLANK,
      tanggal: '1 Desember 2026 pukul 09.30',
      jumlahPeserta: '3',
    });
    expect(byKey.rujukan).toContain('Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia');
  });

  test('one activity: only its rows, its period, its name in the metadata', () => {
    const { rows, kegiatan, metadata } = exportOf(ROWS, 'Bimtek SIGA');
    expect(kegiatan).toBe('Bimtek SIGA');
    expect(new Set(rows.map((r) => r.kegiatan))).toEqual(new Set(['Bimtek SIGA']));
    expect(metadata.find((m) => m.key === 'judul')?.value).toContain('Bimtek SIGA');
    expect(metadata.find((m) => m.key === 'periode')?.value).toBe('2025');
  });

  test('periodOf: a year, a span, the generation year when no date is readable', () => {
    expect(periodOf(['2026-01-02'], GENERATED)).toBe('2026');
    expect(periodOf(['2026-01-02', '2024-05-05', undefined], GENERATED)).toBe('2024–2026');
    expect(periodOf([undefined, 'besok'], '2027-01-01T00:00:00+07:00')).toBe('2027');
  });

  test('every Kemendagri regency code', () => {
    expect(Object.fromEntries(Object.entries(REGENCY_CODES).map(([k, v]) => [k, v.code]))).toEqual({
      Bangka: '19.01',
      Belitung: '19.02',
      'Bangka Selatan': '19.03',
      'Bangka Tengah': '19.04',
      'Bangka Barat': '19.05',
      'Belitung Timur': '19.06',
      Pangkalpinang: '19.71',
    });
  });

  test('the CSV: header, quoting, formula-looking text defused, BOM and CRLF', () => {
    const row: SatuDataRow = {
      kodeWilayah: '19',
      namaWilayah: 'Provinsi Kepulauan Bangka Belitung',
      periode: '2026',
      kegiatan: '=HYPERLINK("x")',
      dimensi: 'Instansi',
      kategori: 'Dinas "A", Bidang B',
      lakiLaki: 1,
      perempuan: 2,
      tidakDiketahui: 0,
      jumlah: 3,
    };
    const csv = satuDataCsv([row]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      SATU_DATA_COLUMNS.join(','),
      `19,Provinsi Kepulauan Bangka Belitung,2026,"'=HYPERLINK(""x"")",Instansi,"Dinas ""A"", Bidang B",1,2,0,3`,
      '',
    ]);
    const json = JSON.parse(
      satuDataMetadataJson([{ key: 'konsep', label: 'Konsep', value: 'Peserta Kegiatan' }], 1),
    );
    expect(json).toMatchObject({
      berkasData: 'satu-data.csv',
      jumlahBaris: 1,
      metadata: { konsep: 'Peserta Kegiatan' },
    });
    expect(json.variabel.map((v: { nama: string }) => v.nama)).toEqual([...SATU_DATA_COLUMNS]);
  });

  test('the sheet plan: metadata block, then the header and the rows, counts as numbers', () => {
    const { rows, metadata } = exportOf(ROWS);
    const { plan, headerRow } = satuDataSheetPlan('Satu Data: Semua kegiatan', metadata, rows);
    expect(plan.values[headerRow - 1]).toEqual([...SATU_DATA_COLUMNS]);
    expect(plan.values.length).toBe(headerRow + rows.length);
    expect(plan.values[headerRow]).toEqual([
      '19',
      'Provinsi Kepulauan Bangka Belitung',
      '2025–2026',
      'Semua kegiatan',
      'Jumlah peserta',
      'Semua peserta',
      1,
      2,
      0,
      3,
    ]);
    expect(plan.values.slice(3, 3 + metadata.length).map((r) => r[0])).toEqual(metadata.map((m) => m.label));
  });
});

/** Names, NIKs, NIPs and positions that cannot be mistaken for any label or code. */
const personalText = fc.stringMatching(/^Zq[a-z]{6,10}$/);
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const nik = fc
  .tuple(
    fc.constantFrom('1901', '1904', '1971', '3171'),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 50, max: 99 }),
    fc.boolean(),
    digits(4),
  )
  .map(
    ([area, day, month, year, woman, serial]) =>
      `${area}00${String(woman ? day + 40 : day).padStart(2, '0')}${String(month).padStart(2, '0')}${year}${serial}`,
  );
const nip = fc
  .tuple(
    fc.integer({ min: 1960, max: 2000 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.constantFrom('1', '2'),
    digits(3),
  )
  .map(
    ([y, m, d, sex, serial]) =>
      `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}2015${'03'}${sex}${serial}`,
  );

const INSTITUTIONS = ['Dinas Kesehatan', 'Bappeda', 'DP3ACSKB', ''];
const REGENCIES = ['Bangka', 'Bateng', 'Pangkal Pinang', 'Palembang', ''];
const ACTIVITIES = ['Rapat PUG', 'Bimtek SIGA'];

const register = fc.array(
  fc.record({
    activity: fc.constantFrom(...ACTIVITIES),
    name: personalText,
    nik: fc.option(nik, { nil: '' }),
    nip: fc.option(nip, { nil: '' }),
    sex: fc.constantFrom('L', 'P', 'Perempuan', '', '?'),
    age: fc.option(fc.integer({ min: 0, max: 99 }), { nil: '' }),
    role: fc.constantFrom('Peserta', 'Narasumber', 'Panitia', ''),
    institution: fc.constantFrom(...INSTITUTIONS),
    position: personalText,
    regency: fc.constantFrom(...REGENCIES),
    disability: fc.constantFrom('Ya', 'Tidak', ''),
  }),
  { maxLength: 40 },
);

type Person = typeof register extends fc.Arbitrary<(infer P)[]> ? P : never;
/** A generated person as a register row, in the column order of MAPPING. */
const registerRow = (p: Person) => [
  p.activity,
  p.name,
  p.nik,
  p.nip,
  p.sex,
  p.age,
  p.role,
  p.institution,
  p.position,
  p.regency,
  p.disability,
];

describe('property: aggregates only, and the totals add up', () => {
  test('no name, NIK, NIP or position reaches the table, the metadata, the CSV or the JSON', () => {
    fc.assert(
      fc.property(register, fc.boolean(), (people, one) => {
        const rows = people.map(registerRow);
        const activity = one && people.length > 0 ? people[0].activity : null;
        const exported = exportOf(rows, activity);
        const outputs = [
          JSON.stringify(exported.rows),
          JSON.stringify(exported.metadata),
          satuDataCsv(exported.rows),
          satuDataMetadataJson(exported.metadata, exported.rows.length),
          JSON.stringify(satuDataSheetPlan('Satu Data: x', exported.metadata, exported.rows).plan.values),
        ].join('\n');
        for (const p of people) {
          expect(outputs).not.toContain(p.name);
          expect(outputs).not.toContain(p.position);
          if (p.nik) expect(outputs).not.toContain(p.nik);
          if (p.nip) expect(outputs).not.toContain(p.nip);
        }
        // Every text cell is a label, a code, a period, an activity or an institution/regency category.
        const vocabulary = new Set<string>([
          ...ROLE_LABELS,
          ...AGE_GROUPS,
          ...LIFE_STAGE_LABELS,
          ...DISABILITY_LABELS,
          ...ACTIVITIES,
          ...INSTITUTIONS,
          ...Object.keys(REGENCY_CODES),
          'Palembang',
          UNKNOWN,
          'Semua peserta',
        ]);
        for (const r of exported.rows) expect(vocabulary.has(r.kategori)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('L + P + tidak diketahui = jumlah on every row; every dimension sums to the participants', () => {
    fc.assert(
      fc.property(register, (people) => {
        const rows = people.map(registerRow);
        const exported = exportOf(rows);
        const participants = new Map(
          exported.summaries.map((s) => [s.activity ?? 'Semua kegiatan', s.participants]),
        );
        const sums = new Map<string, number>();
        for (const r of exported.rows) {
          expect(r.lakiLaki + r.perempuan + r.tidakDiketahui).toBe(r.jumlah);
          const key = `${r.kegiatan}\u0000${r.dimensi}`;
          sums.set(key, (sums.get(key) ?? 0) + r.jumlah);
        }
        for (const [key, sum] of sums) expect(sum).toBe(participants.get(key.split('\u0000')[0]));
        expect(participants.get('Semua kegiatan')).toBe(people.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Satu Data from odd input', () => {
  test('no summaries: no rows, the generation year, no participants', () => {
    const exported = satuDataExport(null as unknown as [], { generatedAt: GENERATED, sumber: 's' });
    expect(exported.rows).toEqual([]);
    expect(exported.kegiatan).toBe('Semua kegiatan');
    expect(exported.metadata.find((m) => m.key === 'periode')?.value).toBe('2026');
    expect(exported.metadata.find((m) => m.key === 'jumlahPeserta')?.value).toBe('0');
  });

  test('an activity without a date takes the generation year; a given penanggung jawab is written', () => {
    const { participants, quality } = normaliseRows([['Tanpa Tanggal', 'A', '', '', 'P']], MAPPING, {
      firstRow: 2,
      referenceDate: '2026-11-20',
    });
    const exported = satuDataExport([summarise(participants, quality, 'Tanpa Tanggal')], {
      generatedAt: '2024-01-01T00:00:00+07:00',
      sumber: 's',
      penanggungJawab: 'DP3ACSKB, Bidang PUG',
    });
    expect(exported.rows[0].periode).toBe('2024');
    expect(exported.metadata.find((m) => m.key === 'penanggungJawab')?.value).toBe('DP3ACSKB, Bidang PUG');
    expect(satuDataRows([], { periodeOf: () => '' })).toEqual([]);
  });
});
