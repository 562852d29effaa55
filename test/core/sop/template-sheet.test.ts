import fc from 'fast-check';
import { PENGUATAN_PUG } from '../../../src/core/sop/builtin-penguatan-pug';
import type { SopStep, SopTemplate } from '../../../src/core/sop/model';
import { describeProblem } from '../../../src/core/sop/problems';
import { templateSheetPlan } from '../../../src/core/sop/template-sheet-plan';
import { readTemplateSheet } from '../../../src/core/sop/template-sheet-read';

const sheetOf = (template: SopTemplate) =>
  templateSheetPlan(template, 'Template: Uji').values.map((row) => [...row] as unknown[]);
const headerRow = (values: unknown[][]) => values.findIndex((row) => row[0] === 'No');
const read = (values: unknown[][], extra: Partial<Parameters<typeof readTemplateSheet>[0]> = {}) => {
  const result = readTemplateSheet({ values, ...extra });
  return { ...result, messages: result.problems.map((p) => describeProblem(p)) };
};

/** A template as read back from a new sheet: its history block holds version 1. */
function firstVersion(template: SopTemplate): SopTemplate {
  return {
    ...template,
    versions: [{ version: 1, date: template.identity.tanggalPembuatan, note: 'Versi pertama', by: '' }],
    historyRow: expect.any(Number) as unknown as number,
  };
}

describe('template sheet', () => {
  test('round trip: template → sheet → template loses nothing', () => {
    expect(read(sheetOf(PENGUATAN_PUG))).toEqual({
      template: firstVersion(PENGUATAN_PUG),
      problems: [],
      messages: [],
    });
  });

  test('reads what Sheets gives back: numbers for minutes and step numbers, Date cells for dates', () => {
    const values = sheetOf(PENGUATAN_PUG);
    const h = headerRow(values);
    values[h + 1][0] = 1;
    values[h + 1][5] = 60;
    const dateRow = values.findIndex((row) => row[0] === 'Tanggal Efektif');
    values[dateRow][1] = new Date('2019-04-14T17:00:00Z'); // midnight 15 April in Asia/Jakarta
    expect(read(values).template).toEqual(firstVersion(PENGUATAN_PUG));
  });

  test('staff edits are read: a new step and another executor', () => {
    const values = sheetOf(PENGUATAN_PUG);
    const h = headerRow(values);
    values[h + 10][3] = 'proses'; // step 10 becomes a process ...
    values[h + 10][8] = '';
    values[h + 10][9] = '';
    values[h + 11] = [
      '11',
      'Mengarsipkan dokumen',
      'Pelaksana; Kasi',
      'proses',
      'Lemari arsip',
      '45 menit',
      'Arsip',
      '',
      '',
      '',
    ];
    values[h + 4][2] = 'Kabid';
    const { template, messages } = read(values);
    expect(messages).toEqual([]);
    expect(template?.steps).toHaveLength(11);
    expect(template?.steps[10]).toEqual<SopStep>({
      number: 11,
      activity: 'Mengarsipkan dokumen',
      executors: ['Pelaksana', 'Kasi'],
      kind: 'process',
      requirements: 'Lemari arsip',
      minutes: { text: '45', values: [45] },
      output: 'Arsip',
      remarks: '',
    });
    expect(template?.steps[3].executors).toEqual(['Kabid']);
  });

  test('a broken sheet gives every problem located by row and column, and no template', () => {
    const values = sheetOf(PENGUATAN_PUG);
    const h = headerRow(values);
    values[h + 3][5] = 'sejam'; // text in the minutes column, step 3
    values[h + 4][2] = 'Kabag'; // unknown role, step 4
    values[h + 2][3] = 'rapat'; // unknown kind, step 2
    values[h + 6][9] = 'tujuh'; // unreadable target, step 6
    const { template, messages } = read(values, {
      formulas: values.map((row, r) => row.map((_, c) => (r === h + 1 && c === 1 ? '=A1&"x"' : ''))),
      merges: [{ row: h + 2, column: 7, numRows: 2, numColumns: 1 }],
    });
    expect(template).toBeNull();
    expect(messages).toEqual([
      `Baris ${h + 2}, kolom G: Sel digabung (G${h + 2}:G${h + 3}); pisahkan dulu (Format → Gabungkan sel → Pisahkan).`,
      `Baris ${h + 2}, kolom B: Sel berisi rumus (=A1&"x"); tulis nilainya langsung.`,
      `Baris ${h + 3}, kolom D: Langkah 2: jenis "rapat" tidak dikenal. Pilih "proses" atau "keputusan".`,
      `Baris ${h + 4}, kolom F: Langkah 3: waktu "sejam" tidak terbaca. Tulis menit bulat positif, mis. "60" atau "420 atau 840".`,
      `Baris ${h + 7}, kolom J: Langkah 6: tujuan "Perbaikan" ke langkah tujuh, yang tidak ada.`,
      `Baris ${h + 5}, kolom C: Langkah 4: pelaksana "Kabag" tidak dikenal. Pilih salah satu: Kadis, Sekretaris, Kabid, Kasi, Pelaksana.`,
      `Baris ${h + 7}, kolom J: Langkah 6 adalah keputusan tetapi tujuan "Perbaikan" kosong.`,
    ]);
  });

  test('a missing header or a removed column is named, not a crash', () => {
    const values = sheetOf(PENGUATAN_PUG);
    const h = headerRow(values);
    expect(read(values.filter((_, r) => r !== h)).messages).toEqual([
      'Judul tabel langkah tidak ditemukan (baris berisi "No" dan "Kegiatan").',
    ]);
    const noOutput = values.map((row) => row.filter((_, c) => c !== 6));
    expect(read(noOutput).messages).toEqual([
      `Baris ${h + 1}: Kolom "Output" tidak ada di judul tabel langkah.`,
    ]);
    expect(read([]).messages).toEqual([
      'Bagian identitas SOP tidak ditemukan.',
      'Judul tabel langkah tidak ditemukan (baris berisi "No" dan "Kegiatan").',
    ]);
  });

  test('deleted identity rows and 300 steps are reported', () => {
    const values = sheetOf(PENGUATAN_PUG).filter((row) => row[0] !== 'Nama SOP');
    const h = headerRow(values);
    for (let i = 11; i <= 300; i++)
      values[h + i] = [String(i), `Langkah ${i}`, 'Kasi', 'proses', '', '10', '', '', '', ''];
    expect(read(values).messages).toEqual([
      'Nama SOP kosong.',
      'Template punya 300 langkah; paling banyak 200. Pecah menjadi beberapa SOP.',
    ]);
  });

  test('an Invalid Date in any cell is read as empty text, never a crash', () => {
    const base = sheetOf(PENGUATAN_PUG);
    const nameRow = base.findIndex((row) => row[0] === 'Nama SOP');
    for (let r = 0; r < base.length; r++)
      for (let c = 0; c < base[r].length; c++) {
        const values = base.map((row) => [...row]);
        values[r][c] = new Date(NaN);
        const result = read(values);
        expect(result.template === null).toBe(result.problems.length > 0);
      }
    const values = base.map((row) => [...row]);
    values[nameRow][1] = new Date(NaN);
    expect(read(values).messages).toEqual(['Baris 2, kolom B: Nama SOP kosong.']);
  });

  test('any cell content never throws and either reads or reports problems', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.date(),
      fc.constant(null),
      fc.constant(''),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 }),
        fc.nat(9),
        fc.nat(12),
        (noise, row, col) => {
          const values = sheetOf(PENGUATAN_PUG);
          const h = headerRow(values);
          // Rows are copied: fast-check shrinks from the values it generated, which must stay unmutated.
          noise.forEach((r, i) => (values[h + 1 + ((row + i) % 10)] = [...r]));
          values[h + 1 + row][col % 10] = noise[0]?.[0] ?? '';
          const result = read(values);
          expect(result.template === null).toBe(result.problems.length > 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('print settings on the template sheet', () => {
  /** The sheet with rows inserted above the steps' "LANGKAH" title, as staff would. */
  function withRows(rows: unknown[][]): unknown[][] {
    const values = sheetOf(PENGUATAN_PUG);
    const title = values.findIndex((row) => row[0] === 'LANGKAH');
    const width = values[0].length;
    values.splice(title, 0, ...rows.map((row) => [...row, ...Array(width - row.length).fill('')]));
    return values;
  }

  test('"Kertas" and "Langkah per halaman" are read; absent, the defaults apply', () => {
    expect(read(sheetOf(PENGUATAN_PUG)).template?.print).toBeUndefined();
    const template = read(
      withRows([
        ['Kertas', 'f4'],
        ['Langkah per halaman', 8],
      ]),
    ).template;
    expect(template?.print).toEqual({ paper: 'F4', stepsPerPage: 8 });
  });

  test('unreadable values are located problems, nothing read', () => {
    const result = read(
      withRows([
        ['Kertas', 'Legal'],
        ['Langkah per halaman', 'banyak'],
      ]),
    );
    expect(result.template).toBeNull();
    const title = sheetOf(PENGUATAN_PUG).findIndex((row) => row[0] === 'LANGKAH');
    expect(result.messages).toEqual([
      `Baris ${title + 1}, kolom B: Kertas: "Legal" tidak terbaca. Tulis A4 / F4.`,
      `Baris ${title + 2}, kolom B: Langkah per halaman: "banyak" tidak terbaca. Tulis 1–200.`,
    ]);
  });
});
