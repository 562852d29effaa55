import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { newWorkbookState } from '../../src/workbench/model';
import { loadWorkbook } from '../../src/workbench/server/persistence';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';

describe('File → Impor CSV in Chromium', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;
  const text = (a1: string) => page.locator(`[data-a1="${a1}"] .v`).textContent();

  beforeAll(async () => {
    workbench = await startWorkbench(newWorkbookState('Impor'));
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(workbench.url);
    await page.getByTestId('addon-menu').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  /** A new page whose /api/open (onOpen's menus) waits until `release()`: the page loads without them. */
  async function pageWithOpenHeld(): Promise<{ other: Page; release: () => void }> {
    const other = await browser.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await other.route('**/api/open', async (route) => {
      await held;
      await route.continue();
    });
    await other.goto(workbench.url);
    return { other, release };
  }

  /** Chooses `name` with `content` in the file dialog that File → Impor CSV… opens. */
  async function importCsv(name: string, content: string | Buffer): Promise<void> {
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-csv').click();
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
  }

  test('a ";" CSV with a BOM becomes a new sheet named after the file, values typed', async () => {
    await importCsv('peserta.csv', '\uFEFFNama;Umur;Tanggal\r\nSiti;34;15/4/2024\r\n<b>Budi</b>;2,5;\r\n');
    await page
      .locator('[data-testid="sheet-tab"].selected')
      .filter({ hasText: /^peserta$/ })
      .waitFor();
    await page.waitForFunction(`document.querySelector('[data-a1="A1"] .v')?.textContent === 'Nama'`);
    await expect(text('B2')).resolves.toBe('34');
    await expect(text('C2')).resolves.toBe('15/4/2024'); // typed d/m/y: a date (id_ID)
    await expect(text('B3')).resolves.toBe('2,5');
    await expect(text('A3')).resolves.toBe('<b>Budi</b>');
    await expect(page.locator('[data-a1="A3"] b').count()).resolves.toBe(0);
    await expect(page.getByTestId('toast').last().textContent()).resolves.toContain('3 baris × 3 kolom');
    const sheet = loadWorkbook(workbench.workbookPath).sheets.find((s) => s.name === 'peserta');
    expect(sheet?.rows[1][1]?.value).toBe(34);
    expect(sheet?.rows[1][2]?.value).toEqual(new Date('2024-04-14T17:00:00.000Z'));
  });

  test('a "," CSV without a BOM under a taken name gets "<name> 2"; a bad file says why', async () => {
    await importCsv('peserta.csv', 'a,b\n"1,5",x\n');
    await page
      .locator('[data-testid="sheet-tab"].selected')
      .filter({ hasText: /^peserta 2$/ })
      .waitFor();
    await page.waitForFunction(`document.querySelector('[data-a1="B2"] .v')?.textContent === 'x'`);
    await expect(text('A2')).resolves.toBe('1,5'); // the quoted field, typed: a number in id_ID
    await expect(
      page.evaluate(`getComputedStyle(document.querySelector('[data-a1="A2"]')).textAlign`),
    ).resolves.toBe('right');

    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-csv').click();
    await (
      await chooser
    ).setFiles({
      name: 'data.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('%PDF-1.4'),
    });
    await page.getByTestId('toast').filter({ hasText: 'Bukan CSV' }).waitFor();
    await expect(page.getByTestId('sheet-tab').allTextContents()).resolves.toEqual([
      'Sheet1',
      'peserta',
      'peserta 2',
    ]);
  });

  test("a File menu opened before onOpen's menu arrives stays open (the add-in's menus replace only theirs)", async () => {
    const { other, release } = await pageWithOpenHeld();
    await other.getByTestId('file-menu').click();
    await other.getByTestId('import-csv').waitFor();
    release();
    await other.getByTestId('menu-item').first().waitFor({ state: 'attached' });
    await expect(other.getByTestId('import-csv').isVisible()).resolves.toBe(true);
    await other.close();
  });

  test('an "Ekstensi" menu opened before onOpen\'s menu arrives shows its items when they come', async () => {
    const { other, release } = await pageWithOpenHeld();
    await other.getByTestId('addon-menu').click();
    await other.getByText('Belum ada menu add-on').waitFor();
    release();
    await other.getByTestId('menu-item').filter({ hasText: 'Buka panel' }).waitFor();
    await other.close();
  });

  test('an .xlsx: its worksheet becomes a sheet named after the file, text kept as text', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Lembar1').addRows([
      ['Kode', 'Jumlah'],
      ['007', 12],
    ]);
    await importCsv('rekap.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    await page
      .locator('[data-testid="sheet-tab"].selected')
      .filter({ hasText: /^rekap$/ })
      .waitFor();
    await page.waitForFunction(`document.querySelector('[data-a1="A2"] .v')?.textContent === '007'`);
    await expect(text('B2')).resolves.toBe('12');
  });
});
