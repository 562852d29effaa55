// `npm run screenshots`: pictures of the workbench at 1366×768 (a common office laptop) for the
// README and closing notes, saved as docs/screenshots/workbench-*.png. Not part of `npm test`.
//
// It builds, starts the workbench on a fresh workbook (as `npm start` does), lets "Buka contoh"
// build the demo spreadsheet with the add-in's own functions, then shows: the add-in menu open,
// the sidebar with the demo's activity open, and the data terpilah report with its charts.
// Needs Debian's Chromium (CHROMIUM_PATH to point elsewhere).
/* global fetch, window -- page.evaluate callbacks run in the browser */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');
const VIEWPORT = { width: 1366, height: 768 };

function startWorkbench() {
  const workbook = join(mkdtempSync(join(tmpdir(), 'sop-shots-')), 'workbook.json');
  const child = spawn(process.execPath, [join(root, 'build/workbench/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: '0', WORKBOOK: workbook },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`workbench did not start:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/localhost:\d+/);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[0], stop: () => child.kill('SIGTERM') });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`workbench exited with ${code}:\n${output}`)));
  });
}

async function main() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: sudo apt-get install -y chromium`);
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  mkdirSync(out, { recursive: true });
  const workbench = await startWorkbench();
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(workbench.url);
    const openPanel = page.getByTestId('menu-item').filter({ hasText: 'Buka panel' });
    await openPanel.waitFor({ state: 'attached' });
    await page.getByTestId('demo-button').click();
    await page.getByTestId('toast').filter({ hasText: 'Contoh siap' }).waitFor({ timeout: 60_000 });
    await page
      .getByTestId('toast')
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 })
      .catch(() => {});

    // 1. the report over every activity (the sidebar's "Buat laporan", scope "Semua kegiatan"),
    // whose two charts are the column chart per activity and the age pyramid; scrolled so that
    // the tables and the charts both show
    const status = await page.evaluate(() =>
      fetch('/api/run/generateTerpilahReport', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ args: [{}], answers: [] }),
      }).then((r) => r.status),
    );
    if (status !== 200) throw new Error(`generateTerpilahReport: HTTP ${status}`);
    await page.reload();
    await openPanel.waitFor({ state: 'attached' });
    await page
      .getByTestId('sheet-tab')
      .filter({ hasText: /^Laporan Data Terpilah$/ })
      .click();
    await page.locator('[data-testid="chart"][data-ready="true"]').nth(1).waitFor();
    await page.locator('#sheet-area').evaluate((area) => (area.scrollLeft = 320));
    await page.screenshot({ path: join(out, 'workbench-report-charts.png') });
    // the age pyramid, further down
    await page
      .locator('[data-testid="chart"][data-pyramid="true"]')
      .evaluate((chart) => chart.scrollIntoView({ block: 'center', inline: 'end' }));
    await page.screenshot({ path: join(out, 'workbench-report-pyramid.png') });

    // 2. the add-in menu open
    await page.locator('#sheet-area').evaluate((area) => area.scrollTo(0, 0));
    await page.getByTestId('addon-menu').click();
    await openPanel.waitFor();
    await page.screenshot({ path: join(out, 'workbench-addon-menu.png') });

    // 3. the sidebar, with the demo's activity open
    await openPanel.click();
    const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
    await sidebar.getByTestId('open-activity').first().click();
    await sidebar.getByTestId('activity-title').waitFor();
    await page.waitForTimeout(300); // the step list settles (fonts, progress bar)
    // from the activity's title and progress (the panel scrolls to the current step)
    const frame = await (await page.getByTestId('sidebar-frame').elementHandle())?.contentFrame();
    await frame?.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(out, 'workbench-sidebar-activity.png') });
  } finally {
    await browser.close();
    workbench.stop();
  }
  console.log(`screenshots: ${out}/workbench-*.png`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
