import { DEMO_RESPONSES } from '../../src/workbench/server/demo';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

const SCREENSHOTS = join(__dirname, '..', '..', 'build', 'screenshots');
const SOURCE = 'Form Responses 1';
const LONG_SOURCE = 'Form Responses 3';
const BIG_SOURCE = 'Form Responses 2';

/** A workbook with a Google Form's responses, typed the way people type. */
function seeded(): WorkbookState {
  const state = newWorkbookState('Data peserta');
  const sheet = newSheetState(state.nextId++, SOURCE);
  // The first four answers of the demo's form (the workbench's "Buka contoh").
  const rows = DEMO_RESPONSES.slice(0, 5);
  sheet.rows = rows.map((row) => row.map((value) => ({ value })));
  state.sheets.push(sheet);
  return state;
}

describe('sidebar Peserta tab in Chromium: import a Form sheet, fix a mapping, create the report', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;
  let sidebar: FrameLocator;

  beforeAll(async () => {
    workbench = await startWorkbench(seeded());
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(workbench.url);
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('the menu "Tambah/Impor peserta" opens the sidebar on the Peserta tab', async () => {
    const item = page.getByTestId('menu-item').filter({ hasText: 'Tambah/Impor peserta' });
    await item.waitFor({ state: 'attached' });
    await page.getByTestId('addon-menu').click();
    await item.click();
    sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
    await sidebar.locator('#panel-participants:not([hidden])').waitFor();
    await expect(sidebar.getByTestId('tab-participants').getAttribute('aria-selected')).resolves.toBe('true');
    await sidebar
      .locator(`[data-testid="pes-source"] option[value="${SOURCE}"]`)
      .waitFor({ state: 'attached' });
  });

  test('"Tambah peserta": each label names its field; closed lists start with "—"', async () => {
    const field = (label: string) => sidebar.getByLabel(label, { exact: true });
    const pairs: [string, string][] = [
      ['Nama', 'pes-name'],
      ['Jenis kelamin', 'pes-sex'],
      ['NIK', 'pes-nik'],
      ['Tanggal lahir', 'pes-birth'],
      ['Umur', 'pes-age'],
      ['Instansi/OPD', 'pes-institution'],
      ['Kehadiran', 'pes-attendance'],
    ];
    for (const [label, testId] of pairs)
      await expect(field(label).first().getAttribute('data-testid')).resolves.toBe(testId);
    await expect(field('NIK').getAttribute('inputmode')).resolves.toBe('numeric');
    await expect(sidebar.getByTestId('pes-sex').locator('option').allTextContents()).resolves.toEqual([
      '—',
      'L',
      'P',
    ]);
    await expect(sidebar.getByTestId('pes-role').locator('option').allTextContents()).resolves.toEqual([
      '—',
      'Peserta',
      'Narasumber',
      'Panitia',
    ]);
  });

  test('preview matches the headers; one mapping corrected by hand; import; a re-import skips all', async () => {
    await sidebar.getByTestId('pes-source').selectOption(SOURCE);
    await sidebar.getByTestId('pes-preview').click();
    await sidebar.getByTestId('pes-mapping').waitFor();
    await expect(sidebar.getByTestId('pes-preview-info').textContent()).resolves.toContain('4 baris data');
    const map = (field: string) => sidebar.locator(`[data-testid="pes-map"][data-field="${field}"]`);
    await expect(map('name').inputValue()).resolves.toBe('1');
    await expect(map('sex').inputValue()).resolves.toBe('2');
    await expect(map('regency').inputValue()).resolves.toBe('5');
    // "Keterangan" is the position: not recognised, so the person maps it.
    await expect(map('position').inputValue()).resolves.toBe('-1');
    await map('position').selectOption('7');
    await sidebar.getByTestId('pes-import').click();
    await sidebar
      .getByTestId('pes-import-result')
      .filter({ hasText: '4 baris diimpor, 0 dilewati (sudah ada).' })
      .waitFor();
    await sidebar.getByTestId('pes-import').click();
    await sidebar
      .getByTestId('pes-import-result')
      .filter({ hasText: '0 baris diimpor, 4 dilewati (sudah ada).' })
      .waitFor();
    await page
      .getByTestId('sheet-tab')
      .filter({ hasText: /^Peserta$/ })
      .click();
    await page.locator('[data-testid="cell"][data-a1="J2"]').filter({ hasText: 'Kasi' }).waitFor();
    await expect(page.locator('[data-testid="cell"][data-a1="K2"]').textContent()).resolves.toBe(
      'Bangka Tengah',
    );
  });

  test('"Buat laporan" writes the report sheet: its tab, a table with the totals, no NIK', async () => {
    await sidebar.getByTestId('pes-report').click();
    await sidebar
      .getByTestId('pes-report-result')
      .filter({ hasText: 'Laporan dibuat: Laporan Data Terpilah (4 peserta).' })
      .waitFor();
    const tab = page.getByTestId('sheet-tab').filter({ hasText: 'Laporan Data Terpilah' });
    await tab.waitFor();
    await tab.click();
    await page.locator('[data-testid="cell"]').filter({ hasText: 'SEMUA KEGIATAN' }).first().waitFor();
    await expect(
      page.locator('[data-testid="cell"]').filter({ hasText: 'Jumlah' }).count(),
    ).resolves.toBeGreaterThan(0);
    // No cell holds a NIK, spaced or not.
    const cells = await page.locator('[data-testid="cell"]').allTextContents();
    for (const text of cells) expect(text.replace(/[\s.-]/g, '')).not.toMatch(/\d{16}/);
    // Percentages are numbers in "0.0%" cells: shown the Indonesian way, with a decimal comma.
    expect(cells.some((text) => /^\d{1,3},\d%$/.test(text.trim()))).toBe(true);
    expect(cells.some((text) => text.startsWith('Asal nilai: jenis kelamin:'))).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'participants-report.png') });
  });

  test('"Tambah peserta" asks before adding a duplicate NIK; "Batal" adds nothing, "Tetap tambahkan" adds it', async () => {
    const nik = '1971015205900002';
    const add = async (name: string) => {
      await sidebar.getByTestId('pes-name').fill(name);
      await sidebar.getByTestId('pes-nik').fill(nik);
      await sidebar.getByTestId('pes-sex').selectOption('P');
      await sidebar.getByTestId('pes-add').click();
    };
    await add('Dewi');
    await sidebar
      .getByTestId('pes-add-result')
      .filter({ hasText: 'Dewi ditambahkan di sheet Peserta, baris 6' })
      .waitFor();
    await add('Dewi S.');
    const question = sidebar.getByTestId('pes-add-confirm');
    await question.filter({ hasText: 'Mungkin peserta ganda: NIK sama dengan baris 6.' }).waitFor();
    await expect(sidebar.getByTestId('pes-add-result').isHidden()).resolves.toBe(true);
    await sidebar.getByTestId('pes-add-cancel').click();
    await question.waitFor({ state: 'detached' });
    await add('Dewi S.');
    await sidebar.getByTestId('pes-add-anyway').click();
    await sidebar
      .getByTestId('pes-add-result')
      .filter({ hasText: 'Dewi S. ditambahkan di sheet Peserta, baris 7' })
      .waitFor();
    await expect(question.count()).resolves.toBe(0);
  });
});

describe('sidebar Peserta tab in Chromium: a source too large for one import', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('its preview says so, with the rows one import takes', async () => {
    // 400,000 answers of the demo's form (one row shared, cheap to hold).
    const state = seeded();
    const [header, answer] = state.sheets[state.sheets.length - 1].rows;
    const big = newSheetState(state.nextId++, BIG_SOURCE);
    big.rows = [header, ...Array.from({ length: 400_000 }, () => answer)];
    big.maxRows = big.rows.length;
    state.sheets.push(big);
    // And one that fits but takes a while: the preview says up to how long.
    const long = newSheetState(state.nextId++, LONG_SOURCE);
    long.rows = [header, ...Array.from({ length: 30_000 }, () => answer)];
    long.maxRows = long.rows.length;
    state.sheets.push(long);
    workbench = await startWorkbench(state);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(workbench.url);
    const item = page.getByTestId('menu-item').filter({ hasText: 'Tambah/Impor peserta' });
    await item.waitFor({ state: 'attached' });
    await page.getByTestId('addon-menu').click();
    await item.click();
    const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
    await sidebar
      .locator(`[data-testid="pes-source"] option[value="${BIG_SOURCE}"]`)
      .waitFor({ state: 'attached' });
    await sidebar.getByTestId('pes-source').selectOption(BIG_SOURCE);
    await sidebar.getByTestId('pes-preview').click();
    const info = sidebar.getByTestId('pes-preview-info');
    await info.filter({ hasText: 'terlalu besar untuk satu kali impor' }).waitFor();
    await expect(info.textContent()).resolves.toMatch(
      /^400\.000 baris data; .*Sheet “Form Responses 2” terlalu besar untuk satu kali impor: 400\.001 baris.*paling banyak \d{3}\.\d{3} baris/,
    );
    await sidebar.getByTestId('pes-source').selectOption(LONG_SOURCE);
    await sidebar.getByTestId('pes-preview').click();
    await info.filter({ hasText: 'Perkiraan lama impor' }).waitFor();
    await expect(info.textContent()).resolves.toMatch(
      /^30\.000 baris data; .*Perkiraan lama impor: hingga \d+ detik; biarkan panel ini terbuka sampai selesai\.$/,
    );
  }, 120_000);
});
