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
import { formatDecimalId } from '../../../src/core/format';

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
    expect(at(6, 1)).toBe(
      'Asal nilai: jenis kelamin: 3 tertulis; umur: 3 dari NIK; NIK: 3 tertulis; NIP: 3 tidak diketahui.',
    );
    expect(at(8, 1)).toBe('A. Menurut kegiatan');
    expect(rowText(9)).toEqual(['No', 'Kegiatan', ...TABLE_HEADERS.slice(2)]);
    // Percentages are fractions in "0.0%" cells: Sheets shows "50,0%" in an id_ID spreadsheet.
    expect(rowText(10)).toEqual([1, 'K1', 1, 1, 0, 2, 0.5, 0.5, 100]);
    expect(rowText(11)).toEqual([2, 'K2', 0, 1, 0, 1, 0, 1, 0]);
    expect(rowText(12)).toEqual(['Jumlah', 1, 2, 0, 3, 0.333, 0.667, 50]);
    expect(plan.styles[11][6]?.numberFormat).toBe('0.0%');
    expect(plan.styles[11][8]?.numberFormat).toBe('0.0');
    expect(plan.styles[11][2]?.numberFormat).toBe('#,##0');
    expect(at(13, 2)).toBe(
      'Perempuan 66,7% dari 3 peserta; laki-laki 33,3%. Terbanyak K1: 2 orang (perempuan 50,0%).',
    );
    expect(rowText(14)).toEqual(['Kelengkapan data', 1]);
    expect(plan.styles[13][2]?.numberFormat).toBe('0.0%');
    expect(at(15, 2)).toBe('Asal nilai: jenis kelamin: 3 tertulis.');
    expect(at(17, 1)).toBe('B. Menurut peran');
    expect(rowText(19)).toEqual([1, 'Peserta', 0, 0, 0, 0, '-', '-', '-']);
    expect(at(26, 2)).toBe('Asal nilai: jenis kelamin: 3 tertulis; peran: 3 tidak diketahui.');
    expect(at(28, 1)).toBe('C. Menurut kelompok umur (BPS, lima tahunan)');
    expect(at(30, 2)).toBe('0-4'); // plain text in the plan; applyPlan writes it literally
    expect(at(87, 2)).toBe(
      'Asal nilai: jenis kelamin: 3 tertulis; kabupaten/kota: 2 tertulis, 1 ejaan dibakukan.',
    );
    expect(at(100, 1)).toBe('Kegiatan: K1');
    // Every number in the sheet has a number format.
    plan.values.forEach((r, i) =>
      r.forEach((v, c) => {
        if (typeof v === 'number')
          expect([i + 1, c + 1, plan.styles[i][c]?.numberFormat]).toEqual([i + 1, c + 1, expect.any(String)]);
      }),
    );
    expect(plan.values.every((r) => r.length === plan.values[0].length)).toBe(true);
    expect(plan.styles.length).toBe(plan.values.length);
    expect(plan.protection?.description).toContain('Laporan Data Terpilah');
    expect(plan.merges).toEqual([]);
    expect(plan.borders).toHaveLength(1);
  });

  test('the data-quality list: the count per type, then the rows of each type', () => {
    const summary = plan.values.findIndex((r) => r[0] === 'No' && r[1] === 'Jenis masalah') + 1;
    expect(at(summary - 3, 1)).toBe('DAFTAR MASALAH DATA (2)');
    expect(rowText(summary)).toEqual(['No', 'Jenis masalah', 'Jumlah']);
    expect(rowText(summary + 1)).toEqual([1, 'Jenis kelamin bertentangan dengan NIK', 1]);
    expect(rowText(summary + 2)).toEqual([2, 'NIK ganda', 1]);
    expect(at(summary + 4, 1)).toBe('Jenis kelamin bertentangan dengan NIK (1)');
    expect(rowText(summary + 5)).toEqual(QUALITY_HEADERS);
    expect(rowText(summary + 6)).toEqual([
      1,
      4,
      'Jenis kelamin',
      'Baris 4: jenis kelamin "P" bertentangan dengan NIK (laki-laki); dipakai yang tertulis.',
    ]);
    expect(at(summary + 8, 1)).toBe('NIK ganda (1)');
    expect(rowText(summary + 10)[3]).toBe(
      'Baris 4: NIK 1971********0001 sama dengan baris 3; tetap dihitung (periksa apakah orang yang sama tercatat dua kali).',
    );
    expect(plan.values.length).toBe(summary + 10);
  });

  test('a long quality list lists the first rows of each type and counts the rest', () => {
    const names = Array.from({ length: 250 }, (_, i) => ['', i % 2 ? 'L' : 'x', '', '', '', 'K1']);
    const big = reportSheetPlan(fixture(names), 'x', '2024-06-01').plan;
    const texts = big.values.map((r) => r[0]);
    expect(texts).toContain('Jenis kelamin tidak diketahui (125)');
    expect(texts).toContain('… dan 105 baris lain.');
    expect(texts).toContain('Nama kosong (250)');
    expect(texts).toContain('… dan 230 baris lain.');
    const listed = big.values.filter((r) => typeof r[3] === 'string' && String(r[3]).startsWith('Baris '));
    expect(listed.length).toBeLessThanOrEqual(20 * 4);
  });

  test('charts: participants by sex per activity, and the age pyramid over a helper range', () => {
    expect(charts).toEqual([
      {
        type: 'COLUMN',
        title: 'Peserta menurut jenis kelamin per kegiatan',
        rect: { row: 9, column: 2, numRows: 3, numColumns: 3 },
        position: { row: 8, column: CHART_COLUMN },
        stacked: false,
      },
      {
        type: 'BAR',
        title: 'Piramida umur menurut jenis kelamin',
        rect: { row: 29, column: HELPER_COLUMN, numRows: 17, numColumns: 3 },
        position: { row: 28, column: CHART_COLUMN },
        stacked: true,
      },
    ]);
    expect(rowText(29).slice(-3)).toEqual(['Kelompok umur', 'Laki-laki', 'Perempuan']);
    expect(plan.values[29][HELPER_COLUMN - 1]).toBe('75+');
    expect(plan.values[38].slice(HELPER_COLUMN - 1, HELPER_COLUMN + 2)).toEqual(['30-34', -1, 2]);
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
    // One activity: sex by role (its known roles) and the pyramid.
    const one = reportSheetPlan(fixture().slice(1, 2), 'x', '2024-06-01');
    expect(one.charts.map((c) => [c.type, c.title, c.rect.numRows])).toEqual([
      ['COLUMN', 'Peserta menurut jenis kelamin dan peran (K1)', 4],
      ['BAR', 'Piramida umur menurut jenis kelamin (K1)', 17],
    ]);
    const roleHeader = one.charts[0].rect.row;
    expect(one.plan.values[roleHeader - 1].slice(1, 4)).toEqual(['Peran', 'L', 'P']);
    expect(one.plan.values[roleHeader].slice(1, 2)).toEqual(['Peserta']);
  });

  test('property: each table’s sentence says the percentages its total row shows, rounded alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('L', 'P', '', 'x'), fc.constantFrom('K1', 'K2')), {
          minLength: 1,
          maxLength: 40,
        }),
        (people) => {
          const { participants, quality } = normaliseRows(
            people.map(([sex, activity], i) => [`Orang ${i}`, sex, activity]),
            { name: 0, sex: 1, activity: 2 },
            { firstRow: 2, referenceDate: '2024-06-01' },
          );
          const { plan } = reportSheetPlan(summariseAll(participants, quality), 'x', '2024-06-01');
          plan.values.forEach((row, i) => {
            if (row[1] !== 'Jumlah' || typeof row[7] !== 'number') return;
            const sentence = String(plan.values[i + 1][1]);
            // The cell holds the fraction a "0.0%" format shows; the sentence the same, with a comma.
            expect(sentence).toContain(`Perempuan ${formatDecimalId((row[7] as number) * 100)}%`);
            expect(sentence).toContain(`laki-laki ${formatDecimalId((row[6] as number) * 100)}%`);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
