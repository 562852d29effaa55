import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

const SCREENSHOTS = join(__dirname, '..', '..', 'build', 'screenshots');

describe('workbench in Chromium: menu → sidebar → server round trip', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    workbench = await startWorkbench();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('the page shows the add-in menu built by onOpen, the sheet tab and the grid', async () => {
    await page.goto(workbench.url);
    // onOpen's answer redraws the menu bar: a dropdown opened before that would be replaced, closed.
    await page.getByTestId('menu-item').first().waitFor({ state: 'attached' });
    await page.getByTestId('addon-menu').click();
    await expect(page.getByTestId('menu-item').allTextContents()).resolves.toEqual([
      'Buka panel',
      'Buat SOP',
      'Template baru…',
      'Bangun ulang progres',
      'Kalender Kerja',
      'Laporan Monitoring SOP',
      'Tambah/Impor peserta',
      'Buat Laporan Data Terpilah',
      'Kelompokkan instansi',
      'Ekspor Satu Data',
      'Periksa pemasangan',
      'Tentang add-on',
    ]);
    await expect(page.getByTestId('sheet-tab').allTextContents()).resolves.toEqual(['Sheet1']);
    await page.getByTestId('grid').waitFor();
  });

  test('"Buka panel" opens the real sidebar, with its state from the same execution', async () => {
    // The menu opened above may have closed since (a redraw after the grid loaded): open it here.
    const item = page.getByTestId('menu-item').filter({ hasText: 'Buka panel' });
    if (!(await item.isVisible())) await page.getByTestId('addon-menu').click();
    await item.click();
    await page.getByTestId('sidebar-title').filter({ hasText: 'SOP & Data Terpilah' }).waitFor();
    const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
    // The status card sits in the collapsed "Info" section and is shown once the state arrived.
    await sidebar.getByTestId('info-toggle').click();
    await sidebar.getByTestId('sidebar-status').waitFor();
    await expect(sidebar.getByTestId('spreadsheet-name').textContent()).resolves.toBe(
      'Spreadsheet tanpa judul',
    );
    await expect(sidebar.getByTestId('sheet-count').textContent()).resolves.toBe('1');
    await expect(sidebar.getByTestId('server-time').textContent()).resolves.toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+07:00$/,
    );
    // The execution log shows the one execution (the menu's) with its service-call count.
    await page.getByTestId('exec-log').filter({ hasText: 'showSidebar' }).waitFor({ state: 'attached' });
    await expect(page.getByTestId('exec-log').textContent()).resolves.not.toContain('getSidebarState');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'sidebar.png') });
  });

  test('switching the sidebar to English is a server round trip that also rebuilds the menu', async () => {
    const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
    await sidebar.getByTestId('language').selectOption('en');
    await sidebar.getByTestId('refresh').filter({ hasText: 'Reload' }).waitFor();
    await page.getByTestId('addon-menu').click();
    await page.getByTestId('menu-item').filter({ hasText: 'Open panel' }).waitFor();
    await expect(page.getByTestId('menu-item').allTextContents()).resolves.toEqual([
      'Open panel',
      'Create SOP',
      'New template…',
      'Rebuild progress',
      'Working calendar',
      'SOP monitoring report',
      'Add/import participants',
      'Create sex-disaggregated data report',
      'Group institutions',
      'Export Satu Data',
      'Check installation',
      'About the add-on',
    ]);
    await page.keyboard.press('Escape');
  });
});
