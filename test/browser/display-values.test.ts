import type { Browser } from 'playwright-core';
import { newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { launchBrowser, startWorkbench } from '../support/browser';
import { DIST } from '../support/workbench';

/** One cell per row: what a script writes, and the number format it sets (null: none). */
const TABLE: [unknown, string | null][] = [
  // numbers
  [1234.5, null],
  [1234.5, '#,##0.00'],
  [-1234.5, '#,##0.00'],
  [-5, '0;0'],
  [0, '0;-0;"nol"'],
  [0.19145604129880667, null],
  [3201234567890123, null],
  [1000, '0.00E+00'],
  [1500000, '"Rp"#,##0.00'],
  [2.5, '0.0 "kg"'],
  [42, '@'],
  // percents
  [0.125, '0.00%'],
  [0.5, '0%'],
  ['12,5%', null],
  // dates and times
  [new Date('2024-08-15T03:04:05Z'), null],
  [new Date('2024-08-15T03:04:05Z'), 'd mmmm yyyy'],
  [new Date('2024-08-15T03:04:05Z'), 'dddd, d mmm yyyy'],
  [new Date('2024-08-15T03:04:05Z'), 'dd/mm/yyyy hh:mm'],
  [new Date('2024-08-15T15:04:05Z'), 'h:mm am/pm'],
  ['15/8/2024', null],
  ['9:30', null],
  [45519.5, 'yyyy-mm-dd hh:mm'],
  // text and booleans
  ['Siti', null],
  ["'007", null],
  ['0012', '@'],
  [true, null],
  [false, null],
];

/** A workbook in `locale` with the table written through the emulated services, and what they display. */
function written(locale: string): { state: WorkbookState; shown: string[] } {
  const state = newWorkbookState('Tampilan');
  state.locale = locale;
  const wb = new Workbench({ state, distDir: DIST });
  const { globals, finish } = wb.beginExecution();
  const app = globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const range = app.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, TABLE.length, 1);
  range.setNumberFormats(TABLE.map(([, f]) => [f ?? 'General']));
  range.setValues(TABLE.map(([v]) => [v]));
  const shown = range.getDisplayValues().map(([text]) => text);
  const result = finish();
  if (!result.ok) throw new Error(result.error);
  return { state, shown };
}

describe('the page shows what Range.getDisplayValues returns', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test.each(['id_ID', 'en_US'])('%s: every cell of the table', async (locale) => {
    const { state, shown } = written(locale);
    const workbench = await startWorkbench(state);
    try {
      const page = await browser.newPage();
      await page.goto(workbench.url);
      await page.getByTestId('grid').waitFor();
      const texts: string[] = [];
      for (let r = 1; r <= TABLE.length; r++)
        texts.push((await page.locator(`[data-testid="cell"][data-a1="A${r}"]`).textContent()) ?? '');
      expect(texts).toEqual(shown);
      // The table is not trivially the same everywhere: the locale shows.
      expect(shown[1]).toBe(locale === 'id_ID' ? '1.234,50' : '1,234.50');
      expect(shown[15]).toBe(locale === 'id_ID' ? '15 Agustus 2024' : '15 August 2024');
      await page.close();
    } finally {
      await workbench.stop();
    }
  });
});
