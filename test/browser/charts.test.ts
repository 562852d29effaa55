import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { cellA1 } from '../../src/workbench/a1';
import { newWorkbookState, type ChartSpec, type WorkbookState } from '../../src/workbench/model';
import { loadWorkbook } from '../../src/workbench/server/persistence';
import { openWorkbench, postJson, type RunningWorkbench } from '../support/browser';

const SCREENSHOTS = join(__dirname, '..', '..', 'build', 'screenshots');
const REPORT = 'Laporan Data Terpilah';
const VIEWPORT = { width: 1366, height: 768 };
const AGE_GROUPS = ['75+', '70-74', '65-69', '60-64', '55-59', '50-54', '45-49', '40-44', '35-39'];

const texts = (scope: Locator, testid: string) =>
  scope.locator(`[data-testid="${testid}"]`).allTextContents();
const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not displayed');
  return b;
};

describe('charts drawn as Sheets draws them, at their anchor cells (Chromium)', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ workbench, browser, page } = await openWorkbench(undefined, VIEWPORT));
    // "Buka contoh", then the report over every activity, as the sidebar asks for it
    const post = (url: string, body: unknown) => postJson(page, url, body);
    await expect(post('/api/demo', {})).resolves.toBe(200);
    await expect(post('/api/run/generateTerpilahReport', { args: [{}], answers: [] })).resolves.toBe(200);
    await page.reload();
    await page
      .getByTestId('sheet-tab')
      .filter({ hasText: new RegExp(`^${REPORT}$`) })
      .click();
    await page.locator('[data-testid="chart"][data-ready="true"]').nth(1).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  const specs = (): ChartSpec[] =>
    loadWorkbook(workbench.workbookPath).sheets.find((s) => s.name === REPORT)?.charts ?? [];

  test('the report has its two charts, each at the anchor cell the add-in gave it', async () => {
    const charts = specs();
    expect(charts.map((c) => c.type)).toEqual(['COLUMN', 'BAR']);
    const shown = page.getByTestId('chart');
    await expect(shown.count()).resolves.toBe(2);
    for (const [i, spec] of charts.entries()) {
      const anchor = cellA1(spec.position.row, spec.position.column);
      const chart = shown.nth(i);
      await expect(chart.getAttribute('data-anchor')).resolves.toBe(anchor);
      const [at, cell] = [await box(chart), await box(page.locator(`[data-a1="${anchor}"]`))];
      expect(Math.abs(at.x - cell.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(at.y - cell.y)).toBeLessThanOrEqual(1);
    }
    // it scrolls with the cells
    await page.locator('#sheet-area').evaluate((area) => area.scrollBy(150, 120));
    const anchor = cellA1(charts[1].position.row, charts[1].position.column);
    const [at, cell] = [await box(shown.nth(1)), await box(page.locator(`[data-a1="${anchor}"]`))];
    expect(Math.abs(at.x - cell.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(at.y - cell.y)).toBeLessThanOrEqual(1);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'charts-report.png') });
    await page.locator('#sheet-area').evaluate((area) => area.scrollTo(0, 0));
  });

  test('participants by sex per activity: vertical columns, one series per sex, side by side', async () => {
    const chart = page.locator('[data-testid="chart"][data-type="COLUMN"]');
    await expect(chart.getAttribute('data-orientation')).resolves.toBe('vertical');
    await expect(chart.getAttribute('data-stacked')).resolves.toBe('false');
    await expect(texts(chart, 'chart-title')).resolves.toEqual([
      'Peserta menurut jenis kelamin per kegiatan',
    ]);
    await expect(texts(chart, 'legend-label')).resolves.toEqual(['L', 'P']);
    await expect(chart.getByTestId('chart-series').count()).resolves.toBe(2);
    await expect(texts(chart, 'category-label')).resolves.toEqual(['Rapat koordinasi PUG triwulan I']);
    // the demo's activity: 2 men, 3 women; columns stand on one baseline, the women's taller
    const [l, p] = [chart.getByTestId('chart-bar').nth(0), chart.getByTestId('chart-bar').nth(1)];
    await expect(l.getAttribute('data-value')).resolves.toBe('2');
    await expect(p.getAttribute('data-value')).resolves.toBe('3');
    const [lb, pb] = [await box(l), await box(p)];
    expect(Math.abs(lb.y + lb.height - (pb.y + pb.height))).toBeLessThanOrEqual(1);
    expect(pb.height / lb.height).toBeCloseTo(1.5, 1);
    expect(pb.x).toBeGreaterThanOrEqual(lb.x + lb.width - 1);
    await expect(l.getAttribute('fill')).resolves.toBe('#4285f4');
    await expect(p.getAttribute('fill')).resolves.toBe('#ea4335');
  });

  test('the age pyramid: men to the left, women to the right, ages on a middle axis, oldest at the top', async () => {
    const chart = page.locator('[data-testid="chart"][data-pyramid="true"]');
    await expect(chart.getAttribute('data-type')).resolves.toBe('BAR');
    await expect(chart.getAttribute('data-orientation')).resolves.toBe('horizontal');
    await expect(chart.getAttribute('data-series')).resolves.toBe('2');
    await expect(texts(chart, 'chart-title')).resolves.toEqual(['Piramida umur menurut jenis kelamin']);
    await expect(texts(chart, 'legend-label')).resolves.toEqual(['Laki-laki', 'Perempuan']);
    const ages = await texts(chart, 'category-label');
    expect(ages.slice(0, AGE_GROUPS.length)).toEqual(AGE_GROUPS);
    expect(ages[ages.length - 1]).toBe('0-4');
    // the middle axis lies between the two halves
    const axis = await box(chart.getByTestId('category-label').first());
    const men = chart.locator(
      '[data-testid="chart-series"][data-name="Laki-laki"] [data-testid="chart-bar"]',
    );
    const women = chart.locator(
      '[data-testid="chart-series"][data-name="Perempuan"] [data-testid="chart-bar"]',
    );
    await expect(men.count()).resolves.toBeGreaterThan(0);
    for (const bar of await men.all()) {
      expect(Number(await bar.getAttribute('data-value'))).toBeLessThanOrEqual(0);
      const b = await box(bar).catch(() => null); // a zero is drawn without width
      if (b) expect(b.x + b.width).toBeLessThanOrEqual(axis.x + 1);
    }
    for (const bar of await women.all()) {
      const b = await box(bar).catch(() => null);
      if (b) expect(b.x).toBeGreaterThanOrEqual(axis.x + axis.width - 1);
    }
    // the "0;0" format of the men's column: its axis shows no minus sign, as in Sheets
    const ticks = await texts(chart, 'tick-label');
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.some((t) => t.startsWith('-'))).toBe(false);
  });
});

/** A sheet with a chart whose title and categories are hostile text, and every option set. */
function hostile(): WorkbookState {
  const state = newWorkbookState('Judul berbahaya');
  const sheet = state.sheets[0];
  sheet.name = 'Data';
  sheet.rows = [
    [{ value: 'Kabupaten' }, { value: 'L<script>' }, { value: 'P' }],
    [{ value: '<img src=x onerror="window.pwned=1">' }, { value: 4 }, { value: 6 }],
    [{ value: 'Kota B' }, { value: 3 }, { value: 1 }],
  ];
  sheet.charts.push({
    chartId: 1,
    type: 'COLUMN',
    ranges: [{ sheet: 'Data', rect: { row: 0, column: 0, numRows: 3, numColumns: 3 } }],
    position: { row: 4, column: 1, offsetX: 15, offsetY: 10 },
    options: {
      title: '<img src=x onerror="window.pwned=2"> & </svg>',
      isStacked: true,
      legend: { position: 'bottom' },
      hAxis: { title: 'Wilayah' },
      vAxis: { title: 'Peserta' },
      colors: ['#111111', '#222222'],
      series: { 1: { dataLabel: 'value' } },
      width: 480,
      height: 300,
    },
    settings: {},
  });
  return state;
}

describe('a chart of user text in Chromium', () => {
  let workbench: RunningWorkbench;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ workbench, browser, page } = await openWorkbench(hostile(), VIEWPORT));
    await page.locator('[data-testid="chart"][data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.stop();
  });

  test('titles and categories render as text, never as markup', async () => {
    const chart = page.getByTestId('chart');
    await expect(texts(chart, 'chart-title')).resolves.toEqual([
      '<img src=x onerror="window.pwned=2"> & </svg>',
    ]);
    // a label too long for its column is cut, with the whole text kept for its tooltip
    const labels = chart.getByTestId('category-label');
    await expect(
      labels.evaluateAll((all) => all.map((e) => e.getAttribute('data-full') ?? e.textContent)),
    ).resolves.toEqual(['<img src=x onerror="window.pwned=1">', 'Kota B']);
    await expect(labels.first().textContent()).resolves.toMatch(/^<img src=x .*…$/);
    await expect(texts(chart, 'legend-label')).resolves.toEqual(['L<script>', 'P']);
    await expect(
      page.locator('[data-testid="chart"] img, [data-testid="chart"] script').count(),
    ).resolves.toBe(0);
    await expect(page.evaluate('window.pwned')).resolves.toBeUndefined();
  });

  test('its options: stacked columns, own colours, data labels, axis titles, size and pixel offset', async () => {
    const chart = page.getByTestId('chart');
    const cell = await box(page.locator('[data-a1="B5"]'));
    const at = await box(chart);
    expect(Math.round(at.x - cell.x)).toBe(15);
    expect(Math.round(at.y - cell.y)).toBe(10);
    await expect(chart.getByTestId('chart-svg').getAttribute('width')).resolves.toBe('480');
    await expect(texts(chart, 'axis-title')).resolves.toEqual(['Wilayah', 'Peserta']);
    // data labels on the second series only
    await expect(texts(chart, 'data-label')).resolves.toEqual(['6', '1']);
    const bars = chart.getByTestId('chart-bar');
    await expect(bars.evaluateAll((all) => all.map((b) => b.getAttribute('fill')))).resolves.toEqual([
      '#111111',
      '#111111',
      '#222222',
      '#222222',
    ]);
    // stacked: the second series sits on top of the first, in the same column
    const [first, second] = [await box(bars.nth(0)), await box(bars.nth(2))];
    expect(Math.abs(first.x - second.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(second.y + second.height - first.y)).toBeLessThanOrEqual(1);
  });
});
