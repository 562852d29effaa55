import fc from 'fast-check';
import { sopColumns } from '../../../src/core/sop/sop-sheet-grid';
import { sopSheetLayout } from '../../../src/core/sop/sop-sheet';
import { PENGUATAN_PUG } from '../../../src/core/sop/builtin-penguatan-pug';
import type { SopStep, SopTemplate } from '../../../src/core/sop/model';
import { validateTemplate } from '../../../src/core/sop/validate';

const layout = sopSheetLayout(PENGUATAN_PUG, 'SOP: Penguatan PUG');
const { plan } = layout;
const row = (n: number) => plan.values[n - 1].map(String);

describe('SOP sheet of the built-in template, cell by cell', () => {
  test('identity block: agency, particulars, sections', () => {
    expect(plan.values.slice(0, 12).map((r) => r.filter((v) => v !== ''))).toEqual([
      ['PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG\nDP3ACSKB', 'Nomor SOP', '   /SOP/DP3ACSKB/2019'],
      ['Tanggal Pembuatan', '1 April 2019'],
      ['Tanggal Revisi'],
      ['Tanggal Efektif', '15 April 2019'],
      [
        'Disahkan oleh',
        'Kepala DP3ACSKB Provinsi Kepulauan Bangka Belitung\n\n\nDra. SUSANTI, MAP\nPembina Utama Madya\nNIP. 19650713 199203 2 002',
      ],
      ['Nama SOP', 'Penguatan PUG'],
      ['DASAR HUKUM:', 'KUALIFIKASI PELAKSANA:'],
      [
        '1. Instruksi Presiden Nomor 9 Tahun 2000 tentang Pengarusutamaan Gender dalam Pembangunan Nasional\n2. Peraturan Daerah Provinsi Kepulauan Bangka Belitung Nomor 06 Tahun 2016 tentang Pengarusutamaan Gender dalam Pembangunan Daerah',
        '1. Memiliki kemampuan dalam melaksanakan Penguatan Pelaksanaan PUG pada Pemerintah Provinsi Kep. Bangka Belitung\n2. Mengetahui tugas dan fungsi layanan PUG dan PPRG di setiap PD',
      ],
      ['KETERKAITAN:', 'PERALATAN/PERLENGKAPAN:'],
      [
        'SOP Pembuatan SK',
        '1. Komitmen/Kebijakan Pimpinan yang responsif gender\n2. Dokumen PPRG/ARG\n3. Data Terpilah\n4. Fasilitas Pendukung responsif gender',
      ],
      ['PERINGATAN:', 'PENCATATAN DAN PENDATAAN:'],
      [
        'Jika SOP tidak terlaksana dengan baik, maka pelaksanaan penguatan PUG tidak dapat dilaksanakan dengan baik',
        'Dokumen laporan/fisik terdata dengan tertib dan rapi',
      ],
    ]);
    expect(row(1)[4]).toBe('Nomor SOP'); // the particulars start right of the agency block (4 columns)
    expect(row(1)[6]).toBe('   /SOP/DP3ACSKB/2019');
  });

  test('flowchart table: header, terminators, symbols in the executor columns, arrows, loops, total', () => {
    const picture = plan.values
      .slice(layout.headerRow - 1, layout.totalRow)
      .map((r) => r.map(String).join(' | '));
    expect(picture).toEqual([
      'No | Kegiatan | Pelaksana |  |  |  |  | Mutu Baku |  |  | Keterangan',
      ' |  | Kadis | Sekretaris | Kabid | Kasi | Pelaksana | Kelengkapan | Waktu (Menit) | Output | ',
      ' |  | Mulai |  |  |  |  |  |  |  | ',
      ' |  | ▼ |  |  |  |  |  |  |  | ',
      '1 | Perintah/Arahan melaksanakan kegiatan/rapat internal | 1 | ◄ Perbaikan dari 2 |  |  |  | ATK dan white board | 60 | Disposisi | Hasil rapat jika diperlukan',
      ' |  | └─► | ─►▼ |  |  |  |  |  |  | ',
      '2 | Konsultasi dengan atasan/PPK |  | ◇ 2 | Perbaikan ↑ ke langkah 1 |  |  | RKA/KAK/JUKLAK/DPA | 60 | Disposisi | ',
      ' |  |  | └─► Sesuai | ─►▼ |  |  |  |  |  | ',
      '3 | Penentuan hari, tempat, narasumber dan undangan/jumlah peserta |  |  | 3 |  |  | ATK, komputer dan printer | 75 | Tersedia jadwal | ',
      ' |  |  |  | └─► | ─►▼ |  |  |  |  | ',
      '4 | Menghubungi pihak terkait |  |  |  | 4 | ◄ Perbaikan dari 6 | Handphone, surat | 30 | Dokumen SK | ',
      ' |  |  |  |  | └─► | ─►▼ |  |  |  | ',
      '5 | Menyampaikan undangan pelaksanaan kegiatan |  |  |  |  | 5 | Undangan | 360 | Waktu dan tempat pelaksanaan | ',
      ' |  |  |  |  | ▼◄─ | ◄─┘ |  |  |  | ',
      '6 | Memastikan ketersediaan yang terlibat dalam kepanitiaan |  |  |  | ◇ 6 | Perbaikan ↑ ke langkah 4 | Konfirmasi/surat jawaban | 60 | Surat jawaban/konfirmasi | ',
      ' |  |  |  |  | └─► Sesuai | ─►▼ |  |  |  | ',
      '7 | Menyiapkan segala kebutuhan kegiatan (materi, honorarium dll) |  |  |  |  | 7 | Ruang pertemuan, ATK, penginapan narasumber dan peserta | 360 | Materi dan laporan | ',
      ' |  |  |  | ▼◄─ | ◄── | ◄─┘ |  |  |  | ',
      '8 | Melaksanakan kegiatan |  |  | 8 | 8 | 8 | Sambutan, materi, panitia, kehadiran peserta, narasumber dan fasilitas lainnya | 420 atau 840 | Terlaksana kegiatan | ',
      ' |  |  |  | └─► | ──► | ─►▼ |  |  |  | ',
      '9 | Membuat laporan SPJ |  |  |  |  | 9 | Laptop, dokumentasi | 360 | SPJ | ',
      ' |  | ▼◄─ | ◄── | ◄── | ◄── | ◄─┘ |  |  |  | ',
      '10 | Mengevaluasi kegiatan | ◇ 10 | Perbaikan ↑ ke langkah 9 |  |  |  | Feed back, respon peserta, dll | 180 | Manfaat/benefit | ',
      ' |  | ▼ Sesuai |  |  |  |  |  |  |  | ',
      ' |  | Selesai |  |  |  |  |  |  |  | ',
      ' | Jumlah waktu |  |  |  |  |  |  | 1965 atau 2385 | menit (32 jam 45 menit atau 39 jam 45 menit) | ',
    ]);
  });

  test('positions, merges, freeze, protection', () => {
    expect([layout.headerRow, layout.startRow, layout.stepRows, layout.endRow, layout.totalRow]).toEqual([
      14,
      16,
      [18, 20, 22, 24, 26, 28, 30, 32, 34, 36],
      38,
      39,
    ]);
    // The flowchart stays reachable on a 768 px-high laptop: at most ~200 px frozen.
    const frozenHeight = Array.from(
      { length: plan.frozenRows },
      (_, i) => plan.rowHeights?.[i + 1] ?? 21,
    ).reduce((sum, h) => sum + h, 0);
    expect(frozenHeight).toBeLessThanOrEqual(200);
    expect(plan.merges).toEqual([
      { rect: { row: 1, column: 1, numRows: 6, numColumns: 4 }, mode: 'all' },
      { rect: { row: 1, column: 5, numRows: 6, numColumns: 2 }, mode: 'across' },
      { rect: { row: 1, column: 7, numRows: 6, numColumns: 5 }, mode: 'across' },
      { rect: { row: 7, column: 1, numRows: 6, numColumns: 4 }, mode: 'across' },
      { rect: { row: 7, column: 5, numRows: 6, numColumns: 7 }, mode: 'across' },
      { rect: { row: 14, column: 1, numRows: 2, numColumns: 2 }, mode: 'vertically' },
      { rect: { row: 14, column: 11, numRows: 2, numColumns: 1 }, mode: 'vertically' },
      { rect: { row: 14, column: 3, numRows: 1, numColumns: 5 }, mode: 'all' },
      { rect: { row: 14, column: 8, numRows: 1, numColumns: 3 }, mode: 'all' },
    ]);
    expect(plan.protection?.description).toContain('Penguatan PUG');
    expect(plan.rowHeights?.[5]).toBeGreaterThan(100); // room to sign
  });

  test('symbols are boxed and coloured by kind; the loops are dashed red lines', () => {
    const style = (r: number, c: number) => plan.styles[r - 1][c - 1];
    expect(style(16, 3)).toMatchObject({ background: '#d9ead3', fontWeight: 'bold' }); // Mulai
    expect(style(18, 3)).toMatchObject({ background: '#dbe8f7' }); // process 1
    expect(style(20, 4)).toMatchObject({ background: '#fff2cc' }); // decision 2
    expect(style(20, 5)).toMatchObject({ fontColor: '#c00000' }); // "Perbaikan ↑ ke langkah 1"
    const boxes = plan.borders.find((b) => b.spec.style === 'SOLID_MEDIUM')!;
    expect(boxes.rects).toHaveLength(14); // 10 steps + 2 more executors of step 8 + Mulai + Selesai
    const loops = plan.borders.filter((b) => b.spec.style === 'DASHED');
    expect(loops).toHaveLength(1); // one RangeList for every loop on the same side
    expect(loops[0].rects).toEqual([
      { row: 18, column: 4, numRows: 3, numColumns: 1 },
      { row: 24, column: 6, numRows: 5, numColumns: 1 },
      { row: 34, column: 3, numRows: 3, numColumns: 1 },
    ]);
  });
});

/** Random valid templates: 1–8 roles, 1–40 steps, decisions looping back to earlier steps. */
const templates = fc
  .record({
    roles: fc.integer({ min: 1, max: 8 }),
    steps: fc.array(
      fc.record({
        executors: fc.array(fc.nat(7), { minLength: 1, maxLength: 3 }),
        decision: fc.boolean(),
        back: fc.nat(),
        minutes: fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  })
  .map(({ roles, steps }): SopTemplate => {
    const roleNames = Array.from({ length: roles }, (_, i) => `Peran ${i + 1}`);
    return {
      ...structuredClone(PENGUATAN_PUG),
      roles: roleNames,
      steps: steps.map((s, i): SopStep => {
        const base: SopStep = {
          number: i + 1,
          activity: `Langkah ${i + 1}`,
          executors: [...new Set(s.executors.map((e) => roleNames[e % roles]))],
          kind: s.decision && i > 0 ? 'decision' : 'process',
          requirements: '',
          minutes: { text: s.minutes.join(' atau '), values: s.minutes },
          output: '',
          remarks: '',
        };
        return base.kind === 'decision'
          ? { ...base, onApproved: i + 2 > steps.length ? 'end' : i + 2, onRevision: (s.back % i) + 1 }
          : base;
      }),
    };
  });

describe('SOP sheet of any valid template', () => {
  test('is rectangular, puts each step in its executor columns, and totals the minutes', () => {
    fc.assert(
      fc.property(templates, (template) => {
        expect(validateTemplate(template)).toEqual([]);
        const { plan, stepRows, totalRow } = sopSheetLayout(template, 'SOP: Acak');
        const width = sopColumns(template.roles.length).width;
        expect(plan.values.every((r) => r.length === width)).toBe(true);
        expect(plan.styles.length).toBe(plan.values.length);
        template.steps.forEach((step, i) => {
          const cells = plan.values[stepRows[i] - 1];
          expect(cells[0]).toBe(step.number);
          const symbols = template.roles.filter((_, r) => /^(◇ )?\d+$/.test(String(cells[2 + r])));
          expect(symbols.sort()).toEqual([...step.executors].sort());
        });
        const min = template.steps.reduce((sum, s) => sum + Math.min(...s.minutes.values), 0);
        expect(String(plan.values[totalRow - 1][width - 3])).toMatch(new RegExp(`^${min}( atau \\d+)?$`));
        // No two merges overlap.
        const cells = new Set<string>();
        for (const { rect } of plan.merges)
          for (let r = rect.row; r < rect.row + rect.numRows; r++)
            for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
              expect(cells.has(`${r},${c}`)).toBe(false);
              cells.add(`${r},${c}`);
            }
      }),
      { numRuns: 150 },
    );
  });
});
