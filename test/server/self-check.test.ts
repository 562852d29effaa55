import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as textSafety from '../../src/core/plan/text-safety';
import type { CheckId, CheckResult, CheckStatus } from '../../src/core/self-check/checks';
import { selfCheckReport } from '../../src/core/self-check/report';
import { PROBE_METADATA_KEY, menuSelfCheck, runSelfCheck } from '../../src/server/self-check/run';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { DIST, inExecution, newWorkbench, runOk, uiOf } from '../support/workbench';

type Services = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Two sheets, the first one active: after the probe sheet (inserted last) is deleted, Sheets
 * would focus its neighbour "Data", so the active sheet is only right if the check restores it. */
function twoSheets(): WorkbookState {
  const state = newWorkbookState('Uji');
  state.sheets.push(newSheetState(state.nextId++, 'Data'));
  state.sheets[0].rows = [[{ value: 'isi' }]];
  state.activeSheetId = state.sheets[0].sheetId;
  return state;
}

/** What the user sees: sheets (cells, formats, metadata…), the active sheet, document metadata. */
const snapshot = ({ sheets, activeSheetId, developerMetadata, name }: WorkbookState) =>
  JSON.parse(JSON.stringify({ sheets, activeSheetId, developerMetadata, name })) as unknown;

const statuses = (results: CheckResult[]) =>
  Object.fromEntries(results.map((r) => [r.id, r.status])) as Record<CheckId, CheckStatus>;

const ALL_PASS = {
  timeZone: 'pass',
  unicodeRegex: 'pass',
  normalize: 'pass',
  collation: 'pass',
  spreadsheet: 'pass',
  ui: 'pass',
  email: 'pass',
  sidebarFile: 'pass',
  lock: 'pass',
  probeSheet: 'pass',
  metadata: 'pass',
  literalText: 'pass',
  cleanup: 'pass',
} as const;

/** A view of an emulated service object with some methods replaced. */
function overlay<T extends object>(target: T, overrides: Services): T {
  return new Proxy(target, {
    get: (t, prop) =>
      typeof prop === 'string' && prop in overrides ? overrides[prop] : Reflect.get(t, prop),
  });
}

/** The src/ checks in-process against the workbench, with the services patched by `patch`. */
function checkIn(workbench: Workbench, patch: (services: Services) => void = () => {}, token = 'probe123') {
  return inExecution(workbench, () => {
    patch(globalThis as Services);
    return runSelfCheck('id', token);
  }).value;
}

/** The spreadsheet with the probe sheet (as insertSheet returns it) patched by `sheetOverrides`. */
function patchProbeSheet(services: Services, sheetOverrides: Services, spreadsheetOverrides: Services = {}) {
  const app = services.SpreadsheetApp;
  const spreadsheet = app.getActiveSpreadsheet();
  let real: Services | null = null;
  const patched = overlay(spreadsheet, {
    insertSheet: (...args: unknown[]) => {
      real = spreadsheet.insertSheet(...args);
      return overlay(real as Services, sheetOverrides);
    },
    deleteSheet: () => spreadsheet.deleteSheet(real),
    ...spreadsheetOverrides,
  });
  services.SpreadsheetApp = overlay(app, { getActiveSpreadsheet: () => patched });
}

const tempDirs: string[] = [];
/** A copy of dist/ with a file left out or the manifest changed. */
function distCopy(change: { without?: string; manifest?: (m: { oauthScopes: string[] }) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'self-check-dist-'));
  tempDirs.push(dir);
  for (const file of ['Code.js', 'Sidebar.html', 'appsscript.json'])
    if (file !== change.without) copyFileSync(join(DIST, file), join(dir, file));
  if (change.manifest) {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    change.manifest(manifest);
    writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  }
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('Periksa pemasangan (the real bundle)', () => {
  test('is the last command of the menu, after the data terpilah commands, before the separator', () => {
    const [menu] = uiOf(runOk(newWorkbench(), 'onOpen'), 'menu');
    const items = menu.menu.items;
    const at = items.findIndex((item) => item.kind === 'item' && item.functionName === 'menuSelfCheck');
    expect(items[at]).toEqual({ kind: 'item', caption: 'Periksa pemasangan', functionName: 'menuSelfCheck' });
    const report = items.findIndex(
      (item) => item.kind === 'item' && item.functionName === 'menuTerpilahReport',
    );
    expect(report).toBeGreaterThan(-1);
    expect(report).toBeLessThan(at);
    expect(items[at + 1]).toEqual({ kind: 'separator' });
  });

  test('in the workbench every check passes, in one alert, and nothing is left behind', () => {
    const workbench = new Workbench({ state: twoSheets(), distDir: DIST });
    const before = snapshot(workbench.state);
    const result = runOk(workbench, 'menuSelfCheck');
    const alerts = uiOf(result, 'alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].title).toBe('Periksa pemasangan');
    const lines = alerts[0].prompt.split('\n');
    expect(lines.filter((l) => l.startsWith('✓ '))).toHaveLength(13);
    expect(alerts[0].prompt).not.toMatch(/[✗–]/);
    expect(lines).toContain('✓ Alamat email pengguna (userinfo.email): staf@dp3acskb.babelprov.go.id');
    expect(lines).toContain(
      '✓ Akses ke spreadsheet ini (spreadsheets.currentonly): "Uji", zona waktu Asia/Jakarta',
    );
    expect(lines).toContain(
      '✓ Teks tersimpan apa adanya ("=1+1", "007", NIK 16 digit, …): 36 sel terbaca kembali persis',
    );
    expect(lines[lines.length - 1]).toBe('Semua 13 pemeriksaan lulus: add-in siap dipakai.');
    // The probe sheet was really made, written through the add-in's writer, then deleted.
    expect(result.callsByMethod).toMatchObject({
      'Spreadsheet.insertSheet': 1,
      'Range.setNumberFormats': 1,
      'Range.setValues': 1,
      'SpreadsheetApp.flush': 1,
      'Range.getValues': 1,
      'Spreadsheet.deleteSheet': 1,
      'Lock.tryLock': 1,
      'Lock.releaseLock': 1,
    });
    expect(snapshot(workbench.state)).toEqual(before);
    expect(workbench.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Data']);
    expect(workbench.state.activeSheetId).toBe(0);
  });

  test('in English when the user chose English', () => {
    const workbench = newWorkbench();
    runOk(workbench, 'setLanguage', ['en']);
    const [alert] = uiOf(runOk(workbench, 'menuSelfCheck'), 'alert');
    expect(alert.title).toBe('Check installation');
    expect(alert.prompt).toContain('✓ Document lock (LockService)');
    expect(alert.prompt).toMatch(/All 13 checks passed: the add-in is ready to use\.$/);
  });

  test('an empty email address passes, with what the add-in does instead', () => {
    const [alert] = uiOf(runOk(newWorkbench({ userEmail: '' }), 'menuSelfCheck'), 'alert');
    expect(alert.prompt).toContain(
      '✓ Alamat email pengguna (userinfo.email): Google tidak memberikan alamat (akun pribadi atau domain lain); add-in mencatat nama yang diketik di panel.',
    );
  });

  test('a busy document lock is ✗ with what to do; every other check still runs and passes', () => {
    const workbench = new Workbench({ state: twoSheets(), distDir: DIST });
    workbench.setLockBusy('document', true);
    const before = snapshot(workbench.state);
    const [alert] = uiOf(runOk(workbench, 'menuSelfCheck'), 'alert');
    const lines = alert.prompt.split('\n');
    const at = lines.indexOf('✗ Kunci dokumen (LockService): sedang dipakai proses lain');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(
      /^ {4}→ Bila sedang dipakai orang lain, tunggu sebentar lalu periksa lagi\./,
    );
    expect(lines.filter((l) => l.startsWith('✓ '))).toHaveLength(12);
    expect(lines[lines.length - 1]).toMatch(/^1 dari 13 pemeriksaan tidak lulus\./);
    expect(snapshot(workbench.state)).toEqual(before);
  });

  test('a copy-paste deploy without the Sidebar HTML file is ✗', () => {
    const workbench = new Workbench({
      state: newWorkbookState('Uji'),
      distDir: distCopy({ without: 'Sidebar.html' }),
    });
    const [alert] = uiOf(runOk(workbench, 'menuSelfCheck'), 'alert');
    expect(alert.prompt).toMatch(
      /\n✗ Berkas HTML "Sidebar": galat: No HTML file named Sidebar was found\.\n {4}→ Di editor Apps Script buat berkas HTML bernama Sidebar/,
    );
    expect(alert.prompt.match(/^✓ /gm)).toHaveLength(12);
  });

  test('a manifest without userinfo.email: ✗ once the workbench enforces scopes, until then ✓', () => {
    const distDir = distCopy({
      manifest: (m) => {
        m.oauthScopes = m.oauthScopes.filter((scope) => !scope.endsWith('/userinfo.email'));
      },
    });
    const workbench = new Workbench({ state: newWorkbookState('Uji'), distDir });
    // Does this workbench refuse Session.getActiveUser without the scope (scope enforcement)?
    const { globals, finish } = workbench.beginExecution();
    let enforced = false;
    try {
      (globals as Services).Session.getActiveUser().getEmail();
    } catch {
      enforced = true;
    }
    finish();
    const [alert] = uiOf(runOk(workbench, 'menuSelfCheck'), 'alert');
    if (enforced) {
      expect(alert.prompt).toMatch(
        /\n✗ Alamat email pengguna \(userinfo\.email\): galat: .+\n {4}→ Tambahkan https:\/\/www\.googleapis\.com\/auth\/userinfo\.email/,
      );
      expect(alert.prompt.match(/^✓ /gm)).toHaveLength(12);
    } else {
      expect(alert.prompt).toContain('✓ Alamat email pengguna (userinfo.email)');
    }
  });
});

describe('each service check can fail, and the others still run (src/ in-process)', () => {
  test('all pass in-process too', () => {
    expect(statuses(checkIn(newWorkbench()))).toEqual(ALL_PASS);
  });

  test('Session.getActiveUser refused (no userinfo.email scope) is ✗ with the scope to add', () => {
    const message =
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email';
    const results = checkIn(newWorkbench(), (services) => {
      services.Session = {
        getActiveUser() {
          throw Object.assign(new Error(message), { name: 'Exception' });
        },
      };
    });
    expect(statuses(results)).toEqual({ ...ALL_PASS, email: 'fail' });
    const report = selfCheckReport(results, 'id', '0');
    expect(report).toContain(`✗ Alamat email pengguna (userinfo.email): galat: ${message}\n    → Tambahkan`);
    expect(report).not.toMatch(/\bat \w+ \(/); // no stack trace
  });

  test('a value that comes back changed is ✗ and listed; the probe sheet is still removed', () => {
    const workbench = new Workbench({ state: twoSheets(), distDir: DIST });
    const before = snapshot(workbench.state);
    // A writer that forgets the apostrophe: Sheets then parses what it was given.
    const spy = jest.spyOn(textSafety, 'asLiteralText').mockImplementation((text) => text);
    try {
      const results = checkIn(workbench);
      expect(statuses(results)).toEqual({ ...ALL_PASS, literalText: 'fail' });
      const literal = results.find((r) => r.id === 'literalText');
      expect(literal?.changes).toEqual(
        expect.arrayContaining([
          { written: '007', readBack: '7', column: 'plain' },
          { written: '=1+1', readBack: '""', column: 'plain' },
          { written: 'TRUE', readBack: 'TRUE', column: 'plain' },
          { written: '3201234567890123', readBack: '3201234567890120', column: 'plain' },
          { written: "'kutip", readBack: '"kutip"', column: 'plain' },
        ]),
      );
      // The "@" column is written verbatim: it stays exact.
      expect(literal?.changes?.every((c) => c.column === 'plain')).toBe(true);
      const report = selfCheckReport(results, 'id', '0');
      expect(report).toContain('    "007" → 7 (kolom biasa)\n');
      expect(report).toContain('    → Sheets mengubah teks di atas.');
    } finally {
      spy.mockRestore();
    }
    expect(snapshot(workbench.state)).toEqual(before);
  });

  test('a probe name already taken by a sheet of the user: ✗, dependent checks not run, that sheet untouched', () => {
    const state = twoSheets();
    state.sheets.push(newSheetState(state.nextId++, 'Periksa pemasangan ~taken000'));
    state.sheets[2].rows = [[{ value: 'milik pengguna' }]];
    const workbench = new Workbench({ state, distDir: DIST });
    const before = snapshot(workbench.state);
    const results = checkIn(workbench, undefined, 'taken000');
    expect(statuses(results)).toEqual({
      ...ALL_PASS,
      probeSheet: 'fail',
      metadata: 'skip',
      literalText: 'skip',
      cleanup: 'skip',
    });
    expect(selfCheckReport(results, 'id', '0')).toContain(
      '– Penanda sheet (developer metadata): tidak dijalankan: sheet sementara tidak dapat dibuat',
    );
    expect(snapshot(workbench.state)).toEqual(before);
  });

  test('developer metadata that cannot be found back is ✗', () => {
    const results = checkIn(newWorkbench(), (services) =>
      patchProbeSheet(services, { addDeveloperMetadata: () => undefined }),
    );
    expect(statuses(results)).toEqual({ ...ALL_PASS, metadata: 'fail' });
    expect(results.find((r) => r.id === 'metadata')?.detail).toEqual({
      key: 'selfCheckExpectedGot',
      params: { expected: '["Periksa pemasangan ~probe123"]', actual: '[]' },
    });
  });

  test('a probe sheet that is not deleted is ✗ naming it', () => {
    const workbench = newWorkbench();
    const results = checkIn(workbench, (services) =>
      patchProbeSheet(services, {}, { deleteSheet: () => undefined }),
    );
    expect(statuses(results)).toEqual({ ...ALL_PASS, cleanup: 'fail' });
    expect(selfCheckReport(results, 'id', '0')).toContain(
      '✗ Sheet sementara dihapus: sheet "Periksa pemasangan ~probe123" masih ada\n    → Hapus dengan tangan',
    );
  });

  test('no access to the spreadsheet: ✗, the probe sheet checks are not run, the rest pass', () => {
    const results = checkIn(newWorkbench(), (services) => {
      services.SpreadsheetApp = overlay(services.SpreadsheetApp, {
        getActiveSpreadsheet: () => {
          throw new Error('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.');
        },
      });
    });
    expect(statuses(results)).toEqual({
      ...ALL_PASS,
      spreadsheet: 'fail',
      probeSheet: 'skip',
      metadata: 'skip',
      literalText: 'skip',
      cleanup: 'skip',
    });
  });

  test('a document lock that throws, or none (script not bound), is ✗', () => {
    const throwing = checkIn(newWorkbench(), (services) => {
      services.LockService = {
        getDocumentLock: () => ({
          tryLock: () => {
            throw new Error('Too many LockService operations.');
          },
        }),
      };
    });
    expect(statuses(throwing)).toEqual({ ...ALL_PASS, lock: 'fail' });
    const unbound = checkIn(newWorkbench(), (services) => {
      services.LockService = { getDocumentLock: () => null };
    });
    expect(unbound.find((r) => r.id === 'lock')?.detail).toEqual({ key: 'selfCheckLockNone' });
  });

  test('without the UI the check is ✗ and the report goes to the execution log instead of a dialog', () => {
    const { result } = inExecution(newWorkbench(), () => {
      const host = globalThis as Services;
      host.SpreadsheetApp = overlay(host.SpreadsheetApp, {
        getUi: () => {
          throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
        },
      });
      menuSelfCheck();
    });
    expect(uiOf(result, 'alert')).toEqual([]);
    expect(result.logs).toHaveLength(1);
    expect(result.logs?.[0]).toContain(
      '✗ Menu dan dialog (script.container.ui): galat: Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  test('the menu in-process shows the same alert as the bundle', () => {
    const { result } = inExecution(newWorkbench(), () => menuSelfCheck());
    const [alert] = uiOf(result, 'alert');
    expect(alert.prompt).toMatch(/Semua 13 pemeriksaan lulus/);
    expect(result.callsByMethod['Sheet.addDeveloperMetadata']).toBe(1);
    expect(PROBE_METADATA_KEY).toBe('sopTerpilah.selfCheck');
  });
});
