import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

/**
 * The sidebar's strings come with its first state (issue 12, part 6): until getSidebarState
 * answers it shows only what sidebar.html holds inline, and when that call fails it still says
 * so, in both languages, with "Muat ulang" to try again.
 */
describe('the sidebar before and without its first state, in Chromium', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;
  const sidebar = () => page.frameLocator('[data-testid="sidebar-frame"]');
  /** Server functions the page called (POST /api/run/<name>), in order. */
  const calls: string[] = [];

  beforeAll(async () => {
    workbench = await startWorkbench();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (request) => {
      const match = /\/api\/run\/(\w+)$/.exec(request.url());
      if (match) calls.push(match[1]);
    });
    await page.goto(workbench.url);
    await page.getByTestId('menu-item').first().waitFor({ state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  async function openPanel(): Promise<void> {
    const item = page.getByTestId('menu-item').filter({ hasText: 'Buka panel' });
    if (!(await item.isVisible())) await page.getByTestId('addon-menu').click();
    await item.click();
    await page.getByTestId('sidebar-title').filter({ hasText: 'SOP & Data Terpilah' }).waitFor();
  }

  test('a failed first call shows its error with a prefix in both languages; "Muat ulang" recovers', async () => {
    await page.route('**/api/run/getSidebarState', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'Exception: Service Spreadsheets failed while accessing document' }),
      }),
    );
    await openPanel();
    const error = sidebar().locator('#error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe(
      'Terjadi kesalahan / Something went wrong: Service Spreadsheets failed while accessing document',
    );
    // Without strings nothing but the inline texts shows: no tab strip, no panel, no key names.
    await expect(sidebar().locator('#loading').isHidden()).resolves.toBe(true);
    await expect(sidebar().getByRole('tablist').isHidden()).resolves.toBe(true);
    await expect(sidebar().getByTestId('refresh').textContent()).resolves.toContain('Muat ulang');
    await expect(sidebar().getByTestId('info-toggle').textContent()).resolves.toBe('Info');

    await page.unroute('**/api/run/getSidebarState');
    calls.length = 0;
    await sidebar().getByTestId('refresh').click();
    await sidebar().getByTestId('tab-sop').filter({ hasText: 'SOP' }).waitFor();
    await expect(error.isHidden()).resolves.toBe(true);
    await expect(sidebar().getByTestId('tab-activities').textContent()).resolves.toBe('Kegiatan');
    expect(calls).toEqual(['getSidebarState']);
  });

  test('opened again, one call brings the whole panel in the person’s language', async () => {
    await sidebar().getByTestId('language').selectOption('en');
    await sidebar().getByTestId('refresh').filter({ hasText: 'Reload' }).waitFor();
    await page.keyboard.press('Escape');
    calls.length = 0;
    const item = page.getByTestId('menu-item').filter({ hasText: 'Open panel' });
    if (!(await item.isVisible())) await page.getByTestId('addon-menu').click();
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/run/getSidebarState'));
    await item.click();
    await answered;
    await sidebar().getByTestId('tab-activities').filter({ hasText: 'Activities' }).waitFor();
    await expect(sidebar().getByTestId('refresh').textContent()).resolves.toContain('Reload');
    expect(calls.filter((name) => name !== 'showSidebar')).toEqual(['getSidebarState']);
  });
});
