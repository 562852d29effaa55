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
import type { Duplex } from 'node:stream';
import type { WorkbookState } from '../model';
import type { ExecutionResult, PageUiEvent, RunOptions, SheetJson, WorkbookJson } from '../protocol';
import { HttpError, withoutPaths } from './errors';
import { toJsonText } from './persistence';
import { manageSheets, parseEditBody, parseSheetsBody, typeInto, type PersonActor } from './person';
import {
  checkOrigin,
  decodePath,
  discardBody,
  intParam,
  parseRunBody,
  parseTarget,
  quoted,
  readBody,
  readBodyBytes,
} from './requests';
import { attachment, sendFile, sendJson, sendText } from './responses';
import { injectShim } from './sidebar-shim';
import type { BackupStore } from './backup';
import { importCsv, importXlsx, isXlsx, readXlsxSheets } from './import';
import { EditHistory } from './undo';
import { buildDemo } from './demo';

/** What the server needs of runtime.ts's Workbench. */
export interface WorkbenchLike extends PersonActor {
  readonly state: WorkbookState;
  run(functionName: string, args?: unknown[], opts?: RunOptions): ExecutionResult;
  /** The functions `POST /api/run/<name>` may run: the add-in's top-level functions. */
  functionNames(): ReadonlySet<string>;
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

const FUNCTION_NAME = /^[A-Za-z_$][\w$]{0,254}$/;
/** Longest file path under /page/ looked for, and longest name in it (a longer one is not there). */
const MAX_PAGE_PATH = 1024;
const MAX_FILE_NAME = 255;
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
      console.error('Workbench:', e);
      result = {
        ok: false,
        error: `Workbench error: ${withoutPaths(String((e as Error)?.message ?? e))}`,
        calls: 0,
        callsByMethod: {},
        ui: [],
      };
    }
    if (!result.needsInput) saveState('the execution ran');
    return withHtmlIds(result);
  }

  /** Saves after a change; the answer names no file (the server log has the details). */
  function saveState(what: string): void {
    try {
      options.save(workbench.state);
    } catch (e) {
      console.error(`Workbench: ${(e as Error).message}`);
      throw new HttpError(500, `Workbench: ${what} but the workbook file could not be saved`);
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { path: p, query: q } = parseTarget(req.url);
    const method = req.method ?? 'GET';

    if (method === 'POST') checkOrigin(req);
    // Only POSTs have a body: any other is read and dropped before the answer.
    else await discardBody(req);

    if (method === 'GET' && (p === '/' || p === '/index.html')) {
      return sendFile(res, path.join(pageDir, 'index.html'));
    }
    if (method === 'GET' && p.startsWith('/page/')) {
      const rel = decodePath(p.slice('/page/'.length));
      if (rel.length > MAX_PAGE_PATH || rel.split('/').some((s) => s.length > MAX_FILE_NAME))
        throw new HttpError(404, 'Not found');
      const file = path.resolve(pageDir, rel);
      if (!file.startsWith(pageDir + path.sep)) throw new HttpError(404, 'Not found');
      return sendFile(res, file);
    }
    if (p.startsWith('/api/run/')) {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      const name = decodePath(p.slice('/api/run/'.length));
      if (!FUNCTION_NAME.test(name)) throw new HttpError(400, `Invalid function name: ${quoted(name)}`);
      // Only the add-in's own functions: not "constructor", "toString", a service or a helper.
      if (!workbench.functionNames().has(name))
        throw new HttpError(404, `Script function not found: ${name}`);
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
          saveState('the change was made');
        });
      } else {
        const request = parseSheetsBody(text);
        await serialised(() => {
          if (request.op !== 'activate') history.clear();
          manageSheets(workbench, request);
          saveState('the change was made');
        });
      }
      return sendJson(res, 200, { ok: true });
    }
    if (p === '/api/undo') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      await readBody(req, maxBody);
      const undone = await serialised(() => {
        const where = history.undo(workbench.state);
        // Undo is the person's change too: their onEdit(e) runs, as after typing.
        workbench.firePersonEdit?.({ sheet: where.sheet, range: where.range });
        saveState('the change was made');
        return where;
      });
      return sendJson(res, 200, { ok: true, ...undone });
    }
    if (p === '/api/workbook') {
      if (method !== 'GET') throw new HttpError(405, 'Use GET');
      const windowed = q.has('sheet') || q.has('offset') || q.has('limit');
      const offset = intParam(q, 'offset', 0, 0);
      const limit = intParam(q, 'limit', 500, 1);
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
        saveState('the spreadsheet was reset');
        return toJsonText(workbookJson(workbench.state));
      });
      return sendText(res, 200, 'application/json; charset=utf-8', body);
    }
    if (p === '/api/import') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      const name = q.get('name');
      if (name === null) throw new HttpError(400, "Give the new sheet's name: /api/import?name=<sheet>");
      const bytes = await readBodyBytes(req, maxBody);
      const sheets = isXlsx(bytes) ? await readXlsxSheets(bytes) : null;
      const result = await serialised(() => {
        history.clear();
        const imported = sheets ? importXlsx(workbench, name, sheets) : [importCsv(workbench, name, bytes)];
        saveState('the change was made');
        return imported;
      });
      // the first (for a CSV: the only) sheet, and every sheet made
      return sendJson(res, 200, { ok: true, ...result[0], sheets: result.map((r) => r.sheet) });
    }
    if (p === '/api/demo') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      await readBody(req, maxBody);
      const demo = await serialised(() => {
        const built = buildDemo({
          get state() {
            return workbench.state;
          },
          actAsPerson: (act) => workbench.actAsPerson(act),
          execute: (functionName, args) => execute(functionName, args, {}),
        });
        saveState('the demo was built');
        return built;
      });
      return sendJson(res, 200, demo);
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

  /**
   * Answers a failed request: an {@link HttpError} with its status and message; anything else is a
   * bug of the workbench, answered 500 without its message (which may name files): the server log
   * has the details. The rest of the body is read first, so that the answer arrives.
   */
  async function fail(req: http.IncomingMessage, res: http.ServerResponse, e: unknown): Promise<void> {
    if (!(e instanceof HttpError)) console.error('Workbench:', e);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    await discardBody(req);
    if (e instanceof HttpError) sendJson(res, e.status, { ok: false, error: e.message });
    else sendJson(res, 500, { ok: false, error: 'Workbench error (the server log has the details)' });
  }

  const server = http.createServer((req, res) => {
    handle(req, res)
      .catch((e: unknown) => fail(req, res, e))
      .catch((e: unknown) => {
        console.error('Workbench:', e);
        res.destroy();
      });
  }) as WorkbenchServer;
  server.on('clientError', answerUnparsable);
  Object.defineProperty(server, 'workbench', { get: () => workbench });
  return server;
}

/**
 * A request node:http could not even parse (a NUL or a space in the target, an unknown method,
 * headers over the size limit...): answered as node:http would, but with the JSON error body of
 * every other error.
 */
function answerUnparsable(e: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: http.ServerResponse | null })._httpMessage;
  if (e.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, error] =
    e.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request headers too large']
      : e.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request timeout']
        : [400, 'Bad request'];
  const body = toJsonText({ ok: false, error });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}
