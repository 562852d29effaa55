/**
 * The workbench's HTTP server: the page, the JSON API over a {@link WorkbenchLike}, and the
 * sidebar/dialog HTML with the `google.script.run` shim injected: the routes. Checks of requests:
 * requests.ts; answers: responses.ts. See README.md, "Workbench HTTP API".
 *
 * Uses only node:http. Executions (and every read of the state) go through one queue, so
 * they never interleave, even around the asynchronous .xlsx export.
 */
import * as http from 'node:http';
import * as path from 'node:path';
import type { WorkbookState } from '../model';
import type { ExecutionResult, PageUiEvent, RunOptions, SheetJson, WorkbookJson } from '../protocol';
import { HttpError } from './errors';
import { toJsonText } from './persistence';
import { manageSheets, parseEditBody, parseSheetsBody, typeInto, type PersonActor } from './person';
import { checkOrigin, decodePath, intParam, parseRunBody, readBody } from './requests';
import { attachment, sendFile, sendJson, sendText } from './responses';
import { injectShim } from './sidebar-shim';
import type { BackupStore } from './backup';
import { importCsv, importXlsx, isXlsx, readBodyBytes, readXlsxSheets } from './import';
import { EditHistory } from './undo';

/** What the server needs of runtime.ts's Workbench. */
export interface WorkbenchLike extends PersonActor {
  readonly state: WorkbookState;
  run(functionName: string, args?: unknown[], opts?: RunOptions): ExecutionResult;
}

export interface WorkbenchServerOptions {
  workbench: WorkbenchLike;
  /** Folder holding index.html, main.js, style.css and styles/. */
  pageDir: string;
  /**
   * Persists the state (called after every execution that did not need input, after every
   * successful /api/edit and /api/sheets, and on reset).
   */
  save: (state: WorkbookState) => void;
  /** A Workbench around a new, empty spreadsheet (POST /api/reset). */
  reset: () => WorkbenchLike;
  /**
   * Where POST /api/reset keeps the workbook it replaces, and a Workbench around a kept one
   * (POST /api/restore). Without them a reset keeps nothing and there is nothing to restore.
   */
  backup?: { store: BackupStore; open: (state: WorkbookState) => WorkbenchLike };
  exportXlsx: (state: WorkbookState) => Promise<Buffer>;
  /** How many sidebar/dialog HTMLs are kept for GET /sidebar/<id> (default 50). */
  keepHtml?: number;
  /** Largest accepted request body in bytes (default 64 MB). */
  maxBodyBytes?: number;
}

export interface WorkbenchServer extends http.Server {
  /** The Workbench currently served (replaced by POST /api/reset). */
  readonly workbench: WorkbenchLike;
}

const FUNCTION_NAME = /^[A-Za-z_$][\w$]*$/;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The workbook for the page: everything, or one sheet with a window of its rows. */
export function workbookJson(
  state: WorkbookState,
  window?: { sheet: string; offset: number; limit: number },
): WorkbookJson {
  const sheetList = state.sheets.map((s) => ({
    sheetId: s.sheetId,
    name: s.name,
    hidden: s.hidden,
    tabColor: s.tabColor,
    totalRows: s.rows.length,
  }));
  let sheets: SheetJson[];
  if (window) {
    const sheet = state.sheets.find((s) => s.name === window.sheet);
    if (!sheet) throw new HttpError(404, `No sheet named "${window.sheet}"`);
    sheets = [
      {
        ...sheet,
        rows: sheet.rows.slice(window.offset, window.offset + window.limit),
        rowOffset: window.offset,
        totalRows: sheet.rows.length,
      },
    ];
  } else {
    sheets = state.sheets.map((s) => ({ ...s, rowOffset: 0, totalRows: s.rows.length }));
  }
  return {
    id: state.id,
    name: state.name,
    timeZone: state.timeZone,
    locale: state.locale,
    activeSheetId: state.activeSheetId,
    sheetList,
    sheets,
  };
}

export function createWorkbenchServer(options: WorkbenchServerOptions): WorkbenchServer {
  const keepHtml = options.keepHtml ?? 50;
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const pageDir = path.resolve(options.pageDir);
  let workbench = options.workbench;
  let nextHtmlId = 1;
  const htmls = new Map<string, string>();
  let queue: Promise<unknown> = Promise.resolve();
  /** The person's typing, for POST /api/undo (./undo.ts). */
  const history = new EditHistory();

  /** Runs `task` after every earlier task has finished. */
  function serialised<T>(task: () => T | Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Keeps the HTML of sidebars/dialogs and tags their events with the id to fetch them by. */
  function withHtmlIds(result: ExecutionResult): ExecutionResult<PageUiEvent> {
    const ui = result.ui.map((ev) => {
      if (ev.kind !== 'sidebar' && ev.kind !== 'dialog') return ev;
      const id = String(nextHtmlId++);
      htmls.set(id, ev.html);
      while (htmls.size > keepHtml) htmls.delete(htmls.keys().next().value as string);
      return { ...ev, id, url: `/sidebar/${id}` };
    });
    return { ...result, ui };
  }

  function execute(functionName: string, args: unknown[], opts: RunOptions): ExecutionResult<PageUiEvent> {
    let result: ExecutionResult;
    history.clear();
    try {
      result = workbench.run(functionName, args, opts);
    } catch (e) {
      // The runtime reports script errors in the result; this is a bug of the emulation itself.
      result = {
        ok: false,
        error: `Workbench error: ${(e as Error).message}`,
        calls: 0,
        callsByMethod: {},
        ui: [],
      };
    }
    if (!result.needsInput) options.save(workbench.state);
    return withHtmlIds(result);
  }

  /** Saves after a person's change; the answer names no file (the server log has the details). */
  function savePersonChange(): void {
    try {
      options.save(workbench.state);
    } catch (e) {
      console.error(`Workbench: ${(e as Error).message}`);
      throw new HttpError(500, 'Workbench: the change was made but the workbook file could not be saved');
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://workbench.local');
    const p = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'POST') checkOrigin(req);

    if (method === 'GET' && (p === '/' || p === '/index.html')) {
      return sendFile(res, path.join(pageDir, 'index.html'));
    }
    if (method === 'GET' && p.startsWith('/page/')) {
      const rel = decodePath(p.slice('/page/'.length));
      const file = path.resolve(pageDir, rel);
      if (!file.startsWith(pageDir + path.sep)) throw new HttpError(404, 'Not found');
      return sendFile(res, file);
    }
    if (p.startsWith('/api/run/')) {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      const name = decodePath(p.slice('/api/run/'.length));
      if (!FUNCTION_NAME.test(name))
        throw new HttpError(400, `Invalid function name: ${JSON.stringify(name)}`);
      const { args, answers } = parseRunBody(await readBody(req, maxBody));
      const result = await serialised(() => execute(name, args, { answers }));
      return sendJson(res, 200, result);
    }
    if (p === '/api/open') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      const text = await readBody(req, maxBody);
      const { answers } = text.trim() ? parseRunBody(text) : { answers: undefined };
      const result = await serialised(() => execute('onOpen', [], { answers, authMode: 'LIMITED' }));
      return sendJson(res, 200, result);
    }
    if (p === '/api/edit' || p === '/api/sheets') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      const text = await readBody(req, maxBody);
      if (p === '/api/edit') {
        const edit = parseEditBody(text);
        await serialised(() => {
          history.record(workbench.state, edit.sheet, edit.range);
          try {
            typeInto(workbench, edit);
          } catch (e) {
            history.drop();
            throw e;
          }
          savePersonChange();
        });
      } else {
        const request = parseSheetsBody(text);
        await serialised(() => {
          if (request.op !== 'activate') history.clear();
          manageSheets(workbench, request);
          savePersonChange();
        });
      }
      return sendJson(res, 200, { ok: true });
    }
    if (p === '/api/undo') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      await readBody(req, maxBody);
      const undone = await serialised(() => {
        const where = history.undo(workbench.state);
        savePersonChange();
        return where;
      });
      return sendJson(res, 200, { ok: true, ...undone });
    }
    if (p === '/api/workbook') {
      if (method !== 'GET') throw new HttpError(405, 'Use GET');
      const q = url.searchParams;
      const windowed = q.has('sheet') || q.has('offset') || q.has('limit');
      const offset = intParam(url, 'offset', 0, 0);
      const limit = intParam(url, 'limit', 500, 1);
      const body = await serialised(() => {
        const state = workbench.state;
        const active = state.sheets.find((s) => s.sheetId === state.activeSheetId) ?? state.sheets[0];
        const sheet = q.get('sheet') || active.name;
        return toJsonText(workbookJson(state, windowed ? { sheet, offset, limit } : undefined));
      });
      return sendText(res, 200, 'application/json; charset=utf-8', body);
    }
    if (p === '/api/export.xlsx') {
      if (method !== 'GET') throw new HttpError(405, 'Use GET');
      const { bytes, name } = await serialised(async () => ({
        bytes: await options.exportXlsx(workbench.state),
        name: workbench.state.name,
      }));
      res.writeHead(200, {
        'Content-Type': XLSX_TYPE,
        'Content-Length': bytes.length,
        'Content-Disposition': attachment(`${name}.xlsx`),
        'Cache-Control': 'no-store',
      });
      res.end(bytes);
      return;
    }
    if (p === '/api/reset') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      await readBody(req, maxBody);
      const body = await serialised(() => {
        // The old workbook first: when it cannot be kept, nothing is reset.
        try {
          options.backup?.store.keep(workbench.state);
        } catch (e) {
          console.error(`Workbench: ${(e as Error).message}`);
          throw new HttpError(500, 'Workbench: the backup could not be saved; nothing was reset');
        }
        workbench = options.reset();
        htmls.clear();
        history.clear();
        options.save(workbench.state);
        return toJsonText(workbookJson(workbench.state));
      });
      return sendText(res, 200, 'application/json; charset=utf-8', body);
    }
    if (p === '/api/import') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      const name = url.searchParams.get('name');
      if (name === null) throw new HttpError(400, "Give the new sheet's name: /api/import?name=<sheet>");
      const bytes = await readBodyBytes(req, maxBody);
      const sheets = isXlsx(bytes) ? await readXlsxSheets(bytes) : null;
      const result = await serialised(() => {
        history.clear();
        const imported = sheets ? importXlsx(workbench, name, sheets) : [importCsv(workbench, name, bytes)];
        savePersonChange();
        return imported;
      });
      // the first (for a CSV: the only) sheet, and every sheet made
      return sendJson(res, 200, { ok: true, ...result[0], sheets: result.map((r) => r.sheet) });
    }
    if (p === '/api/backup') {
      if (method !== 'GET') throw new HttpError(405, 'Use GET');
      const backup = await serialised(() => options.backup?.store.info() ?? null);
      return sendJson(res, 200, { ok: true, backup });
    }
    if (p === '/api/restore') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      await readBody(req, maxBody);
      const body = await serialised(() => {
        const kept = options.backup?.store.load();
        if (!options.backup || !kept) throw new HttpError(409, 'Tidak ada cadangan untuk dipulihkan');
        // A swap: the workbook being replaced becomes the backup.
        try {
          options.backup.store.keep(workbench.state);
        } catch (e) {
          console.error(`Workbench: ${(e as Error).message}`);
          throw new HttpError(500, 'Workbench: the backup could not be saved; nothing was restored');
        }
        workbench = options.backup.open(kept);
        htmls.clear();
        history.clear();
        options.save(workbench.state);
        return toJsonText(workbookJson(workbench.state));
      });
      return sendText(res, 200, 'application/json; charset=utf-8', body);
    }
    const sidebar = /^\/sidebar\/(\d+)$/.exec(p);
    if (sidebar && method === 'GET') {
      const html = htmls.get(sidebar[1]);
      if (html === undefined) throw new HttpError(404, 'This sidebar is no longer available');
      return sendText(res, 200, 'text/html; charset=utf-8', injectShim(html));
    }
    throw new HttpError(404, 'Not found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, status, { ok: false, error: message });
    });
  }) as WorkbenchServer;
  Object.defineProperty(server, 'workbench', { get: () => workbench });
  return server;
}
