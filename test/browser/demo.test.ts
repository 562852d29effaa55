import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadWorkbook } from '../../src/workbench/server/persistence';
import { openWorkbench, type RunningWorkbench } from '../support/browser';

const SCREENSHOTS = join(__dirname, '..', '..', 'build', 'screenshots');
const REPORT = 'Laporan Data Terpilah: Rapat koordinasi PUG triwulan I';

describe('"Buka contoh" in Chromium: a demo spreadsheet built by the add-in itself', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ workbench, browser, page } = await openWorkbench());
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('an empty workbench offers it; one click builds SOP, activity, participants and report', async () => {
    await page.getByTestId('demo-button').click();
    await page.getByTestId('toast').filter({ hasText: 'Contoh siap' }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('sheet-tab').allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        'SOP: Penguatan PUG',
        'Kegiatan',
        'Langkah',
        'Form Responses 1',
        'Peserta',
        REPORT,
      ]),
    );
    // the report, which the add-in activated, is shown; the button is gone
    await page.locator('[data-testid="sheet-tab"].selected').filter({ hasText: REPORT }).waitFor();
    await expect(page.getByTestId('demo-button').isVisible()).resolves.toBe(false);
    // every step was a real execution, logged as such
    const log = await page.getByTestId('exec-entry').allTextContents();
    for (const fn of [
      'generateSop',
      'createActivity',
      'logStep',
      'previewImport',
      'importParticipants',
      'generateTerpilahReport',
    ])
      expect(log.some((e) => e.includes(`✓ ${fn} — `))).toBe(true);
    expect(log.filter((e) => e.includes('logStep')).length).toBeGreaterThanOrEqual(4);
    // the form's answers were typed as a person types them, and imported into Peserta
    const state = loadWorkbook(workbench.workbookPath);
    const peserta = state.sheets.find((s) => s.name === 'Peserta');
    const names = (peserta?.rows ?? []).map((r) => String(r[1]?.value ?? ''));
    expect(names.join('|')).toContain('Siti Aminah');
    // a Perbaikan is in the history of steps
    const history = state.sheets.find((s) => s.name === 'Riwayat');
    expect(JSON.stringify(history?.rows)).toContain('Anggaran di RKA belum sesuai KAK');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'demo.png') });
  });

  test('on a spreadsheet with content the server refuses it', async () => {
    const status = await page.evaluate(
      `fetch('/api/demo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.status)`,
    );
    expect(status).toBe(409);
  });
});
