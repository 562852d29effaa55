/**
 * One execution: its state snapshot (for rollback), counters, UI events, locks, auth mode and the
 * JavaScript realm (vm context) whose Date/Error constructors the script sees.
 */
import type { SheetState, UiEvent, WorkbookState } from '../model';
import type { AuthModeName, InputRequest, UiAnswer } from '../protocol';

export type LockKind = 'document' | 'script' | 'user';

/** Moments of one execution at which a test may run another execution (see Workbench.interleave). */
export type InterleavePoint = 'lockAcquired' | 'lockReleased' | 'sheetInserting';

/**
 * What executions of one workbench share: who holds each lock, the simulated other holder
 * (setLockBusy), and the executions now running (outermost first; a nested one runs inside an
 * interleave hook of the one before it).
 */
export interface SharedRuntime {
  busy: Record<LockKind, boolean>;
  holders: Record<LockKind, Execution | null>;
  running: Execution[];
  hooks: Partial<Record<InterleavePoint, () => void>>;
}

/** Constructors of the realm the script runs in, so that `x instanceof Date` holds there. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** Service calls of one execution: how many, and how many per "Class.method". */
export class Counter {
  calls = 0;
  readonly byMethod: Record<string, number> = {};

  hit(key: string): void {
    this.calls++;
    this.byMethod[key] = (this.byMethod[key] ?? 0) + 1;
  }
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
  shared: SharedRuntime;
  lockRequired: ReadonlySet<string>;
  /** The checks of every service call: its scopes and its time (runtime.ts passes limits.ts's). */
  serviceChecks: (
    ctx: Execution,
    cls: string,
    method: string,
    target?: unknown,
    args?: readonly unknown[],
  ) => void;
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

/** Cells are immutable (grid.ts): copying the row arrays is enough to keep a sheet's contents. */
function snapshotOf(sheet: SheetState): SheetSnapshot {
  const { rows, ...rest } = sheet;
  return { rows: rows.map((r) => (r ? r.slice() : r)), rest: structuredClone(rest) };
}

function restore(sheet: SheetState, snap: SheetSnapshot): void {
  for (const k of Object.keys(sheet) as (keyof SheetState)[]) {
    if (k !== 'rows' && !(k in snap.rest)) delete (sheet as unknown as Record<string, unknown>)[k];
  }
  Object.assign(sheet, structuredClone(snap.rest), { rows: snap.rows.map((r) => (r ? r.slice() : r)) });
}

/**
 * Three-way merge at cell level: what `ours` changed since `base` wins (our buffered writes are
 * applied after theirs), everything else is `theirs`. Cells are compared by identity (immutable);
 * other sheet properties (formats of rows and columns, merges, rules, metadata…) as a whole.
 */
function merge(base: SheetSnapshot, ours: SheetSnapshot, theirs: SheetSnapshot): SheetSnapshot {
  const height = Math.max(base.rows.length, ours.rows.length, theirs.rows.length);
  const rows: SheetSnapshot['rows'] = [];
  for (let r = 0; r < height; r++) {
    const [b, o, t] = [base.rows[r] ?? [], ours.rows[r] ?? [], theirs.rows[r] ?? []];
    const width = Math.max(b.length, o.length, t.length);
    const row: (SheetState['rows'][number][number] | null)[] = [];
    for (let c = 0; c < width; c++)
      row.push((o[c] ?? null) !== (b[c] ?? null) ? (o[c] ?? null) : (t[c] ?? null));
    rows.push(row);
  }
  const rest = { ...theirs.rest } as Record<string, unknown>;
  const [b, o] = [base.rest as Record<string, unknown>, ours.rest as Record<string, unknown>];
  for (const k of new Set([...Object.keys(b), ...Object.keys(o)])) {
    if (JSON.stringify(b[k]) !== JSON.stringify(o[k])) {
      if (k in o) rest[k] = o[k];
      else delete rest[k];
    }
  }
  return { rows, rest: rest as SheetSnapshot['rest'] };
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
  readonly shared: SharedRuntime;
  readonly lockRequired: ReadonlySet<string>;
  private readonly serviceChecks: ExecutionSettings['serviceChecks'];
  pendingInput?: NeedsInput;
  /**
   * Sheets this execution wrote since its last flush, with what other executions still see of
   * them. Apps Script buffers writes: "Spreadsheet operations are sometimes bundled together …
   * flush() applies all pending Spreadsheet changes" — another execution reads the pre-images
   * until flush() or the end of this execution.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()
   */
  private readonly unflushed = new Map<SheetState, SheetSnapshot>();
  /** While a nested execution runs: our buffered contents, taken off the shared state. */
  private hiddenWrites?: Map<SheetState, SheetSnapshot>;
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
    this.shared = s.shared;
    this.lockRequired = s.lockRequired;
    this.serviceChecks = s.serviceChecks;
    const { sheets, ...top } = s.state;
    this.top = structuredClone(top);
    this.sheetOrder = sheets.slice();
  }

  /** Called by every proxied method before it runs. */
  beforeCall(
    cls: string,
    method: string,
    key: string,
    target?: unknown,
    args: readonly unknown[] = [],
  ): void {
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
    // scopes (services/scopes.ts), estimated time (services/limits.ts, services/latency.ts)
    this.serviceChecks(this, cls, method, target, args);
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
    if (this.unflushed.has(sheet)) return;
    // One copy serves both: what others see until flush, and the rollback of this execution.
    const before = snapshotOf(sheet);
    this.unflushed.set(sheet, before);
    if (!this.created.has(sheet) && !this.sheetSnapshots.has(sheet)) this.sheetSnapshots.set(sheet, before);
  }

  /** SpreadsheetApp.flush(), and the end of the execution: our writes become everyone's. */
  flush(): void {
    this.unflushed.clear();
  }

  /** A nested execution starts: it sees the shared state without our unflushed writes. */
  hideUnflushed(): void {
    if (this.hiddenWrites || this.unflushed.size === 0) return;
    this.hiddenWrites = new Map();
    for (const [sheet, before] of this.unflushed) {
      this.hiddenWrites.set(sheet, snapshotOf(sheet));
      restore(sheet, before);
    }
  }

  /** The nested execution ended: our buffered writes are applied on top of what it wrote. */
  revealUnflushed(): void {
    if (!this.hiddenWrites) return;
    for (const [sheet, ours] of this.hiddenWrites) {
      const theirs = snapshotOf(sheet);
      restore(sheet, merge(this.unflushed.get(sheet) as SheetSnapshot, ours, theirs));
      this.unflushed.set(sheet, theirs);
    }
    this.hiddenWrites = undefined;
  }

  checkLock(sheetName: string): void {
    if (this.lockRequired.has(sheetName) && !this.held.document) {
      throw this.exception(`Workbench: write to ${sheetName} without the document lock`);
    }
  }

  /** A new sheet is visible to others at once (insertSheet returns its id), but empty until flushed. */
  markCreated(sheet: SheetState): void {
    this.created.add(sheet);
    this.unflushed.set(sheet, snapshotOf(sheet));
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
    for (const kind of ['document', 'script', 'user'] as const) {
      this.held[kind] = false;
      if (this.shared.holders[kind] === this) this.shared.holders[kind] = null;
    }
  }

  /** Runs the test's one-shot hook for this moment (a nested execution), if any. */
  interleave(point: InterleavePoint): void {
    const hook = this.shared.hooks[point];
    if (!hook) return;
    delete this.shared.hooks[point];
    hook();
  }
}
