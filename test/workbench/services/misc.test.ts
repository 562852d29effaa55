import { begin, freshSheet, makeBench } from './harness';

describe('PropertiesService', () => {
  test('document, script and user stores; values become strings', () => {
    const { wb, state } = makeBench();
    const { PropertiesService } = begin(wb);
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('n', 5 as unknown as string).setProperties({ a: 'x', b: true as unknown as string });
    expect(doc.getProperty('n')).toBe('5');
    expect(doc.getProperty('missing')).toBeNull();
    expect(doc.getKeys().sort()).toEqual(['a', 'b', 'n']);
    doc.setProperties({ only: '1' }, true);
    expect(doc.getProperties()).toEqual({ only: '1' });
    doc.deleteProperty('only');
    PropertiesService.getUserProperties().setProperty('lang', 'id');
    PropertiesService.getScriptProperties().setProperty('v', '1');
    expect(state.properties).toEqual({
      document: {},
      script: { v: '1' },
      user: { 'staf@dp3acskb.babelprov.go.id': { lang: 'id' } },
    });
  });
});

describe('LockService', () => {
  test('free lock: tryLock true, hasLock; busy lock: tryLock false, waitLock throws', () => {
    const { wb } = makeBench();
    const a = begin(wb);
    const lock = a.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    a.finish();

    wb.setLockBusy('document', true);
    const b = begin(wb);
    expect(b.LockService.getDocumentLock().tryLock(5000)).toBe(false);
    expect(() => b.LockService.getDocumentLock().waitLock(5000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(b.LockService.getScriptLock().tryLock(10)).toBe(true);
  });

  test('requireDocumentLockFor: writing a listed sheet without the document lock throws', () => {
    const { wb } = makeBench();
    wb.requireDocumentLockFor(['Sheet1']);
    const g = begin(wb);
    const sheet = g.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange('A1').setValue(1)).toThrow(
      'Workbench: write to Sheet1 without the document lock',
    );
    expect(sheet.getRange('A1').getValue()).toBe(''); // reads are fine
    const lock = g.LockService.getDocumentLock();
    lock.waitLock(1000);
    sheet.getRange('A1').setValue(1);
    lock.releaseLock();
    expect(() => sheet.appendRow([2])).toThrow('without the document lock');
  });
});

describe('Utilities and Session', () => {
  test('formatDate follows SimpleDateFormat in any zone', () => {
    const { wb } = makeBench();
    const { Utilities } = begin(wb);
    const d = new Date('2024-03-05T17:04:05.007Z'); // Wed 6 March 00:04:05 WIB
    expect(Utilities.formatDate(d, 'Asia/Jakarta', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe(
      '2024-03-06 00:04:05.007',
    );
    expect(Utilities.formatDate(d, 'Asia/Jakarta', "EEEE, d MMMM yyyy 'pukul' H.mm")).toBe(
      'Wednesday, 6 March 2024 pukul 0.04',
    );
    expect(Utilities.formatDate(d, 'Asia/Jakarta', 'EEE dd MMM yy hh:mm a Z XXX')).toBe(
      'Wed 06 Mar 24 12:04 AM +0700 +07:00',
    );
    expect(Utilities.formatDate(d, 'Asia/Makassar', 'HH:mm X')).toBe('01:04 +08');
    expect(Utilities.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2024-03-05T17:04:05Z');
    expect(Utilities.formatDate(new Date('2024-07-01T12:00:00Z'), 'Europe/Amsterdam', 'HH:mm Z')).toBe(
      '14:00 +0200',
    );
    expect(Utilities.formatDate(d, 'Asia/Jakarta', "''M/d''")).toBe("'3/6'");
  });

  test('formatString, parseCsv, base64, getUuid', () => {
    const { wb } = makeBench();
    const { Utilities } = begin(wb);
    expect(Utilities.formatString('%s: %d (%.1f%%) %05d', 'L', 12.7, 45.25, 42)).toBe('L: 12 (45.3%) 00042');
    expect(Utilities.parseCsv('a,"b,c"\n"x ""y""",z')).toEqual([
      ['a', 'b,c'],
      ['x "y"', 'z'],
    ]);
    const enc = Utilities.base64Encode('Perempuan ♀');
    expect(Utilities.newBlob(Utilities.base64Decode(enc)).getDataAsString()).toBe('Perempuan ♀');
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('Session', () => {
    const { wb } = makeBench();
    const { Session } = begin(wb);
    expect(Session.getActiveUser().getEmail()).toBe('staf@dp3acskb.babelprov.go.id');
    expect(Session.getScriptTimeZone()).toBe('Asia/Jakarta');
    expect(Session.getActiveUserLocale()).toBe('id');
  });
});

describe('call counting', () => {
  test('each method call counts once; enum reads do not', () => {
    const { wb } = makeBench();
    const { SpreadsheetApp, finish } = begin(wb);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Sheet1')!;
    void SpreadsheetApp.BorderStyle.SOLID;
    sheet.getRange(1, 1, 2, 2).setValues([
      [1, 2],
      [3, 4],
    ]);
    const res = finish();
    expect(res.ok).toBe(true);
    expect(res.calls).toBe(4);
    expect(res.callsByMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
    });
  });

  test('chained calls keep counting; an unknown method says it is not emulated', () => {
    const { sheet, finish } = freshSheet();
    sheet.getRange('A1').setValue(1).setBackground('#fff').setFontWeight('bold');
    const anyRange = sheet.getRange('A1') as unknown as Record<string, () => void>;
    expect(() => anyRange.setTextDirection()).toThrow('Workbench: Range.setTextDirection is not emulated');
    expect(String(sheet.getRange('A1'))).toBe('Range');
    const res = finish();
    expect(res.callsByMethod['Range.setFontWeight']).toBe(1);
    // harness: getActiveSpreadsheet + getSheets; then getRange + 3 setters; 2 more getRange (the unknown method is not counted)
    expect(res.calls).toBe(2 + 4 + 2);
  });
});
