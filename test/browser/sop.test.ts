import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import { templateSheetPlan } from '../../src/core/sop/template-sheet-plan';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

const SCREENSHOTS = join(__dirname, '..', '..', 'build', 'screenshots');
const XSS = '<img src=x onerror=window.__x=1>';

/** A spreadsheet left with a `Template: Rusak` sheet whose first step's minutes say "sejam". */
function workbookWithBrokenTemplate(): WorkbookState {
  const state = newWorkbookState();
  const template = { ...PENGUATAN_PUG, identity: { ...PENGUATAN_PUG.identity, namaSop: 'Rusak' } };
  const values = templateSheetPlan(template, 'Template: Rusak').values.map((row) => row.slice());
  const headerRow = values.findIndex((row) => row.includes('Waktu (menit)'));
  values[headerRow + 1][values[headerRow].indexOf('Waktu (menit)')] = 'sejam';
  const sheet = newSheetState(state.nextId++, 'Template: Rusak');
  sheet.rows = values.map((row) => row.map((value) => ({ value })));
  state.sheets.push(sheet);
  return state;
}

describe('sidebar SOP panel in Chromium: templates → generated SOP sheet', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;
  let sidebar: FrameLocator;

  const visible = (testId: string) => sidebar.locator(`[data-testid="${testId}"]:not([hidden])`);
  const optionTexts = () => sidebar.getByTestId('template-select').locator('option').allTextContents();
  const sidebarFrame = async (): Promise<Frame> => {
    const frame = await (await page.getByTestId('sidebar-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('sidebar frame not found');
    return frame;
  };

  /** Clicks "Buat SOP" and waits until the button is usable again (the call is over). */
  async function generate(templateLabel: string): Promise<void> {
    await sidebar.getByTestId('template-select').selectOption({ label: templateLabel });
    await sidebar.getByTestId('create-sop').click();
    await sidebar.locator('[data-testid="create-sop"]:not([disabled])').waitFor();
  }

  async function createTemplate(name: string): Promise<void> {
    await sidebar.getByTestId('new-template-name').fill(name);
    await sidebar.getByTestId('new-template-name').press('Enter'); // Enter submits the form
    await sidebar.locator('[data-testid="create-template"]:not([disabled])').waitFor();
  }

  beforeAll(async () => {
    workbench = await startWorkbench(workbookWithBrokenTemplate());
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(workbench.url);
    await page.getByTestId('addon-menu').click();
    await page.getByTestId('menu-item').filter({ hasText: 'Buka panel' }).click();
    sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
    await sidebar.locator('[data-testid="create-sop"]:not([disabled])').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('opening the panel fills the list: built-in first, then the template sheets with their step count', async () => {
    await expect(optionTexts()).resolves.toEqual(['Penguatan PUG (bawaan)', 'Template: Rusak (10 langkah)']);
    // The list came with the state inside the page: no call of its own, no first getSidebarState.
    const calls = await page.getByTestId('exec-entry').allTextContents();
    expect(calls.filter((entry) => /showSidebar|getSidebarState|listTemplates/.test(entry))).toEqual([
      expect.stringContaining('showSidebar'),
    ]);
  });

  test('"Buat SOP" with the built-in template writes the SOP sheet and says where', async () => {
    await sidebar.getByTestId('template-select').selectOption({ label: 'Penguatan PUG (bawaan)' });
    await sidebar.getByTestId('create-sop').click();
    await visible('sop-result').waitFor();
    const text = await sidebar.getByTestId('sop-result').textContent();
    expect(text).toContain('SOP: Penguatan PUG');
    expect(text).toMatch(/10 langkah, total \d+ menit/);
    await expect(visible('sop-progress').count()).resolves.toBe(0);
    await expect(visible('sop-problems').count()).resolves.toBe(0);
    await expect(sidebar.getByTestId('create-sop').isEnabled()).resolves.toBe(true);

    const tab = page.getByTestId('sheet-tab').filter({ hasText: 'SOP: Penguatan PUG' });
    await tab.waitFor();
    await tab.click();
    await page.getByTestId('cell').filter({ hasText: 'Penguatan PUG' }).first().waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('sidebar-frame').screenshot({ path: join(SCREENSHOTS, 'sidebar-sop.png') });
  });

  test('"Template baru" copies the built-in into a new sheet and lists it', async () => {
    await expect(sidebar.getByTestId('new-template-from-builtin').isChecked()).resolves.toBe(true);
    await createTemplate('Rapat Koordinasi');
    await expect(sidebar.getByTestId('template-result').textContent()).resolves.toContain(
      'Template: Rapat Koordinasi',
    );
    await sidebar
      .getByTestId('template-select')
      .locator('option', { hasText: 'Template: Rapat Koordinasi' })
      .waitFor({ state: 'attached' });
    // The new template is chosen, ready for "Buat SOP".
    await expect(
      sidebar.getByTestId('template-select').locator('option:checked').textContent(),
    ).resolves.toBe('Template: Rapat Koordinasi (10 langkah)');
    await page.getByTestId('sheet-tab').filter({ hasText: 'Template: Rapat Koordinasi' }).waitFor();
    await expect(sidebar.getByTestId('new-template-name').inputValue()).resolves.toBe('');
  });

  test('form errors show next to the form: an empty name, then a name already taken', async () => {
    await sidebar.getByTestId('create-template').click();
    await expect(visible('template-error').textContent()).resolves.toBe('Isi nama SOP dulu.');

    await sidebar.getByTestId('new-template-blank').check();
    await createTemplate('Rapat Koordinasi');
    await visible('template-error').waitFor();
    await expect(sidebar.getByTestId('template-error').textContent()).resolves.toContain(
      'Template: Rapat Koordinasi',
    );
    // The server's own message for staff, without "Terjadi kesalahan".
    await expect(sidebar.getByTestId('template-error').textContent()).resolves.not.toMatch(/^Terjadi/);
    await expect(visible('template-result').count()).resolves.toBe(0);
    await sidebar.getByTestId('new-template-from-builtin').check();
  });

  test('a broken template lists every problem with its row and column; nothing is written', async () => {
    const tabsBefore = await page.getByTestId('sheet-tab').allTextContents();
    await generate('Template: Rusak (10 langkah)');
    await visible('sop-problems').waitFor();
    await expect(sidebar.getByTestId('sop-problems').locator('p').first().textContent()).resolves.toMatch(
      /^Template belum bisa dipakai \(\d+ masalah\):$/,
    );
    const problems = await sidebar.getByTestId('problem').allTextContents();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual(expect.stringMatching(/^Baris \d+, kolom [A-Z]+: .*"sejam"/));
    await expect(visible('sop-result').count()).resolves.toBe(0);
    await expect(page.getByTestId('sheet-tab').allTextContents()).resolves.toEqual(tabsBefore);
    await page
      .getByTestId('sidebar-frame')
      .screenshot({ path: join(SCREENSHOTS, 'sidebar-sop-problems.png') });
  });

  test('names typed by users render as text, never as markup', async () => {
    await createTemplate(XSS);
    const option = `Template: ${XSS} (10 langkah)`;
    // The list reloads after the create call returns: wait for it rather than race it.
    await sidebar
      .getByTestId('template-select')
      .locator('option', { hasText: XSS })
      .waitFor({ state: 'attached' });
    await expect(optionTexts()).resolves.toContain(option);
    await generate(option);
    await visible('sop-result').waitFor();
    await expect(sidebar.getByTestId('sop-result').textContent()).resolves.toContain(`SOP: ${XSS}`);
    await expect(sidebar.getByTestId('template-result').textContent()).resolves.toContain(XSS);
    const frame = await sidebarFrame();
    await expect(frame.evaluate('document.querySelectorAll("img").length')).resolves.toBe(0);
    await expect(frame.evaluate('typeof window.__x')).resolves.toBe('undefined');
    await expect(page.evaluate('typeof window.__x')).resolves.toBe('undefined');
    await page
      .getByTestId('sheet-tab')
      .filter({ hasText: `SOP: ${XSS}` })
      .waitFor();
  });

  test('English: the panel and the list follow the language switch', async () => {
    await sidebar.getByTestId('language').selectOption('en');
    await sidebar.getByTestId('create-sop').filter({ hasText: 'Create SOP' }).waitFor();
    await expect(optionTexts()).resolves.toContain('Penguatan PUG (built-in)');
    await expect(optionTexts()).resolves.toContain('Template: Rapat Koordinasi (10 steps)');
    // The last result is shown again in the new language.
    await expect(sidebar.getByTestId('sop-result').textContent()).resolves.toContain('SOP created in sheet');
    await sidebar.getByTestId('language').selectOption('id');
    await sidebar.getByTestId('create-sop').filter({ hasText: 'Buat SOP' }).waitFor();
  });

  test('a failed call (here: the server is gone) shows its message and frees the button', async () => {
    await workbench.stop();
    await sidebar.getByTestId('create-sop').click();
    await visible('sop-problems').waitFor();
    await expect(sidebar.getByTestId('sop-problems').textContent()).resolves.toMatch(/Terjadi kesalahan: \S/);
    await expect(sidebar.getByTestId('problem').count()).resolves.toBe(0);
    await expect(visible('sop-result').count()).resolves.toBe(0);
    await sidebar.locator('[data-testid="create-sop"]:not([disabled])').waitFor();
    await expect(visible('sop-progress').count()).resolves.toBe(0);
  });
});
