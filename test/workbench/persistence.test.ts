import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import {
  claimWorkbook,
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

describe('a workbook file checked whole at start', () => {
  const saved = (patch: (wb: Record<string, unknown>) => void) => {
    const wb = JSON.parse(serializeWorkbook(sampleWorkbook())) as Record<string, unknown>;
    patch(wb);
    return JSON.stringify(wb);
  };

  it('names what is missing or wrong instead of failing on every call later', () => {
    expect(() => parseWorkbook(saved((wb) => delete wb.properties))).toThrow(
      'missing "properties" ({ document, script, user })',
    );
    expect(() =>
      parseWorkbook(saved((wb) => ((wb.properties as Record<string, unknown>).user = null))),
    ).toThrow('"properties" has no "user" object');
    expect(() => parseWorkbook(saved((wb) => (wb.timeZone = 'Asia/Bangka')))).toThrow(
      '"timeZone" "Asia/Bangka" is not a time zone (e.g. "Asia/Jakarta")',
    );
    expect(() => parseWorkbook(saved((wb) => (wb.locale = 'xx_YY')))).toThrow('"locale" "xx_YY"');
    expect(() =>
      parseWorkbook(saved((wb) => delete (wb.sheets as Record<string, unknown>[])[1].merges)),
    ).toThrow('sheets[1] ("Peserta") has no "merges" array');
  });
});

describe('one workbench per workbook file', () => {
  it('a claim held by a live process is refused with its pid; released, the file can be claimed', () => {
    const file = path.join(dir, 'workbook.json');
    fs.writeFileSync(`${file}.lock`, `${process.ppid}\n`);
    expect(() => claimWorkbook(file)).toThrow(`is in use by another workbench (process ${process.ppid})`);
    fs.rmSync(`${file}.lock`);
    const release = claimWorkbook(file);
    expect(fs.readFileSync(`${file}.lock`, 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('a lock left by a dead process is taken over, and its temp files removed', () => {
    const file = path.join(dir, 'workbook.json');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    fs.writeFileSync(`${file}.lock`, `${dead.stdout}\n`);
    fs.writeFileSync(path.join(dir, `.workbook.json.${dead.stdout}.abc.tmp`), '{');
    const release = claimWorkbook(file);
    expect(fs.readdirSync(dir).sort()).toEqual(['workbook.json.lock']);
    release();
  });

  it('two workbench servers on one file: the second refuses to start and names the first', async () => {
    const file = path.join(dir, 'workbook.json');
    const main = path.join(__dirname, '../../build/workbench/main.js');
    const env = { ...process.env, WORKBOOK: file, PORT: '0' };
    const first = spawn(process.execPath, [main], { env });
    try {
      await new Promise<void>((resolve, reject) => {
        first.stdout.on('data', (chunk: Buffer) => String(chunk).includes('Workbench: http') && resolve());
        first.on('exit', (code) => reject(new Error(`first workbench exited ${code}`)));
      });
      const second = spawnSync(process.execPath, [main], { env, encoding: 'utf8', timeout: 20000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`is in use by another workbench (process ${first.pid})`);
    } finally {
      first.kill('SIGTERM');
    }
    await new Promise((resolve) => first.on('exit', resolve));
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});
