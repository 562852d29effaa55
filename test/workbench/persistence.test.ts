import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import {
  fromJsonText,
  loadWorkbook,
  parseWorkbook,
  saveWorkbook,
  serializeWorkbook,
  toJsonText,
} from '../../src/workbench/server/persistence';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-persist-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function sampleWorkbook(): WorkbookState {
  const wb = newWorkbookState('Uji <b>SOP</b>');
  const sheet = wb.sheets[0];
  sheet.rows = [
    [
      {
        value: 'Nama',
        format: {
          fontWeight: 'bold',
          background: '#cfe2f3',
          borderBottom: { color: '#000000', style: 'SOLID_MEDIUM' },
        },
      },
      { value: 'Tanggal', format: { horizontalAlignment: 'center', wrapStrategy: 'CLIP' } },
      { value: 'Jumlah' },
    ],
    [
      { value: 'Budi' },
      { value: new Date('2024-03-05T02:30:00.000Z'), format: { numberFormat: 'dd/MM/yyyy HH:mm' } },
      { value: 42, formula: '=SUM(1,41)' },
    ],
    [],
    [null, { value: true }, { value: '' }],
  ];
  sheet.merges = [{ row: 0, column: 0, numRows: 1, numColumns: 2 }];
  sheet.frozenRows = 1;
  sheet.columnWidths = { 0: 180 };
  sheet.validations = [
    {
      range: { row: 1, column: 1, numRows: 5, numColumns: 1 },
      rule: { criteria: 'DATE_AFTER', args: [new Date(Date.UTC(2020, 0, 1))], allowInvalid: false },
    },
  ];
  const other = newSheetState(7, 'Peserta');
  other.hidden = true;
  wb.sheets.push(other);
  wb.nextId = 8;
  wb.properties.document.marker = 'x';
  return wb;
}

describe('JSON with tagged dates', () => {
  it('tags Dates as {$date} and revives them', () => {
    const d = new Date('2023-12-31T17:00:00.000Z');
    const text = toJsonText({ a: d, b: [d, 1, 'x'], c: { $notDate: 1 } });
    expect(JSON.parse(text)).toEqual({
      a: { $date: '2023-12-31T17:00:00.000Z' },
      b: [{ $date: '2023-12-31T17:00:00.000Z' }, 1, 'x'],
      c: { $notDate: 1 },
    });
    const back = fromJsonText(text) as { a: Date; b: unknown[] };
    expect(back.a).toBeInstanceOf(Date);
    expect(back.a.getTime()).toBe(d.getTime());
    expect(back.b[0]).toBeInstanceOf(Date);
  });

  it('writes an invalid Date as null instead of throwing', () => {
    expect(JSON.parse(toJsonText({ d: new Date(NaN) }))).toEqual({ d: null });
  });
});

describe('saveWorkbook / loadWorkbook', () => {
  it('round-trips values, Dates, formulas, formats, merges and validations', () => {
    const file = path.join(dir, 'nested', 'workbook.json');
    const wb = sampleWorkbook();
    saveWorkbook(file, wb);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(saved.sheets[0].rows[1][1].value).toEqual({ $date: '2024-03-05T02:30:00.000Z' });

    const back = loadWorkbook(file);
    expect(back).toEqual(wb);
    expect(back.sheets[0].rows[1][1]?.value).toBeInstanceOf(Date);
    expect(back.sheets[0].validations[0].rule.args[0]).toBeInstanceOf(Date);
    expect(back.sheets[0].rows[0][0]?.format?.borderBottom).toEqual({
      color: '#000000',
      style: 'SOLID_MEDIUM',
    });
    expect(back.sheets[0].merges).toEqual([{ row: 0, column: 0, numRows: 1, numColumns: 2 }]);
    expect(back.sheets[0].rows[2]).toEqual([]);
    expect(back.sheets[0].rows[3][0]).toBeNull();
  });

  it('writes atomically: no temp file is left and the file is replaced whole', () => {
    const file = path.join(dir, 'workbook.json');
    saveWorkbook(file, sampleWorkbook());
    const second = newWorkbookState('Kedua');
    saveWorkbook(file, second);
    expect(fs.readdirSync(dir)).toEqual(['workbook.json']);
    expect(loadWorkbook(file).name).toBe('Kedua');
  });

  it('gives a new, empty spreadsheet when the file is missing', () => {
    const wb = loadWorkbook(path.join(dir, 'nope', 'workbook.json'));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(wb.sheets[0].rows).toEqual([]);
  });

  it('names the path of a corrupt file', () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{"name": "x", "sheets": [');
    expect(() => loadWorkbook(file)).toThrow(file);
    expect(() => loadWorkbook(file)).toThrow(/not valid JSON/);
  });

  it('names the path of a JSON file that is not a workbook', () => {
    const file = path.join(dir, 'other.json');
    fs.writeFileSync(file, '{"hello": "world"}');
    expect(() => loadWorkbook(file)).toThrow(
      `Workbook file ${file} is not a workbench workbook: missing "name"`,
    );
    fs.writeFileSync(
      file,
      JSON.stringify({ name: 'x', activeSheetId: 0, sheets: [{ name: 'A', sheetId: 0 }] }),
    );
    expect(() => loadWorkbook(file)).toThrow(/sheets\[0\] \("A"\) has no "rows" array/);
  });

  it('a serialized workbook parses back equal', () => {
    const wb = sampleWorkbook();
    expect(parseWorkbook(serializeWorkbook(wb))).toEqual(wb);
  });
});
