import type { Browser, Page } from 'playwright-core';
import { progressState } from '../../bench/actions/progress';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { launchBrowser, startWorkbench, type RunningWorkbench } from '../support/browser';
import { DIST } from '../support/workbench';

/**
 * The sidebar renders from its first execution (issue 12): "Buka panel" appends the state to the
 * page, so no google.script.run runs before the panel shows; user text in it stays text; the
 * newest 100 activities show first and the rest come on demand; a broken sheet still opens the
 * panel with the error, and "Muat ulang" recovers once the sheet is fixed.
 */

const HOSTILE = '</script><img src=x onerror=alert(1)> \u2028 & //';

/** 101 seeded activities and, newest, one named HOSTILE: 102 in all. */
function workbookWithManyActivities(): WorkbookState {
  const workbench = new Workbench({ state: progressState(20 * 101), distDir: DIST });
  const created = workbench.run('createActivity', [
    { name: HOSTILE, templateId: 'builtin:penguatan-pug', plannedDate: '2026-11-24', place: HOSTILE },
  ]);
  if (!created.ok) throw new Error(String(created.error));
  return workbench.state;
}

/** A `Kegiatan` a person cut down to 3 columns: the activity list's read falls outside it. */
function workbookWithBrokenKegiatan(): WorkbookState {
  const state = newWorkbookState('Uji');
  const kegiatan = newSheetState(1, 'Kegiatan');
  kegiatan.maxColumns = 3;
  kegiatan.rows = [[{ value: 'ID' }], [{ value: 'KGT-0001' }]];
  state.sheets.push(kegiatan);
  state.nextId = 2;
  return state;
}

/** One workbench page in Chromium, recording the server functions it runs (POST /api/run/<name>). */
function session(workbook: () => WorkbookState) {
  const s = {
    workbench: undefined as unknown as RunningWorkbench,
    browser: undefined as unknown as Browser,
    page: undefined as unknown as Page,
    calls: [] as string[],
    dialogs: [] as string[],
    sidebar: () => s.page.frameLocator('[data-testid="sidebar-frame"]'),
    async openFromMenu(caption: string): Promise<void> {
      const item = s.page.getByTestId('menu-item').filter({ hasText: caption });
      if (!(await item.isVisible())) await s.page.getByTestId('addon-menu').click();
      await item.click();
      await s.page.getByTestId('sidebar-title').filter({ hasText: 'SOP & Data Terpilah' }).waitFor();
    },
  };
  beforeAll(async () => {
    s.workbench = await startWorkbench(workbook());
    s.browser = await launchBrowser();
    s.page = await s.browser.newPage({ viewport: { width: 1280, height: 800 } });
    s.page.on('request', (request) => {
      const match = /\/api\/run\/(\w+)$/.exec(request.url());
      if (match) s.calls.push(match[1]);
    });
    s.page.on('dialog', (dialog) => {
      s.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await s.page.goto(s.workbench.url);
    await s.page.getByTestId('menu-item').first().waitFor({ state: 'attached' });
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.workbench?.stop();
  });
  return s;
}

describe('the sidebar renders from its first execution, in Chromium', () => {
  const s = session(workbookWithManyActivities);
  const items = () => s.sidebar().getByTestId('activity-item');

  test('no google.script.run before it shows; user text renders as text', async () => {
    s.calls.length = 0;
    await s.openFromMenu('Buka panel');
    await s.sidebar().getByTestId('tab-activities').filter({ hasText: 'Kegiatan' }).waitFor();
    await items().first().waitFor();
    await expect(items().first().getByTestId('activity-name').textContent()).resolves.toBe(HOSTILE);
    await expect(s.sidebar().locator('img').count()).resolves.toBe(0);
    await expect(items().count()).resolves.toBe(100);
    await expect(s.sidebar().getByTestId('activity-more').textContent()).resolves.toContain(
      'Menampilkan 100 kegiatan terbaru dari 102.',
    );
    // Give a stray call time to show up: none may follow the first render either.
    await s.page.waitForTimeout(300);
    expect(s.calls).toEqual(['showSidebar']);
    expect(s.dialogs).toEqual([]);
  });

  test('"Tampilkan semua" brings the rest in one call; "Buka" and "Muat ulang" still work', async () => {
    s.calls.length = 0;
    await s.sidebar().getByTestId('activity-show-all').click();
    await items().nth(101).waitFor();
    await expect(items().count()).resolves.toBe(102);
    await expect(s.sidebar().getByTestId('activity-more').isHidden()).resolves.toBe(true);
    expect(s.calls).toEqual(['listActivities']);

    await items().first().getByTestId('open-activity').click();
    await s.sidebar().getByTestId('activity-title').filter({ hasText: HOSTILE }).waitFor();
    expect(s.calls).toContain('openActivity');

    // "Muat ulang" with an activity open: the state, then that activity's steps again.
    s.calls.length = 0;
    const reopened = s.page.waitForResponse((response) => response.url().endsWith('/api/run/openActivity'));
    await s.sidebar().getByTestId('refresh').click();
    await reopened;
    expect(s.calls).toEqual(['getSidebarState', 'openActivity']);
    await expect(items().count()).resolves.toBe(102);
    expect(s.dialogs).toEqual([]);
  });

  test('"Tambah/Impor peserta" opens on Peserta, which asks for every activity only then', async () => {
    s.calls.length = 0;
    await s.openFromMenu('Tambah/Impor peserta');
    await s.sidebar().locator('#panel-participants:not([hidden])').waitFor();
    // Every activity (and the "no activity" choice) once the rest arrived.
    await s.sidebar().locator('#pes-activity option').nth(102).waitFor({ state: 'attached' });
    await expect(s.sidebar().locator('#pes-activity option').nth(1).textContent()).resolves.toBe(HOSTILE);
    expect(s.calls[0]).toBe('menuParticipants');
    expect(s.calls.slice(1).sort()).toEqual(['listActivities', 'listImportSheets']);
  });
});

describe('the sidebar on a broken sheet, in Chromium', () => {
  const s = session(workbookWithBrokenKegiatan);

  test('it opens with the error its first call would have shown; "Muat ulang" recovers', async () => {
    s.calls.length = 0;
    await s.openFromMenu('Buka panel');
    const error = s.sidebar().locator('#error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/^Terjadi kesalahan \/ Something went wrong: \S/);
    expect(s.calls).toEqual(['showSidebar']);
    // Without strings nothing but the inline texts shows: no tab strip, no panel, no key names.
    await expect(s.sidebar().locator('#loading').isHidden()).resolves.toBe(true);
    await expect(s.sidebar().getByRole('tablist').isHidden()).resolves.toBe(true);
    await expect(s.sidebar().getByTestId('refresh').textContent()).resolves.toContain('Muat ulang');

    // The person deletes the broken sheet, then reloads the panel.
    await s.page
      .getByTestId('sheet-tab')
      .filter({ hasText: /^Kegiatan$/ })
      .click();
    await s.page.getByTestId('sheet-tab-menu').click();
    await s.page.locator('[data-testid="tab-menu-item"][data-action="delete"]').click();
    await s.page.getByTestId('alert-button').filter({ hasText: 'OK' }).click();
    // The delete is a round trip to the workbench: the tabs are redrawn when it answers.
    await s.page
      .getByTestId('sheet-tab')
      .filter({ hasText: /^Kegiatan$/ })
      .waitFor({ state: 'detached' });
    await expect(s.page.getByTestId('sheet-tab').allTextContents()).resolves.toEqual(['Sheet1']);
    s.calls.length = 0;
    await s.sidebar().getByTestId('refresh').click();
    await s.sidebar().getByTestId('tab-sop').filter({ hasText: 'SOP' }).waitFor();
    await expect(error.isHidden()).resolves.toBe(true);
    expect(s.calls).toEqual(['getSidebarState']);
  });

  test('opened again in English: the one execution brings the whole panel in that language', async () => {
    await s.sidebar().getByTestId('language').selectOption('en');
    await s.sidebar().getByTestId('refresh').filter({ hasText: 'Reload' }).waitFor();
    await s.page.keyboard.press('Escape');
    s.calls.length = 0;
    await s.openFromMenu('Open panel');
    await s.sidebar().getByTestId('tab-activities').filter({ hasText: 'Activities' }).waitFor();
    await expect(s.sidebar().getByTestId('refresh').textContent()).resolves.toContain('Reload');
    expect(s.calls).toEqual(['showSidebar']);
  });
});
