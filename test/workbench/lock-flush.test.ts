/**
 * Two people at once: a second execution runs at the moment the first releases (or takes) the
 * document lock, and sees the spreadsheet as Apps Script would show it — without the first
 * execution's writes unless they were flushed. This is what catches a lock released without
 * SpreadsheetApp.flush(): both read the same last row and take the same id.
 */
import { makeBench } from './services/harness';

const CODE = String.raw`
function nextId(flush) {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return 'busy';
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
  var id = 'KGT-' + sheet.getLastRow();
  sheet.appendRow([id]);
  if (flush) SpreadsheetApp.flush();
  lock.releaseLock();
  return id;
}
function readA1() { return SpreadsheetApp.getActiveSheet().getRange('A1').getValue(); }
function writeA1AndB2() {
  var lock = LockService.getDocumentLock();
  lock.tryLock(1000);
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.getRange('A1').setValue('pertama');
  lock.releaseLock();
  sheet.getRange('B2').setValue('sesudah kunci');
}
function writeC3() { SpreadsheetApp.getActiveSheet().getRange('C3').setValue('kedua'); }
function holdLock() {
  var lock = LockService.getDocumentLock();
  lock.tryLock(1000);
  return 'held';
}
`;

function bench() {
  return makeBench({ 'Code.js': CODE, 'Sidebar.html': '' });
}

function column(state: ReturnType<typeof bench>['state']): unknown[] {
  return state.sheets[0].rows.map((row) => row?.[0]?.value);
}

describe('lock and flush between two executions', () => {
  /** Two people take the next id; the second runs right after the first releases the lock. */
  function twoIds(flush: boolean) {
    const { wb, state } = bench();
    let second: unknown;
    wb.interleave('lockReleased', () => (second = wb.run('nextId', [flush]).value));
    const first = wb.run('nextId', [flush]).value;
    return { ids: [first, second], column: column(state) };
  }

  test('released without flush: the second person reads stale rows and takes the same id', () => {
    const { ids, column } = twoIds(false);
    expect(ids).toEqual(['KGT-0', 'KGT-0']);
    // The first one's buffered row is applied on top of the second one's at its end: one is lost.
    expect(column).toEqual(['KGT-0']);
  });

  test('flushed before release: the second person sees the row and takes the next id', () => {
    const { ids, column } = twoIds(true);
    expect(ids).toEqual(['KGT-0', 'KGT-1']);
    expect(column).toEqual(['KGT-0', 'KGT-1']);
  });

  test('a lock held by a running execution is refused to another one', () => {
    const { wb } = bench();
    let second: unknown;
    wb.interleave('lockAcquired', () => (second = wb.run('nextId', [true]).value));
    expect(wb.run('nextId', [true]).value).toBe('KGT-0');
    expect(second).toBe('busy');
    // Released at the end of the execution: the next one gets it.
    expect(wb.run('holdLock').value).toBe('held');
    expect(wb.run('nextId', [true]).value).toBe('KGT-1');
  });

  test('unflushed writes merge cell by cell: both people keep what they wrote', () => {
    const { wb, state } = bench();
    let seen: unknown;
    wb.interleave('lockReleased', () => {
      seen = wb.run('readA1').value;
      wb.run('writeC3');
    });
    wb.run('writeA1AndB2');
    expect(seen).toBe('');
    const cell = (r: number, c: number) => state.sheets[0].rows[r]?.[c]?.value;
    expect([cell(0, 0), cell(1, 1), cell(2, 2)]).toEqual(['pertama', 'sesudah kunci', 'kedua']);
  });

  test('the end of an execution makes its writes visible', () => {
    const { wb } = bench();
    wb.run('writeA1AndB2');
    expect(wb.run('readA1').value).toBe('pertama');
  });
});
