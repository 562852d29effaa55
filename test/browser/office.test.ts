import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

/** Every text the status bar showed, recorded in the page from its first paint. */
const RECORD_STATUS = `
  window.__statuses = [];
  document.addEventListener('DOMContentLoaded', () => {
    const status = document.getElementById('status');
    new MutationObserver(() => {
      if (status.textContent) window.__statuses.push(status.textContent);
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
`;

describe('workbench as an office tries it: quiet log, words in the status bar, one error surface', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;

  const statuses = (): Promise<string[]> => page.evaluate('window.__statuses') as Promise<string[]>;

  beforeAll(async () => {
    workbench = await startWorkbench();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(RECORD_STATUS);
    await page.goto(workbench.url);
    await page.getByTestId('menu-item').filter({ hasText: 'Buka panel' }).waitFor({ state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('the execution log is collapsed by default; its toggle opens it', async () => {
    const log = page.getByTestId('exec-log');
    await log.getByTestId('exec-entry').first().waitFor({ state: 'attached' });
    await expect(log.isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('log-toggle').textContent()).resolves.toMatch(/Log eksekusi \(\d+\)/);
    await page.getByTestId('log-toggle').click();
    await log.waitFor();
    await expect(log.textContent()).resolves.toContain('onOpen');
    // Its tooltip: cells, round trips (the latency model's, write cache included), calls by method.
    await expect(log.getByTestId('exec-entry').first().getAttribute('title')).resolves.toMatch(
      /sel dibaca: \d+, sel ditulis: \d+, perjalanan ke server: \d+/,
    );
    await page.getByTestId('log-toggle').click();
    await log.waitFor({ state: 'hidden' });
  });

  test('the status bar says what the add-in does, in words, never a function name', async () => {
    await page.getByTestId('addon-menu').click();
    await page.getByTestId('menu-item').filter({ hasText: 'Buka panel' }).click();
    const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
    await sidebar.locator('[data-testid="create-sop"]:not([disabled])').waitFor({ state: 'attached' });
    await sidebar.locator('[data-testid="create-sop"]').click();
    await page.getByTestId('sheet-tab').nth(1).waitFor();
    const seen = await statuses();
    expect(seen).toEqual(expect.arrayContaining(['Membuka add-on…', 'Membuka panel…', 'Membuat SOP…']));
    expect(seen.filter((s) => /Menjalankan|[a-z][A-Z]/.test(s))).toEqual([]);
    // a function without its own words gets the generic one
    const frame = await (await page.getByTestId('sidebar-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('sidebar frame not found');
    await frame.evaluate(`new Promise((resolve) =>
      google.script.run.withSuccessHandler(resolve).withFailureHandler(resolve).onInstall())`);
    expect(await statuses()).toContain('Menjalankan perintah add-on…');
  });

  test('a failed sidebar call is shown by the sidebar alone: no toast of the page over it', async () => {
    const frame = await (await page.getByTestId('sidebar-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('sidebar frame not found');
    const message = (await frame.evaluate(`new Promise((resolve) =>
      google.script.run.withFailureHandler((e) => resolve(e.message)).logStep({ activityId: 'tidak-ada', step: 1 }))`)) as string;
    expect(message).toBeTruthy();
    await page
      .getByTestId('exec-entry')
      .filter({ hasText: /✗ logStep/ })
      .waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    await expect(page.getByTestId('toast').filter({ hasText: 'logStep' }).count()).resolves.toBe(0);
  });
});
