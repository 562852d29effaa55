import type { Browser, FrameLocator, Page } from 'playwright-core';
import {
  launchBrowser,
  openSidebar,
  postJson,
  startWorkbench,
  type RunningWorkbench,
} from '../support/browser';

/**
 * "Buka" brings the activity and its participants' headline in one call (openActivity); the
 * figures follow the register: an add, a person's typing in Peserta (onEdit), "Hitung ulang".
 */
describe('the open activity’s headline in Chromium', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;
  let sidebar: FrameLocator;
  const calls: string[] = [];

  const post = (url: string, body: unknown) => postJson(page, url, body);
  const add = (name: string, sex: string) =>
    post('/api/run/addParticipant', { args: [{ name, activity: 'Rapat PUG', sex }], answers: [] });
  const headline = (frame: FrameLocator) => frame.getByTestId('activity-terpilah');

  async function reopen(): Promise<void> {
    await sidebar.getByTestId('back-to-list').click();
    await sidebar.getByTestId('open-activity').first().click();
    await sidebar.getByTestId('activity-title').filter({ hasText: 'Rapat PUG' }).waitFor();
  }

  beforeAll(async () => {
    workbench = await startWorkbench();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      const match = /\/api\/run\/(\w+)$/.exec(request.url());
      if (match) calls.push(match[1]);
    });
    await page.goto(workbench.url);
    sidebar = await openSidebar(page);
    await sidebar.getByTestId('tab-activities').click();
    await sidebar.getByTestId('new-activity-name').fill('Rapat PUG');
    await sidebar.getByTestId('new-activity-template').selectOption({ label: 'Penguatan PUG (bawaan)' });
    await sidebar.getByTestId('new-activity-date').fill('2026-12-01');
    await sidebar.getByTestId('create-activity').click();
    await sidebar.getByTestId('activity-title').filter({ hasText: 'Rapat PUG' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('"Buka": the first time the figures are counted (a second call); then one call brings view and figures', async () => {
    await expect(add('Ani', 'P')).resolves.toBe(200);
    await expect(add('Budi', 'L')).resolves.toBe(200);
    calls.length = 0;
    await reopen();
    await headline(sidebar).filter({ hasText: '2 peserta' }).waitFor();
    await expect(headline(sidebar).textContent()).resolves.toBe(
      'Data terpilah: 2 peserta: 1 laki-laki, 1 perempuan (50,0% perempuan), 0 tidak diketahui.',
    );
    expect(calls).toEqual(['openActivity', 'terpilahHeadline']);
    await expect(add('Cici', 'P')).resolves.toBe(200);
    calls.length = 0;
    await reopen();
    await headline(sidebar).filter({ hasText: '3 peserta' }).waitFor();
    expect(calls).toEqual(['openActivity']);
  });

  test('typing in Peserta (onEdit): the next opening reads that block again, in its one call; "Hitung ulang" recounts', async () => {
    // Budi (row 3) becomes P, as a person types it.
    await expect(post('/api/edit', { sheet: 'Peserta', range: 'E3', values: [['P']] })).resolves.toBe(200);
    calls.length = 0;
    await reopen();
    await headline(sidebar).filter({ hasText: '0 laki-laki, 3 perempuan' }).waitFor();
    expect(calls).toEqual(['openActivity']);
    calls.length = 0;
    await sidebar.getByTestId('activity-recount').click();
    await headline(sidebar).filter({ hasText: '0 laki-laki, 3 perempuan' }).waitFor();
    await sidebar.locator('[data-testid="activity-recount"]:not([disabled])').waitFor();
    expect(calls).toEqual(['recountTerpilahHeadline']);
  });
});
