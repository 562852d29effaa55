import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { backupPath } from '../../src/workbench/server/backup';
import { loadWorkbook } from '../../src/workbench/server/persistence';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

function seeded(): WorkbookState {
  const state = newWorkbookState('Kegiatan <i>Dinas</i>');
  state.sheets[0].rows = [[{ value: 'Data penting' }]];
  state.sheets.push(newSheetState(state.nextId++, 'Peserta'));
  return state;
}

describe('"Atur ulang" with care, and "Pulihkan", in Chromium', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;
  const dialog = () => page.getByTestId('alert-dialog');

  beforeAll(async () => {
    workbench = await startWorkbench(seeded());
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(workbench.url);
    await page.getByTestId('addon-menu').waitFor();
    await page.locator('[data-a1="A1"]').filter({ hasText: 'Data penting' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('asks first, naming the spreadsheet and its sheets; Batal keeps everything', async () => {
    await expect(page.getByTestId('restore-button').isHidden()).resolves.toBe(true);
    await page.getByTestId('reset-button').click();
    const text = await dialog().textContent();
    expect(text).toContain('Spreadsheet “Kegiatan <i>Dinas</i>” (2 sheet: “Sheet1”, “Peserta”)');
    expect(text).toContain('cadangan');
    await expect(dialog().locator('i').count()).resolves.toBe(0);
    await dialog().locator('[data-button="CANCEL"]').click();
    await expect(page.locator('[data-a1="A1"]').textContent()).resolves.toBe('Data penting');
    expect(existsSync(backupPath(workbench.workbookPath))).toBe(false);
  });

  test('OK resets and keeps the old workbook as a backup file next to it', async () => {
    await page.getByTestId('reset-button').click();
    await dialog().locator('[data-button="OK"]').click();
    await page.waitForFunction(`document.querySelector('[data-a1="A1"] .v')?.textContent === ''`);
    await expect(page.getByTestId('sheet-tab').allTextContents()).resolves.toEqual(['Sheet1']);
    expect(loadWorkbook(backupPath(workbench.workbookPath)).name).toBe('Kegiatan <i>Dinas</i>');
    await page.getByTestId('restore-button').waitFor();
    await expect(page.getByTestId('restore-button').getAttribute('title')).resolves.toContain(
      'Kegiatan <i>Dinas</i>',
    );
    // the add-in was opened again on the new spreadsheet
    await page.getByTestId('addon-menu').click();
    await page.getByTestId('menu-item').first().waitFor();
    await page.keyboard.press('Escape');
  });

  test('"Pulihkan" brings it back (the empty one becomes the backup)', async () => {
    await page.getByTestId('restore-button').click();
    await expect(dialog().textContent()).resolves.toContain('“Kegiatan <i>Dinas</i>” (2 sheet');
    await dialog().locator('[data-button="OK"]').click();
    await page.waitForFunction(`document.querySelector('[data-a1="A1"] .v')?.textContent === 'Data penting'`);
    await expect(page.getByTestId('sheet-tab').allTextContents()).resolves.toEqual(['Sheet1', 'Peserta']);
    await expect(page.getByTestId('doc-name').textContent()).resolves.toBe('Kegiatan <i>Dinas</i>');
    expect(loadWorkbook(workbench.workbookPath).sheets).toHaveLength(2);
    expect(loadWorkbook(backupPath(workbench.workbookPath)).sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});
