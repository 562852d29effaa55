import fc from 'fast-check';
import { rect } from '../../../src/core/plan/plan';
import { fitsCell } from '../../../src/core/sop/sop-sheet-flowchart';
import { COLORS, halves, sopColumns } from '../../../src/core/sop/sop-sheet-grid';
import { laneCount, loopsOf } from '../../../src/core/sop/sop-sheet-loops';
import { connectorLetter } from '../../../src/core/sop/sop-sheet-pages';
import { resolvedBorders } from './resolved-borders';
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
    expect(row(1)[7]).toBe('Nomor SOP'); // the particulars start right of the agency block (7 columns)
    expect(row(1)[10]).toBe('   /SOP/DP3ACSKB/2019');
  });

  const cols = sopColumns(PENGUATAN_PUG.roles.length, 1);
  const borders = resolvedBorders(plan);
  const edge = (kind: 'top' | 'right', r: number, c: number) => borders.get(`${kind}:${r},${c}`);
  const value = (r: number, c: number) => plan.values[r - 1][c - 1];
  const style = (r: number, c: number) => plan.styles[r - 1][c - 1];
  const exec = (role: string) => halves(cols, PENGUATAN_PUG.roles.indexOf(role));

  test('columns: two half-columns per executor, one loop lane, spacers; header merged per executor', () => {
    expect(cols).toMatchObject({ firstChart: 3, firstRole: 4, firstLane: 14, laneCount: 1, lastChart: 15 });
    expect(row(layout.headerRow)).toEqual([
      'No',
      'Kegiatan',
      'Pelaksana',
      ...Array(12).fill(''),
      'Mutu Baku',
      '',
      '',
      'Keterangan',
    ]);
    expect(row(layout.headerRow + 1).filter((v) => v !== '')).toEqual([
      'Kadis',
      'Sekretaris',
      'Kabid',
      'Kasi',
      'Pelaksana',
      'Kelengkapan',
      'Waktu (Menit)',
      'Output',
    ]);
    for (const role of PENGUATAN_PUG.roles)
      expect(plan.merges).toContainEqual({ rect: rect(15, exec(role).left, 1, 2), mode: 'all' });
    expect(plan.columnWidths[exec('Kadis').left]).toBe(plan.columnWidths[exec('Kadis').right]);
  });

  test('symbols: the step number beside the middle line, "◇" for decisions, styled by kind', () => {
    PENGUATAN_PUG.steps.forEach((step, i) => {
      const r = layout.stepRows[i];
      expect(value(r, 1)).toBe(step.number);
      for (const role of step.executors) {
        const { left, right } = exec(role);
        expect([value(r, left), value(r, right)]).toEqual([step.kind === 'decision' ? '◇' : '', step.number]);
        expect(style(r, left)).toMatchObject({ horizontalAlignment: 'right', fontWeight: 'bold' });
        expect(style(r, right)).toMatchObject({ horizontalAlignment: 'left' });
        expect(style(r, left)?.background).toBe(step.kind === 'decision' ? COLORS.decision : COLORS.process);
        // Boxed: a process in a medium line, a decision in a double one, nothing down its middle.
        const outline = step.kind === 'decision' ? 'DOUBLE' : 'SOLID_MEDIUM';
        expect(edge('top', r, left)?.style).toBe(outline);
        expect(edge('top', r + 1, right)?.style).toBe(outline);
        expect(edge('right', r, left - 1)?.style).toBe(outline);
        expect(edge('right', r, right)?.style).toBe(outline);
        expect(edge('right', r, left)).toBeUndefined();
      }
    });
    // Terminators: merged, green (rounded Mulai/Selesai told apart from processes by fill).
    for (const [r, role] of [
      [layout.startRow, 'Kadis'],
      [layout.endRow, 'Kadis'],
    ] as const) {
      expect(plan.merges).toContainEqual({ rect: rect(r, exec(role).left, 1, 2), mode: 'all' });
      expect(style(r, exec(role).left)).toMatchObject({ background: COLORS.terminator });
      expect(edge('top', r, exec(role).left)).toEqual({
        color: COLORS.line,
        style: 'SOLID_MEDIUM',
      });
    }
    expect(value(layout.startRow, exec('Kadis').left)).toBe('Mulai');
    expect(value(layout.endRow, exec('Kadis').left)).toBe('Selesai');
  });

  test('connectors: a line down the middle into an arrowhead above each symbol, sideways along the row edge', () => {
    const solid = { color: COLORS.line, style: 'SOLID' };
    // Mulai → 1 (same executor): straight down the middle of Kadis.
    expect(edge('right', layout.startRow + 1, exec('Kadis').left)).toEqual(solid);
    expect(value(layout.startRow + 1, exec('Kadis').left)).toBe('▼');
    // 1 (Kadis) → 2 (Sekretaris): along the top of the connector row from Kadis' middle to Sekretaris'.
    const c1 = layout.stepRows[0] + 1;
    expect(edge('right', c1, exec('Sekretaris').left)).toEqual(solid);
    expect(edge('top', c1, exec('Kadis').right)?.style).toBe('SOLID_MEDIUM'); // under symbol 1: its outline
    expect(edge('top', c1, exec('Sekretaris').left)).toEqual(solid);
    expect(value(c1, exec('Sekretaris').left)).toBe('▼');
    expect(style(c1, exec('Sekretaris').left)).toMatchObject({
      horizontalAlignment: 'right',
      verticalAlignment: 'bottom',
    });
    // Arrowheads only where a line enters a symbol: one per connector row, none elsewhere.
    const arrows = plan.values.flatMap((cells, r) =>
      cells.flatMap((v, c) => (v === '▼' ? [[r + 1, c + 1]] : [])),
    );
    const connectorRows = [
      layout.startRow + 1,
      ...layout.stepRows.map((r) => r + 1),
      layout.chart.pageBreaks[0] + 1,
    ];
    expect(arrows.map(([r]) => r).sort((a, b) => a - b)).toEqual(connectorRows.sort((a, b) => a - b));
    for (const [r, c] of arrows) expect(edge('right', r, c)).toEqual(solid);
    // A decision's "Sesuai" under it; the branches also in words under Keterangan.
    expect(value(layout.stepRows[1] + 1, exec('Sekretaris').right)).toBe('Sesuai');
    expect(value(layout.stepRows[1], cols.remarks)).toBe('Perbaikan ↑ ke langkah 1');
  });

  test('the Perbaikan loops: dashed red lines on their own edges, drawn last, never overridden', () => {
    const dashed = { color: COLORS.loop, style: 'DASHED' };
    const lane = cols.firstLane;
    // 2 → 1: from the decision's upper right along row 20's top to the lane, up, into step 1 with "◄".
    const [r1, r2] = [layout.stepRows[0], layout.stepRows[1]];
    for (let c = exec('Sekretaris').right + 1; c <= lane; c++) expect(edge('top', r2, c)).toEqual(dashed);
    for (let r = r1; r < r2; r++) expect(edge('right', r, lane)).toEqual(dashed);
    for (let c = exec('Kadis').right + 1; c <= lane; c++) expect(edge('top', r1, c)).toEqual(dashed);
    expect(value(r1, exec('Kadis').right + 1)).toBe('◄');
    expect(style(r1, exec('Kadis').right + 1)).toMatchObject({ fontColor: COLORS.loop });
    expect(value(r2, exec('Sekretaris').right + 1)).toBe('Perbaikan');
    // Drawn last; and no other entry touches a dashed edge (apply order cannot matter).
    const entries = plan.borders;
    expect(entries.at(-1)?.spec).toMatchObject(dashed);
    const others = resolvedBorders({ ...plan, borders: entries.filter((e) => e.spec.style !== 'DASHED') });
    const loops = [...resolvedBorders(plan)].filter(([, e]) => e.style === 'DASHED').map(([key]) => key);
    expect(loops.length).toBeGreaterThan(20);
    expect(loops.filter((key) => others.has(key))).toEqual([]);
    // One border call for every loop on the sheet.
    expect(entries.filter((e) => e.spec.style === 'DASHED')).toHaveLength(1);
  });

  test('labels in the flowchart are never clipped: they fit their cell (or merged cells), or wrap at spaces', () => {
    const mergedWidth = (r: number, c: number) => {
      const merge = plan.merges.find(
        (m) => m.rect.row <= r && r < m.rect.row + m.rect.numRows && m.rect.column === c,
      );
      const span = merge && merge.mode !== 'vertically' ? merge.rect.numColumns : 1;
      return Array.from({ length: span }, (_, k) => plan.columnWidths[c + k]).reduce((a, b) => a + b, 0);
    };
    let checked = 0;
    for (let r = layout.headerRow; r <= layout.totalRow; r++)
      for (let c = cols.firstChart; c <= cols.lastChart; c++) {
        const text = String(value(r, c));
        if (text === '') continue;
        checked++;
        expect({ r, c, text, fits: fitsCell(text, mergedWidth(r, c), style(r, c)) }).toMatchObject({
          fits: true,
        });
      }
    expect(checked).toBeGreaterThan(30);
  });

  test('positions, pages, merges, freeze, protection, print', () => {
    expect([layout.headerRow, layout.startRow, layout.endRow, layout.totalRow]).toEqual([14, 16, 41, 42]);
    expect(layout.stepRows).toEqual([18, 20, 22, 24, 26, 31, 33, 35, 37, 39]);
    // Two pages of five steps after the identity page; the flow continues through "⬠ A".
    expect(layout.chart.pages).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
    expect(layout.pageBreaks).toEqual([14, 29]);
    expect([value(28, exec('Pelaksana').left), value(28, exec('Pelaksana').right)]).toEqual(['⬠', 'A']);
    expect([value(29, exec('Kasi').left), value(29, exec('Kasi').right)]).toEqual(['⬠', 'A']);
    // The loop 6 → 4 crosses the break: its own letter in its lane at both ends, dashed red boxes.
    expect(value(28, cols.firstLane)).toBe('⬠ B');
    expect(value(29, cols.firstLane)).toBe('⬠ B');
    expect(plan.frozenRows).toBe(0);
    expect(plan.print).toEqual({
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: { first: 14, last: 15 },
      pageBreaks: layout.pageBreaks,
    });
    // Merges: 5 identity, 4 header, one per executor's name, the two terminators.
    expect(plan.merges).toHaveLength(5 + 4 + 5 + 2);
    expect(plan.protection?.description).toContain('Penguatan PUG');
    expect(plan.rowHeights?.[5]).toBeGreaterThan(100); // room to sign
    // The version history below the total.
    expect(row(layout.historyRow + 1).filter(Boolean)).toEqual(['No', 'Perubahan', 'Tanggal', 'Oleh']);
    expect(row(layout.historyRow + 2).filter(Boolean)).toEqual(['1', '-']);
  });
});

describe('long SOPs on paper: pages, off-page connectors, the header on every page', () => {
  /** Step `i` of `count` by cycling executors, so flow lines cross columns at page breaks too. */
  function longTemplate(count: number): SopTemplate {
    const template = structuredClone(PENGUATAN_PUG);
    template.steps = Array.from({ length: count }, (_, i): SopStep => {
      const base = PENGUATAN_PUG.steps[i % 10];
      const step: SopStep = {
        ...structuredClone(base),
        number: i + 1,
        executors: [PENGUATAN_PUG.roles[i % 5]],
      };
      if (step.kind === 'decision') {
        step.onApproved = i + 2 > count ? 'end' : i + 2;
        step.onRevision = Math.max(1, i - 1);
      }
      return step;
    });
    return template;
  }

  test.each([10, 30, 60])(
    '%i steps: whole steps per page, a lettered marker at both ends of each break',
    (count) => {
      for (const options of [{}, { stepsPerPage: 7 }, { paper: 'F4' as const }]) {
        const template = longTemplate(count);
        const layout = sopSheetLayout(template, 'SOP: Panjang', options);
        const { plan, chart } = layout;
        const pages = chart.pages;
        expect(pages.flat()).toEqual(template.steps.map((_, i) => i));
        if ('stepsPerPage' in options) expect(Math.max(...pages.map((p) => p.length))).toBe(7);
        else if (count === 10) expect(pages.map((p) => p.length)).toEqual([5, 5]);
        else expect(pages.length).toBeGreaterThan(Math.floor(count / 12));
        expect(chart.pageBreaks).toHaveLength(pages.length - 1);
        expect(layout.pageBreaks).toEqual([layout.headerRow, ...chart.pageBreaks]);
        // The table header repeats on every printed page.
        expect(plan.print?.repeatRows).toEqual({ first: layout.headerRow, last: layout.headerRow + 1 });
        const flow = chart.offPage.filter((o) => o.kind === 'flow');
        expect(flow.map((o) => o.letter)).toEqual(pages.slice(1).map((_, k) => connectorLetter(k)));
        flow.forEach((o, k) => {
          // Out: under the page's last step; in: the first row of the next page, over its first step.
          expect(o.outRow).toBe(chart.stepRows[pages[k].at(-1) as number] + 2);
          expect(o.inRow).toBe(chart.pageBreaks[k]);
          expect(chart.stepRows[pages[k + 1][0]]).toBe(o.inRow + 2);
          for (const [r, c] of [
            [o.outRow, o.outColumn],
            [o.inRow, o.inColumn],
          ])
            expect([plan.values[r - 1][c - 1], plan.values[r - 1][c]]).toEqual(['⬠', o.letter]);
        });
        // Every loop crossing a break has a letter too, at both ends.
        for (const o of chart.offPage.filter((x) => x.kind === 'loop')) {
          expect(plan.values[o.outRow - 1][o.outColumn - 1]).toBe(`⬠ ${o.letter}`);
          expect(plan.values[o.inRow - 1][o.inColumn - 1]).toBe(`⬠ ${o.letter}`);
        }
        // No solid line lands on a dashed loop edge, however the pages fall.
        const solid = resolvedBorders({
          ...plan,
          borders: plan.borders.filter((e) => e.spec.style !== 'DASHED'),
        });
        const dashed = [...resolvedBorders(plan)].filter(([, e]) => e.style === 'DASHED').map(([key]) => key);
        expect(dashed.filter((key) => solid.has(key))).toEqual([]);
        const letters = chart.offPage.map((o) => o.letter);
        expect(new Set(letters).size).toBe(letters.length);
      }
    },
  );

  test('default pages fit the paper; F4 landscape is wider, so each holds no more steps than A4', () => {
    const template = longTemplate(60);
    const a4 = sopSheetLayout(template, 'SOP', {}).chart.pages;
    const f4 = sopSheetLayout(template, 'SOP', { paper: 'F4' }).chart.pages;
    expect(a4.length).toBeGreaterThan(4);
    expect(f4.length).toBeGreaterThanOrEqual(a4.length);
    // The letters go on past Z.
    expect([connectorLetter(0), connectorLetter(25), connectorLetter(26), connectorLetter(27)]).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
    ]);
  });

  test('the border calls do not grow with the steps: the same entries for 10 and 60 steps', () => {
    const entries = (count: number) =>
      sopSheetLayout(longTemplate(count), 'SOP').plan.borders.map((b) => `${b.spec.style} ${b.spec.color}`);
    expect(entries(60)).toEqual(entries(10));
    expect(sopSheetLayout(longTemplate(60), 'SOP').plan.merges).toHaveLength(
      sopSheetLayout(longTemplate(10), 'SOP').plan.merges.length,
    );
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
        const cols = sopColumns(template.roles.length, laneCount(loopsOf(template)));
        const width = cols.width;
        expect(plan.values.every((r) => r.length === width)).toBe(true);
        expect(plan.styles.length).toBe(plan.values.length);
        template.steps.forEach((step, i) => {
          const cells = plan.values[stepRows[i] - 1];
          expect(cells[0]).toBe(step.number);
          const symbols = template.roles.filter((_, r) => cells[halves(cols, r).right - 1] === step.number);
          expect(symbols.sort()).toEqual([...step.executors].sort());
        });
        const min = template.steps.reduce((sum, s) => sum + Math.min(...s.minutes.values), 0);
        expect(String(plan.values[totalRow - 1][width - 3])).toMatch(new RegExp(`^${min}( atau \\d+)?$`));
        // Loops stay dashed whatever else is drawn; chart labels fit (unmerged chart cells).
        const solid = resolvedBorders({
          ...plan,
          borders: plan.borders.filter((e) => e.spec.style !== 'DASHED'),
        });
        const dashed = [...resolvedBorders(plan)].filter(([, e]) => e.style === 'DASHED').map(([key]) => key);
        expect(dashed.filter((key) => solid.has(key))).toEqual([]);
        for (const r of stepRows)
          for (let c = cols.firstChart; c <= cols.lastChart; c++) {
            const text = String(plan.values[r - 1][c - 1]);
            if (text) expect(fitsCell(text, plan.columnWidths[c], plan.styles[r - 1][c - 1])).toBe(true);
          }
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
