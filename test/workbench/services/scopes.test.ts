import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Execution } from '../../../src/workbench/services/context';
import { unwrap, wrap } from '../../../src/workbench/services/counter';
import {
  CONTAINER_UI,
  SCOPE_TABLE,
  SPREADSHEETS,
  SPREADSHEETS_CURRENTONLY,
  USERINFO_EMAIL,
} from '../../../src/workbench/services/scope-table';
import { classifiedMethods, emulatedMethods } from '../../../src/workbench/services/scopes';
import { begin, makeBench } from './harness';
import { tourEveryClass } from './tour';

const manifest = (oauthScopes?: string[]): Record<string, string> => ({
  'appsscript.json': JSON.stringify({ timeZone: 'Asia/Jakarta', runtimeVersion: 'V8', oauthScopes }),
});

const ADDIN_SCOPES = [SPREADSHEETS_CURRENTONLY, CONTAINER_UI, USERINFO_EMAIL];

describe('scopes: the manifest oauthScopes decide what a script may call', () => {
  test("without userinfo.email, Session.getActiveUser throws Apps Script's error; with it, it works", () => {
    const lacking = begin(makeBench(manifest([SPREADSHEETS_CURRENTONLY, CONTAINER_UI])).wb);
    expect(() => lacking.Session.getActiveUser().getEmail()).toThrow(
      'Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(() => lacking.Session.getEffectiveUser()).toThrow('Session.getEffectiveUser');
    // Methods whose page lists no scope stay available.
    expect(lacking.Session.getScriptTimeZone()).toBe('Asia/Jakarta');

    const granted = begin(makeBench(manifest(ADDIN_SCOPES)).wb);
    expect(granted.Session.getActiveUser().getEmail()).toBe('staf@dp3acskb.babelprov.go.id');
  });

  test('the same error reaches the script in a real execution', () => {
    const code = 'function who() { return Session.getActiveUser().getEmail(); }';
    const files = { 'Code.js': code, ...manifest([SPREADSHEETS_CURRENTONLY]) };
    expect(makeBench(files).wb.run('who')).toMatchObject({
      ok: false,
      error:
        'Exception: Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    });
    const ok = { 'Code.js': code, ...manifest(ADDIN_SCOPES) };
    expect(makeBench(ok).wb.run('who')).toMatchObject({ ok: true, value: 'staf@dp3acskb.babelprov.go.id' });
  });

  test('several accepted scopes are listed as (a || b); the broader spreadsheets scope also grants', () => {
    const none = begin(makeBench(manifest([USERINFO_EMAIL])).wb);
    expect(() => none.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    const broad = begin(makeBench(manifest([SPREADSHEETS])).wb);
    expect(broad.SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Uji');
    expect(() => broad.SpreadsheetApp.getUi().alert('x')).toThrow(
      'Specified permissions are not sufficient to call Ui.alert. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    // Menus need no scope (they are built before authorization).
    broad.SpreadsheetApp.getUi().createAddonMenu().addItem('a', 'b').addToUi();
  });

  test('no manifest, or a manifest without oauthScopes: automatic detection grants everything', () => {
    for (const files of [{}, manifest(undefined)]) {
      const g = begin(makeBench(files).wb);
      expect(g.Session.getActiveUser().getEmail()).toBe('staf@dp3acskb.babelprov.go.id');
      g.SpreadsheetApp.getUi().alert('x');
    }
  });

  test('an explicit empty oauthScopes grants nothing that needs a scope', () => {
    const g = begin(makeBench(manifest([])).wb);
    expect(() => g.SpreadsheetApp.getActiveSheet()).toThrow('Specified permissions are not sufficient');
    expect(g.PropertiesService.getScriptProperties().getKeys()).toEqual([]);
  });

  test("the add-in's manifest grants every scope the table asks for", () => {
    const root = path.join(__dirname, '..', '..', '..');
    const scopes = (
      JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as {
        oauthScopes: string[];
      }
    ).oauthScopes;
    for (const entry of Object.values(SCOPE_TABLE)) {
      for (const group of entry.groups) {
        if (group.scopes.length) expect(group.scopes.some((s) => scopes.includes(s))).toBe(true);
      }
    }
  });
});

describe('scopes: every emulated method is classified', () => {
  test('each method of every emulated class has an entry, and every entry is emulated', () => {
    const result = tourEveryClass(makeBench().wb);
    expect(result.ok).toBe(true);
    const emulated = emulatedMethods();
    const unclassified: string[] = [];
    const known = new Set(classifiedMethods());
    for (const [cls, methods] of emulated) {
      for (const m of methods) if (!known.has(`${cls}.${m}`)) unclassified.push(`${cls}.${m}`);
    }
    expect(unclassified).toEqual([]);
    // The tour reaches every class of the table (a new class must be added to tour.ts) ...
    expect(Object.keys(SCOPE_TABLE).filter((c) => !emulated.has(c))).toEqual([]);
    // ... and the table names no method the emulation lacks.
    const stale = [...known].filter((key) => {
      const [cls, m] = key.split('.');
      return !emulated.get(cls)?.has(m);
    });
    expect(stale).toEqual([]);
  });

  test('calling a method with no entry throws and names the table', () => {
    const { SpreadsheetApp } = begin(makeBench().wb);
    const ctx = (unwrap(SpreadsheetApp.getActiveSpreadsheet()) as unknown as { _ctx: Execution })._ctx;
    const range = wrap(ctx, 'Range', { getValue: () => 1, madeUp: () => 2 });
    expect(range.getValue()).toBe(1);
    expect(() => range.madeUp()).toThrow(
      'Workbench: Range.madeUp has no entry in the scope table (src/workbench/services/scopes.ts)',
    );
  });
});
