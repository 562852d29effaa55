import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { launchBrowser, openSidebar, startWorkbench, type RunningWorkbench } from '../support/browser';

const SCREENSHOTS = join(__dirname, '..', '..', 'build', 'screenshots');
const NAME = 'Rapat koordinasi PUG triwulan I';
const XSS = '<img src=x onerror=window.__a=1>';

/** "2026-11-24T09:30" → "24/11 09:30", the way a step card shows a time of this year. */
function shown(local: string): string {
  const [, month, day, hour, minute] = /^\d{4}-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(local) ?? [];
  return `${day}/${month} ${hour}:${minute}`;
}

describe('sidebar Kegiatan tab in Chromium: an activity of Penguatan PUG, logged step by step', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;
  let sidebar: FrameLocator;

  const step = (number: number): Locator => sidebar.locator(`[data-testid="step"][data-step="${number}"]`);
  const action = (number: number, name: string): Locator =>
    step(number).locator(`[data-testid="step-action"][data-action="${name}"]`);
  const status = (number: number): Promise<string | null> =>
    step(number).getByTestId('step-status').textContent();
  const sidebarFrame = async (): Promise<Frame> => {
    const frame = await (await page.getByTestId('sidebar-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('sidebar frame not found');
    return frame;
  };

  /** Submits the open step form and waits until the server answered (the form closes on success). */
  async function submit(number: number): Promise<void> {
    await step(number).getByTestId('log-submit').click();
    try {
      await step(number).locator('form').waitFor({ state: 'detached', timeout: 20_000 });
    } catch {
      const error = await step(number).getByTestId('step-error').textContent();
      throw new Error(`step ${number}: the log was not accepted: ${error}`);
    }
  }

  /** Clicks an action of a step, lets `fill` complete the form, and sends it. */
  async function log(number: number, name: string, fill?: (card: Locator) => Promise<void>): Promise<void> {
    await action(number, name).click();
    if (fill) await fill(step(number));
    await submit(number);
  }

  async function createActivity(name: string): Promise<void> {
    await sidebar.getByTestId('new-activity-name').fill(name);
    await sidebar.getByTestId('new-activity-template').selectOption({ label: 'Penguatan PUG (bawaan)' });
    await sidebar.getByTestId('new-activity-date').fill('2026-12-01');
    await sidebar.getByTestId('new-activity-place').fill('Aula DP3ACSKB');
    await sidebar.getByTestId('new-activity-pic').fill('Kabid PUG');
    await sidebar.getByTestId('create-activity').click();
    await sidebar.getByTestId('activity-title').filter({ hasText: name }).waitFor();
  }

  async function openPanel(): Promise<void> {
    sidebar = await openSidebar(page);
    await sidebar.locator('[role="tabpanel"]:not([hidden])').waitFor();
  }

  beforeAll(async () => {
    workbench = await startWorkbench();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(workbench.url);
    await openPanel();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('without activities the SOP tab comes first; "Kegiatan baru" refuses an empty name', async () => {
    await expect(sidebar.getByTestId('tab-sop').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(sidebar.getByTestId('create-sop').isVisible()).resolves.toBe(true);
    await sidebar.getByTestId('tab-activities').click();
    await expect(sidebar.getByTestId('create-sop').isVisible()).resolves.toBe(false);
    await expect(sidebar.getByTestId('activity-item').count()).resolves.toBe(0);
    await sidebar.getByTestId('create-activity').click();
    await expect(sidebar.getByTestId('activity-create-error').textContent()).resolves.toBe(
      'Isi nama kegiatan dulu.',
    );
  });

  test('creating an activity opens it: ten steps in SOP order, step 1 ready to start', async () => {
    await createActivity(NAME);
    await expect(sidebar.getByTestId('step').count()).resolves.toBe(10);
    const steps = sidebar.getByTestId('step');
    const numbers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => steps.nth(index).getAttribute('data-step')),
    );
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await expect(step(1).textContent()).resolves.toContain('Kadis');
    await expect(step(1).textContent()).resolves.toContain('60 mnt');
    await expect(step(8).textContent()).resolves.toContain('420 atau 840 mnt');
    await expect(status(1)).resolves.toBe('Belum');
    await expect(action(1, 'start').count()).resolves.toBe(1);
    await expect(sidebar.getByTestId('activity-progress').textContent()).resolves.toContain('0%');
  });

  test('a back-logged start and a finish with evidence: times, actual minutes, overdue variance', async () => {
    let earlier = '';
    await log(1, 'start', async (card) => {
      const now = await card.getByTestId('log-time').inputValue();
      expect(now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
      // A working morning (Tuesday), so the working minutes do not depend on when the test runs.
      earlier = '2026-11-24T08:00';
      await card.getByTestId('log-time').fill(earlier);
      await card.getByTestId('log-person').fill('Budi Santoso');
    });
    await expect(status(1)).resolves.toBe('Berjalan');
    await expect(step(1).getByTestId('step-started').textContent()).resolves.toBe(shown(earlier));
    // Focus moved on to the step's next action.
    const focused = await (await sidebarFrame()).evaluate('document.activeElement.dataset.action');
    expect(focused).toBe('finish');

    await log(1, 'finish', async (card) => {
      // The person is remembered for the next entry.
      await expect(card.getByTestId('log-person').inputValue()).resolves.toBe('Budi Santoso');
      await card.getByTestId('log-evidence').fill('https://example.org/disposisi-1');
      await card.getByTestId('log-time').fill('2026-11-24T09:30');
    });
    await expect(status(1)).resolves.toBe('Selesai');
    await expect(step(1).getByTestId('step-actual-minutes').textContent()).resolves.toBe('1 jam 30 mnt');
    await expect(step(1).getByTestId('step-variance').textContent()).resolves.toBe('+30 mnt');
    await expect(step(1).getByTestId('step-clock').count()).resolves.toBe(0); // all of it working time
    await expect(step(1).getByTestId('step-variance').getAttribute('class')).resolves.toContain('overdue');
    const link = step(1).locator('[data-testid="step-evidence"] a');
    await expect(link.getAttribute('href')).resolves.toBe('https://example.org/disposisi-1');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(sidebar.getByTestId('activity-announce').textContent()).resolves.toBe(
      'Langkah 1: Selesai dicatat.',
    );
  });

  test('Perbaikan needs a note, reopens step 1; the redo counts a revision on step 1 only', async () => {
    await log(2, 'start');
    await expect(action(2, 'finish').count()).resolves.toBe(0); // a decision ends with Sesuai / Perbaikan
    await action(2, 'revise').click();
    await expect(step(2).getByTestId('log-note').getAttribute('aria-describedby')).resolves.toBeTruthy();
    await step(2).getByTestId('log-submit').click();
    await expect(step(2).getByTestId('step-error').textContent()).resolves.toBe(
      'Tulis catatan: apa yang harus diperbaiki?',
    );
    await step(2).getByTestId('log-note').fill('Anggaran di RKA belum sesuai KAK');
    await submit(2);
    await expect(status(1)).resolves.toBe('Belum');
    await expect(status(2)).resolves.toMatch(/^Belum/);
    // Nothing redone yet: no "diperbaiki" anywhere; the decision counts its request.
    await expect(sidebar.getByTestId('step-revisions').count()).resolves.toBe(0);
    await expect(step(2).getByTestId('step-revision-requests').textContent()).resolves.toBe(
      '1× minta perbaikan',
    );

    await log(1, 'start');
    await expect(step(1).getByTestId('step-revisions').textContent()).resolves.toBe('1× diperbaiki');
    await log(1, 'finish');
    await log(2, 'start');
    await log(2, 'approve');
    await expect(status(2)).resolves.toBe('Selesai · Sesuai');
    await expect(status(3)).resolves.toBe('Belum');
  });

  test('starting a later step asks for the explicit parallel override, which is recorded', async () => {
    await action(5, 'start').click();
    await sidebar.getByTestId('log-override').waitFor();
    await step(5).getByTestId('log-submit').click();
    await expect(step(5).getByTestId('step-error').textContent()).resolves.toContain('Kerjakan paralel');
    await expect(status(5)).resolves.toBe('Belum');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await step(5).getByTestId('log-submit').scrollIntoViewIfNeeded();
    await page.getByTestId('sidebar-frame').screenshot({ path: join(SCREENSHOTS, 'activity.png') });

    await step(5).getByTestId('log-override').check();
    await submit(5);
    await expect(status(5)).resolves.toBe('Berjalan');
    await expect(step(5).getByTestId('step-override').count()).resolves.toBe(1);
  });

  test('the log form: labels name its fields, Escape closes it and the focus returns to its action', async () => {
    const focused = async (): Promise<unknown> =>
      (await sidebarFrame()).evaluate(
        '[document.activeElement.closest("[data-step]")?.dataset.step, document.activeElement.dataset.testid, document.activeElement.dataset.action]',
      );
    await action(3, 'start').click();
    await expect(focused()).resolves.toEqual(['3', 'log-time', undefined]);
    await expect(action(3, 'start').getAttribute('aria-expanded')).resolves.toBe('true');
    await step(3).getByLabel('Petugas (opsional)').fill('Sari');
    await expect(step(3).getByTestId('log-person').inputValue()).resolves.toBe('Sari');
    await expect(step(3).getByLabel('Bukti (tautan, opsional)').getAttribute('type')).resolves.toBe('url');
    await expect(
      step(3)
        .getByLabel('Catatan (opsional)')
        .evaluate((node) => node.tagName),
    ).resolves.toBe('TEXTAREA');
    await step(3).getByLabel('Catatan (opsional)').press('Escape');
    await step(3).locator('form').waitFor({ state: 'detached' });
    await expect(focused()).resolves.toEqual(['3', 'step-action', 'start']);
    await expect(action(3, 'start').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(status(3)).resolves.toBe('Belum');
    // "Batal" closes it too, and nothing was logged.
    await action(3, 'start').click();
    await step(3).getByTestId('log-cancel').click();
    await step(3).locator('form').waitFor({ state: 'detached' });
    await expect(focused()).resolves.toEqual(['3', 'step-action', 'start']);
    await expect(status(3)).resolves.toBe('Belum');
  });

  test('the remaining steps in order: 100%, and the Kegiatan, Langkah, Riwayat sheets exist', async () => {
    for (const number of [3, 4]) {
      await log(number, 'start');
      await log(number, 'finish');
    }
    await log(5, 'finish');
    await log(6, 'start');
    await log(6, 'approve');
    for (const number of [7, 8, 9]) {
      await log(number, 'start');
      await log(number, 'finish');
    }
    await log(10, 'start');
    await log(10, 'approve');
    await expect(sidebar.getByTestId('activity-progress').textContent()).resolves.toContain('100%');
    await expect(sidebar.locator('[data-testid="step-action"]').count()).resolves.toBe(0);
    for (const sheet of ['Kegiatan', 'Langkah', 'Riwayat']) {
      await page.getByTestId('sheet-tab').filter({ hasText: sheet }).first().waitFor();
    }
    await page.getByTestId('sidebar-frame').screenshot({ path: join(SCREENSHOTS, 'activity-done.png') });
  });

  test('the list filters by status: Selesai shows the activity, Belum mulai does not', async () => {
    await sidebar.getByTestId('back-to-list').click();
    const item = sidebar.getByTestId('activity-item').filter({ hasText: NAME });
    await expect(item.textContent()).resolves.toContain('100%');
    await expect(item.getByTestId('activity-revisions').count()).resolves.toBe(1);
    await sidebar.getByTestId('activity-filter').selectOption('done');
    await expect(item.count()).resolves.toBe(1);
    await sidebar.getByTestId('activity-filter').selectOption('notStarted');
    await expect(item.count()).resolves.toBe(0);
    await sidebar.getByTestId('activity-filter').selectOption('all');
    await item.getByTestId('open-activity').click();
    await sidebar.getByTestId('activity-title').filter({ hasText: NAME }).waitFor();
    await sidebar.getByTestId('back-to-list').click();
  });

  test('an activity name typed as HTML renders as text', async () => {
    await createActivity(XSS);
    await expect(sidebar.getByTestId('activity-title').textContent()).resolves.toBe(XSS);
    await sidebar.getByTestId('back-to-list').click();
    await expect(sidebar.getByTestId('activity-item').first().textContent()).resolves.toContain(XSS);
    const frame = await sidebarFrame();
    await expect(frame.evaluate('document.querySelectorAll("img").length')).resolves.toBe(0);
    await expect(frame.evaluate('typeof window.__a')).resolves.toBe('undefined');
    await expect(page.evaluate('typeof window.__a')).resolves.toBe('undefined');
  });

  test('the "Kegiatan baru" form: each label names its field, in the chosen language', async () => {
    const field = (label: string) => sidebar.getByLabel(label, { exact: true });
    await expect(field('Nama kegiatan').getAttribute('data-testid')).resolves.toBe('new-activity-name');
    await expect(field('SOP yang dipakai').getAttribute('data-testid')).resolves.toBe(
      'new-activity-template',
    );
    await expect(field('Tanggal rencana').getAttribute('type')).resolves.toBe('date');
    await expect(field('Penanggung jawab').getAttribute('maxlength')).resolves.toBe('200');
    await sidebar.getByTestId('language').selectOption('en');
    await sidebar.getByTestId('tab-activities').filter({ hasText: 'Activities' }).waitFor();
    await expect(field('Activity name').getAttribute('data-testid')).resolves.toBe('new-activity-name');
    await expect(field('Planned date').getAttribute('data-testid')).resolves.toBe('new-activity-date');
    await expect(sidebar.getByTestId('create-activity').textContent()).resolves.toBe('Create activity');
    await sidebar.getByTestId('language').selectOption('id');
    await sidebar.getByTestId('tab-activities').filter({ hasText: 'Kegiatan' }).waitFor();
  });

  test('reopened with activities, the sidebar starts on Kegiatan; the list follows the language', async () => {
    await page.reload();
    await openPanel();
    await expect(sidebar.getByTestId('tab-activities').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(sidebar.getByTestId('activity-item').count()).resolves.toBe(2);
    await sidebar.getByTestId('language').selectOption('en');
    await sidebar.getByTestId('tab-activities').filter({ hasText: 'Activities' }).waitFor();
    await expect(
      sidebar.getByTestId('activity-item').filter({ hasText: NAME }).textContent(),
    ).resolves.toContain('Done · 100%');
    await sidebar.getByTestId('language').selectOption('id');
    await sidebar.getByTestId('tab-activities').filter({ hasText: 'Kegiatan' }).waitFor();
  });
});
