import type { Browser, Page } from 'playwright-core';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

/** A long Sheet1, a short "Data", and many tabs with long names (more than the bar shows). */
function seeded(): WorkbookState {
  const state = newWorkbookState('Tab');
  state.sheets[0].rows = Array.from({ length: 300 }, (_, i) => [{ value: `baris ${i + 1}` }]);
  const data = newSheetState(state.nextId++, 'Data');
  data.rows = [[{ value: 'Nama' }, { value: 'Umur' }]];
  state.sheets.push(data);
  for (let i = 1; i <= 20; i++) state.sheets.push(newSheetState(state.nextId++, `Sheet lama nomor ${i}`));
  return state;
}

describe('sheets as tabs in Chromium', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;

  const tab = (name: string) => page.getByTestId('sheet-tab').filter({ hasText: new RegExp(`^${name}$`) });
  const tabNames = () => page.getByTestId('sheet-tab').allTextContents();
  const shownTab = () => page.locator('[data-testid="sheet-tab"].selected').textContent();
  const menu = async (action: string) => {
    await page.getByTestId('sheet-tab-menu').click();
    await page.locator(`[data-testid="tab-menu-item"][data-action="${action}"]`).click();
  };
  const waitShown = (name: string) =>
    page.waitForFunction(
      `document.querySelector('[data-testid="sheet-tab"].selected')?.textContent === ${JSON.stringify(name)}`,
    );
  /** The tab is inside the visible part of the tab bar. */
  const inView = (name: string) =>
    page.evaluate(`(() => {
      const bar = document.getElementById('tabs').getBoundingClientRect();
      const t = [...document.querySelectorAll('[data-testid="sheet-tab"]')].find((b) => b.textContent === ${JSON.stringify(name)});
      const r = t.getBoundingClientRect();
      return r.left >= bar.left - 1 && r.right <= bar.right + 1;
    })()`);

  beforeAll(async () => {
    workbench = await startWorkbench(seeded());
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(workbench.url);
    await page.getByTestId('addon-menu').waitFor();
    await page.locator('[data-a1="A1"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('each sheet keeps its own selection and scroll position', async () => {
    await page.locator('[data-a1="A1"]').click();
    for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('cell-ref').textContent()).resolves.toBe('A61');
    const scrolled = (await page.evaluate(`document.getElementById('sheet-area').scrollTop`)) as number;
    expect(scrolled).toBeGreaterThan(500);

    await tab('Data').click();
    await waitShown('Data');
    await expect(page.getByTestId('cell-ref').textContent()).resolves.toBe('A1');
    await expect(page.evaluate(`document.getElementById('sheet-area').scrollTop`)).resolves.toBe(0);
    await page.locator('[data-a1="B1"]').click();

    await tab('Sheet1').click();
    await waitShown('Sheet1');
    await expect(page.getByTestId('cell-ref').textContent()).resolves.toBe('A61');
    await expect(page.getByTestId('cell-content').inputValue()).resolves.toBe('baris 61');
    await expect(page.evaluate(`document.getElementById('sheet-area').scrollTop`)).resolves.toBe(scrolled);
    await tab('Data').click();
    await waitShown('Data');
    await expect(page.getByTestId('cell-ref').textContent()).resolves.toBe('B1');
  });

  test('"+" adds "Sheet<n>" at the end, shown, its tab scrolled into view', async () => {
    await expect(inView('Sheet lama nomor 20')).resolves.toBe(false);
    await page.getByTestId('add-sheet').click();
    await waitShown('Sheet23');
    expect((await tabNames()).at(-1)).toBe('Sheet23');
    await expect(inView('Sheet23')).resolves.toBe(true);
  });

  test('the tab menu renames (the name preset), duplicates and moves a tab', async () => {
    await menu('rename');
    await expect(page.getByTestId('prompt-input').inputValue()).resolves.toBe('Sheet23');
    await page.getByTestId('prompt-input').fill('Ringkasan <b>');
    await page.getByTestId('prompt-input').press('Enter');
    await waitShown('Ringkasan <b>');

    await page.locator('[data-a1="A1"]').click();
    await page.keyboard.type('isi');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.querySelector('[data-a1="A1"] .v')?.textContent === 'isi'`);
    await menu('duplicate');
    await waitShown('Salinan Ringkasan <b>');
    expect((await tabNames()).slice(-2)).toEqual(['Ringkasan <b>', 'Salinan Ringkasan <b>']);
    await expect(page.locator('[data-a1="A1"] .v').textContent()).resolves.toBe('isi');
    await expect(inView('Salinan Ringkasan <b>')).resolves.toBe(true);
    await expect(page.locator('[data-testid="sheet-tab"] b').count()).resolves.toBe(0);

    await menu('move-left');
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-testid="sheet-tab"]')].at(-1)?.textContent === 'Ringkasan <b>'`,
    );
    await expect(shownTab()).resolves.toBe('Salinan Ringkasan <b>');
    // keyboard: the context-menu key opens the same menu; Escape closes it
    await tab('Salinan Ringkasan <b>').focus();
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('tab-menu').waitFor();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('tab-menu').count()).resolves.toBe(0);
  });

  test('dragging a tab moves it', async () => {
    await tab('Data').dragTo(tab('Sheet1'));
    await page.waitForFunction(`document.querySelector('[data-testid="sheet-tab"]')?.textContent === 'Data'`);
    expect((await tabNames()).slice(0, 3)).toEqual(['Data', 'Sheet1', 'Sheet lama nomor 1']);
  });

  test('delete asks first (Batal keeps the tab), then removes it', async () => {
    await tab('Salinan Ringkasan <b>').click();
    await waitShown('Salinan Ringkasan <b>');
    await menu('delete');
    await expect(page.getByTestId('alert-dialog').textContent()).resolves.toContain(
      'Sheet “Salinan Ringkasan <b>” dan semua isinya akan dihapus.',
    );
    await page.getByTestId('alert-dialog').locator('[data-button="CANCEL"]').click();
    await expect(tabNames()).resolves.toContain('Salinan Ringkasan <b>');
    await menu('delete');
    await page.getByTestId('alert-dialog').locator('[data-button="OK"]').click();
    await page.waitForFunction(
      `![...document.querySelectorAll('[data-testid="sheet-tab"]')].some((t) => t.textContent === 'Salinan Ringkasan <b>')`,
    );
    await expect(shownTab()).resolves.not.toBe('Salinan Ringkasan <b>');
  });
});
