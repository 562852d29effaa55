import { newSheetState, newWorkbookState } from '../../../src/workbench/model';
import { Workbench } from '../../../src/workbench/runtime';
import {
  CELL_READ_US,
  CELL_WRITTEN_US,
  ROUND_TRIP_MS,
  type Scenario,
} from '../../../src/workbench/services/latency';
import { begin, freshSheet, makeBench } from './harness';

const LONG_CELL = 'Your input contains more than the maximum of 50000 characters in a single cell.';
const TOO_MANY_CELLS =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

describe('sheet names: at most 100 characters', () => {
  test('insertSheet and setName refuse 101 characters, accept 100', () => {
    const { wb, state } = makeBench();
    const ss = begin(wb).SpreadsheetApp.getActiveSpreadsheet();
    expect(() => ss.insertSheet('a'.repeat(101))).toThrow(
      'Workbench: a sheet name can have at most 100 characters (this one has 101).',
    );
    expect(state.sheets).toHaveLength(1);
    const sheet = ss.insertSheet('b'.repeat(100));
    expect(() => sheet.setName('c'.repeat(101))).toThrow('at most 100 characters');
    expect(sheet.getName()).toBe('b'.repeat(100));
  });
});

describe('cells: at most 50,000 characters', () => {
  const long = 'x'.repeat(50_001);
  const max = 'x'.repeat(50_000);

  test('setValue, setFormula, setNote and RangeList.setValue refuse a longer text', () => {
    const { sheet, model } = freshSheet();
    const a1 = sheet.getRange('A1');
    a1.setValue(max);
    expect(() => a1.setValue(long)).toThrow(LONG_CELL);
    expect(a1.getValue()).toBe(max);
    expect(() => a1.setFormula(`=${long}`)).toThrow(LONG_CELL);
    expect(() => a1.setNote(long)).toThrow(LONG_CELL);
    expect(() => sheet.getRangeList(['B1', 'B2']).setValue(long)).toThrow(LONG_CELL);
    expect(model.rows[0][1] ?? null).toBeNull();
  });

  test('setValues, setFormulas, setNotes and appendRow write nothing when one cell is too long', () => {
    const { sheet, model } = freshSheet();
    const range = sheet.getRange('A1:B1');
    expect(() => range.setValues([['ok', long]])).toThrow(LONG_CELL);
    expect(() => range.setFormulas([['=1', `=${long}`]])).toThrow(LONG_CELL);
    expect(() => range.setNotes([['ok', long]])).toThrow(LONG_CELL);
    expect(() => sheet.appendRow(['ok', long])).toThrow(LONG_CELL);
    expect(model.rows).toEqual([]);
    sheet.appendRow(['ok', max]);
    expect(sheet.getLastRow()).toBe(1);
  });
});

describe('cells: at most 10 million per spreadsheet', () => {
  /** A workbook whose only sheet leaves `free` cells below the limit. */
  function nearlyFull(free: number) {
    const state = newWorkbookState('Penuh');
    const big = newSheetState(0, 'Sheet1');
    big.maxColumns = 10;
    big.maxRows = (10_000_000 - free) / 10;
    state.sheets = [big];
    const { wb } = makeBench({}, state);
    return { state, ...begin(wb) };
  }

  test('insertSheet with its default 1000 x 26 grid', () => {
    const { state, SpreadsheetApp } = nearlyFull(25_990);
    expect(() => SpreadsheetApp.getActiveSpreadsheet().insertSheet('Baru')).toThrow(TOO_MANY_CELLS);
    expect(state.sheets).toHaveLength(1);
    const roomy = nearlyFull(26_000);
    roomy.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Baru');
  });

  test('insertRows*, insertColumns* and appendRow growing the grid', () => {
    const { state, SpreadsheetApp } = nearlyFull(10);
    const sheet = SpreadsheetApp.getActiveSheet();
    expect(() => sheet.insertRowsAfter(1, 2)).toThrow(TOO_MANY_CELLS);
    expect(() => sheet.insertColumnsAfter(1, 1)).toThrow(TOO_MANY_CELLS);
    sheet.insertRowAfter(1);
    expect(state.sheets[0].maxRows * 10).toBe(10_000_000);
    sheet.getRange(state.sheets[0].maxRows, 1).setValue('terakhir');
    expect(() => sheet.appendRow(['satu lagi'])).toThrow(TOO_MANY_CELLS);
  });
});

describe('dropdown lists: at most 500 items', () => {
  test('requireValueInList refuses 501 items', () => {
    const { SpreadsheetApp } = freshSheet();
    const items = Array.from({ length: 501 }, (_, i) => `item ${i}`);
    expect(() => SpreadsheetApp.newDataValidation().requireValueInList(items)).toThrow(
      'Workbench: a dropdown list can have at most 500 items (requireValueInList got 501).',
    );
    SpreadsheetApp.newDataValidation().requireValueInList(items.slice(0, 500)).build();
  });
});

describe('developer metadata: at most 30,000 characters per spreadsheet and per sheet', () => {
  test('addDeveloperMetadata and setValue refuse to go past it', () => {
    const { sheet, model, SpreadsheetApp } = freshSheet();
    sheet.addDeveloperMetadata('k', 'v'.repeat(29_990)); // 29,991 characters
    expect(() => sheet.addDeveloperMetadata('kunci', 'x'.repeat(5))).toThrow(
      'Workbench: developer metadata on sheet "Sheet1" would have 30001 characters; Sheets allows 30000.',
    );
    expect(model.developerMetadata).toHaveLength(1);
    const md = sheet.getDeveloperMetadata()[0];
    expect(() => md.setValue('v'.repeat(30_000))).toThrow('Sheets allows 30000');
    expect(md.getValue()).toHaveLength(29_990);
    md.setValue('pendek');
    sheet.addDeveloperMetadata('kunci', 'x'.repeat(5));
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(() => ss.addDeveloperMetadata('k', 'v'.repeat(30_000))).toThrow(
      'developer metadata on the spreadsheet would have 30001 characters',
    );
  });
});

describe('properties: 9 KB per value, 500 KB per store', () => {
  test('a value over 9 KB (UTF-8 bytes) is refused', () => {
    const { wb, state } = makeBench();
    const props = begin(wb).PropertiesService.getScriptProperties();
    props.setProperty('max', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => props.setProperty('wide', 'é'.repeat(4609))).toThrow('Argument too large: value');
    expect(() => props.setProperties({ a: '1', b: 'x'.repeat(10_000) })).toThrow('Argument too large: value');
    expect(Object.keys(state.properties.script)).toEqual(['max']);
  });

  test('a store over 500 KB (keys and values) is refused and left as it was', () => {
    const { wb, state } = makeBench();
    const props = begin(wb).PropertiesService.getDocumentProperties();
    const value = 'y'.repeat(9000);
    let n = 0;
    expect(() => {
      for (;;) props.setProperty(`K${n++}`, value);
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(n).toBe(57); // 56 fit in 512,000 bytes
    expect(Object.keys(state.properties.document)).toHaveLength(56);
    props.setProperty('K0', 'kecil'); // replacing a value counts its new size only
    props.setProperties({ only: value }, true);
    expect(Object.keys(state.properties.document)).toEqual(['only']);
  });
});

describe("execution time: 6 minutes on the latency model's estimate", () => {
  const CODE = `
function many(n) {
  var sheet = SpreadsheetApp.getActiveSheet();
  for (var i = 0; i < n; i++) {
    try { sheet.getRange(1, 1).getValue(); } catch (e) { /* Apps Script does not let a script survive */ }
  }
  return 'selesai';
}
function nap(ms) { Utilities.sleep(ms); return 'bangun'; }
function rows(n) {
  var sheet = SpreadsheetApp.getActiveSheet();
  for (var i = 0; i < n; i++) sheet.getRange((i % 1000) + 1, Math.floor(i / 1000) + 1).setValue(i + 1);
  return 'selesai';
}
`;
  // getActiveSheet, then per iteration getRange (a read round trip) and getValue (one more, one cell).
  const perIteration = (s: Scenario) => 2 * ROUND_TRIP_MS.read[s] + CELL_READ_US[s] / 1000;
  const lastIteration = (s: Scenario) =>
    Math.floor((6 * 60 * 1000 - ROUND_TRIP_MS.read[s]) / perIteration(s));

  test('past 6 minutes of typical estimate the execution fails, even when the script catches', () => {
    const { wb } = makeBench({ 'Code.js': CODE });
    const n = lastIteration('typical');
    expect(n).toBeGreaterThan(3000); // ~4,000 getRange + getValue pairs at ~45 ms each
    expect(n).toBeLessThan(5000);
    const ok = wb.run('many', [n - 5]);
    expect(ok).toMatchObject({ ok: true, value: 'selesai', cellsRead: n - 5, cellsWritten: 0 });
    expect(ok.estimatedSeconds?.typical).toBeGreaterThan(355);
    expect(ok.estimatedSeconds?.typical).toBeLessThanOrEqual(360);
    expect(wb.run('many', [n + 5])).toMatchObject({ ok: false, error: 'Exceeded maximum execution time' });
  });

  test('the scenario is selectable: optimistic lets the same run finish, pessimistic stops it sooner', () => {
    const { distDir } = makeBench({ 'Code.js': CODE });
    const bench = (scenario: Scenario) =>
      new Workbench({ state: newWorkbookState('Uji'), distDir, executionLimits: { scenario } });
    const n = lastIteration('typical') + 5;
    expect(bench('optimistic').run('many', [n])).toMatchObject({ ok: true });
    expect(bench('typical').run('many', [n])).toMatchObject({ ok: false });
    const pessimistic = lastIteration('pessimistic');
    expect(pessimistic).toBeLessThan(n);
    expect(bench('pessimistic').run('many', [pessimistic - 5])).toMatchObject({ ok: true });
    expect(bench('pessimistic').run('many', [pessimistic + 5])).toMatchObject({ ok: false });
  });

  test('what was written before the limit stays: a half-written sheet, nothing after', () => {
    const { wb, state } = makeBench({ 'Code.js': CODE });
    // Per row: getRange (read round trip) + setValue (write round trip, one cell).
    const perRow = ROUND_TRIP_MS.read.typical + ROUND_TRIP_MS.write.typical + CELL_WRITTEN_US.typical / 1000;
    const fit = Math.floor((6 * 60 * 1000 - ROUND_TRIP_MS.read.typical) / perRow);
    const result = wb.run('rows', [fit + 100]);
    expect(result).toMatchObject({ ok: false, error: 'Exceeded maximum execution time' });
    const values = state.sheets[0].rows.flatMap((r) => (r ?? []).map((c) => c?.value));
    const written = values.filter((v) => v !== undefined && v !== null && v !== '').length;
    expect(written).toBeGreaterThan(fit - 3);
    expect(written).toBeLessThan(fit + 3);
    expect(result.cellsWritten).toBe(written + 1); // the call that crossed the limit is counted, not run
    const cell = (i: number) => state.sheets[0].rows[i % 1000]?.[Math.floor(i / 1000)]?.value;
    expect(cell(written - 1)).toBe(written); // the last one written before the limit
    expect(cell(written) ?? null).toBeNull(); // and none after
  });

  test('Utilities.sleep counts in every scenario; the limit is configurable', () => {
    const { wb } = makeBench({ 'Code.js': CODE });
    const napped = wb.run('nap', [5 * 60 * 1000]);
    expect(napped).toMatchObject({ ok: true, value: 'bangun' });
    expect(napped.estimatedSeconds?.optimistic).toBeGreaterThanOrEqual(300);
    expect(wb.run('nap', [6 * 60 * 1000 + 1])).toMatchObject({
      ok: false,
      error: 'Exceeded maximum execution time',
    });
    const strict = new Workbench({
      state: newWorkbookState('Uji'),
      distDir: makeBench({ 'Code.js': CODE }).distDir,
      executionLimits: { maxExecutionMs: 1000 },
    });
    expect(strict.run('nap', [900])).toMatchObject({ ok: true });
    expect(strict.run('nap', [1001])).toMatchObject({ ok: false, error: 'Exceeded maximum execution time' });
  });

  test('in-process executions end the same way', () => {
    const { wb } = makeBench();
    const { Utilities, SpreadsheetApp, finish } = begin(wb);
    expect(() => Utilities.sleep(7 * 60 * 1000)).toThrow('Exceeded maximum execution time');
    expect(() => SpreadsheetApp.getActiveSheet()).toThrow('Exceeded maximum execution time');
    expect(finish('nilai')).toMatchObject({ ok: false, error: 'Exceeded maximum execution time' });
  });
});
