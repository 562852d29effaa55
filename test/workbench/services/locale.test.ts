import fc from 'fast-check';
import { newWorkbookState } from '../../../src/workbench/model';
import { parseWorkbook, serializeWorkbook } from '../../../src/workbench/server/persistence';
import * as os from 'node:os';
import { Workbench } from '../../../src/workbench/runtime';
import { begin, freshSheet } from './harness';

describe('spreadsheet locale', () => {
  test('a new spreadsheet is id_ID; setSpreadsheetLocale changes how typed strings parse', () => {
    const { sheet, SpreadsheetApp } = freshSheet();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSpreadsheetLocale()).toBe('id_ID');
    sheet.getRange('A1:C1').setValues([['1.234,5', '12/3/2024', '3,5']]);
    expect(sheet.getRange('A1').getValue()).toBe(1234.5);
    expect((sheet.getRange('B1').getValue() as Date).toISOString()).toBe('2024-03-11T17:00:00.000Z'); // 12 March
    expect(sheet.getRange('C1').getValue()).toBe(3.5);
    ss.setSpreadsheetLocale('en_US');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
    sheet.getRange('A1:C1').setValues([['1,234.5', '12/3/2024', '3,5']]);
    expect(sheet.getRange('A1').getValue()).toBe(1234.5);
    expect((sheet.getRange('B1').getValue() as Date).toISOString()).toBe('2024-12-02T17:00:00.000Z'); // Dec 3
    expect(sheet.getRange('C1').getValue()).toBe(35);
  });

  test('a locale the workbench has no rules for is refused', () => {
    const { SpreadsheetApp } = freshSheet();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(() => ss.setSpreadsheetLocale('fr_FR')).toThrow(
      'Workbench: spreadsheet locale "fr_FR" is not emulated',
    );
    expect(ss.getSpreadsheetLocale()).toBe('id_ID');
  });

  test('workbooks saved without a locale load as id_ID', () => {
    const state = newWorkbookState('Lama') as Partial<ReturnType<typeof newWorkbookState>>;
    delete state.locale;
    expect(parseWorkbook(serializeWorkbook(state as ReturnType<typeof newWorkbookState>)).locale).toBe(
      'id_ID',
    );
  });
});

describe('typed strings convert as Sheets converts them', () => {
  test('dates with month names, times, currency, percents, negatives get an automatic format', () => {
    const { sheet } = freshSheet();
    sheet
      .getRange('A1:F1')
      .setValues([['April 2024', '15 Agustus 2024', '9:30 PM', 'Rp 1.500.000', '50 %', '(100)']]);
    const [v] = sheet.getRange('A1:F1').getValues();
    expect(v.map((x) => (x instanceof Date ? 'Date' : x))).toEqual([
      'Date',
      'Date',
      'Date',
      1500000,
      0.5,
      -100,
    ]);
    expect(sheet.getRange('A1:F1').getNumberFormats()).toEqual([
      ['mmmm yyyy', 'd mmmm yyyy', 'h:mm am/pm', '"Rp"#,##0.00', '0%', '0.###############'],
    ]);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      ['April 2024', '15 Agustus 2024', '9:30 PM', 'Rp1.500.000,00', '50%', '-100'],
    ]);
  });

  test('appendRow parses like setValues', () => {
    const { sheet } = freshSheet();
    sheet.appendRow(['April 2024', "'April 2024", 'Siti', '3,5']);
    const [v] = sheet.getRange('A1:D1').getValues();
    expect(v[0]).toBeInstanceOf(Date);
    expect(v.slice(1)).toEqual(['April 2024', 'Siti', 3.5]);
  });

  test('a day without a year takes the current year of the execution clock', () => {
    const wb = new Workbench({
      state: newWorkbookState('Uji'),
      distDir: os.tmpdir(),
      now: () => new Date('2031-12-31T20:00:00Z'), // already 2032 in Asia/Jakarta
    });
    const { SpreadsheetApp } = begin(wb);
    const range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
    range.setValue('15 April');
    expect((range.getValue() as Date).toISOString()).toBe('2032-04-14T17:00:00.000Z');
  });
});

describe('numbers', () => {
  test('a number written as a number keeps its exact double; typed digits keep 15', () => {
    const { sheet } = freshSheet();
    sheet.getRange('A1:B1').setValues([[0.19145604129880667, 3201234567890123]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[0.19145604129880667, 3201234567890123]]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('0,191456041298807'); // shown rounded
    sheet.getRange('A2:C2').setValues([['3201234567890123', "'3201234567890123", '0,19145604129880667']]);
    expect(sheet.getRange('A2:C2').getValues()).toEqual([
      [3201234567890120, '3201234567890123', 0.191456041298807],
    ]);
    sheet.getRange('D2').setNumberFormat('@').setValue('3201234567890123');
    expect(sheet.getRange('D2').getValue()).toBe('3201234567890123');
  });

  test('any number written reads back identical; any string behind an apostrophe reads back exactly', () => {
    const { sheet } = freshSheet();
    const range = sheet.getRange('A1:B1');
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string({ maxLength: 30 }),
        (n, s) => {
          range.setValues([[n, `'${s}`]]);
          const [[a, b]] = range.getValues();
          expect(Object.is(a, n)).toBe(true);
          expect(b).toBe(s);
          expect(range.getFormulas()).toEqual([['', '']]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('number formats read back as Sheets reports them', () => {
  test('a fresh cell and "General" report 0.###############', () => {
    const { sheet } = freshSheet();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.00');
    sheet.getRange('A1').setNumberFormat('General');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    sheet.getRange('A1:B1').setNumberFormats([['General', '@']]);
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['0.###############', '@']]);
    // "General" is the automatic format: a typed date then gets its own format
    sheet.getRange('A1').setValue('2024-01-05');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('yyyy-mm-dd');
  });
});
