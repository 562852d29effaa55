import fc from 'fast-check';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import {
  CHART_COLUMN,
  HELPER_COLUMN,
  QUALITY_HEADERS,
  reportSheetPlan,
  TABLE_HEADERS,
  TERPILAH_TITLE,
} from '../../../src/core/terpilah/report-sheet';
import { summariseAll } from '../../../src/core/terpilah/summaries';

const MALE_NIK = '1971011205900001';
const FEMALE_NIK = '1971015205900002';

function fixture(extra: unknown[][] = []) {
  const rows = [
    ['Ani', 'P', FEMALE_NIK, 'Bappeda', 'Bangka', 'K1'],
    ['Budi', 'L', MALE_NIK, 'Bappeda', 'Basel', 'K1'],
    ['Citra', 'P', MALE_NIK, 'DP3A', 'Jakarta', 'K2'],
    ...extra,
  ];
  const { participants, quality } = normaliseRows(
    rows,
    { name: 0, sex: 1, nik: 2, institution: 3, regency: 4, activity: 5 },
    { firstRow: 2, referenceDate: '2024-06-01' },
  );
  return summariseAll(participants, quality);
}

const allText = (values: unknown[][]) =>
  values
    .flat()
    .filter((v) => typeof v === 'string')
    .join('\n');

describe('reportSheetPlan', () => {
  const { plan, charts } = reportSheetPlan(fixture(), 'Laporan Data Terpilah', '2024-06-01T09:30:00');
  const at = (row: number, column: number) => plan.values[row - 1][column - 1];
  const rowText = (row: number) => plan.values[row - 1].filter((v) => v !== '');

  test('layout of a small fixture', () => {
    expect(plan.sheetName).toBe('Laporan Data Terpilah');
    expect(at(1, 1)).toBe(TERPILAH_TITLE);
    expect(at(2, 1)).toMatch(/^Dibuat 1 Juni 2024 pukul 09\.30 dari 3 peserta, 2 kegiatan\./);
    expect(at(4, 1)).toBe('SEMUA KEGIATAN');
    expect(at(5, 1)).toBe(
      'Jumlah peserta 3: laki-laki 1 (33,3%), perempuan 2 (66,7%), tidak diketahui 0; rasio jenis kelamin 50,0.',
    );
    expect(at(7, 1)).toBe('A. Menurut kegiatan');
    expect(rowText(8)).toEqual(['No', 'Kegiatan', ...TABLE_HEADERS.slice(2)]);
    expect(rowText(9)).toEqual([1, 'K1', 1, 1, 0, 2, 50, 50, 100]);
    expect(rowText(10)).toEqual([2, 'K2', 0, 1, 0, 1, 0, 100, 0]);
    expect(rowText(11)).toEqual(['Jumlah', 1, 2, 0, 3, 33.3, 66.7, 50]);
    expect(at(12, 2)).toBe(
      'Perempuan 66,7% dari 3 peserta; laki-laki 33,3%. Terbanyak K1: 2 orang (perempuan 50,0%).',
    );
    expect(at(13, 2)).toBe('Kelengkapan data: 100,0%');
    expect(at(15, 1)).toBe('B. Menurut peran');
    expect(rowText(17)).toEqual([1, 'Peserta', 0, 0, 0, 0, '-', '-', '-']);
    expect(at(25, 1)).toBe('C. Menurut kelompok umur (BPS, lima tahunan)');
    expect(at(27, 2)).toBe('0-4'); // plain text in the plan; applyPlan writes it literally
    expect(at(92, 1)).toBe('Kegiatan: K1');
    expect(plan.values.every((r) => r.length === plan.values[0].length)).toBe(true);
    expect(plan.styles.length).toBe(plan.values.length);
    expect(plan.protection?.description).toContain('Laporan Data Terpilah');
    expect(plan.merges).toEqual([]);
    expect(plan.borders).toHaveLength(1);
  });

  test('the data-quality list names each problem row', () => {
    const header = plan.values.findIndex((r) => r[0] === 'No' && r[1] === 'Baris') + 1;
    expect(rowText(header)).toEqual(QUALITY_HEADERS);
    expect(at(header - 3, 1)).toBe('DAFTAR MASALAH DATA (2)');
    expect(rowText(header + 1)).toEqual([
      1,
      4,
      'Jenis kelamin',
      'Baris 4: jenis kelamin "P" bertentangan dengan NIK (laki-laki); dipakai yang tertulis.',
    ]);
    expect(rowText(header + 2)[3]).toBe(
      'Baris 4: NIK 1971********0001 sama dengan baris 3; tetap dihitung (periksa apakah orang yang sama tercatat dua kali).',
    );
    expect(plan.values.length).toBe(header + 2);
  });

  test('charts: participants by sex per activity, and the age pyramid over a helper range', () => {
    expect(charts).toEqual([
      {
        type: 'COLUMN',
        title: 'Peserta menurut jenis kelamin per kegiatan',
        rect: { row: 8, column: 2, numRows: 3, numColumns: 3 },
        position: { row: 7, column: CHART_COLUMN },
        stacked: false,
      },
      {
        type: 'BAR',
        title: 'Piramida umur menurut jenis kelamin',
        rect: { row: 26, column: HELPER_COLUMN, numRows: 17, numColumns: 3 },
        position: { row: 27, column: CHART_COLUMN },
        stacked: true,
      },
    ]);
    expect(rowText(26).slice(-3)).toEqual(['Kelompok umur', 'Laki-laki', 'Perempuan']);
    expect(plan.values[26][HELPER_COLUMN - 1]).toBe('75+');
    expect(plan.values[35].slice(HELPER_COLUMN - 1, HELPER_COLUMN + 2)).toEqual(['30-34', -1, 2]);
  });

  test('NIK never appears unmasked, even typed into free text', () => {
    const summaries = fixture([
      [`NIK ${MALE_NIK}`, 'L', '', `=HYPERLINK("${FEMALE_NIK}")`, '1971 0152 0590 0002', 'K3'],
    ]);
    const text = allText(reportSheetPlan(summaries, 'x', '2024-06-01').plan.values);
    for (const nik of [MALE_NIK, FEMALE_NIK]) expect(text).not.toContain(nik);
    expect(text).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
    expect(text).toContain('=HYPERLINK("1971********0002")');
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^\d{16}$/), { minLength: 1, maxLength: 5 }), (niks) => {
        const rows = niks.map((nik, i) => [nik, 'P', nik, `Dinas ${nik}`, nik, `Kegiatan ${i} ${nik}`]);
        const { participants, quality } = normaliseRows(
          rows,
          { name: 0, sex: 1, nik: 2, institution: 3, regency: 4, activity: 5 },
          { firstRow: 2, referenceDate: '2024-06-01' },
        );
        const out = reportSheetPlan(summariseAll(participants, quality), 'x', '2024-06-01');
        const all = allText(out.plan.values) + JSON.stringify(out.charts);
        for (const nik of niks) expect(all).not.toContain(nik);
      }),
      { numRuns: 50 },
    );
  });

  test('empty and single-activity summaries', () => {
    const empty = reportSheetPlan([], 'x', '');
    expect(allText(empty.plan.values)).toContain('Belum ada peserta.');
    expect(empty.charts).toEqual([]);
    const one = reportSheetPlan(fixture().slice(1, 2), 'x', '2024-06-01');
    expect(one.charts.map((c) => c.type)).toEqual(['BAR']);
  });
});
