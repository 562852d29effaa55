import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { DIST, newWorkbench, uiOf } from '../support/workbench';

/** Every function Apps Script must see: menu handlers, triggers and google.script.run endpoints. */
const EXPECTED_GLOBALS = [
  'addParticipant',
  'createActivity',
  'createTemplate',
  'generateSop',
  'generateTerpilahReport',
  'getActivity',
  'getSidebarState',
  'importParticipants',
  'listActivities',
  'listImportSheets',
  'listTemplates',
  'logStep',
  'menuCreateSop',
  'menuGroupInstitutions',
  'menuMonitoringReport',
  'menuNewTemplate',
  'menuParticipants',
  'menuRebuildProgress',
  'menuSatuDataExport',
  'menuSelfCheck',
  'menuTerpilahReport',
  'menuWorkingCalendar',
  'onEdit',
  'onInstall',
  'onOpen',
  'openActivity',
  'previewImport',
  'recountTerpilahHeadline',
  'setLanguage',
  'showAbout',
  'showSidebar',
  'terpilahHeadline',
];

const code = readFileSync(join(DIST, 'Code.js'), 'utf8');

describe('dist/ is exactly what clasp push needs', () => {
  test('holds the bundle, the sidebar and the manifest, nothing else', () => {
    expect(readdirSync(DIST).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });

  test('the manifest is V8, Asia/Jakarta, with the three minimal scopes', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Jakarta');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      // Session.getActiveUser() throws without it once scopes are listed (the audit trail's "who").
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });
});

describe('dist/Code.js', () => {
  test('has no module syntax and no Node-only code', () => {
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\bprocess\.(env|argv|cwd)/);
    expect(code).not.toMatch(/\bBuffer\./);
  });

  test('declares every expected global as a top-level function, and loading it calls no service', () => {
    // An empty context: any service call at load time would throw a ReferenceError.
    const context: Record<string, unknown> = {};
    runInNewContext(code, context);
    for (const name of EXPECTED_GLOBALS) expect(typeof context[name]).toBe('function');
    const declared = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
    expect(declared).toEqual(EXPECTED_GLOBALS);
  });

  test('onOpen in AuthMode.NONE builds the add-on menu and touches nothing else', () => {
    const result = newWorkbench().run('onOpen', [], { authMode: 'NONE' });
    expect(result.ok).toBe(true);
    const [menu] = uiOf(result, 'menu');
    expect(menu.addon).toBe(true);
    expect(menu.menu.items).toEqual([
      { kind: 'item', caption: 'Buka panel', functionName: 'showSidebar' },
      { kind: 'item', caption: 'Buat SOP', functionName: 'menuCreateSop' },
      { kind: 'item', caption: 'Template baru…', functionName: 'menuNewTemplate' },
      { kind: 'item', caption: 'Bangun ulang progres', functionName: 'menuRebuildProgress' },
      { kind: 'item', caption: 'Kalender Kerja', functionName: 'menuWorkingCalendar' },
      { kind: 'item', caption: 'Laporan Monitoring SOP', functionName: 'menuMonitoringReport' },
      { kind: 'item', caption: 'Tambah/Impor peserta', functionName: 'menuParticipants' },
      { kind: 'item', caption: 'Buat Laporan Data Terpilah', functionName: 'menuTerpilahReport' },
      { kind: 'item', caption: 'Kelompokkan instansi', functionName: 'menuGroupInstitutions' },
      { kind: 'item', caption: 'Ekspor Satu Data', functionName: 'menuSatuDataExport' },
      { kind: 'item', caption: 'Periksa pemasangan', functionName: 'menuSelfCheck' },
      { kind: 'separator' },
      { kind: 'item', caption: 'Tentang add-on', functionName: 'showAbout' },
    ]);
    expect(
      Object.keys(result.callsByMethod).every(
        (k) => k.startsWith('SpreadsheetApp.getUi') || k.startsWith('Ui.') || k.startsWith('Menu.'),
      ),
    ).toBe(true);
  });

  test('every menu item names a function the bundle declares', () => {
    const [menu] = uiOf(newWorkbench().run('onOpen', [], { authMode: 'LIMITED' }), 'menu');
    for (const item of menu.menu.items)
      if (item.kind === 'item') expect(EXPECTED_GLOBALS).toContain(item.functionName);
  });
});

describe('dist/Sidebar.html', () => {
  const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');

  test('is one self-contained page: styles and script inlined, no external resources', () => {
    expect(html).toMatch(/<style>[\s\S]*--blue[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).not.toContain('INLINE:');
  });

  test('is safe for HtmlService: no template literals, no scriptlet markers, one closing script tag', () => {
    expect(html).not.toContain('`');
    expect(html).not.toContain('<?');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});
