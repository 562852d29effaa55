/**
 * One execution: its state snapshot (for rollback), counters, UI events, locks, auth mode and the
 * JavaScript realm (vm context) whose Date/Error constructors the script sees.
 */
import type { SheetState, UiEvent, WorkbookState } from '../model';
import type { AuthModeName, InputRequest, UiAnswer } from '../protocol';
import { Counter } from './counter';
import { beforeServiceCall } from './limits';

export type LockKind = 'document' | 'script' | 'user';

/** Constructors of the realm the script runs in, so that `x instanceof Date` holds there. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** Thrown when a dialog needs an answer that was not queued; the execution is rolled back. */
export class NeedsInput extends Error {
  constructor(readonly request: InputRequest) {
    super(`Workbench: the ${request.kind} "${request.title || request.prompt}" needs an answer`);
    this.name = 'NeedsInput';
  }
}

export interface ExecutionSettings {
  state: WorkbookState;
  distDir: string;
  userEmail: string;
  now: () => Date;
  realm: Realm;
  answers: UiAnswer[];
  authMode: AuthModeName;
  busy: Record<LockKind, boolean>;
  lockRequired: ReadonlySet<string>;
}

/** Calls allowed in AuthMode.NONE: building the add-on menu, logging. */
const ALLOWED_IN_NONE = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Logger.log',
]);
const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Sheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Range: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Ui: 'https://www.googleapis.com/auth/script.container.ui',
};

interface SheetSnapshot {
  rows: (SheetState['rows'][number] | null)[];
  rest: Omit<SheetState, 'rows'>;
}

export class Execution {
  readonly state: WorkbookState;
  readonly distDir: string;
  readonly userEmail: string;
  readonly now: () => Date;
  readonly realm: Realm;
  readonly answers: UiAnswer[];
  readonly authMode: AuthModeName;
  readonly counter = new Counter();
  readonly ui: UiEvent[] = [];
  readonly logs: string[] = [];
  readonly held: Record<LockKind, boolean> = { document: false, script: false, user: false };
  readonly busy: Record<LockKind, boolean>;
  readonly lockRequired: ReadonlySet<string>;
  pendingInput?: NeedsInput;
  private unchecked = false;

  private readonly sheetSnapshots = new Map<SheetState, SheetSnapshot>();
  private readonly created = new WeakSet<SheetState>();
  private readonly top: Omit<WorkbookState, 'sheets'>;
  private readonly sheetOrder: SheetState[];

  constructor(s: ExecutionSettings) {
    this.state = s.state;
    this.distDir = s.distDir;
    this.userEmail = s.userEmail;
    this.now = s.now;
    this.realm = s.realm;
    this.answers = [...s.answers];
    this.authMode = s.authMode;
    this.busy = s.busy;
    this.lockRequired = s.lockRequired;
    const { sheets, ...top } = s.state;
    this.top = structuredClone(top);
    this.sheetOrder = sheets.slice();
  }

  /** Called by every proxied method before it runs. */
  beforeCall(cls: string, method: string, key: string): void {
    if (this.unchecked) return;
    if (this.pendingInput) throw this.pendingInput;
    if (this.authMode === 'NONE' && cls !== 'Menu' && !ALLOWED_IN_NONE.has(key)) {
      // https://developers.google.com/apps-script/reference/script/auth-mode (NONE: no access
      // to services that require authorization); Apps Script's wording:
      const scope = SCOPES[cls];
      throw this.exception(
        `You do not have permission to call ${cls}.${method}.` +
          (scope ? ` Required permissions: ${scope}` : ''),
      );
    }
    beforeServiceCall(this, cls, method); // scopes (services/scopes.ts), time (services/limits.ts)
    this.counter.hit(key);
  }

  /** Run fn with calls neither counted nor auth-checked (the runtime's own bookkeeping). */
  withoutChecks<T>(fn: () => T): T {
    const was = this.unchecked;
    this.unchecked = true;
    try {
      return fn();
    } finally {
      this.unchecked = was;
    }
  }

  /** An Apps Script service exception: name "Exception", so String(e) is "Exception: msg". */
  exception(message: string): Error {
    const e = new this.realm.Error(message);
    e.name = 'Exception';
    return e;
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** Must be called before any mutation of a sheet's state. */
  mutate(sheet: SheetState): void {
    this.checkLock(sheet.name);
    if (this.created.has(sheet) || this.sheetSnapshots.has(sheet)) return;
    const { rows, ...rest } = sheet;
    this.sheetSnapshots.set(sheet, {
      rows: rows.map((r) => (r ? r.slice() : r)),
      rest: structuredClone(rest),
    });
  }

  checkLock(sheetName: string): void {
    if (this.lockRequired.has(sheetName) && !this.held.document) {
      throw this.exception(`Workbench: write to ${sheetName} without the document lock`);
    }
  }

  markCreated(sheet: SheetState): void {
    this.created.add(sheet);
  }

  /** Put the workbook back as it was when the execution started. */
  rollback(): void {
    for (const [sheet, snap] of this.sheetSnapshots) {
      Object.assign(sheet, snap.rest, { rows: snap.rows });
      for (const k of Object.keys(sheet) as (keyof SheetState)[]) {
        if (k !== 'rows' && !(k in snap.rest)) delete (sheet as unknown as Record<string, unknown>)[k];
      }
    }
    this.sheetSnapshots.clear();
    const state = this.state as unknown as Record<string, unknown>;
    for (const k of Object.keys(state)) if (k !== 'sheets' && !(k in this.top)) delete state[k];
    Object.assign(this.state, structuredClone(this.top));
    this.state.sheets.splice(0, this.state.sheets.length, ...this.sheetOrder);
  }

  /** Locks are released when an execution ends. */
  releaseLocks(): void {
    this.held.document = this.held.script = this.held.user = false;
  }
}
