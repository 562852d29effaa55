import type { Browser, Page } from 'playwright-core';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

const HOSTILE = '<img src=x onerror="window.__xss = 1">';

/** Sheet1 with a number, a formula and a warning-only protected cell; a second sheet. */
function seeded(): WorkbookState {
  const state = newWorkbookState('Kantor');
  const sheet = state.sheets[0];
  sheet.rows = [
    [{ value: 'Nama' }, { value: 'Nilai' }],
    [{ value: 'Ani' }, { value: 2.5 }, { value: '', formula: '=B2*2' }],
    [{ value: '007' }],
  ];
  sheet.protections = [
    {
      id: 'p1',
      type: 'RANGE',
      range: { row: 0, column: 4, numRows: 1, numColumns: 1 },
      description: 'Jangan diubah',
      warningOnly: true,
      editors: [],
    },
  ];
  state.sheets.push(newSheetState(1, 'Kedua'));
  state.nextId = 2;
  return state;
}

describe('editing the grid like Sheets, in Chromium', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;

  const cell = (a1: string) => page.locator(`[data-testid="cell"][data-a1="${a1}"]`);
  const text = (a1: string) => cell(a1).locator('.v').textContent();
  // Page-side code is passed as text: the test tsconfig has no DOM typings.
  const waitText = (a1: string, expected: string) =>
    page.waitForFunction(
      `document.querySelector('[data-testid="cell"][data-a1="${a1}"] .v')?.textContent === ${JSON.stringify(expected)}`,
    );
  const formulaBar = () => page.getByTestId('cell-content').inputValue();
  const cellRef = () => page.getByTestId('cell-ref').textContent();

  beforeAll(async () => {
    workbench = await startWorkbench(seeded());
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(workbench.url);
    await page.getByTestId('addon-menu').waitFor();
    await cell('A1').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('the formula bar shows the raw content: a formula, a number in the locale, a text kept as text', async () => {
    await cell('C2').click();
    await expect(cellRef()).resolves.toBe('C2');
    await expect(formulaBar()).resolves.toBe('=B2*2');
    await cell('B2').click();
    await expect(formulaBar()).resolves.toBe('2,5'); // id_ID decimal comma
    await cell('A3').click();
    await expect(formulaBar()).resolves.toBe("'007"); // typing 007 would make a number
  });

  test('typing then Enter commits (parsed as Sheets parses it) and moves down; Tab moves right', async () => {
    await cell('B3').click();
    await page.keyboard.type('3,5');
    await page.keyboard.press('Enter');
    await waitText('B3', '3,5');
    await expect(cellRef()).resolves.toBe('B4');
    await cell('B3').click();
    await expect(formulaBar()).resolves.toBe('3,5');
    // right-aligned: a number, not the text "3,5"
    await expect(
      page.evaluate(`getComputedStyle(document.querySelector('[data-a1="B3"]')).textAlign`),
    ).resolves.toBe('right');

    await cell('A4').click();
    await page.keyboard.type('Budi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('=B3*2');
    await page.keyboard.press('Enter');
    await waitText('A4', 'Budi');
    await page.waitForFunction(`document.querySelector('[data-a1="B4"]')?.dataset.formula === '=B3*2'`);
    await expect(cellRef()).resolves.toBe('B5');
  });

  test('Escape cancels; arrows move; F2 and double-click edit the content in place', async () => {
    await cell('A2').click();
    await page.keyboard.type('Salah');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('cell-editor').count()).resolves.toBe(0);
    await expect(text('A2')).resolves.toBe('Ani');
    await expect(formulaBar()).resolves.toBe('Ani');

    await page.keyboard.press('ArrowRight');
    await expect(cellRef()).resolves.toBe('B2');
    await page.keyboard.press('ArrowUp');
    await expect(cellRef()).resolves.toBe('B1');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    await expect(cellRef()).resolves.toBe('A2');

    await page.keyboard.press('F2');
    await expect(page.getByTestId('cell-editor').inputValue()).resolves.toBe('Ani');
    await page.keyboard.type(' Rahma');
    await page.keyboard.press('Enter');
    await waitText('A2', 'Ani Rahma');

    await cell('A1').dblclick();
    await expect(page.getByTestId('cell-editor').inputValue()).resolves.toBe('Nama');
    await page.keyboard.press('Escape');
  });

  test('shift-click and shift+arrows select a range; Delete clears it; Ctrl+Z brings it back', async () => {
    await cell('A3').click();
    await cell('B4').click({ modifiers: ['Shift'] });
    await expect(cellRef()).resolves.toBe('A3:B4');
    await expect(page.locator('td.in-selection').count()).resolves.toBe(4);
    await page.keyboard.press('Delete');
    await waitText('A4', '');
    await expect(text('B3')).resolves.toBe('');
    await expect(page.locator('[data-a1="B4"]').getAttribute('data-formula')).resolves.toBeNull();

    await page.keyboard.press('Control+z');
    await waitText('A4', 'Budi');
    await expect(text('B3')).resolves.toBe('3,5');
    await expect(text('A3')).resolves.toBe('007');
    await expect(page.locator('[data-a1="B4"]').getAttribute('data-formula')).resolves.toBe('=B3*2');

    await cell('A1').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(cellRef()).resolves.toBe('A1:B2');
  });

  test('pasted rows and tabs from another spreadsheet fill from the active cell', async () => {
    await cell('D6').click();
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Laki-laki\\t12\\r\\nPerempuan\\t15,5\\r\\n"Baris\\nbaru"\\t\\r\\n');
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
    })()`);
    await waitText('E7', '15,5');
    await expect(text('D6')).resolves.toBe('Laki-laki');
    await expect(text('E6')).resolves.toBe('12');
    await expect(text('D8')).resolves.toBe('Baris\nbaru');
    await expect(cellRef()).resolves.toBe('D6:E8');
  });

  test('a warning-only protected range asks first, as Sheets does; Batal keeps the cell', async () => {
    await cell('E1').click();
    await page.keyboard.type('ubah');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('alert-dialog');
    await expect(dialog.textContent()).resolves.toContain('Anda akan mengedit bagian sheet yang dilindungi');
    await dialog.locator('[data-button="CANCEL"]').click();
    await expect(text('E1')).resolves.toBe('');

    await cell('E1').click();
    await page.keyboard.type('ubah');
    await page.keyboard.press('Enter');
    await page.getByTestId('alert-dialog').locator('[data-button="OK"]').click();
    await waitText('E1', 'ubah');
  });

  test('typed markup stays text; edits persist in the workbook file', async () => {
    await cell('A10').click();
    await page.keyboard.type(HOSTILE);
    await page.keyboard.press('Enter');
    await waitText('A10', HOSTILE);
    await expect(cell('A10').locator('img').count()).resolves.toBe(0);
    await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
    await page.reload();
    await waitText('A10', HOSTILE);
    await expect(text('A4')).resolves.toBe('Budi');
  });

  test('the add-in sees the edit: new minutes in a Template sheet reach the SOP sheet', async () => {
    await page.getByTestId('addon-menu').click();
    await page.getByTestId('menu-item').filter({ hasText: 'Template baru' }).click();
    await page.getByTestId('prompt-input').fill('Rapat Kantor');
    await page.getByTestId('alert-dialog').locator('[data-button="OK"]').click();
    await page.getByTestId('alert-dialog').locator('[data-button="YES"]').click();
    const tab = page.getByTestId('sheet-tab').filter({ hasText: 'Template: Rapat Kantor' });
    await tab.waitFor();
    await tab.click();
    const header = page.getByTestId('cell').filter({ hasText: /^Waktu \(menit\)$/ });
    await header.waitFor();
    const row = Number(await header.getAttribute('data-row'));
    const col = Number(await header.getAttribute('data-col'));
    await page.locator(`td[data-row="${row + 1}"][data-col="${col}"]`).click();
    await page.keyboard.type('777');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      `document.querySelector('td[data-row="${row + 1}"][data-col="${col}"] .v')?.textContent === '777'`,
    );

    await page.getByTestId('addon-menu').click();
    await page.getByTestId('menu-item').filter({ hasText: 'Buat SOP' }).click();
    const sop = page.getByTestId('sheet-tab').filter({ hasText: 'SOP: Rapat Kantor' });
    await sop.waitFor();
    await sop.click();
    await page.getByTestId('cell').filter({ hasText: /^777$/ }).first().waitFor();

    // The SOP sheet is protected with a warning: editing it asks first.
    await page.getByTestId('cell').filter({ hasText: /^777$/ }).first().click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('alert-dialog').textContent()).resolves.toContain('dilindungi');
    await page.getByTestId('alert-dialog').locator('[data-button="CANCEL"]').click();
  });
});
