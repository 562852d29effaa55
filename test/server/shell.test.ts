import { newWorkbench, runOk, uiOf } from '../support/workbench';

describe('add-in shell', () => {
  test('"Buka panel" opens the sidebar from dist/Sidebar.html with a title and its first state', () => {
    const workbench = newWorkbench();
    const state = runOk(workbench, 'getSidebarState');
    const result = runOk(workbench, 'showSidebar');
    const [sidebar] = uiOf(result, 'sidebar');
    expect(sidebar.title).toBe('SOP & Data Terpilah');
    expect(sidebar.html).toContain('data-testid="sidebar-status"');
    expect(sidebar.html).toContain('id="sop-first-state"'); // test/server/sidebar-first-state.test.ts
    // The state's calls, then the sidebar's own: one execution, no google.script.run before it shows.
    const own = {
      'HtmlService.createHtmlOutputFromFile': 1,
      'HtmlOutput.append': 1,
      'HtmlOutput.setTitle': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.showSidebar': 1,
    };
    expect(result.callsByMethod).toEqual({ ...state.callsByMethod, ...own });
    expect(result.calls).toBe(state.calls + 5);
  });

  test('the sidebar state is one round trip with what the panel shows, dates as strings', () => {
    const workbench = newWorkbench({ userEmail: 'ana@dp3acskb.babelprov.go.id' });
    const result = runOk(workbench, 'getSidebarState');
    expect(result.value).toEqual({
      language: 'id',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      spreadsheetName: 'Uji',
      userEmail: 'ana@dp3acskb.babelprov.go.id',
      timeZone: 'Asia/Jakarta',
      serverTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/),
      sheetCount: 1,
      templates: [
        { id: 'builtin:penguatan-pug', name: 'Penguatan PUG (bawaan)', source: 'builtin', stepCount: 10 },
      ],
      activities: [],
      strings: expect.objectContaining({ refresh: 'Muat ulang' }), // test/build/sidebar-size.test.ts
    });
    expect(result.calls).toBeLessThanOrEqual(14);
  });

  test('the sidebar state lists activities from one read of Kegiatan, without writing anything', () => {
    const workbench = newWorkbench();
    const before = runOk(workbench, 'getSidebarState');
    expect(workbench.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    runOk(workbench, 'createActivity', [
      {
        name: 'Rapat PUG',
        templateId: 'builtin:penguatan-pug',
        plannedDate: '',
        place: '',
        personInCharge: '',
      },
    ]);
    const after = runOk(workbench, 'getSidebarState');
    expect((after.value as { activities: { id: string }[] }).activities.map((a) => a.id)).toEqual([
      'KGT-0001',
    ]);
    // Kegiatan is found among the sheets' names, already read for the templates: no lookup. With it:
    // its last row, then the list's 8 columns (Status … Data) of its one row, in one getSheetValues.
    expect(before.callsByMethod['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(before.callsByMethod['Sheet.getName']).toBe(1);
    expect(before.callsByMethod['Sheet.getLastRow']).toBeUndefined();
    expect(after.callsByMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getName': 4, // Sheet1, Riwayat, Kegiatan, Langkah
      'PropertiesService.getUserProperties': 1,
      'Properties.getProperty': 1,
      'Spreadsheet.getName': 1,
      'Session.getActiveUser': 1,
      'User.getEmail': 1,
      'Utilities.formatDate': 1,
      'Spreadsheet.createDeveloperMetadataFinder': 1,
      'DeveloperMetadataFinder.withKey': 1,
      'DeveloperMetadataFinder.find': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getSheetValues': 1,
    });
    expect(after.cellsRead).toBe(8);
    // listActivities alone: the spreadsheet, the lookup, last row, values.
    const listed = runOk(workbench, 'listActivities');
    expect(listed.calls).toBe(4);
    expect(listed.cellsRead).toBe(8);
  });

  test('an unrevealed email comes back empty rather than failing', () => {
    const result = runOk(newWorkbench({ userEmail: '' }), 'getSidebarState');
    expect((result.value as { userEmail: string }).userEmail).toBe('');
  });

  test('switching to English is remembered per user and rebuilds the menu in English', () => {
    const workbench = newWorkbench();
    const switched = runOk(workbench, 'setLanguage', ['en']);
    expect((switched.value as { language: string }).language).toBe('en');
    expect(uiOf(switched, 'menu')[0].menu.items[0]).toEqual({
      kind: 'item',
      caption: 'Open panel',
      functionName: 'showSidebar',
    });
    const reopened = runOk(workbench, 'onOpen', []);
    expect(uiOf(reopened, 'menu')[0].menu.items[0]).toMatchObject({ caption: 'Open panel' });
    // AuthMode.NONE cannot read the preference: Indonesian, the default.
    const none = workbench.run('onOpen', [], { authMode: 'NONE' });
    expect(uiOf(none, 'menu')[0].menu.items[0]).toMatchObject({ caption: 'Buka panel' });
  });

  test('an unknown language is refused with a message in the user language', () => {
    const result = newWorkbench().run('setLanguage', ['fr']);
    expect(result).toMatchObject({
      ok: false,
      error: 'Error: Bahasa tidak dikenal: fr. Pilih "id" atau "en".',
    });
  });

  test('"Tentang add-on" shows an alert with the version', () => {
    const result = runOk(newWorkbench(), 'showAbout');
    const [alert] = uiOf(result, 'alert');
    expect(alert.title).toBe('Tentang SOP & Data Terpilah');
    expect(alert.prompt).toMatch(/Versi \d+\.\d+\.\d+/);
  });
});
