import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeBench } from './services/harness';

const CODE = String.raw`
var runs = (typeof runs === 'number' ? runs : 0) + 1;
function writeFour() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Sheet1');
  sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4]]);
  return 'ok';
}
function badShape() {
  SpreadsheetApp.getActiveSheet().getRange(1, 1, 3, 1).setValues([[1], [2]]);
}
function throwsError() { throw new Error('Kegiatan tidak ditemukan'); }
function returnsDate() { return { when: new Date(), n: 1 }; }
function returnsPlain(x) { x.list.push(3); return { got: x, arr: [1, undefined, 'a'] }; }
function counter() { globalThis.hits = (globalThis.hits || 0) + 1; return [globalThis.hits, runs]; }
function onOpen(e) {
  var menu = SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Buka panel', 'showSidebar')
    .addSeparator()
    .addSubMenu(SpreadsheetApp.getUi().createMenu('Laporan').addItem('Buat laporan', 'makeReport'));
  menu.addToUi();
  return String(e.authMode);
}
function onOpenGreedy(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('x', 'y').addToUi();
  SpreadsheetApp.getActiveSpreadsheet();
}
function askThenWrite() {
  SpreadsheetApp.getActiveSheet().getRange('A1').setValue('sebelum');
  PropertiesService.getDocumentProperties().setProperty('k', 'v');
  SpreadsheetApp.getActiveSpreadsheet().insertSheet('Baru');
  var ui = SpreadsheetApp.getUi();
  var b = ui.alert('Hapus?', 'Hapus data kegiatan?', ui.ButtonSet.YES_NO);
  if (b === ui.Button.YES) SpreadsheetApp.getActiveSheet().getRange('A2').setValue('ya');
  var p = ui.prompt('Nama kegiatan', ui.ButtonSet.OK_CANCEL);
  return [String(b), String(p.getSelectedButton()), p.getResponseText()];
}
function swallowsInput() {
  try { SpreadsheetApp.getUi().prompt('x'); } catch (e) { return 'caught'; }
}
function okAlert() { return String(SpreadsheetApp.getUi().alert('Selesai')); }
function lockedWrite() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(3000)) return 'busy';
  SpreadsheetApp.getActiveSheet().appendRow(['x']);
  return 'written';
}
function unlockedWrite() { SpreadsheetApp.getActiveSheet().appendRow(['x']); }
function hasLock() { return LockService.getDocumentLock().hasLock(); }
function takeLock() { LockService.getDocumentLock().waitLock(100); return true; }
function realmChecks() {
  var s = SpreadsheetApp.getActiveSheet();
  s.getRange('A1').setValue(new Date(2024, 0, 5));
  var v = s.getRange('A1').getValue();
  var err;
  try { s.getRange(0, 1); } catch (e) { err = e; }
  return [v instanceof Date, err instanceof Error, err.name, err.message, Array.isArray(s.getRange('A1:B2').getValues())];
}
function sidebar() {
  var html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('SOP & Data Terpilah');
  SpreadsheetApp.getUi().showSidebar(html);
}
function missingHtml() { HtmlService.createHtmlOutputFromFile('Nope'); }
function logs() { Logger.log('a %s', 'b'); console.log('c', 1); }
`;

function bench() {
  return makeBench({ 'Code.js': CODE, 'Sidebar.html': '<p>Halo</p>' });
}

describe('Workbench.run', () => {
  test('counts service calls exactly', () => {
    const { wb, state } = bench();
    const res = wb.run('writeFour');
    expect(res).toMatchObject({ ok: true, value: 'ok', calls: 4 });
    expect(res.callsByMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
    });
    expect(state.sheets[0].rows[1][1]).toEqual({ value: 4 });
  });

  test('errors become ok:false with Apps Script’s message; unknown functions', () => {
    const { wb } = bench();
    expect(wb.run('badShape')).toMatchObject({
      ok: false,
      error:
        'Exception: The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    });
    expect(wb.run('throwsError').error).toBe('Error: Kegiatan tidak ditemukan');
    expect(wb.run('nope')).toMatchObject({ ok: false, error: 'Script function not found: nope' });
  });

  test("only the script's own top-level functions run: not inherited names, not the services", () => {
    const { wb } = bench();
    for (const name of [
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__proto__',
      'SpreadsheetApp',
      'eval',
      'Function',
    ])
      expect(wb.run(name)).toMatchObject({ ok: false, error: `Script function not found: ${name}` });
    expect(wb.run('writeFour')).toMatchObject({ ok: true, value: 'ok' });
  });

  test('google.script.run rules: Date in a return value gives null, args are copies, Date args fail', () => {
    const { wb } = bench();
    expect(wb.run('returnsDate')).toMatchObject({ ok: true, value: null });
    const arg = { list: [1, 2] };
    const res = wb.run('returnsPlain', [arg]);
    expect(res.value).toEqual({ got: { list: [1, 2, 3] }, arr: [1, null, 'a'] });
    expect(arg.list).toEqual([1, 2]);
    const bad = wb.run('returnsPlain', [{ when: new Date() }]);
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/Date/);
  });

  test('every execution gets fresh globals', () => {
    const { wb } = bench();
    expect(wb.run('counter').value).toEqual([1, 1]);
    expect(wb.run('counter').value).toEqual([1, 1]);
  });

  test('script realm: Dates and errors are the script’s own', () => {
    const { wb } = bench();
    expect(wb.run('realmChecks').value).toEqual([
      true,
      true,
      'Exception',
      'The starting row of the range is too small.',
      true,
    ]);
  });

  test('onOpen in AuthMode.NONE builds the menu; spreadsheet access is refused', () => {
    const { wb } = bench();
    const res = wb.run('onOpen', [], { authMode: 'NONE' });
    expect(res).toMatchObject({ ok: true, value: 'NONE' });
    expect(res.ui).toEqual([
      {
        kind: 'menu',
        addon: true,
        menu: {
          title: 'SOP & Data Terpilah',
          items: [
            { kind: 'item', caption: 'Buka panel', functionName: 'showSidebar' },
            { kind: 'separator' },
            {
              kind: 'submenu',
              menu: {
                title: 'Laporan',
                items: [{ kind: 'item', caption: 'Buat laporan', functionName: 'makeReport' }],
              },
            },
          ],
        },
      },
    ]);
    expect(wb.run('onOpen').value).toBe('FULL');
    const greedy = wb.run('onOpenGreedy', [], { authMode: 'NONE' });
    expect(greedy.ok).toBe(false);
    expect(greedy.error).toBe(
      'Exception: You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
  });

  test('a dialog without a queued answer rolls the execution back', () => {
    const { wb, state } = bench();
    const before = JSON.stringify(state);
    const res = wb.run('askThenWrite');
    expect(res.ok).toBe(false);
    expect(res.needsInput).toEqual({
      kind: 'alert',
      title: 'Hapus?',
      prompt: 'Hapus data kegiatan?',
      buttons: 'YES_NO',
    });
    expect(JSON.stringify(state)).toBe(before);

    const half = wb.run('askThenWrite', [], { answers: [{ button: 'YES' }] });
    expect(half.needsInput).toMatchObject({ kind: 'prompt', prompt: 'Nama kegiatan', buttons: 'OK_CANCEL' });
    expect(JSON.stringify(state)).toBe(before);

    const done = wb.run('askThenWrite', [], {
      answers: [{ button: 'YES' }, { button: 'OK', text: 'Rapat PUG' }],
    });
    expect(done).toMatchObject({ ok: true, value: ['YES', 'OK', 'Rapat PUG'] });
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Baru']);
    expect(state.sheets[0].rows[0][0]).toEqual({ value: 'sebelum' });
    expect(state.sheets[1].rows[1][0]).toEqual({ value: 'ya' }); // insertSheet made "Baru" active
    expect(state.properties.document).toEqual({ k: 'v' });
    expect(done.ui.filter((e) => e.kind === 'alert' || e.kind === 'prompt')).toEqual([
      { kind: 'alert', title: 'Hapus?', prompt: 'Hapus data kegiatan?', buttons: 'YES_NO', response: 'YES' },
      {
        kind: 'prompt',
        title: '',
        prompt: 'Nama kegiatan',
        buttons: 'OK_CANCEL',
        response: 'OK',
        text: 'Rapat PUG',
      },
    ]);
  });

  test('a script cannot swallow the need for input; OK alerts need no answer', () => {
    const { wb } = bench();
    expect(wb.run('swallowsInput').needsInput).toMatchObject({ kind: 'prompt' });
    const ok = wb.run('okAlert');
    expect(ok).toMatchObject({ ok: true, value: 'OK' });
    expect(ok.ui).toEqual([{ kind: 'alert', title: '', prompt: 'Selesai', buttons: 'OK', response: 'OK' }]);
  });

  test('locks: busy, required for a sheet, released at the end of an execution', () => {
    const { wb } = bench();
    wb.requireDocumentLockFor(['Sheet1']);
    expect(wb.run('unlockedWrite').error).toBe(
      'Exception: Workbench: write to Sheet1 without the document lock',
    );
    expect(wb.run('lockedWrite').value).toBe('written');
    expect(wb.run('takeLock').value).toBe(true);
    expect(wb.run('hasLock').value).toBe(false);
    wb.setLockBusy('document', true);
    expect(wb.run('lockedWrite').value).toBe('busy');
    expect(wb.run('takeLock').error).toBe(
      'Exception: Lock timeout: another process was holding the lock for too long.',
    );
  });

  test('sidebar from distDir; a missing file', () => {
    const { wb } = bench();
    expect(wb.run('sidebar').ui).toEqual([
      { kind: 'sidebar', title: 'SOP & Data Terpilah', html: '<p>Halo</p>', width: 300 },
    ]);
    expect(wb.run('missingHtml').error).toBe('Exception: No HTML file named Nope was found.');
  });

  test('logs and a changed Code.js is reloaded', () => {
    const { wb, distDir } = bench();
    expect(wb.run('logs').logs).toEqual(['a b', 'c 1']);
    const file = path.join(distDir, 'Code.js');
    fs.writeFileSync(file, 'function fresh() { return 42; }');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    expect(wb.run('fresh').value).toBe(42);
  });

  test('beginExecution: rollback when a dialog needs input', () => {
    const { wb, state } = bench();
    const { globals, finish } = wb.beginExecution();
    const app = globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    app.getActiveSheet().getRange('C3').setValue('x');
    let caught: unknown;
    try {
      app.getUi().prompt('Nama?');
    } catch (e) {
      caught = e;
    }
    const res = finish(undefined, caught);
    expect(res.needsInput).toMatchObject({ kind: 'prompt', prompt: 'Nama?' });
    expect(state.sheets[0].rows).toEqual([]);
  });
});
