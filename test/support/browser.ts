import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import type { WorkbookState } from '../../src/workbench/model';
import { saveWorkbook } from '../../src/workbench/server/persistence';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');

/** Debian's Chromium (installed by .ci/run), or CHROMIUM_PATH. Never a downloaded browser. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}: apt-get install chromium, or set CHROMIUM_PATH`);
  return path;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // The machine's network is closed: background networking would only produce refused connections.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningWorkbench {
  url: string;
  workbookPath: string;
  stop(): Promise<void>;
}

/**
 * Starts the built workbench exactly as `npm start` does, on a free port, with a fresh workbook
 * file or one seeded from `workbook` (as if a person had left it so in an earlier session).
 */
export async function startWorkbench(workbook?: WorkbookState): Promise<RunningWorkbench> {
  const port = await freePort();
  const workbookPath = join(mkdtempSync(join(tmpdir(), 'sop-wb-')), 'workbook.json');
  if (workbook) saveWorkbook(workbookPath, workbook);
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'build/workbench/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), WORKBOOK: workbookPath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workbench did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/localhost:\d+/);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`workbench exited with ${code}:\n${output}`)));
  });
  return {
    url,
    workbookPath,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface OpenWorkbench {
  workbench: RunningWorkbench;
  browser: Browser;
  page: Page;
}

/**
 * A started workbench (fresh, or seeded from `workbook`) and a Chromium page on it, once onOpen's
 * menus have arrived. The caller closes `browser` and stops `workbench`; on a failure here both are.
 */
export async function openWorkbench(
  workbook?: WorkbookState,
  viewport = { width: 1280, height: 800 },
): Promise<OpenWorkbench> {
  const workbench = await startWorkbench(workbook);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport });
    await page.goto(workbench.url);
    await page.getByTestId('menu-item').filter({ hasText: 'Buka panel' }).waitFor({ state: 'attached' });
    return { workbench, browser, page };
  } catch (error) {
    await browser?.close();
    await workbench.stop();
    throw error;
  }
}

/** POSTs `body` as JSON from the page (same origin as the workbench); resolves to the status. */
export function postJson(page: Page, url: string, body: unknown): Promise<number> {
  return page.evaluate(
    ([u, b]) =>
      fetch(u, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: b }).then(
        (r) => r.status,
      ),
    [url, JSON.stringify(body)] as const,
  );
}

/**
 * Extensions → "Buka panel", once onOpen's menus have arrived (a dropdown opened before would be
 * redrawn closed); resolves to the sidebar's frame once its first state has loaded.
 */
export async function openSidebar(page: Page): Promise<FrameLocator> {
  const item = page.getByTestId('menu-item').filter({ hasText: 'Buka panel' });
  await item.waitFor({ state: 'attached' });
  await page.getByTestId('addon-menu').click();
  await item.click();
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar.locator('[data-testid="create-sop"]:not([disabled])').waitFor({ state: 'attached' });
  return sidebar;
}
