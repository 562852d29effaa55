import { execFileSync } from 'node:child_process';
import { RUN_LIBREOFFICE_CHECKS, sofficeCommand } from '../support/libreoffice';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnLetter } from '../../src/workbench/a1';
import { PIXELS_PER_CHARACTER, rectToA1 } from '../../src/workbench/export/excel-grid';
import { excelSheetName, exportXlsx, exportXlsxReport } from '../../src/workbench/export/xlsx';
import { toArgb, toBorderStyle } from '../../src/workbench/export/xlsx-format';
import { newSheetState, newWorkbookState, type Cell, type WorkbookState } from '../../src/workbench/model';

const DATE = new Date('2024-03-15T10:30:00+07:00'); // Asia/Jakarta wall clock 2024-03-15 10:30
const DAY = new Date('2024-01-02T00:00:00+07:00'); // midnight in Jakarta

function buildState(): WorkbookState {
  const state = newWorkbookState('Export test');
  const s = state.sheets[0];
  s.name = 'Data';
  s.tabColor = '#ff0000';
  const row0: Cell[] = [
    { value: 'Nama', format: { fontWeight: 'bold', background: '#d9ead3', fontColor: '#1155cc' } },
    { value: '=1+1' },
    { value: '0012' },
    { value: '<b>x</b> & "q" 🎉 Perempuan' },
    { value: 42.5, format: { numberFormat: '#,##0.00' } },
    { value: true },
    { value: false },
    { value: DATE },
    { value: 0, formula: '=SUM(E1:E2)' },
    { value: DAY, format: { numberFormat: 'dd/mm/yyyy' } },
  ];
  const row1: (Cell | null)[] = [
    {
      value: 'styled',
      format: {
        fontStyle: 'italic',
        fontSize: 14,
        fontFamily: 'Roboto',
        fontLine: 'underline',
        horizontalAlignment: 'center',
        verticalAlignment: 'middle',
        wrap: true,
        textRotation: 45,
        borderTop: { color: '#000000', style: 'SOLID' },
        borderBottom: { color: '#ff0000', style: 'SOLID_THICK' },
        borderLeft: { color: '#00ff00', style: 'DASHED' },
        borderRight: { color: '#0000ff', style: 'DOUBLE' },
        note: 'Catatan: isi dengan nama',
      },
    },
    { value: 'struck', format: { fontLine: 'line-through', wrapStrategy: 'CLIP', wrap: true } },
    null,
    { value: '', format: { background: '#ffff00' } },
    { value: 7 },
    { value: 'white', format: { background: '#ffffff' } },
    { value: '' },
  ];
  s.rows = [row0, row1, [{ value: 'merged' }, { value: 'covered' }]];
  s.merges = [{ row: 2, column: 0, numRows: 1, numColumns: 3 }];
  s.columnWidths = { 0: 210 };
  s.rowHeights = { 1: 40 };
  s.frozenRows = 1;
  s.hiddenColumns = [6];
  s.validations = [
    {
      range: { row: 1, column: 2, numRows: 10, numColumns: 1 },
      rule: {
        criteria: 'VALUE_IN_LIST',
        args: [['Laki-laki', 'Perempuan'], true],
        allowInvalid: false,
        helpText: 'Pilih',
      },
    },
    {
      range: { row: 1, column: 4, numRows: 5, numColumns: 1 },
      rule: { criteria: 'NUMBER_BETWEEN', args: [0, 120], allowInvalid: true },
    },
    {
      range: { row: 1, column: 5, numRows: 5, numColumns: 1 },
      rule: { criteria: 'TEXT_IS_VALID_EMAIL', args: [], allowInvalid: false },
    },
  ];
  s.conditionalRules = [
    {
      ranges: [{ row: 1, column: 0, numRows: 10, numColumns: 5 }],
      condition: { type: 'CUSTOM_FORMULA', args: ['=$E2>$F2'] },
      format: { background: '#f4cccc', fontColor: '#990000', fontWeight: 'bold' },
    },
    {
      ranges: [{ row: 1, column: 4, numRows: 10, numColumns: 1 }],
      condition: { type: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', args: [10] },
      format: { background: '#00ff00' },
    },
  ];
  s.protections = [
    {
      id: 'p1',
      type: 'SHEET',
      description: 'locked',
      warningOnly: false,
      editors: [],
      unprotected: [{ row: 5, column: 0, numRows: 2, numColumns: 2 }],
    },
  ];
  s.charts = [
    {
      chartId: 1,
      type: 'COLUMN',
      ranges: [{ sheet: 'Data', rect: { row: 0, column: 0, numRows: 3, numColumns: 2 } }],
      position: { row: 4, column: 4, offsetX: 0, offsetY: 0 },
      options: { title: 'Peserta' },
      settings: {},
    },
  ];

  const hidden = newSheetState(1, 'Rekap');
  hidden.hidden = true;
  hidden.rows = [[{ value: 'secret' }]];
  hidden.protections = [{ id: 'p2', type: 'SHEET', description: 'warn', warningOnly: true, editors: [] }];
  state.sheets.push(hidden);
  return state;
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

describe('exportXlsx', () => {
  let wb: ExcelJS.Workbook;
  let notes: string[];
  let buffer: Buffer;

  beforeAll(async () => {
    const result = await exportXlsxReport(buildState());
    buffer = result.buffer;
    notes = result.notes;
    wb = await load(buffer);
  });

  test('returns a zip (xlsx) buffer; exportXlsx gives the same kind of bytes', async () => {
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const plain = await exportXlsx(buildState());
    expect(plain.subarray(0, 2).toString()).toBe('PK');
  });

  test('sheets: order, names, hidden state, tab colour', () => {
    // "Catatan" lists the chart the export could not draw.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Rekap', 'Catatan']);
    const [data, rekap] = wb.worksheets;
    expect(data.state).toBe('visible');
    expect(rekap.state).toBe('hidden');
    expect(data.properties.tabColor).toEqual({ argb: 'FFFF0000' });
    expect(rekap.getCell('A1').value).toBe('secret');
  });

  test('values keep their types; strings are never formulas or numbers', () => {
    const ws = wb.getWorksheet('Data')!;
    const t = ExcelJS.ValueType;
    expect(ws.getCell('A1').value).toBe('Nama');
    expect(ws.getCell('B1').value).toBe('=1+1');
    expect(ws.getCell('B1').type).toBe(t.String);
    expect(ws.getCell('C1').value).toBe('0012');
    expect(ws.getCell('C1').type).toBe(t.String);
    expect(ws.getCell('D1').value).toBe('<b>x</b> & "q" 🎉 Perempuan');
    expect(ws.getCell('E1').value).toBe(42.5);
    expect(ws.getCell('E1').type).toBe(t.Number);
    expect(ws.getCell('F1').value).toBe(true);
    expect(ws.getCell('G1').value).toBe(false);
    expect(ws.getCell('F1').type).toBe(t.Boolean);
  });

  test('dates are real dates in the spreadsheet time zone, with a date format when none is set', () => {
    const ws = wb.getWorksheet('Data')!;
    const h1 = ws.getCell('H1');
    expect(h1.type).toBe(ExcelJS.ValueType.Date);
    expect((h1.value as Date).toISOString()).toBe('2024-03-15T10:30:00.000Z');
    expect(h1.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    const j1 = ws.getCell('J1');
    expect((j1.value as Date).toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(j1.numFmt).toBe('dd/mm/yyyy');
  });

  test('formulas have no leading "=" and no cached result', () => {
    const i1 = wb.getWorksheet('Data')!.getCell('I1');
    expect(i1.type).toBe(ExcelJS.ValueType.Formula);
    expect(i1.formula).toBe('SUM(E1:E2)');
    expect((i1.value as ExcelJS.CellFormulaValue).result).toBeUndefined();
  });

  test('cell formats', () => {
    const ws = wb.getWorksheet('Data')!;
    const a1 = ws.getCell('A1');
    expect(a1.font).toMatchObject({ bold: true, color: { argb: 'FF1155CC' } });
    expect(a1.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9EAD3' } });
    expect(ws.getCell('E1').numFmt).toBe('#,##0.00');

    const a2 = ws.getCell('A2');
    expect(a2.font).toMatchObject({ italic: true, size: 14, name: 'Roboto', underline: true });
    expect(a2.alignment).toMatchObject({
      horizontal: 'center',
      vertical: 'middle',
      wrapText: true,
      textRotation: 45,
    });
    expect(a2.border.top).toMatchObject({ style: 'thin', color: { argb: 'FF000000' } });
    expect(a2.border.bottom).toMatchObject({ style: 'thick', color: { argb: 'FFFF0000' } });
    expect(a2.border.left).toMatchObject({ style: 'dashed', color: { argb: 'FF00FF00' } });
    expect(a2.border.right).toMatchObject({ style: 'double', color: { argb: 'FF0000FF' } });
    expect(a2.note).toBe('Catatan: isi dengan nama');

    const b2 = ws.getCell('B2');
    expect(b2.font).toMatchObject({ strike: true });
    expect(b2.alignment?.wrapText).toBeFalsy(); // CLIP → no wrap

    // A blank cell with a background keeps the fill and no value.
    const d2 = ws.getCell('D2');
    expect(d2.value).toBeNull();
    expect(d2.fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
    // Defaults → no style: plain values, white background (Sheets' default).
    for (const addr of ['B1', 'E2', 'F2']) {
      const c = ws.getCell(addr);
      expect(c.font).toBeUndefined();
      expect(c.fill).toBeUndefined();
      expect(c.border).toBeUndefined();
    }
  });

  test('merges, widths, heights, hidden columns, frozen rows', () => {
    const ws = wb.getWorksheet('Data')!;
    expect(ws.model.merges).toEqual(['A3:C3']);
    expect(ws.getCell('A3').value).toBe('merged');
    expect(ws.getCell('B3').isMerged).toBe(true);
    expect(ws.getColumn(1).width).toBeCloseTo(210 / PIXELS_PER_CHARACTER, 5);
    expect(ws.getRow(2).height).toBeCloseTo(30, 5);
    expect(ws.getColumn(7).hidden).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.views[0] as ExcelJS.WorksheetViewFrozen).xSplit ?? 0).toBe(0);
  });

  test('data validations: list and number; others reported as skipped', () => {
    const ws = wb.getWorksheet('Data')!;
    for (const addr of ['C2', 'C11']) {
      expect(ws.getCell(addr).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"Laki-laki,Perempuan"'],
        showErrorMessage: true,
        showInputMessage: true,
        prompt: 'Pilih',
      });
    }
    expect(ws.getCell('C12').dataValidation).toBeUndefined();
    const num = ws.getCell('E3').dataValidation;
    expect(num).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 120] });
    expect(num.showErrorMessage).toBeFalsy(); // allowInvalid
    expect(ws.getCell('F2').dataValidation).toBeUndefined();
    expect(notes.some((n) => n.includes('TEXT_IS_VALID_EMAIL'))).toBe(true);
  });

  test('conditional formatting', () => {
    const ws = wb.getWorksheet('Data')!;
    const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(cfs).toHaveLength(2);
    expect(cfs[0].ref).toBe('A2:E11');
    expect(cfs[0].rules[0]).toMatchObject({
      type: 'expression',
      formulae: ['$E2>$F2'],
      style: { font: { bold: true, color: { argb: 'FF990000' } }, fill: { bgColor: { argb: 'FFF4CCCC' } } },
    });
    expect(cfs[1].rules[0]).toMatchObject({
      type: 'cellIs',
      operator: 'greaterThanOrEqual',
      formulae: ['10'],
    });
  });

  test('protection: enforced sheet protection with unlocked ranges; warning-only left unprotected', () => {
    const data = wb.getWorksheet('Data')!;
    const rekap = wb.getWorksheet('Rekap')!;
    const prot = (ws: ExcelJS.Worksheet) =>
      (ws as unknown as { sheetProtection: { sheet?: boolean } | null }).sheetProtection;
    expect(prot(data)?.sheet).toBe(true);
    expect(prot(rekap)?.sheet).toBeFalsy();
    expect(data.getCell('A6').protection).toMatchObject({ locked: false });
    expect(data.getCell('B7').protection).toMatchObject({ locked: false });
    expect(data.getCell('A1').protection).toBeUndefined();
    expect(notes.some((n) => n.includes('warning-only'))).toBe(true);
  });

  test('charts are not drawn but recorded in the description', () => {
    const recorded = JSON.parse(wb.description) as { workbenchCharts: { sheet: string; type: string }[] };
    expect(recorded.workbenchCharts).toEqual([
      expect.objectContaining({ sheet: 'Data', type: 'COLUMN', chartId: 1 }),
    ]);
    expect(notes.some((n) => n.includes('chart'))).toBe(true);
  });

  test('invalid sheet names are made valid and unique', async () => {
    const state = newWorkbookState();
    state.sheets = [newSheetState(0, 'a/b'), newSheetState(1, 'A_B'), newSheetState(2, 'x'.repeat(40))];
    const { buffer: out, notes: n } = await exportXlsxReport(state);
    const names = (await load(out)).worksheets.map((w) => w.name);
    expect(names).toEqual(['a_b', 'A_B (2)', 'x'.repeat(31)]);
    expect(n.filter((x) => x.includes('renamed'))).toHaveLength(3);
  });

  test('helpers', () => {
    expect(toArgb('#a1b2c3')).toBe('FFA1B2C3');
    expect(toArgb('#abc')).toBe('FFAABBCC');
    expect(toArgb('red')).toBe('FFFF0000');
    expect(toArgb('nonsense')).toBeUndefined();
    expect(toBorderStyle('SOLID_MEDIUM')).toBe('medium');
    expect(toBorderStyle('DOTTED')).toBe('dotted');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(rectToA1({ row: 0, column: 0, numRows: 1, numColumns: 1 })).toBe('A1');
    expect(rectToA1({ row: 1, column: 2, numRows: 3, numColumns: 2 })).toBe('C2:D4');
    expect(excelSheetName('History', new Set())).toBe('History_');
  });

  test('a 100,000 × 13 sheet exports', async () => {
    const state = newWorkbookState('big');
    const rows: Cell[][] = [];
    const bold = { fontWeight: 'bold' as const };
    for (let r = 0; r < 100_000; r++) {
      const row: Cell[] = [];
      for (let c = 0; c < 13; c++) {
        row.push(c % 2 === 0 ? { value: `p${r}` } : { value: r + c, format: c === 1 ? bold : undefined });
      }
      rows.push(row);
    }
    state.sheets[0].rows = rows;
    const out = await exportXlsx(state);
    expect(out.subarray(0, 2).toString()).toBe('PK');
    expect(out.length).toBeGreaterThan(100_000);
  }, 180_000);

  (RUN_LIBREOFFICE_CHECKS ? test : test.skip)(
    'LibreOffice opens the file and converts it to CSV',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'xlsx-export-'));
      try {
        const file = join(dir, 'export.xlsx');
        writeFileSync(file, buffer);
        execFileSync(sofficeCommand(), ['--headless', '--convert-to', 'csv', '--outdir', dir, file], {
          timeout: 120_000,
        });
        const csv = readFileSync(
          join(
            dir,
            readdirSync(dir).find((f) => f.endsWith('.csv'))!,
          ),
          'utf8',
        );
        expect(csv).toContain('=1+1');
        expect(csv).toContain('0012');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
