/**
 * `npm start`: the local workbench. Serves a page that looks like a small Google Sheets with
 * the add-in installed, running dist/Code.js against an emulated spreadsheet saved as JSON.
 *
 * Environment: PORT (default 8080), HOST (default 127.0.0.1), WORKBOOK (default
 * .workbench/workbook.json), DIST (default dist), USER_EMAIL (default: the runtime's DEFAULT_USER_EMAIL),
 * WORKBENCH_LATENCY (optimistic | typical | pessimistic: the latency scenario the 6-minute limit
 * applies to; default typical).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportXlsx } from '../export/xlsx';
import { newWorkbookState, type WorkbookState } from '../model';
import { Workbench } from '../runtime';
import { SCENARIOS, type Scenario } from '../services/latency';
import { fileBackup } from './backup';
import { createWorkbenchServer } from './http';
import { claimWorkbook, loadWorkbook, saveWorkbook } from './persistence';

function main(): void {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const workbookFile = path.resolve(process.env.WORKBOOK ?? '.workbench/workbook.json');
  const distDir = path.resolve(process.env.DIST ?? 'dist');
  const pageDir = path.resolve(process.env.PAGE_DIR ?? path.join(__dirname, 'page'));
  const userEmail = process.env.USER_EMAIL || undefined;
  const scenario = (process.env.WORKBENCH_LATENCY || 'typical') as Scenario;
  if (!SCENARIOS.includes(scenario))
    fail(`WORKBENCH_LATENCY must be one of ${SCENARIOS.join(', ')}, got "${process.env.WORKBENCH_LATENCY}"`);
  const executionLimits = { scenario };

  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT must be a port number, got "${process.env.PORT}"`);
  if (!fs.existsSync(path.join(distDir, 'Code.js'))) {
    fail(`No add-in bundle at ${path.join(distDir, 'Code.js')}: run "npm run build" first (or set DIST).`);
  }
  if (!fs.existsSync(path.join(pageDir, 'index.html'))) {
    fail(`No workbench page at ${pageDir}: run "node scripts/build.mjs" first (or set PAGE_DIR).`);
  }

  let release: () => void = () => {};
  try {
    release = claimWorkbook(workbookFile);
  } catch (e) {
    fail((e as Error).message);
  }
  process.on('exit', () => release());
  let state: WorkbookState;
  try {
    state = loadWorkbook(workbookFile);
  } catch (e) {
    fail(
      `${(e as Error).message}\nFix or delete that file (a new spreadsheet is created when it is missing).`,
    );
  }
  const isNew = !fs.existsSync(workbookFile);
  const save = (s: WorkbookState): void => saveWorkbook(workbookFile, s);
  if (isNew) save(state);

  const server = createWorkbenchServer({
    workbench: new Workbench({ state, distDir, userEmail, executionLimits }),
    pageDir,
    save,
    reset: () => new Workbench({ state: newWorkbookState(), distDir, userEmail, executionLimits }),
    backup: {
      store: fileBackup(workbookFile),
      open: (kept) => new Workbench({ state: kept, distDir, userEmail, executionLimits }),
    },
    exportXlsx,
  });
  server.on('error', (e: NodeJS.ErrnoException) => {
    fail(e.code === 'EADDRINUSE' ? `Port ${port} is already in use: set PORT to another one.` : e.message);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Workbench: http://localhost:${actual}`);
    console.log(`Spreadsheet saved in ${workbookFile}${isNew ? ' (new)' : ''}; add-in from ${distDir}`);
  });
  const stop = (): void => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function fail(message: string): never {
  console.error(`Workbench: ${message}`);
  process.exit(1);
}

main();
