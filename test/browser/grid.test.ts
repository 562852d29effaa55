import type { Browser, Page } from 'playwright-core';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

const HOSTILE = '<img src=x onerror="window.__xss = 1">';

/** A workbook someone left with formatted cells, a merge, a frozen row, and hostile text. */
function seeded(): WorkbookState {
  const state = newWorkbookState('Kegiatan PUG');
  const sheet = state.sheets[0];
  sheet.rows = [
    [
      {
        value: 'Judul',
        format: { fontWeight: 'bold', background: '#d9e2f3', horizontalAlignment: 'center' },
      },
      null,
      { value: HOSTILE },
    ],
    [{ value: 42 }, { value: new Date('2019-04-15T03:00:00Z') }, { value: '', formula: '=A2*2' }],
  ];
  sheet.merges = [{ row: 0, column: 0, numRows: 1, numColumns: 2 }];
  sheet.frozenRows = 1;
  state.sheets.push(newSheetState(1, 'Peserta'));
  state.nextId = 2;
  return state;
}

describe('workbench grid in Chromium', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    workbench = await startWorkbench(seeded());
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(workbench.url);
    await page.getByTestId('grid').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('cell text is rendered as text: HTML in a cell never runs', async () => {
    const cell = page.locator('[data-testid="cell"][data-a1="C1"]');
    await expect(cell.textContent()).resolves.toBe(HOSTILE);
    await expect(cell.locator('img').count()).resolves.toBe(0);
    // Page-side code is passed as text: the test tsconfig has no DOM typings (server code must not use them).
    await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
  });

  test('formats, merges, dates and formulas show as in Sheets', async () => {
    const title = page.locator('[data-testid="cell"][data-a1="A1"]');
    await expect(title.getAttribute('colspan')).resolves.toBe('2');
    const style = await page.evaluate(`(() => {
      const s = getComputedStyle(document.querySelector('[data-testid="cell"][data-a1="A1"]'));
      return { weight: s.fontWeight, background: s.backgroundColor, align: s.textAlign };
    })()`);
    expect(style).toEqual({ weight: '700', background: 'rgb(217, 226, 243)', align: 'center' });
    await expect(page.locator('[data-a1="A2"]').textContent()).resolves.toBe('42');
    await expect(page.locator('[data-a1="B2"]').textContent()).resolves.toBe('15/4/2019 10:00:00'); // as getDisplayValue shows it (id_ID)
    await expect(page.locator('[data-a1="C2"]').getAttribute('data-formula')).resolves.toBe('=A2*2');
  });

  test('sheet tabs switch the displayed sheet', async () => {
    await expect(page.getByTestId('sheet-tab').allTextContents()).resolves.toEqual(['Sheet1', 'Peserta']);
    await page
      .getByTestId('sheet-tab')
      .filter({ hasText: /^Peserta$/ })
      .click();
    // Wait for the Peserta grid itself: the old C1 matched an empty filter before the switch drew.
    await page.waitForFunction(`document.querySelector('[data-a1="C1"]')?.textContent === ''`);
    await expect(page.locator('[data-a1="C1"]').textContent()).resolves.toBe('');
  });
});
