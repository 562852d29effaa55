/** The person's side of the HTTP API beyond typing: undo, tabs, backups of a reset, CSV import. */
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { createWorkbenchServer, type WorkbenchServer } from '../../src/workbench/server/http';
import { backupPath, fileBackup } from '../../src/workbench/server/backup';
import { fromJsonText, loadWorkbook, saveWorkbook } from '../../src/workbench/server/persistence';
import ExcelJS from 'exceljs';

const CODE = `
function onOpen() {}
function write() { SpreadsheetApp.getActiveSheet().getRange(1, 1).setValue('skrip'); }
function activeName() { return SpreadsheetApp.getActiveSheet().getName(); }
`;

let tmp: string;
let distDir: string;
let workbookFile: string;
let server: WorkbenchServer;
let base: string;

function makeWorkbench(state: WorkbookState): Workbench {
  return new Workbench({ state, distDir, userEmail: 'staf@example.go.id' });
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-person-'));
  distDir = path.join(tmp, 'dist');
  fs.mkdirSync(distDir);
  fs.writeFileSync(path.join(distDir, 'Code.js'), CODE);
  fs.writeFileSync(
    path.join(distDir, 'appsscript.json'),
    JSON.stringify({
      timeZone: 'Asia/Jakarta',
      runtimeVersion: 'V8',
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    }),
  );
  workbookFile = path.join(tmp, 'state', 'workbook.json');
});

beforeEach(async () => {
  server = createWorkbenchServer({
    workbench: makeWorkbench(newWorkbookState('Uji Orang')),
    pageDir: tmp,
    save: (s) => saveWorkbook(workbookFile, s),
    reset: () => makeWorkbench(newWorkbookState()),
    exportXlsx: () => Promise.resolve(Buffer.from('')),
    backup: { store: fileBackup(workbookFile), open: makeWorkbench },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(path.dirname(workbookFile), { recursive: true, force: true });
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function post(
  url: string,
  body?: unknown,
  raw?: string | Buffer,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(base + url, {
    method: 'POST',
    headers: { 'Content-Type': raw === undefined ? 'application/json' : 'text/csv' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: res.status, json: fromJsonText(await res.text()) as Record<string, unknown> };
}

const saved = (): WorkbookState => loadWorkbook(workbookFile);
const savedSheet = (name: string) => {
  const sheet = saved().sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

describe('POST /api/undo', () => {
  it('puts back what the last edits replaced, value and format, newest first', async () => {
    await post('/api/edit', { sheet: 'Sheet1', range: 'A1:B1', values: [['Ani', '3,5']] });
    await post('/api/edit', { sheet: 'Sheet1', range: 'A1:B1', values: [['2024-04-15', '']] });
    expect(savedSheet('Sheet1').rows[0][0]?.format?.numberFormat).toBe('yyyy-mm-dd');

    const undone = await post('/api/undo', {});
    expect(undone).toEqual({ status: 200, json: { ok: true, sheet: 'Sheet1', range: 'A1:B1' } });
    const [a1, b1] = savedSheet('Sheet1').rows[0];
    expect(a1).toEqual({ value: 'Ani' }); // the date format typing added is gone too
    expect(b1?.value).toBe(3.5);

    expect((await post('/api/undo', {})).status).toBe(200);
    expect(savedSheet('Sheet1').rows[0].filter(Boolean)).toEqual([]);
    const nothing = await post('/api/undo', {});
    expect(nothing.status).toBe(409);
    expect(nothing.json.error).toBe('Tidak ada yang bisa diurungkan');
  });

  it('a refused edit leaves nothing to undo; an execution or a tab change clears the history', async () => {
    expect((await post('/api/edit', { sheet: 'Sheet1', range: 'A1:B1', values: [['x']] })).status).toBe(400);
    expect((await post('/api/undo', {})).status).toBe(409);

    await post('/api/edit', { sheet: 'Sheet1', range: 'B2', values: [['1']] });
    expect((await post('/api/run/write', { args: [] })).json.ok).toBe(true);
    expect((await post('/api/undo', {})).status).toBe(409);

    await post('/api/edit', { sheet: 'Sheet1', range: 'B2', values: [['2']] });
    await post('/api/sheets', { op: 'add', name: 'Lain' });
    expect((await post('/api/undo', {})).status).toBe(409);
    expect(savedSheet('Sheet1').rows[1][1]?.value).toBe(2);
    expect((await fetch(base + '/api/undo')).status).toBe(405);
  });
});

describe('POST /api/sheets: activate', () => {
  it('makes the sheet the one getActiveSheet answers, and keeps the undo history', async () => {
    await post('/api/sheets', { op: 'add', name: 'Kedua' });
    await post('/api/edit', { sheet: 'Kedua', range: 'A1', values: [['x']] });
    expect((await post('/api/sheets', { op: 'activate', name: 'Sheet1' })).json).toEqual({ ok: true });
    expect(saved().activeSheetId).toBe(0);
    expect((await post('/api/undo', {})).status).toBe(200);
    expect((await post('/api/run/activeName', { args: [] })).json.value).toBe('Sheet1');
    expect((await post('/api/sheets', { op: 'activate', name: 'Tidak ada' })).status).toBe(404);
    expect((await post('/api/sheets', { op: 'activate', name: 'Kedua', newName: 'x' })).status).toBe(400);
  });
});

describe('POST /api/sheets: duplicate and move', () => {
  it('duplicates a tab right after it, as "Salinan <name>", with its cells, formats and protections', async () => {
    await post('/api/sheets', { op: 'add', name: 'Akhir' });
    await post('/api/edit', { sheet: 'Sheet1', range: 'A1:B1', values: [['Ani', '2024-04-15']] });
    const wb = server.workbench.state;
    wb.sheets[0].protections.push({
      id: 'protection-x',
      type: 'SHEET',
      description: 'SOP',
      warningOnly: true,
      editors: [],
    });
    expect((await post('/api/sheets', { op: 'duplicate', name: 'Sheet1' })).json).toEqual({ ok: true });
    expect((await post('/api/sheets', { op: 'duplicate', name: 'Sheet1' })).json).toEqual({ ok: true });
    expect(saved().sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'Salinan Sheet1 2',
      'Salinan Sheet1',
      'Akhir',
    ]);
    const copy = savedSheet('Salinan Sheet1');
    expect(copy.rows[0][0]).toEqual({ value: 'Ani' });
    expect(copy.rows[0][1]?.format?.numberFormat).toBe('yyyy-mm-dd');
    expect(copy.protections).toHaveLength(1);
    expect(copy.protections[0].id).not.toBe('protection-x');
    expect(copy.sheetId).not.toBe(savedSheet('Sheet1').sheetId);
    expect(saved().activeSheetId).toBe(savedSheet('Salinan Sheet1 2').sheetId);
    // the copy is its own: editing it leaves the original alone
    await post('/api/edit', { sheet: 'Salinan Sheet1', range: 'A1', values: [['Budi']] });
    expect(savedSheet('Sheet1').rows[0][0]?.value).toBe('Ani');

    expect((await post('/api/sheets', { op: 'duplicate', name: 'Sheet1', newName: 'Akhir' })).status).toBe(
      400,
    );
    expect((await post('/api/sheets', { op: 'duplicate', name: 'Tidak ada' })).status).toBe(404);
  });

  it('moves a tab to a 0-based position; refuses a bad index', async () => {
    await post('/api/sheets', { op: 'add', name: 'B' });
    await post('/api/sheets', { op: 'add', name: 'C' });
    expect((await post('/api/sheets', { op: 'move', name: 'C', index: 0 })).json).toEqual({ ok: true });
    expect(saved().sheets.map((s) => s.name)).toEqual(['C', 'Sheet1', 'B']);
    expect((await post('/api/sheets', { op: 'move', name: 'C', index: 99 })).json.ok).toBe(true);
    expect(saved().sheets.map((s) => s.name)).toEqual(['Sheet1', 'B', 'C']);
    expect((await post('/api/sheets', { op: 'move', name: 'C', index: -1 })).status).toBe(400);
    expect((await post('/api/sheets', { op: 'move', name: 'C', index: '1' })).status).toBe(400);
    expect((await post('/api/sheets', { op: 'move', name: 'C' })).status).toBe(400);
    expect((await post('/api/sheets', { op: 'add', name: 'D', index: 1 })).status).toBe(400);
  });
});

describe('reset with a backup: POST /api/reset, GET /api/backup, POST /api/restore', () => {
  it('keeps the replaced workbook next to the file; restore swaps them back', async () => {
    await post('/api/sheets', { op: 'add', name: 'Peserta' });
    await post('/api/edit', { sheet: 'Peserta', range: 'A1', values: [['Siti']] });
    const none = await (await fetch(base + '/api/backup')).json();
    expect(none).toEqual({ ok: true, backup: null });
    expect((await post('/api/restore', {})).status).toBe(409);

    expect((await post('/api/reset', {})).status).toBe(200);
    expect(saved().sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(fs.existsSync(backupPath(workbookFile))).toBe(true);
    expect(path.basename(backupPath(workbookFile))).toBe('workbook.backup.json');
    const info = (await (await fetch(base + '/api/backup')).json()) as { backup: Record<string, unknown> };
    expect(info.backup).toEqual({
      name: 'Uji Orang',
      sheets: ['Sheet1', 'Peserta'],
      savedAt: expect.any(String),
    });

    const restored = await post('/api/restore', {});
    expect(restored.status).toBe(200);
    expect(restored.json.name).toBe('Uji Orang');
    expect(savedSheet('Peserta').rows[0][0]?.value).toBe('Siti');
    expect(server.workbench.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Peserta']);
    // the empty workbook it replaced is now the backup: nothing is lost either way
    const swapped = (await (await fetch(base + '/api/backup')).json()) as { backup: { sheets: string[] } };
    expect(swapped.backup.sheets).toEqual(['Sheet1']);
    expect((await fetch(base + '/api/restore')).status).toBe(405);
    expect((await post('/api/backup', {})).status).toBe(405);
  });

  it('resets nothing when the backup cannot be written', async () => {
    await post('/api/sheets', { op: 'add', name: 'Tetap' });
    fs.mkdirSync(backupPath(workbookFile), { recursive: true }); // a folder where the file should go
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await post('/api/reset', {});
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('backup'));
    logged.mockRestore();
    expect(r.status).toBe(500);
    expect(r.json.error).toBe('Workbench: the backup could not be saved; nothing was reset');
    expect(server.workbench.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Tetap']);
    fs.rmSync(backupPath(workbookFile), { recursive: true, force: true });
  });
});

describe('POST /api/import?name=<sheet>: a CSV into a new sheet', () => {
  it('detects ";" and a BOM, types every field (locale id_ID), pads short rows, activates the sheet', async () => {
    const csv = '\uFEFFNama;Umur;Tanggal;Catatan\r\nSiti;34;15/4/2024;"a; b"\r\nBudi;2,5\r\n\r\n';
    const r = await post('/api/import?name=Peserta%20impor', undefined, Buffer.from(csv, 'utf8'));
    expect(r).toEqual({
      status: 200,
      json: {
        ok: true,
        sheet: 'Peserta impor',
        sheets: ['Peserta impor'],
        rows: 3,
        columns: 4,
        delimiter: ';',
        encoding: 'UTF-8',
      },
    });
    const sheet = savedSheet('Peserta impor');
    expect(sheet.rows[0].map((c) => c?.value)).toEqual(['Nama', 'Umur', 'Tanggal', 'Catatan']);
    expect(sheet.rows[1][1]?.value).toBe(34);
    expect(sheet.rows[1][2]?.value).toEqual(new Date('2024-04-14T17:00:00.000Z'));
    expect(sheet.rows[1][3]?.value).toBe('a; b');
    expect(sheet.rows[2][1]?.value).toBe(2.5);
    expect(sheet.rows[2][3] ?? null).toBeNull();
    expect(saved().activeSheetId).toBe(sheet.sheetId);
    expect(saved().sheets.map((s) => s.name)).toEqual(['Sheet1', 'Peserta impor']);
  });

  it('reads "," without a BOM, grows the sheet for wide data, and refuses what Sheets refuses', async () => {
    const wide = Array.from({ length: 30 }, (_, i) => `k${i + 1}`).join(',');
    const r = await post('/api/import?name=Lebar', undefined, `${wide}\n'007,=SUM(1)\n`);
    expect(r.json).toMatchObject({ ok: true, rows: 2, columns: 30, delimiter: ',' });
    const sheet = savedSheet('Lebar');
    expect(sheet.maxColumns).toBe(30);
    expect(sheet.rows[1][0]?.value).toBe('007');
    expect(sheet.rows[1][1]?.formula).toBe('=SUM(1)');

    const taken = await post('/api/import?name=lebar', undefined, 'a\n');
    expect(taken.status).toBe(400);
    expect(taken.json.error).toContain('already exists');
    expect((await post('/api/import', undefined, 'a\n')).status).toBe(400);
    const pdf = await post('/api/import?name=Z', undefined, Buffer.from('%PDF-1.4 …'));
    expect(pdf.status).toBe(400);
    expect(pdf.json.error).toMatch(/^Bukan CSV/);
    const zip = await post('/api/import?name=Z', undefined, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]));
    expect(zip.status).toBe(400);
    expect(zip.json.error).toMatch(/^XLSX tidak dapat dibaca/);
    expect(saved().sheets.map((s) => s.name)).toEqual(['Sheet1', 'Lebar']);
    const empty = await post('/api/import?name=Kosong', undefined, '');
    expect(empty.json).toMatchObject({ ok: true, rows: 0, columns: 0 });
    expect((await fetch(base + '/api/import?name=x')).status).toBe(405);
  });
});

describe('POST /api/import?name=<sheet>: an .xlsx', () => {
  it('imports every worksheet with its values typed as they are (text stays text)', async () => {
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet('Peserta');
    first.addRow(['Nama', 'Umur', 'Lahir', 'Kode']);
    first.addRow(['Siti', 34, new Date(Date.UTC(1990, 4, 2)), '007']);
    book.addWorksheet('Catatan').addRow(['=bukan rumus', true]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const r = await post('/api/import?name=Data', undefined, bytes);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      ok: true,
      sheet: 'Data - Peserta',
      sheets: ['Data - Peserta', 'Data - Catatan'],
    });
    const peserta = savedSheet('Data - Peserta');
    expect(peserta.rows[1].map((c) => c?.value)).toEqual(['Siti', 34, new Date(Date.UTC(1990, 4, 2)), '007']);
    const catatan = savedSheet('Data - Catatan');
    expect(catatan.rows[0][0]).toMatchObject({ value: '=bukan rumus' });
    expect(catatan.rows[0][0]?.formula).toBeUndefined();
    expect(catatan.rows[0][1]?.value).toBe(true);
    expect(saved().activeSheetId).toBe(peserta.sheetId);

    const single = new ExcelJS.Workbook();
    single.addWorksheet('Satu').addRow(['x']);
    const one = await post(
      '/api/import?name=Tunggal',
      undefined,
      Buffer.from(await single.xlsx.writeBuffer()),
    );
    expect(one.json).toMatchObject({ ok: true, sheet: 'Tunggal', sheets: ['Tunggal'], rows: 1, columns: 1 });
  });
});
