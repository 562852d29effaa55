import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { Workbench, type EstimatedSeconds } from '../../src/workbench/runtime';
import { createWorkbenchServer, type WorkbenchServer } from '../../src/workbench/server/http';
import { fromJsonText, loadWorkbook, saveWorkbook } from '../../src/workbench/server/persistence';
import { injectShim, SIDEBAR_SHIM_JS } from '../../src/workbench/server/sidebar-shim';
import { DIST } from '../support/workbench';

const CODE = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Buka panel', 'showSidebar').addSeparator()
    .addItem('Tulis', 'write').addToUi();
}
function hello(n) { return 'Halo ' + n; }
function fail() { throw new Error('Rusak: ' + 42); }
function write() { SpreadsheetApp.getActiveSheet().getRange(1, 1).setValue('x'); }
function writeHtml() { SpreadsheetApp.getActiveSheet().getRange(2, 2).setValue('<img src=x onerror="alert(1)">'); }
function writeMany() {
  var rows = [];
  for (var i = 0; i < 900; i++) rows.push(['r' + (i + 1), i]);
  SpreadsheetApp.getActiveSheet().getRange(1, 1, rows.length, 2).setValues(rows);
}
function showSidebar() {
  var html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Panel SOP');
  SpreadsheetApp.getUi().showSidebar(html);
}
function plainTextColumn() { SpreadsheetApp.getActiveSheet().getRange('C1:C10').setNumberFormat('@'); }
function sheetNames() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (s) { return s.getName(); });
}
var lib = (function () {
  function hidden() { SpreadsheetApp.getActiveSheet().getRange(1, 1).setValue('hidden'); }
  return { hidden: hidden };
})();
function ask() {
  var ui = SpreadsheetApp.getUi();
  var r = ui.prompt('Nama kegiatan', 'Tulis nama:', ui.ButtonSet.OK_CANCEL);
  if (r.getSelectedButton() !== ui.Button.OK) return 'batal';
  SpreadsheetApp.getActiveSheet().getRange(1, 3).setValue(r.getResponseText());
  return 'oke ' + r.getResponseText();
}
`;

const SIDEBAR = `<!DOCTYPE html>
<html>
  <head>
    <base target="_top">
    <script>window.firstScript = typeof google;</script>
  </head>
  <body><p>Panel</p></body>
</html>`;

let tmp: string;
let distDir: string;
let pageDir: string;
let workbookFile: string;
let server: WorkbenchServer;
let base: string;
let exported: WorkbookState[];

function makeWorkbench(state: WorkbookState): Workbench {
  return new Workbench({ state, distDir, userEmail: 'staf@example.go.id' });
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-http-'));
  distDir = path.join(tmp, 'dist');
  pageDir = path.join(tmp, 'page');
  fs.mkdirSync(distDir);
  fs.mkdirSync(pageDir);
  fs.writeFileSync(path.join(distDir, 'Code.js'), CODE);
  fs.writeFileSync(path.join(distDir, 'Sidebar.html'), SIDEBAR);
  fs.writeFileSync(
    path.join(distDir, 'appsscript.json'),
    JSON.stringify({
      timeZone: 'Asia/Jakarta',
      runtimeVersion: 'V8',
      // An explicit list: the workbench grants exactly these (services/scopes.ts).
      oauthScopes: [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
      ],
    }),
  );
  fs.writeFileSync(
    path.join(pageDir, 'index.html'),
    '<!doctype html><title>wb</title><div data-testid="grid"></div>',
  );
  fs.writeFileSync(path.join(pageDir, 'main.js'), 'console.log(1);');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  workbookFile = path.join(tmp, 'state', 'workbook.json');
});

beforeEach(async () => {
  exported = [];
  server = createWorkbenchServer({
    workbench: makeWorkbench(newWorkbookState('Uji HTTP')),
    pageDir,
    save: (s) => saveWorkbook(workbookFile, s),
    reset: () => makeWorkbench(newWorkbookState()),
    exportXlsx: async (s) => {
      exported.push(s);
      return Buffer.from('PK fake xlsx');
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(workbookFile, { force: true });
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Result {
  ok: boolean;
  value?: unknown;
  error?: string;
  calls: number;
  callsByMethod: Record<string, number>;
  ui: { kind: string; [k: string]: unknown }[];
  needsInput?: { kind: string; title: string; prompt: string; buttons: string };
}

async function post(
  url: string,
  body?: unknown,
  raw?: string,
): Promise<{ status: number; json: Result & Record<string, unknown> }> {
  const res = await fetch(base + url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: res.status, json: fromJsonText(await res.text()) as Result & Record<string, unknown> };
}

async function getJson(url: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(base + url);
  return { status: res.status, json: fromJsonText(await res.text()) as Record<string, unknown> };
}

interface SheetOut {
  name: string;
  rows: ({ value: unknown } | null)[][];
  totalRows: number;
  rowOffset: number;
}

describe('workbench HTTP API', () => {
  it('serves the page and its assets, and nothing outside the page folder', async () => {
    const page = await fetch(base + '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('data-testid="grid"');
    const js = await fetch(base + '/page/main.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(base + '/page/..%2fsecret.txt')).status).toBe(400);
    expect((await fetch(base + '/page/../secret.txt')).status).toBe(404);
    expect((await fetch(base + '/nope')).status).toBe(404);
  });

  it('POST /api/open runs onOpen and returns the add-on menu', async () => {
    const { status, json } = await post('/api/open');
    expect(status).toBe(200);
    expect(json.ok).toBe(true);
    const menu = json.ui.find((e) => e.kind === 'menu') as
      { menu: { items: unknown[] }; addon: boolean } | undefined;
    expect(menu?.addon).toBe(true);
    expect(menu?.menu.items).toEqual([
      { kind: 'item', caption: 'Buka panel', functionName: 'showSidebar' },
      { kind: 'separator' },
      { kind: 'item', caption: 'Tulis', functionName: 'write' },
    ]);
  });

  it('POST /api/run/<fn> with an array of arguments returns the value and the call counts', async () => {
    const { status, json } = await post('/api/run/hello', ['Budi']);
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, value: 'Halo Budi', calls: 0, ui: [] });
    expect(json.callsByMethod).toEqual({});
    const obj = await post('/api/run/hello', { args: ['Sari'], answers: [] });
    expect(obj.json.value).toBe('Halo Sari');
  });

  it('POST /api/run and /api/open report cells and the estimated seconds beside the calls', async () => {
    const { json } = await post('/api/run/write', []);
    expect(json).toMatchObject({ ok: true, calls: 3, cellsRead: 0, cellsWritten: 1 });
    const seconds = json.estimatedSeconds as EstimatedSeconds | undefined;
    const { optimistic = 0, typical = 0, pessimistic = 0 } = seconds ?? {};
    expect(optimistic).toBeGreaterThan(0); // getActiveSheet, getRange, setValue: three round trips
    expect(typical).toBeGreaterThan(optimistic);
    expect(pessimistic).toBeGreaterThan(typical);
    const open = await post('/api/open');
    expect((open.json.estimatedSeconds as EstimatedSeconds).typical).toBeGreaterThan(0); // Menu.addToUi
  });

  it('reports script errors in the result', async () => {
    const { status, json } = await post('/api/run/fail', []);
    expect(status).toBe(200);
    expect(json.ok).toBe(false);
    expect(json.error).toContain('Rusak: 42');
  });

  it('refuses bad JSON, bad bodies and bad function names with 400', async () => {
    const bad = await post('/api/run/hello', undefined, '{"args": [');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/Bad JSON/);
    expect((await post('/api/run/hello', 42)).status).toBe(400);
    expect((await post('/api/run/hello', { args: 'x' })).status).toBe(400);
    expect((await post('/api/run/hello', { args: [], answers: [{}] })).status).toBe(400);
    const name = await post('/api/run/1abc', []);
    expect(name.status).toBe(400);
    expect(name.json.error).toMatch(/Invalid function name/);
    expect((await post('/api/run/a-b', [])).status).toBe(400);
    expect((await post('/api/run/%E0%A4%A', [])).status).toBe(400);
    expect((await fetch(base + '/api/run/hello')).status).toBe(405);
    const long = await post(`/api/run/${'a'.repeat(300)}`, []);
    expect(long.status).toBe(400);
    expect(long.json.error?.length).toBeLessThan(100);
  });

  it("runs only the script's own top-level functions: anything else is 404 and runs nothing", async () => {
    const before = JSON.stringify(server.workbench.state);
    for (const name of [
      'constructor',
      'toString',
      '__proto__',
      'hasOwnProperty',
      'SpreadsheetApp',
      'lib',
      'hidden',
    ]) {
      const { status, json } = await post(`/api/run/${name}`, []);
      expect({ name, status, json }).toEqual({
        name,
        status: 404,
        json: { ok: false, error: `Script function not found: ${name}` },
      });
    }
    expect(JSON.stringify(server.workbench.state)).toBe(before);
    expect(fs.existsSync(workbookFile)).toBe(false);
    expect(server.workbench.functionNames()).toEqual(
      new Set([
        'onOpen',
        'hello',
        'fail',
        'write',
        'writeHtml',
        'writeMany',
        'showSidebar',
        'plainTextColumn',
        'sheetNames',
        'ask',
      ]),
    );
  });

  it('refuses arguments nested deeper than 100 levels with 400', async () => {
    const deep = `[${'['.repeat(100)}${']'.repeat(100)}]`;
    const { status, json } = await post('/api/run/hello', undefined, deep);
    expect(status).toBe(400);
    expect(json.error).toMatch(/deeper than 100/);
    expect((await post('/api/run/hello', undefined, `[${'['.repeat(98)}${']'.repeat(98)}]`)).json.ok).toBe(
      true,
    );
  });

  it('answers every malformed path with a short 4xx that names no file', async () => {
    /** GET `target` as it is (fetch would normalise it). */
    const get = (target: string): Promise<{ status: number; type: string; text: string }> =>
      new Promise((resolve, reject) => {
        http
          .get(`${base}/`, { path: target }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', text }),
            );
          })
          .on('error', reject);
      });
    const cases: [string, number, string][] = [
      ['/page/main.js%00.css', 400, 'Bad path'],
      ['/page/%E0%A4%A', 400, 'Malformed URL'],
      ['/api/run/%E0%A4%A', 400, 'Malformed URL'],
      ['/page/..%2fsecret.txt', 400, 'Bad path'],
      ['/page/%2e%2e/secret.txt', 400, 'Bad path'],
      ['/page/../secret.txt', 400, 'Bad path'],
      ['/page/..%5csecret.txt', 400, 'Bad path'],
      ['/page/..\\secret.txt', 400, 'Bad path'],
      ['/page/main.js%0a', 400, 'Bad path'],
      ['/page/main.js/x', 404, 'Not found'],
      [`/page/${'a'.repeat(300)}.js`, 404, 'Not found'],
      [`/page/${'a/'.repeat(600)}`, 404, 'Not found'],
      [`/page/${'a'.repeat(5000)}`, 414, 'Request target too long'],
      ['//', 404, 'Not found'],
      ['http://x:99999/', 400, 'Bad request target'],
      ['/page/%3F', 404, 'Not found'],
    ];
    for (const [target, status, error] of cases) {
      const res = await get(target);
      expect({ target, status: res.status, type: res.type, body: JSON.parse(res.text) as unknown }).toEqual({
        target,
        status,
        type: 'application/json; charset=utf-8',
        body: { ok: false, error },
      });
      expect(res.text).not.toContain(tmp);
    }
    // A query string is not part of the file name.
    expect(await get('/page/main.js?v=1')).toMatchObject({ status: 200, text: 'console.log(1);' });
  });

  it('refuses cross-origin POSTs', async () => {
    const res = await fetch(base + '/api/run/write', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'http://evil.example' },
      body: '[]',
    });
    expect(res.status).toBe(403);
  });

  it('saves after an execution; GET /api/workbook shows the write; reset empties it', async () => {
    expect(fs.existsSync(workbookFile)).toBe(false);
    const run = await post('/api/run/write', []);
    expect(run.json.ok).toBe(true);
    expect(run.json.calls).toBeGreaterThan(0);
    expect(fs.existsSync(workbookFile)).toBe(true);
    expect(loadWorkbook(workbookFile).sheets[0].rows[0][0]?.value).toBe('x');

    const { status, json } = await getJson('/api/workbook');
    expect(status).toBe(200);
    expect(json.name).toBe('Uji HTTP');
    expect(json.timeZone).toBeDefined();
    expect(typeof json.activeSheetId).toBe('number');
    const sheets = json.sheets as SheetOut[];
    expect(sheets[0].rows[0][0]?.value).toBe('x');
    expect(sheets[0].totalRows).toBe(1);
    expect(Object.keys(sheets[0])).toEqual(
      expect.arrayContaining([
        'merges',
        'protections',
        'validations',
        'charts',
        'conditionalRules',
        'frozenRows',
        'frozenColumns',
        'columnWidths',
      ]),
    );

    const reset = await post('/api/reset', {});
    expect(reset.status).toBe(200);
    expect(reset.json.name).toBe('Spreadsheet tanpa judul');
    const after = await getJson('/api/workbook');
    expect((after.json.sheets as SheetOut[])[0].rows).toEqual([]);
    expect(loadWorkbook(workbookFile).sheets[0].rows).toEqual([]);
    // the new workbench still runs the add-in
    expect((await post('/api/run/hello', ['lagi'])).json.value).toBe('Halo lagi');
  });

  it('windows the rows of a big sheet', async () => {
    expect((await post('/api/run/writeMany', [])).json.ok).toBe(true);
    const { json } = await getJson('/api/workbook?sheet=Sheet1&offset=500&limit=300');
    const sheets = json.sheets as SheetOut[];
    expect(sheets).toHaveLength(1);
    expect(sheets[0].rows).toHaveLength(300);
    expect(sheets[0].rowOffset).toBe(500);
    expect(sheets[0].totalRows).toBe(900);
    expect(sheets[0].rows[0][0]?.value).toBe('r501');
    expect(json.sheetList).toEqual([expect.objectContaining({ name: 'Sheet1', totalRows: 900 })]);
    const last = await getJson('/api/workbook?offset=500');
    expect((last.json.sheets as SheetOut[])[0].rows).toHaveLength(400);
    expect((await getJson('/api/workbook?sheet=Tidak%20ada')).status).toBe(404);
    expect((await getJson('/api/workbook?sheet=Sheet1&limit=0')).status).toBe(400);
  });

  it('keeps cell text such as HTML as plain JSON strings', async () => {
    await post('/api/run/writeHtml', []);
    const { json } = await getJson('/api/workbook');
    expect((json.sheets as SheetOut[])[0].rows[1][1]?.value).toBe('<img src=x onerror="alert(1)">');
  });

  it('serves an opened sidebar at /sidebar/<id> with the shim as the first script', async () => {
    const { json } = await post('/api/run/showSidebar', []);
    expect(json.ok).toBe(true);
    const ev = json.ui.find((e) => e.kind === 'sidebar') as
      { id: string; url: string; title: string } | undefined;
    expect(ev?.title).toBe('Panel SOP');
    expect(ev?.url).toBe(`/sidebar/${ev?.id}`);
    const res = await fetch(base + ev!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    const shimAt = html.indexOf('<script>(function () {');
    expect(shimAt).toBeGreaterThan(html.indexOf('<head>'));
    expect(shimAt).toBeLessThan(html.indexOf('<base'));
    expect(html.indexOf('window.firstScript')).toBeGreaterThan(shimAt);
    expect((await fetch(base + '/sidebar/999999')).status).toBe(404);
  });

  it('returns needsInput without saving, then runs with the answers', async () => {
    const first = await post('/api/run/ask', []);
    expect(first.json.needsInput).toMatchObject({
      kind: 'prompt',
      title: 'Nama kegiatan',
      buttons: 'OK_CANCEL',
    });
    expect(fs.existsSync(workbookFile)).toBe(false);
    const second = await post('/api/run/ask', { args: [], answers: [{ button: 'OK', text: 'Rapat PUG' }] });
    expect(second.json).toMatchObject({ ok: true, value: 'oke Rapat PUG' });
    expect(second.json.needsInput).toBeUndefined();
    expect(loadWorkbook(workbookFile).sheets[0].rows[0][2]?.value).toBe('Rapat PUG');
  });

  it('GET /api/export.xlsx sends the bytes as an attachment named after the workbook', async () => {
    await post('/api/run/write', []);
    const res = await fetch(base + '/api/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="Uji HTTP.xlsx"');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('PK fake xlsx');
    expect(exported[0].sheets[0].rows[0][0]?.value).toBe('x');
  });

  it('serialises executions', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post('/api/run/hello', [i])));
    expect(results.map((r) => r.json.value)).toEqual(Array.from({ length: 8 }, (_, i) => `Halo ${i}`));
  });
});

describe('a person over HTTP: POST /api/edit and POST /api/sheets', () => {
  function savedSheet(name: string): WorkbookState['sheets'][number] {
    const sheet = loadWorkbook(workbookFile).sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name} in the saved workbook`);
    return sheet;
  }
  const savedNames = (): string[] => loadWorkbook(workbookFile).sheets.map((s) => s.name);

  it('types strings as a person would: formula, quote prefix, number, date, text', async () => {
    const { status, json } = await post('/api/edit', {
      sheet: 'Sheet1',
      range: 'A1:E1',
      values: [['=SUM(1)', "'007", '007', '2024-04-15', 'Siti Rahayu']],
    });
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true });
    const [formula, quoted, number, date, name] = savedSheet('Sheet1').rows[0];
    expect(formula).toMatchObject({ value: '', formula: '=SUM(1)' });
    expect(quoted?.value).toBe('007');
    expect(number?.value).toBe(7);
    expect(date?.value).toEqual(new Date('2024-04-14T17:00:00.000Z')); // midnight in Asia/Jakarta
    expect(date?.format?.numberFormat).toBe('yyyy-mm-dd');
    expect(name?.value).toBe('Siti Rahayu');
    // "" clears a cell, like Delete
    expect((await post('/api/edit', { sheet: 'Sheet1', range: 'E1', values: [['']] })).json.ok).toBe(true);
    expect(savedSheet('Sheet1').rows[0][4] ?? null).toBeNull();
  });

  it('keeps text in a column formatted as plain text ("@")', async () => {
    expect((await post('/api/run/plainTextColumn', [])).json.ok).toBe(true);
    const { json } = await post('/api/edit', {
      sheet: 'Sheet1',
      range: 'B2:C3',
      values: [
        ['007', '007'],
        ['2024-04-15', '2024-04-15'],
      ],
    });
    expect(json.ok).toBe(true);
    const rows = savedSheet('Sheet1').rows;
    expect([rows[1][1]?.value, rows[1][2]?.value]).toEqual([7, '007']);
    expect(rows[2][1]?.value).toBeInstanceOf(Date);
    expect(rows[2][2]).toMatchObject({ value: '2024-04-15', format: { numberFormat: '@' } });
  });

  it('refuses a size mismatch, an unknown sheet, a bad range, and changes nothing', async () => {
    const rows = await post('/api/edit', { sheet: 'Sheet1', range: 'A1:B2', values: [['a', 'b']] });
    expect(rows.status).toBe(400);
    expect(rows.json).toEqual({
      ok: false,
      error:
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    });
    const cols = await post('/api/edit', { sheet: 'Sheet1', range: 'A1:C1', values: [['a', 'b']] });
    expect(cols.status).toBe(400);
    expect(cols.json.error).toMatch(/number of columns in the data does not match/);
    const unknown = await post('/api/edit', { sheet: 'Tidak ada', range: 'A1', values: [['x']] });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ ok: false, error: 'No sheet named "Tidak ada"' });
    const outside = await post('/api/edit', { sheet: 'Sheet1', range: 'A1001', values: [['x']] });
    expect(outside.status).toBe(400);
    expect(outside.json.error).toBe('Range not found');
    expect((await post('/api/edit', { sheet: 'Sheet1', range: 'Sheet1!A1', values: [['x']] })).status).toBe(
      400,
    );
    expect(fs.existsSync(workbookFile)).toBe(false);
    expect(((await getJson('/api/workbook')).json.sheets as SheetOut[])[0].rows).toEqual([]);
  });

  it('validates the bodies strictly; bad JSON is 400 with a message, never a stack or a path', async () => {
    const bad = await post('/api/edit', undefined, '{"sheet": "Sheet1",');
    expect(bad.status).toBe(400);
    expect(bad.json.ok).toBe(false);
    expect(bad.json.error).toMatch(/^Bad JSON body: /);
    const cases: unknown[] = [
      [],
      'x',
      null,
      {},
      { sheet: 'Sheet1', range: 'A1' },
      { sheet: 1, range: 'A1', values: [['x']] },
      { sheet: '', range: 'A1', values: [['x']] },
      { sheet: 'Sheet1', range: 'A1', values: [] },
      { sheet: 'Sheet1', range: 'A1', values: ['x'] },
      { sheet: 'Sheet1', range: 'A1', values: [[]] },
      { sheet: 'Sheet1', range: 'A1', values: [[7]] },
      { sheet: 'Sheet1', range: 'A1', values: [[null]] },
      { sheet: 'Sheet1', range: 'A1:B2', values: [['a', 'b'], ['c']] },
      { sheet: 'Sheet1', range: 'A1', values: [['x']], extra: true },
    ];
    for (const body of cases) {
      const r = await post('/api/edit', body);
      expect({ body, status: r.status, ok: r.json.ok }).toEqual({ body, status: 400, ok: false });
      expect(typeof r.json.error).toBe('string');
    }
    const sheetCases: unknown[] = [
      {},
      { op: 'copy', name: 'A' },
      { op: 'add' },
      { op: 'add', name: 3 },
      { op: 'add', name: 'A', newName: 'B' },
      { op: 'rename', name: 'Sheet1' },
      { op: 'rename', name: '', newName: 'B' },
      { op: 'delete', name: 'Sheet1', force: true },
    ];
    for (const body of sheetCases) {
      const r = await post('/api/sheets', body);
      expect({ body, status: r.status, ok: r.json.ok }).toEqual({ body, status: 400, ok: false });
    }
    const noJson = await post('/api/sheets', undefined, 'add Sheet2');
    expect(noJson.status).toBe(400);
    expect(noJson.json.error).toMatch(/^Bad JSON body: /);
    for (const r of [bad, noJson]) expect(JSON.stringify(r.json)).not.toMatch(/\n\s+at |\/tmp|\/work/);
    expect((await post('/api/sheets', undefined, '')).status).toBe(400);
    expect((await fetch(base + '/api/edit')).status).toBe(405);
    expect((await fetch(base + '/api/sheets')).status).toBe(405);
    expect(fs.existsSync(workbookFile)).toBe(false);
  });

  it('adds at the end, renames and deletes tabs, saving after each; refuses like Sheets', async () => {
    expect((await post('/api/sheets', { op: 'add', name: 'Langkah' })).json).toEqual({ ok: true });
    expect(savedNames()).toEqual(['Sheet1', 'Langkah']);
    expect((await post('/api/sheets', { op: 'add', name: 'Riwayat' })).json.ok).toBe(true);
    expect(savedNames()).toEqual(['Sheet1', 'Langkah', 'Riwayat']);
    expect(loadWorkbook(workbookFile).activeSheetId).toBe(savedSheet('Riwayat').sheetId);

    const dup = await post('/api/sheets', { op: 'add', name: 'langkah' });
    expect(dup.status).toBe(400);
    expect(dup.json).toEqual({
      ok: false,
      error: 'A sheet with the name "langkah" already exists. Please enter another name.',
    });
    const empty = await post('/api/sheets', { op: 'add', name: '' });
    expect(empty.status).toBe(400);
    expect(empty.json.error).toBe('Sheet names cannot be empty.');

    expect(
      (await post('/api/sheets', { op: 'rename', name: 'Sheet1', newName: 'Data Peserta' })).json.ok,
    ).toBe(true);
    expect(savedNames()).toEqual(['Data Peserta', 'Langkah', 'Riwayat']);
    const taken = await post('/api/sheets', { op: 'rename', name: 'Langkah', newName: 'Riwayat' });
    expect(taken.status).toBe(400);
    expect(taken.json.error).toBe(
      'A sheet with the name "Riwayat" already exists. Please enter another name.',
    );
    const missing = await post('/api/sheets', { op: 'rename', name: 'Sheet1', newName: 'X' });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toBe('No sheet named "Sheet1"');

    expect((await post('/api/sheets', { op: 'delete', name: 'Langkah' })).json.ok).toBe(true);
    expect(savedNames()).toEqual(['Data Peserta', 'Riwayat']);
    expect((await post('/api/sheets', { op: 'delete', name: 'Langkah' })).status).toBe(404);
    expect((await post('/api/sheets', { op: 'delete', name: 'Riwayat' })).json.ok).toBe(true);
    const last = await post('/api/sheets', { op: 'delete', name: 'Data Peserta' });
    expect(last.status).toBe(400);
    expect(last.json).toEqual({ ok: false, error: "You can't remove all the sheets in a document." });
    expect(savedNames()).toEqual(['Data Peserta']);
    // the add-in sees the person's tabs
    expect((await post('/api/run/sheetNames', [])).json.value).toEqual(['Data Peserta']);
  });

  it("applies the emulation's limits to the person too (10 million cells per spreadsheet)", async () => {
    server.workbench.state.sheets[0].maxRows = 384_000; // × 26 columns = 9,984,000 cells
    const r = await post('/api/sheets', { op: 'add', name: 'Satu lagi' });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(server.workbench.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('answers a failed save with 500 and no file path', async () => {
    const failing = createWorkbenchServer({
      workbench: makeWorkbench(newWorkbookState()),
      pageDir,
      save: () => {
        throw new Error(`Cannot save workbook file ${path.join(tmp, 'x.json')}: EACCES`);
      },
      reset: () => makeWorkbench(newWorkbookState()),
      exportXlsx: async () => Buffer.alloc(0),
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/api/sheets`, {
        method: 'POST',
        body: JSON.stringify({ op: 'add', name: 'Baru' }),
      });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        ok: false,
        error: 'Workbench: the change was made but the workbook file could not be saved',
      });
      expect(text).not.toContain(tmp);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('EACCES'));
    } finally {
      errors.mockRestore();
      failing.closeAllConnections();
      await new Promise((resolve) => failing.close(resolve));
    }
  });

  it('Workbench.actAsPerson: no add-in lock needed, and a throw rolls every change back', () => {
    const workbench = server.workbench as Workbench;
    workbench.requireDocumentLockFor(['Sheet1']);
    workbench.actAsPerson((app) => app.getActiveSheet().getRange('A1').setValue('oleh orang'));
    expect(workbench.state.sheets[0].rows[0][0]?.value).toBe('oleh orang');
    expect(() =>
      workbench.actAsPerson((app) => {
        app.getActiveSheet().getRange('A1').setValue('batal');
        app.getActiveSpreadsheet().insertSheet('Sementara');
        throw new Error('gagal di tengah');
      }),
    ).toThrow('gagal di tengah');
    expect(workbench.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(workbench.state.sheets[0].rows[0][0]?.value).toBe('oleh orang');
    expect(workbench.state.activeSheetId).toBe(0);
    // the add-in itself still needs the lock
    expect(workbench.run('write').error).toMatch(/without the document lock/);
  });

  it('a person renames Riwayat and edits Langkah, then the add-in rebuilds the progress', async () => {
    // The real add-in bundle, with its progress sheets guarded by the document lock: the
    // person's edits are not the add-in's and need no lock.
    const workbench = new Workbench({ state: newWorkbookState('Uji progres'), distDir: DIST });
    workbench.requireDocumentLockFor(['Kegiatan', 'Langkah', 'Riwayat']);
    const file = path.join(tmp, 'state', 'progress.json');
    const real = createWorkbenchServer({
      workbench,
      pageDir,
      save: (s) => saveWorkbook(file, s),
      reset: () => workbench,
      exportXlsx: async () => Buffer.alloc(0),
    });
    await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(real.address() as AddressInfo).port}`;
    const call = async (url: string, body: unknown): Promise<{ status: number; json: Result }> => {
      const res = await fetch(at + url, { method: 'POST', body: JSON.stringify(body) });
      return { status: res.status, json: fromJsonText(await res.text()) as Result };
    };
    try {
      const created = await call('/api/run/createActivity', [
        { name: 'Rapat Koordinasi PUG 2026', templateId: 'builtin:penguatan-pug', plannedDate: '2026-11-24' },
      ]);
      expect(created.json.error).toBeUndefined();
      expect(created.json.ok).toBe(true);

      const renamed = await call('/api/sheets', { op: 'rename', name: 'Riwayat', newName: 'Riwayat lama' });
      expect(renamed).toEqual({ status: 200, json: { ok: true } });
      const edited = await call('/api/edit', { sheet: 'Langkah', range: 'A2', values: [['diubah tangan']] });
      expect(edited).toEqual({ status: 200, json: { ok: true } });
      const saved = loadWorkbook(file);
      expect(saved.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Riwayat lama', 'Langkah']));
      expect(saved.sheets.map((s) => s.name)).not.toContain('Riwayat');
      expect(saved.sheets.find((s) => s.name === 'Langkah')?.rows[1][0]?.value).toBe('diubah tangan');

      const rebuilt = await call('/api/run/menuRebuildProgress', []);
      expect(rebuilt.status).toBe(200);
      expect(typeof rebuilt.json.ok).toBe('boolean');
      expect(Array.isArray(rebuilt.json.ui)).toBe(true);
    } finally {
      real.closeAllConnections();
      await new Promise((resolve) => real.close(resolve));
    }
  });
});

describe('sidebar shim', () => {
  it('injects after <head>, else after the doctype, else at the top', () => {
    expect(injectShim('<html><head><title>t</title></head></html>')).toMatch(
      /^<html><head><script>\(function/,
    );
    expect(injectShim('<!DOCTYPE html><header>x</header>')).toMatch(/^<!DOCTYPE html><script>/);
    expect(injectShim('<p>x</p>')).toMatch(/^<script>/);
    expect(SIDEBAR_SHIM_JS).not.toMatch(/<\/script/i);
  });

  /** Loads the shim in a bare VM "window" whose fetch goes to the test server. */
  function loadShim(): {
    google: { script: { run: Record<string, (...a: unknown[]) => unknown>; host: { close(): void } } };
    posted: unknown[];
    errors: unknown[];
    deliver: (data: unknown) => void;
  } {
    const posted: unknown[] = [];
    const errors: unknown[] = [];
    const listeners: ((ev: unknown) => void)[] = [];
    const parent = { postMessage: (m: unknown) => posted.push(m) };
    const win: Record<string, unknown> = {
      parent,
      location: { origin: base },
      addEventListener: (type: string, fn: (ev: unknown) => void) => {
        if (type === 'message') listeners.push(fn);
      },
      fetch: (url: string, init: RequestInit) => fetch(base + url, init),
      console: { error: (e: unknown) => errors.push(e), log: () => undefined },
    };
    win.window = win;
    vm.runInContext(SIDEBAR_SHIM_JS, vm.createContext(win));
    const deliver = (data: unknown): void => listeners.forEach((fn) => fn({ data, source: parent }));
    return { google: win.google as never, posted, errors, deliver };
  }

  it('calls any function with chained handlers, user object, and notifies the parent', async () => {
    const { google, posted } = loadShim();
    const value = await new Promise((resolve, reject) => {
      const run = google.script.run as unknown as {
        withSuccessHandler(f: unknown): {
          withFailureHandler(f: unknown): { withUserObject(o: unknown): { hello(n: string): void } };
        };
      };
      run
        .withSuccessHandler((v: unknown, user: unknown) => resolve([v, user]))
        .withFailureHandler(reject)
        .withUserObject({ row: 3 })
        .hello('Ani');
    });
    expect(value).toEqual(['Halo Ani', { row: 3 }]);
    expect(posted).toEqual([
      { type: 'workbench:running', functionName: 'hello' },
      expect.objectContaining({ type: 'workbench:executed', functionName: 'hello' }),
    ]);
  });

  it('passes an Error with the server message to the failure handler, or logs it', async () => {
    const { google, errors } = loadShim();
    const run = google.script.run as unknown as {
      withFailureHandler(f: unknown): { withUserObject(o: unknown): { fail(): void } };
      fail(): void;
    };
    const [err, user] = await new Promise<[Error, unknown]>((resolve) => {
      run
        .withFailureHandler((e: Error, u: unknown) => resolve([e, u]))
        .withUserObject('u')
        .fail();
    });
    expect(err.message).toContain('Rusak: 42');
    expect(user).toBe('u');
    run.fail();
    await new Promise((r) => setTimeout(r, 300));
    expect(errors).toHaveLength(1);
  });

  it('keeps each runner independent and refuses Dates and functions as arguments', () => {
    const { google } = loadShim();
    const run = google.script.run as unknown as Record<string, (...a: unknown[]) => Record<string, unknown>>;
    const withHandler = run.withSuccessHandler(() => undefined);
    expect(withHandler).not.toBe(run);
    expect((run as Record<string, unknown>).then).toBeUndefined();
    expect(() => run.hello(new Date())).toThrow(/illegal value in property: 0/);
    expect(() => run.hello({ a: () => 1 })).toThrow(/illegal value in property: 0.a/);
  });

  it('asks the parent for needsInput answers and re-runs with them', async () => {
    const { google, posted, deliver } = loadShim();
    const done = new Promise((resolve) => {
      (google.script.run as unknown as { withSuccessHandler(f: unknown): { ask(): void } })
        .withSuccessHandler(resolve)
        .ask();
    });
    for (let i = 0; i < 100 && posted.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(posted[0]).toEqual({ type: 'workbench:running', functionName: 'ask' });
    const q = posted[1] as { type: string; requestId: string; needsInput: { kind: string; title: string } };
    expect(q).toMatchObject({
      type: 'workbench:needsInput',
      needsInput: { kind: 'prompt', title: 'Nama kegiatan' },
    });
    deliver({
      type: 'workbench:answer',
      requestId: q.requestId,
      answer: { button: 'OK', text: 'Sosialisasi' },
    });
    expect(await done).toBe('oke Sosialisasi');
    expect(posted[2]).toMatchObject({
      type: 'workbench:executed',
      functionName: 'ask',
      answered: [{ kind: 'prompt' }],
    });
    expect(loadWorkbook(workbookFile).sheets[0].rows[0][2]?.value).toBe('Sosialisasi');
  });
});

describe('page sources', () => {
  it('never put workbook text into innerHTML/outerHTML/insertAdjacentHTML/document.write', () => {
    const dir = path.join(__dirname, '../../src/workbench/page');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      expect({
        file: f,
        hit: /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.exec(src)?.[0] ?? null,
      }).toEqual({
        file: f,
        hit: null,
      });
    }
  });
});
