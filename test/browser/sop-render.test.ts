/**
 * The built-in SOP as people see it: the flowchart in the workbench page (Chromium, 1366×768) and
 * printed from the .xlsx export by LibreOffice (PDF → PNG). Both pictures go to docs/screenshots/
 * (sop-workbench.png, sop-libreoffice.png) so a change to the layout shows in review.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planToSheet } from '../../src/cli/plan-to-workbook';
import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import { sopSheetLayout } from '../../src/core/sop/sop-sheet';
import { exportXlsxReport } from '../../src/workbench/export/xlsx';
import { newWorkbookState } from '../../src/workbench/model';
import { launchBrowser, startWorkbench } from '../support/browser';
import { RUN_LIBREOFFICE_CHECKS, sofficeCommand } from '../support/libreoffice';
import { newWorkbench, runOk } from '../support/workbench';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

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
    const header = page
      .getByTestId('cell')
      .filter({ hasText: /^Mutu Baku$/ })
      .first();
    await header.waitFor();
    await header.evaluate((cell) => cell.scrollIntoView({ block: 'start' }));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'sop-workbench.png') });
  } finally {
    await browser.close();
    await running.stop();
  }
}, 60_000);

(RUN_LIBREOFFICE_CHECKS ? test : test.skip)(
  'the built-in SOP printed by LibreOffice from the .xlsx export (first flowchart page)',
  async () => {
    const layout = sopSheetLayout(PENGUATAN_PUG, 'SOP: Penguatan PUG');
    const state = newWorkbookState('SOP');
    state.sheets = [planToSheet(layout.plan, 1)];
    state.activeSheetId = 1;
    const dir = mkdtempSync(join(tmpdir(), 'sop-lo-'));
    try {
      const file = join(dir, 'sop.xlsx');
      writeFileSync(file, (await exportXlsxReport(state)).buffer);
      execFileSync(
        sofficeCommand(),
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          file,
        ],
        { timeout: 120_000, stdio: 'ignore' },
      );
      // Page 2: the first page of the flowchart (page 1 is the identity).
      execFileSync(
        'pdftoppm',
        ['-png', '-r', '80', '-f', '2', '-l', '2', join(dir, 'sop.pdf'), join(dir, 'page')],
        {
          timeout: 60_000,
        },
      );
      const png = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
      expect(png).toBeDefined();
      mkdirSync(SCREENSHOTS, { recursive: true });
      renameSync(join(dir, png!), join(SCREENSHOTS, 'sop-libreoffice.png'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
