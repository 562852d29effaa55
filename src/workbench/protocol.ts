/**
 * Types of an execution's request and result and of the workbook JSON, shared by the runtime,
 * the HTTP server and the page. Types only: nothing here runs.
 */
import type { SheetState, UiEvent } from './model';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/** The button (and prompt text) answering one Ui.alert / Ui.prompt. */
export interface UiAnswer {
  button: string;
  text?: string;
}

export interface RunOptions {
  /** Consumed in order by Ui.alert (non-OK button sets) and Ui.prompt. */
  answers?: UiAnswer[];
  /** Passed in the event object for onOpen/onInstall; default 'FULL'. NONE forbids everything but menus. */
  authMode?: AuthModeName;
  /**
   * Who called: 'google.script.run' (a sidebar or dialog) adds that trip between the browser and
   * the server to the estimate (services/latency.ts). Default: a menu, trigger or the API.
   */
  via?: 'google.script.run';
  /** The runtime's own: onEdit(e) as Sheets runs it after a person's edit (Workbench.firePersonEdit). */
  edit?: EditEvent;
}

/** What a person's edit gives onEdit(e): where, and for one cell the values before and after. */
export interface EditEvent {
  sheet: string;
  range: string;
  /** Single cell only: the value before (absent when the cell was blank) and after (absent when cleared). */
  oldValue?: string;
  value?: string;
}

/** Seconds an execution would take in Google Sheets, per scenario of the latency model. */
export interface EstimatedSeconds {
  optimistic: number;
  typical: number;
  pessimistic: number;
}

/** An alert or prompt that needs an answer that was not queued. */
export interface InputRequest {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
}

/** UiEvent as the server returns it: sidebars and dialogs carry the id of their HTML. */
export type PageUiEvent = UiEvent & { id?: string; url?: string };

export interface ExecutionResult<E extends UiEvent = UiEvent> {
  ok: boolean;
  value?: unknown;
  /** "Name: message" as Apps Script reports it ("Exception: ..." for service errors, "Error: ..." for thrown Errors). */
  error?: string;
  calls: number;
  callsByMethod: Record<string, number>;
  /** Cells the execution's calls read and wrote (each setter counts its cells). */
  cellsRead?: number;
  cellsWritten?: number;
  /** What the execution would take in Google Sheets (services/latency.ts). */
  estimatedSeconds?: EstimatedSeconds;
  /** Round trips to Google's servers in the typical scenario (a run of queued writes is one). */
  roundTrips?: number;
  ui: E[];
  needsInput?: InputRequest;
  /** Logger.log / console.* lines of this execution. */
  logs?: string[];
}

/** A sheet as GET /api/workbook sends it. */
export type SheetJson = SheetState & { rowOffset: number; totalRows: number };

export interface SheetListEntry {
  sheetId: number;
  name: string;
  hidden: boolean;
  tabColor: string | null;
  totalRows: number;
}

/** The body of GET /api/workbook (before Dates are tagged). */
export interface WorkbookJson {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheetId: number;
  sheetList: SheetListEntry[];
  sheets: SheetJson[];
}

/** A person's tab operation: the body of POST /api/sheets (page → server). */
export type SheetsRequest =
  | { op: 'add'; name: string }
  | { op: 'rename'; name: string; newName: string }
  | { op: 'delete'; name: string }
  /** The person clicks a tab: the sheet getActiveSheet then answers. */
  | { op: 'activate'; name: string }
  /** "Duplikat" in the tab menu: a copy right after it, named "Salinan <name>" unless `newName`. */
  | { op: 'duplicate'; name: string; newName?: string }
  /** A tab dragged to 0-based position `index` (it becomes the active sheet). */
  | { op: 'move'; name: string; index: number };
