/**
 * The built-in SOP as people see it: the flowchart in the workbench page (Chromium, 1366×768) and
 * printed from the .xlsx export by LibreOffice (PDF → PNG). Both pictures go to docs/screenshots/
 * (sop-workbench.png; sop-libreoffice-identity.png and sop-libreoffice.png, its first two pages) so a change to the layout shows in review.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planToSheet } from '../../src/cli/plan-to-workbook';
import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import { sopSheetLayout } from '../../src/core/sop/sop-sheet';
import { withVersionHistory } from '../../src/core/sop/versions';
import { exportXlsxReport } from '../../src/workbench/export/xlsx';
import { newWorkbookState } from '../../src/workbench/model';
import { launchBrowser, startWorkbench } from '../support/browser';
import { convertToPdf, RUN_LIBREOFFICE_CHECKS } from '../support/libreoffice';
import { newWorkbench, runOk } from '../support/workbench';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('the built-in SOP in the workbench page: the flowchart is drawn with lines', async () => {
  const workbench = newWorkbench();
  runOk(workbench, 'generateSop', ['builtin:penguatan-pug']);
  const running = await startWorkbench(workbench.state);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(running.url);
    const tab = page.getByTestId('sheet-tab').filter({ hasText: 'SOP: Penguatan PUG' });
    await tab.waitFor();
    await tab.click();
    // The flowchart from its header (two rows above Mulai) down.
    const start = page
      .getByTestId('cell')
      .filter({ hasText: /^Mulai$/ })
      .first();
    await start.waitFor();
    // Scroll the grid as a person would, until Mulai sits just under the table header (again if
    // the page redrew the grid meanwhile, as it does once onOpen's menus arrive).
    const placed = `[...document.querySelectorAll('[data-testid="cell"]')].some(
      (c) => c.textContent === 'Mulai' && c.getBoundingClientRect().y < 260)`;
    await page.mouse.move(600, 400);
    for (let attempt = 0; attempt < 20 && !(await page.evaluate(placed)); attempt++) {
      const box = await start.boundingBox();
      await page.mouse.wheel(0, Math.max(0, (box?.y ?? 0) - 190));
      await page.waitForFunction(placed, undefined, { timeout: 1_000 }).catch(() => undefined);
    }
    await page.waitForFunction(placed);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'sop-workbench.png') });
  } finally {
    await browser.close();
    await running.stop();
  }
}, 60_000);

(RUN_LIBREOFFICE_CHECKS ? test : test.skip)(
  'the built-in SOP printed by LibreOffice from the .xlsx export (identity and first flowchart page)',
  async () => {
    const layout = sopSheetLayout(withVersionHistory(PENGUATAN_PUG), 'SOP: Penguatan PUG');
    const state = newWorkbookState('SOP');
    state.sheets = [planToSheet(layout.plan, 1)];
    state.activeSheetId = 1;
    const dir = mkdtempSync(join(tmpdir(), 'sop-lo-'));
    try {
      const file = join(dir, 'sop.xlsx');
      writeFileSync(file, (await exportXlsxReport(state)).buffer);
      const pdfFile = convertToPdf(file, dir);
      const pdf = readFileSync(pdfFile);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The picture needs poppler's pdftoppm (.ci/run installs it; elsewhere it may be missing).
      if (!hasPdftoppm()) return;
      // The first two pages: the identity, then the first flowchart page.
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdfFile, join(dir, 'page')], {
        timeout: 60_000,
      });
      const pngs = readdirSync(dir)
        .filter((f) => f.startsWith('page') && f.endsWith('.png'))
        .sort()
        .map((f) => join(dir, f));
      expect(pngs).toHaveLength(2);
      mkdirSync(SCREENSHOTS, { recursive: true });
      renameSync(pngs[0], join(SCREENSHOTS, 'sop-libreoffice-identity.png'));
      renameSync(pngs[1], join(SCREENSHOTS, 'sop-libreoffice.png'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
