/**
 * Exports that print: the page setup the .xlsx carries (read back with exceljs) and what
 * LibreOffice makes of it (rendered to PDF: page count and orientation from each page's MediaBox).
 */
import { convertToPdf, RUN_LIBREOFFICE_CHECKS } from '../support/libreoffice';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { reportWorkbook, planToSheet } from '../../src/cli/plan-to-workbook';
import type { SopMonitoring } from '../../src/core/progress/monitoring';
import { monitoringSheetLayout } from '../../src/core/progress/monitoring-sheet';
import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import { sopSheetLayout } from '../../src/core/sop/sop-sheet';
import { normaliseRows } from '../../src/core/terpilah/normalise';
import { reportSheetPlan } from '../../src/core/terpilah/report-sheet';
import { summariseAll } from '../../src/core/terpilah/summaries';
import { exportXlsx, exportXlsxReport } from '../../src/workbench/export/xlsx';
import { resolvePrint } from '../../src/workbench/export/print';
import { fittedRowHeights, wrappedLines } from '../../src/workbench/export/row-heights';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { newWorkbench, runOk } from '../support/workbench';

const TZ = 'Asia/Jakarta';

function sopWorkbook(): { state: WorkbookState; headerRow: number } {
  const layout = sopSheetLayout(PENGUATAN_PUG, 'SOP: Penguatan PUG');
  const state = newWorkbookState('SOP');
  state.sheets = [planToSheet(layout.plan, 1)];
  state.activeSheetId = 1;
  return { state, headerRow: layout.headerRow };
}

function terpilahWorkbook(): WorkbookState {
  const rows: unknown[][] = [];
  const regencies = [
    'Bangka',
    'Bangka Barat',
    'Bangka Tengah',
    'Bangka Selatan',
    'Belitung',
    'Pangkalpinang',
  ];
  for (let i = 0; i < 120; i++) {
    const born = 1960 + (i % 45);
    rows.push([
      `Peserta ${i}`,
      i % 3 === 0 ? 'L' : 'P',
      `19710${(i % 9) + 1}${String(born).slice(2)}0${(i % 12) + 1}`.padEnd(16, '1'),
      i % 2 ? 'Bappeda' : 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
      regencies[i % regencies.length],
      `Kegiatan ${(i % 3) + 1}`,
    ]);
  }
  const { participants, quality } = normaliseRows(
    rows,
    { name: 0, sex: 1, nik: 2, institution: 3, regency: 4, activity: 5 },
    { firstRow: 2, referenceDate: '2024-06-01' },
  );
  const { plan, charts } = reportSheetPlan(
    summariseAll(participants, quality),
    'Laporan Data Terpilah',
    '2024-06-01T09:30:00',
  );
  return reportWorkbook(plan, charts, 'Laporan', TZ);
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

describe('print intent in the plans', () => {
  test('the SOP sheet: landscape, one page wide, the table header repeated, a page for the identity then pages of steps', () => {
    const { plan, headerRow, chart } = sopSheetLayout(PENGUATAN_PUG, 'SOP');
    expect(plan.print).toEqual({
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: { first: headerRow, last: headerRow + 1 },
      pageBreaks: [headerRow, ...chart.pageBreaks],
    });
    expect(chart.pageBreaks.length).toBeGreaterThan(0);
  });

  test('the monitoring report: landscape, its columns, a page per SOP after the first', () => {
    const sop = (templateName: string): SopMonitoring => ({
      templateName,
      activities: { total: 1, done: 1, running: 0, notStarted: 0 },
      steps: [],
    });
    const layout = monitoringSheetLayout(
      { sops: [sop('A'), sop('B')], rows: 2, unreadable: 0, refused: 0 },
      { sheetName: 'Laporan Monitoring SOP', generatedAt: '2024-06-01T09:30:00Z', timeZone: TZ },
    );
    expect(layout.plan.print).toMatchObject({ orientation: 'landscape', fitToWidth: true });
    expect(layout.plan.print?.printArea).toMatchObject({ row: 1, column: 1, numColumns: 8 });
    expect(layout.plan.print?.pageBreaks).toEqual([layout.blocks[1].titleRow]);
  });
});

describe('page setup in the .xlsx', () => {
  test('the SOP sheet: A4 landscape, print titles, a fixed scale that fits the width even in a wider font, its page breaks', async () => {
    const { state, headerRow } = sopWorkbook();
    const { buffer } = await exportXlsxReport(state);
    const ws = (await load(buffer)).worksheets[0];
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: `${headerRow}:${headerRow + 1}`,
    });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup.scale).toBeGreaterThan(10);
    expect(ws.pageSetup.scale).toBeLessThan(100);
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(breaks[0]).toBe(headerRow - 1); // the identity block on a page of its own
    expect(breaks.length).toBeGreaterThan(1);
  });

  test('the data terpilah report: print area, charts noted at their cells and on "Catatan"', async () => {
    const state = terpilahWorkbook();
    const { buffer, notes } = await exportXlsxReport(state);
    const wb = await load(buffer);
    const ws = wb.worksheets[0];
    const rows = state.sheets[0].rows.length;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.pageSetup.printArea).toBe(`A1:N${rows}`);
    const charts = state.sheets[0].charts;
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      const note = ws.getCell(chart.position.row + 1, chart.position.column + 1).note;
      expect(String(typeof note === 'string' ? note : JSON.stringify(note))).toMatch(
        /Grafik .*tidak digambar/,
      );
    }
    const catatan = wb.getWorksheet('Catatan')!;
    expect(String(catatan.getCell('A1').value)).toMatch(/grafik tidak digambar/);
    expect(catatan.rowCount).toBe(3 + charts.length);
    expect(notes.some((n) => n.includes('Catatan'))).toBe(true);
  });

  test('page breaks: a fixed scale instead of fit to page (Excel ignores breaks when fitting)', async () => {
    const state = newWorkbookState('breaks');
    const sheet = state.sheets[0];
    sheet.rows = Array.from({ length: 30 }, (_, r) => [{ value: `r${r}` }]);
    sheet.print = { orientation: 'portrait', fitToWidth: true, pageBreaks: [10, 20] };
    const { buffer } = await exportXlsxReport(state);
    const ws = (await load(buffer)).worksheets[0];
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup.scale).toBe(100);
    // exceljs does not read page breaks back: look at the sheet's XML (a break after rows 10, 20).
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([10, 20]);
  });

  test('without a print intent: derived from the sheet (width → orientation, frozen rows repeat)', () => {
    const narrow = newSheetState(1, 'narrow');
    narrow.rows = [[{ value: 'a' }, { value: 'b' }]];
    narrow.frozenRows = 2;
    expect(resolvePrint(narrow)).toEqual({
      orientation: 'portrait',
      fitToWidth: true,
      repeatRows: { first: 0, last: 1 },
    });
    const wide = newSheetState(2, 'wide');
    wide.rows = [Array.from({ length: 12 }, () => ({ value: 'x' }))];
    expect(resolvePrint(wide).orientation).toBe('landscape');
  });

  test('rows grow to fit wrapped text, merged or not; words are kept whole', async () => {
    expect(wrappedLines('Tanggal Pembuatan', 10)).toBe(2);
    expect(wrappedLines('Tanggal Pembuatan', 17)).toBe(1);
    expect(wrappedLines('abcdefghij', 4)).toBe(3);
    expect(wrappedLines('a\n\nb', 10)).toBe(3);
    const state = newWorkbookState('wrap');
    const sheet = state.sheets[0];
    const long = 'Catatan hasil penilaian yang panjang sekali '.repeat(6);
    sheet.rows = [
      [{ value: long, format: { wrap: true } }],
      [{ value: long, format: { wrap: true } }, null],
      [{ value: long }],
      [{ value: long, format: { wrap: true } }],
    ];
    sheet.merges = [
      { row: 1, column: 0, numRows: 1, numColumns: 2 },
      { row: 3, column: 0, numRows: 2, numColumns: 1 },
    ];
    sheet.rowHeights = { 0: 1000 };
    const heights = fittedRowHeights(sheet);
    expect(heights.has(0)).toBe(false); // already tall enough
    expect(heights.get(1)).toBeGreaterThan(60); // merged across two columns
    expect(heights.get(1)).toBeLessThan(wrappedHeightOneColumn(long));
    expect(heights.has(2)).toBe(false); // not wrapped
    expect((heights.get(4) ?? 0) + 21).toBeGreaterThanOrEqual(wrappedHeightOneColumn(long)); // merged down
    const ws = (await load((await exportXlsxReport(state)).buffer)).worksheets[0];
    expect(ws.getRow(2).height).toBeCloseTo(heights.get(1)! * 0.75, 5);
    expect(ws.getRow(1).height).toBeCloseTo(750, 5);
  });
});

function wrappedHeightOneColumn(text: string): number {
  const sheet = newSheetState(9, 'x');
  sheet.rows = [[{ value: text, format: { wrap: true } }]];
  return fittedRowHeights(sheet).get(0) ?? 21;
}

const pdfinfo = (() => {
  try {
    execFileSync('which', ['pdfinfo'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Each page's size in points: pdfinfo's when installed, else the PDF's /MediaBox entries. */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  if (pdfinfo) {
    const dir = mkdtempSync(join(tmpdir(), 'pdfinfo-'));
    try {
      const file = join(dir, 'out.pdf');
      writeFileSync(file, pdf);
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
      return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
        width: Number(m[1]),
        height: Number(m[2]),
      }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // LibreOffice writes one /MediaBox per page object, none on the page tree.
  const boxes = pdf
    .toString('latin1')
    .matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g);
  return [...boxes].map((m) => ({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) }));
}

function renderPdf(buffer: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-print-'));
  try {
    const file = join(dir, 'export.xlsx');
    writeFileSync(file, buffer);
    return readFileSync(convertToPdf(file, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(RUN_LIBREOFFICE_CHECKS ? describe : describe.skip)('LibreOffice prints the export', () => {
  const A4 = { long: 841.9, short: 595.3 };
  const landscapeA4 = (page: { width: number; height: number }) =>
    Math.abs(page.width - A4.long) < 2 && Math.abs(page.height - A4.short) < 2;

  test('a 60-step SOP: the identity page, then one A4 landscape page per page of steps, breaks where the connectors are', async () => {
    const template = structuredClone(PENGUATAN_PUG);
    template.steps = Array.from({ length: 60 }, (_, i) => {
      const step = { ...structuredClone(PENGUATAN_PUG.steps[i % 10]), number: i + 1 };
      step.executors = [PENGUATAN_PUG.roles[i % 5]];
      if (step.kind === 'decision') {
        step.onApproved = i + 2 > 60 ? 'end' : i + 2;
        step.onRevision = Math.max(1, i - 1);
      }
      return step;
    });
    const layout = sopSheetLayout(template, 'SOP: Panjang');
    const state = newWorkbookState('SOP');
    state.sheets = [planToSheet(layout.plan, 1)];
    state.activeSheetId = 1;
    const pages = pdfPages(renderPdf((await exportXlsxReport(state)).buffer));
    expect(layout.chart.pages.length).toBeGreaterThan(3);
    expect(pages).toHaveLength(1 + layout.chart.pages.length);
    expect(pages.every(landscapeA4)).toBe(true);
  });

  test('the built-in SOP: at most 3 A4 landscape pages', async () => {
    const pages = pdfPages(renderPdf((await exportXlsxReport(sopWorkbook().state)).buffer));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(pages.every(landscapeA4)).toBe(true);
  }, 180_000);

  test('"Ekspor .xlsx" of a SOP the add-in built in the workbench (no plan, derived setup): at most 3 A4 landscape pages', async () => {
    const workbench = newWorkbench();
    runOk(workbench, 'generateSop', ['builtin:penguatan-pug']);
    const sop = workbench.state.sheets.find((sheet) => sheet.name.startsWith('SOP: '))!;
    const pages = pdfPages(renderPdf(await exportXlsx({ ...workbench.state, sheets: [sop] })));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(pages.every(landscapeA4)).toBe(true);
  }, 180_000);

  test('the data terpilah report: A4 landscape pages, one page wide', async () => {
    const state = terpilahWorkbook();
    const pages = pdfPages(renderPdf((await exportXlsxReport(state)).buffer));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every(landscapeA4)).toBe(true);
    // Rows only ever split down, never across: fewer pages than a page per 20 rows.
    expect(pages.length).toBeLessThan(state.sheets[0].rows.length / 20);
  }, 180_000);
});
