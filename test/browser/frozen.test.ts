import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { newSheetState, newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { openWorkbench, type RunningWorkbench } from '../support/browser';

const SCREENSHOTS = join(__dirname, '..', '..', 'build', 'screenshots');
const BLACK = { color: '#000000', style: 'SOLID' };

/** "Data": a bordered header row and first column frozen over 200 rows of long text. */
function seeded(): WorkbookState {
  const state = newWorkbookState('Beku');
  const data = state.sheets[0];
  data.name = 'Data';
  data.frozenRows = 1;
  data.frozenColumns = 1;
  data.rows = Array.from({ length: 200 }, (_, r) =>
    Array.from({ length: 12 }, (_, c) =>
      r === 0
        ? { value: `Kolom ${c + 1}`, format: { borderBottom: BLACK, borderRight: BLACK, bold: true } }
        : c === 0
          ? { value: `Peserta ${r}`, format: { borderRight: BLACK } }
          : c === 1
            ? { value: `teks panjang yang meluber ke kanan baris ${r}` }
            : null,
    ),
  );
  const other = newSheetState(state.nextId++, 'Lain');
  other.rows = Array.from({ length: 300 }, (_, i) => [{ value: `baris ${i + 1}` }]);
  state.sheets.push(other);
  return state;
}

describe('frozen rows and columns in Chromium; where a sheet opens', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ workbench, browser, page } = await openWorkbench(seeded(), { width: 1000, height: 700 }));
    await page.locator('[data-a1="A1"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  const area = (js: string): Promise<unknown> =>
    page.evaluate(`(() => { const area = document.getElementById('sheet-area'); ${js} })()`);
  const scrollOf = () => area('return [area.scrollTop, area.scrollLeft];') as Promise<number[]>;
  /** Waits until the tab named `name` (exactly) is the selected one. */
  const selected = (name: string | RegExp) =>
    page
      .locator('[data-testid="sheet-tab"].selected')
      .filter({ hasText: typeof name === 'string' ? new RegExp(`^${name}$`) : name })
      .waitFor();
  /** Clicks the tab named `name` and waits until it is shown. */
  const showTab = async (name: string) => {
    await page
      .getByTestId('sheet-tab')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
    await selected(name);
  };
  /** The topmost element's cell (or header) at a point of the viewport. */
  const hitAt = (x: number, y: number) =>
    page.evaluate(`(() => {
      const e = document.elementFromPoint(${x}, ${y});
      const cell = e && e.closest('td, th');
      return cell ? (cell.dataset.a1 || cell.className) : null;
    })()`) as Promise<string | null>;
  const box = async (a1: string) => {
    const b = await page.locator(`[data-a1="${a1}"]`).boundingBox();
    if (!b) throw new Error(`${a1} not shown`);
    return b;
  };
  /** The colour of one pixel of the page as drawn ([r, g, b]), read back from a screenshot. */
  async function pixel(x: number, y: number): Promise<number[]> {
    const png = await page.screenshot({ clip: { x: Math.floor(x), y: Math.floor(y), width: 1, height: 1 } });
    return (await page.evaluate(`new Promise((resolve) => {
      const img = new Image();
      img.onload = () => {
        const c = document.createElement('canvas');
        c.width = c.height = 1;
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        resolve(Array.from(g.getImageData(0, 0, 1, 1).data.slice(0, 3)));
      };
      img.src = 'data:image/png;base64,${png.toString('base64')}';
    })`)) as number[];
  }
  const dark = (rgb: number[]) => rgb.every((v) => v < 80);

  test('frozen cells stay over scrolled ones, opaque, with their borders', async () => {
    await area('area.scrollTop = 1000; area.scrollLeft = 300;');
    await page.waitForTimeout(100);
    const e1 = await box('E1');
    const a60 = await box('A60');
    // the frozen row over scrolled rows, the frozen column over scrolled columns and their
    // overflowing text (B holds long text running right, scrolled under A)
    await expect(hitAt(e1.x + 20, e1.y + e1.height / 2)).resolves.toBe('E1');
    await expect(hitAt(a60.x + a60.width - 5, a60.y + a60.height / 2)).resolves.toBe('A60');
    await expect(hitAt(a60.x + 5, e1.y + e1.height / 2)).resolves.toBe('A1');
    await expect(hitAt(10, a60.y + a60.height / 2)).resolves.toContain('row-header');
    // their lines move with them: E1's and F1's black bottom border, A60's black right border
    // (A1, the selected cell, is outlined)
    const f1 = await box('F1');
    expect(dark(await pixel(f1.x + 30, f1.y + f1.height - 1))).toBe(true);
    expect(dark(await pixel(e1.x + 60, e1.y + e1.height - 1))).toBe(true);
    expect(dark(await pixel(a60.x + a60.width - 1, a60.y + a60.height / 2))).toBe(true);
    // opaque: no text of a scrolled cell shows inside a frozen one
    expect(await pixel(e1.x + 90, e1.y + 4)).toEqual([255, 255, 255]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'frozen.png') });
  });

  test('a sheet never shown, or just added, opens at the top-left; a sheet comes back as left', async () => {
    const left = await scrollOf();
    expect(left[0]).toBeGreaterThan(500);
    await showTab('Lain');
    await expect(scrollOf()).resolves.toEqual([0, 0]);
    await area('area.scrollTop = 2000;');
    await page.waitForTimeout(100);
    await page.getByTestId('add-sheet').click();
    await selected('Sheet3');
    await expect(scrollOf()).resolves.toEqual([0, 0]);
    await showTab('Data');
    await expect(scrollOf()).resolves.toEqual(left);
  });

  test('a sheet the add-in activates opens at its top-left, even one scrolled before', async () => {
    await page.getByTestId('addon-menu').click();
    await page.getByTestId('menu-item').filter({ hasText: 'Buka panel' }).click();
    const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
    const createSop = sidebar.locator('[data-testid="create-sop"]:not([disabled])');
    await createSop.click();
    const sopTab = page.locator('[data-testid="sheet-tab"].selected').filter({ hasText: /SOP/ });
    await sopTab.waitFor();
    const sopName = await sopTab.textContent();
    await expect(scrollOf()).resolves.toEqual([0, 0]);
    await area('area.scrollTop = 300;');
    await page.waitForTimeout(100);
    await showTab('Data');
    await createSop.click();
    await page
      .locator('[data-testid="sheet-tab"].selected')
      .filter({ hasText: sopName ?? '' })
      .waitFor();
    await expect(scrollOf()).resolves.toEqual([0, 0]);
  });
});
