import {
  CELL_READ_US,
  CELL_WRITTEN_US,
  classify,
  formatEstimate,
  ROUND_TRIP_MS,
  SCENARIOS,
  WRITE_CACHE,
} from '../../../src/workbench/services/latency';
import { begin, makeBench } from './harness';

describe('latency model: classes of calls', () => {
  test.each([
    ['Range', 'getValues', 'read'],
    ['Range', 'getDisplayValues', 'read'],
    ['Range', 'getFormulas', 'read'],
    ['Range', 'setValues', 'write'],
    ['Range', 'setNumberFormats', 'write'],
    ['Range', 'setBackgrounds', 'write'],
    ['Range', 'clearContent', 'write'],
    ['Range', 'getNumRows', 'free'],
    ['Sheet', 'getRange', 'read'],
    ['Sheet', 'appendRow', 'write'],
    ['Sheet', 'deleteRows', 'structural'],
    ['Sheet', 'setFrozenRows', 'structural'],
    ['Spreadsheet', 'insertSheet', 'structural'],
    ['Spreadsheet', 'getSpreadsheetTimeZone', 'read'],
    ['SpreadsheetApp', 'flush', 'flush'],
    ['SpreadsheetApp', 'newDataValidation', 'free'],
    ['SpreadsheetApp', 'newRichTextValue', 'free'],
    ['SpreadsheetApp', 'getUi', 'free'],
    ['DataValidationBuilder', 'requireValueInList', 'free'],
    ['EmbeddedChartBuilder', 'setOption', 'free'],
    ['ConditionalFormatRuleBuilder', 'build', 'free'],
    ['Menu', 'addItem', 'free'],
    ['Menu', 'addToUi', 'ui'],
    ['Ui', 'alert', 'ui'],
    ['Ui', 'showSidebar', 'ui'],
    ['Ui', 'createAddonMenu', 'free'],
    ['Properties', 'getProperty', 'propertiesRead'],
    ['Properties', 'setProperty', 'propertiesWrite'],
    ['PropertiesService', 'getDocumentProperties', 'free'],
    ['Lock', 'waitLock', 'lock'],
    ['Session', 'getActiveUser', 'session'],
    ['Utilities', 'formatDate', 'free'],
  ])('%s.%s is %s', (cls, method, expected) => {
    expect(classify(cls, method)).toBe(expected);
  });

  test('every figure is ordered optimistic ≤ typical ≤ pessimistic', () => {
    for (const f of [...Object.values(ROUND_TRIP_MS), CELL_READ_US, CELL_WRITTEN_US]) {
      expect(f.optimistic).toBeLessThanOrEqual(f.typical);
      expect(f.typical).toBeLessThanOrEqual(f.pessimistic);
    }
  });

  test('formatEstimate shows the typical figure and the range', () => {
    expect(formatEstimate({ optimistic: 0.62, typical: 1.234, pessimistic: 2.5 })).toBe('~1.2 s (0.6–2.5 s)');
    expect(formatEstimate({ optimistic: 20.2, typical: 46.4, pessimistic: 120.7 })).toBe('~46 s (20–121 s)');
  });
});

describe('latency model: what an execution reports', () => {
  test('Sheet.getSheetValues reads its cells like getRange().getValues() (-1: to the last row/column)', () => {
    const { wb } = makeBench();
    const { SpreadsheetApp, finish } = begin(wb);
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange(1, 1, 30, 3).setValues(Array.from({ length: 30 }, () => ['a', 'b', 'c']));
    const before = finish(null).cellsRead;
    const next = begin(wb);
    const again = next.SpreadsheetApp.getActiveSheet();
    again.getSheetValues(1, 1, 10, 2); // 20
    again.getSheetValues(11, 2, -1, -1); // rows 11–30 × columns 2–3: 40
    expect(before).toBe(0);
    expect(next.finish(null).cellsRead).toBe(60);
  });

  test('cells read and written follow the ranges; builders cost nothing', () => {
    const { wb } = makeBench();
    const { SpreadsheetApp, finish } = begin(wb);
    const sheet = SpreadsheetApp.getActiveSheet(); // read
    const range = sheet.getRange(1, 1, 100, 4); // read
    range.setValues(Array.from({ length: 100 }, () => ['a', 'b', 'c', 'd'])); // write 400
    range.setNumberFormat('@'); // write 400 more: each setter counts its cells
    range.getValues(); // read 400
    range.getValue(); // read 1
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['L', 'P']).build(); // free
    sheet.getRange(1, 5, 100, 1).setDataValidation(rule); // read + write 100
    const result = finish(null);
    expect(result).toMatchObject({ ok: true, cellsRead: 401, cellsWritten: 900 });
    for (const s of SCENARIOS) {
      // setNumberFormat rides on setValues' trip where there is a write cache; the reads end that run.
      const writeTrips = WRITE_CACHE[s] ? 2 : 3;
      const expected =
        5 * ROUND_TRIP_MS.read[s] +
        writeTrips * ROUND_TRIP_MS.write[s] +
        (401 * CELL_READ_US[s] + 900 * CELL_WRITTEN_US[s]) / 1000;
      expect(result.estimatedSeconds?.[s]).toBeCloseTo(expected / 1000, 2);
    }
    expect(result.roundTrips).toBe(7);
    expect(result.calls).toBe(11); // builders are still counted as calls, only not charged
  });

  test('a call from a sidebar adds the google.script.run trip', () => {
    const code = 'function ping() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }';
    const { wb } = makeBench({ 'Code.js': code });
    const plain = wb.run('ping');
    const sidebar = wb.run('ping', [], { via: 'google.script.run' });
    for (const s of SCENARIOS) {
      expect((sidebar.estimatedSeconds?.[s] ?? 0) - (plain.estimatedSeconds?.[s] ?? 0)).toBeCloseTo(
        ROUND_TRIP_MS.googleScriptRun[s] / 1000,
        2,
      );
    }
  });

  test('a person acting at the spreadsheet costs nothing', () => {
    const { wb } = makeBench();
    wb.actAsPerson((app) => app.getActiveSheet().getRange(1, 1, 10, 10).getValues());
    const { finish } = begin(wb);
    expect(finish(null)).toMatchObject({ cellsRead: 0, cellsWritten: 0, estimatedSeconds: { typical: 0 } });
  });
});

describe('latency model: the write cache', () => {
  /** Typical and pessimistic milliseconds and trips of what `act` does in one execution. */
  function cost(act: (sheet: GoogleAppsScript.Spreadsheet.Sheet, g: ReturnType<typeof begin>) => void) {
    const { wb } = makeBench();
    const g = begin(wb);
    act(g.SpreadsheetApp.getActiveSheet(), g);
    const result = g.finish(null);
    return { trips: result.roundTrips, seconds: result.estimatedSeconds };
  }

  test('a run of setters, merges and sizes is one round trip; each setter still pays its cells', () => {
    const oneRun = cost((sheet) => {
      const range = sheet.getRange(1, 1, 2, 2); // read: 2 trips with getActiveSheet
      range.setValues([
        ['a', 'b'],
        ['c', 'd'],
      ]); // opens the run: 3
      range.setBackground('#eeeeee').setFontWeight('bold'); // ride
      range.offset(0, 0, 1, 2).mergeAcross(); // offset is free; the merge rides
      sheet.setColumnWidths(1, 2, 120).setFrozenRows(1); // ride
    });
    expect(oneRun.trips).toBe(3);
    const cells = (4 * 3 * CELL_WRITTEN_US.typical) / 1000;
    const typical = (2 * ROUND_TRIP_MS.read.typical + ROUND_TRIP_MS.write.typical + cells) / 1000;
    expect(oneRun.seconds?.typical).toBeCloseTo(typical, 3);
    // Without a write cache (pessimistic) every call is its own trip: 2 reads, 3 setters, 3 structural.
    const pessimistic =
      (2 * ROUND_TRIP_MS.read.pessimistic +
        3 * ROUND_TRIP_MS.write.pessimistic +
        3 * ROUND_TRIP_MS.structural.pessimistic +
        (4 * 3 * CELL_WRITTEN_US.pessimistic) / 1000) /
      1000;
    expect(oneRun.seconds?.pessimistic).toBeCloseTo(pessimistic, 3);
  });

  test('a read between writes commits the cache: the next write pays a round trip again', () => {
    const apart = cost((sheet, g) => {
      const range = sheet.getRange(1, 1); // 2
      range.setValue('a'); // 3
      range.getValue(); // 4: commits
      range.setValue('b'); // 5
      g.SpreadsheetApp.flush(); // 6: commits
      range.setValue('c'); // 7
    });
    expect(apart.trips).toBe(7);
  });

  test('insertSheet and protect are answered by the server: they end the run', () => {
    const { trips } = cost((sheet, g) => {
      sheet.getRange(1, 1).setValue('a'); // 2 reads, 1 write: 3
      g.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Baru'); // getActiveSpreadsheet, insertSheet: 5
      sheet.getRange(1, 1); // 6
      const protection = sheet.protect(); // 7
      protection.setDescription('x').setWarningOnly(true); // 8: a new run
    });
    expect(trips).toBe(8);
  });

  test('Lock, Properties and Session calls leave the run open (they do not commit the cache)', () => {
    const { trips } = cost((sheet, g) => {
      const range = sheet.getRange(1, 1); // 2
      range.setValue('a'); // 3
      const lock = g.LockService.getDocumentLock();
      lock.tryLock(1000); // 4
      g.PropertiesService.getDocumentProperties().setProperty('k', 'v'); // 5
      range.setValue('b'); // rides: still 5
      lock.releaseLock(); // 6
    });
    expect(trips).toBe(6);
  });
});
