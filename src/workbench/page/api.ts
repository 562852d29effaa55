/** The page's side of the workbench HTTP API (README.md, "Workbench HTTP API"; routes: ../server/http.ts). */
import type {
  ExecutionResult as RunResult,
  PageUiEvent,
  SheetsRequest,
  UiAnswer,
  WorkbookJson,
} from '../protocol';

export type { InputRequest, SheetJson, UiAnswer, WorkbookJson } from '../protocol';
/** An execution's result as the page receives it. */
export type ExecutionResult = RunResult<PageUiEvent>;

/** JSON.parse turning `{ "$date": iso }` into Date. */
export function parseJson(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$date') return new Date((v as { $date: string }).$date);
    }
    return v;
  });
}

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = parseJson(text);
  } catch {
    throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  }
  if (!res.ok) {
    const msg = (data as { error?: string } | null)?.error ?? `HTTP ${res.status}`;
    throw new Error(msg);
  }
  return data as T;
}

/** One sheet (default: the active one) with a window of its rows, plus the sheet list. */
export function fetchWorkbook(window: {
  sheet?: string;
  offset: number;
  limit: number;
}): Promise<WorkbookJson> {
  const sheet = window.sheet === undefined ? '' : `sheet=${encodeURIComponent(window.sheet)}&`;
  return request<WorkbookJson>('GET', `/api/workbook?${sheet}offset=${window.offset}&limit=${window.limit}`);
}

export function runFunction(name: string, args: unknown[], answers: UiAnswer[]): Promise<ExecutionResult> {
  return request<ExecutionResult>('POST', `/api/run/${encodeURIComponent(name)}`, { args, answers });
}

export function openSpreadsheet(answers: UiAnswer[]): Promise<ExecutionResult> {
  return request<ExecutionResult>('POST', '/api/open', { answers });
}

export function resetSpreadsheet(): Promise<WorkbookJson> {
  return request<WorkbookJson>('POST', '/api/reset', {});
}

/** Types `values` (text, as a person types it) into `range` of `sheet` (POST /api/edit). */
export function editCells(sheet: string, range: string, values: string[][]): Promise<{ ok: true }> {
  return request<{ ok: true }>('POST', '/api/edit', { sheet, range, values });
}

/** Undoes the person's last edit (POST /api/undo): where it was. */
export function undoEdit(): Promise<{ ok: true; sheet: string; range: string }> {
  return request<{ ok: true; sheet: string; range: string }>('POST', '/api/undo', {});
}

/** Tab operations (POST /api/sheets): the server's own request type. */
export type SheetOp = SheetsRequest;

export function sheetsOp(body: SheetOp): Promise<{ ok: true }> {
  return request<{ ok: true }>('POST', '/api/sheets', body);
}

/** The workbook the last reset replaced (GET /api/backup), or null. */
export interface BackupInfo {
  name: string;
  sheets: string[];
  savedAt: string;
}

export async function fetchBackup(): Promise<BackupInfo | null> {
  return (await request<{ ok: true; backup: BackupInfo | null }>('GET', '/api/backup')).backup;
}

/** Brings the backup back; the workbook it replaces becomes the backup (POST /api/restore). */
export function restoreBackup(): Promise<WorkbookJson> {
  return request<WorkbookJson>('POST', '/api/restore', {});
}

/** A CSV or .xlsx file into a new sheet `name` (POST /api/import?name=…, the file as the body). */
export async function importFile(
  name: string,
  file: Blob,
): Promise<{ ok: true; sheet: string; sheets: string[]; rows: number; columns: number }> {
  const res = await fetch(`/api/import?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: file,
  });
  const data = (await res.json()) as {
    ok: boolean;
    error?: string;
    sheet: string;
    sheets: string[];
    rows: number;
    columns: number;
  };
  if (!res.ok || !data.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return { ok: true, sheet: data.sheet, sheets: data.sheets, rows: data.rows, columns: data.columns };
}

/** One step of POST /api/demo: an execution of the add-in, as /api/run answers it. */
export interface DemoStep {
  functionName: string;
  result: ExecutionResult;
}

/** "Buka contoh": builds the demo spreadsheet on an empty workbench (every step a real execution). */
export function buildDemo(): Promise<{ ok: boolean; steps: DemoStep[] }> {
  return request<{ ok: boolean; steps: DemoStep[] }>('POST', '/api/demo', {});
}
