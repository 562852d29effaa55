/**
 * The workbench runtime: runs the real server bundle (dist/Code.js) against the in-memory
 * spreadsheet in src/workbench/model.ts, one fresh node:vm context per execution (Apps Script
 * executions share no globals), with the emulated services of ./services.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDate } from './format/display';
import * as vm from 'node:vm';
import type { WorkbookState } from './model';
import type { EditEvent, ExecutionResult, RunOptions } from './protocol';
import { wrap } from './services/counter';
import { Execution, NeedsInput } from './services/context';
import type { InterleavePoint, Realm, SharedRuntime } from './services/context';
import { AuthMode } from './services/enums';
import { createGlobals } from './services/globals';
import { ROUND_TRIP_MS, toSeconds } from './services/latency';
import {
  beforeServiceCall,
  chargeTime,
  configureExecution,
  EXCEEDED_TIME,
  executionTally,
  executionTimedOut,
} from './services/limits';
import type { ExecutionLimits } from './services/limits';

export type { EstimatedSeconds, ExecutionResult, RunOptions, UiAnswer } from './protocol';

export interface WorkbenchOptions {
  state: WorkbookState;
  distDir: string;
  userEmail?: string;
  now?: () => Date;
  /**
   * The 6-minute limit on the latency model's estimate (services/limits.ts, services/latency.ts);
   * default: the typical scenario.
   */
  executionLimits?: Partial<ExecutionLimits>;
}

export const DEFAULT_USER_EMAIL = 'staf@dp3acskb.babelprov.go.id';
/** Apps Script's limit for one execution. */
const EXECUTION_TIMEOUT_MS = 6 * 60 * 1000;

const HOST_REALM: Realm = { Date, Error };

interface LoadedScript {
  script: vm.Script;
  /** The names of its top-level function declarations (see {@link Workbench.functionNames}). */
  functionNames: ReadonlySet<string>;
}

/** Compiled Code.js, cached by path and mtime. */
const scriptCache = new Map<string, { mtimeMs: number; loaded: LoadedScript }>();
/** A top-level function declaration: `function name(` at the start of a line. */
const TOP_LEVEL_FUNCTION = /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/gm;

function loadScript(file: string): LoadedScript {
  const stat = fs.statSync(file);
  const hit = scriptCache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.loaded;
  const source = fs.readFileSync(file, 'utf8');
  const loaded = {
    script: new vm.Script(source, { filename: file }),
    functionNames: new Set([...source.matchAll(TOP_LEVEL_FUNCTION)].map((m) => m[1])),
  };
  scriptCache.set(file, { mtimeMs: stat.mtimeMs, loaded });
  return loaded;
}

/** The limit of a simple trigger's execution. */
const SIMPLE_TRIGGER_MS = 30_000;

const CALL = new vm.Script('globalThis[__wbName].apply(undefined, __wbArgs)', {
  filename: 'workbench-call.js',
});

/**
 * google.script.run: "Legal parameters and return values are JavaScript primitives like a Number,
 * Boolean, String, or null, as well as JavaScript objects and arrays that are composed of
 * primitives, objects, and arrays ... Requests fail if you attempt to pass a Date, Function, DOM
 * element ... undefined fields within arrays become null."
 * https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
 * https://developers.google.com/apps-script/guides/html/reference/run
 * A server function whose return value contains a Date delivers null to the client's success
 * handler (measured: https://tanaikech.github.io/2023/08/28/report-values-to-transfer-between-javascript-and-google-apps-script-with-google.script.run/).
 */
function findIllegal(v: unknown, seen = new Set<unknown>()): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'function') return 'Function';
  if (typeof v === 'symbol' || typeof v === 'bigint') return typeof v;
  if (typeof v !== 'object') return null;
  if (isDate(v)) return 'Date';
  if (seen.has(v)) return 'circular reference';
  seen.add(v);
  for (const x of Array.isArray(v) ? v : Object.values(v as object)) {
    const bad = findIllegal(x, seen);
    if (bad) return bad;
  }
  seen.delete(v);
  return null;
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message?: unknown };
    const name = typeof err.name === 'string' && err.name ? err.name : 'Error';
    return `${name}: ${String(err.message)}`;
  }
  return String(e);
}

export class Workbench {
  readonly state: WorkbookState;
  private readonly distDir: string;
  private readonly userEmail: string;
  private readonly now: () => Date;
  private readonly shared: SharedRuntime = {
    busy: { document: false, script: false, user: false },
    holders: { document: null, script: null, user: null },
    running: [],
    hooks: {},
  };
  private readonly lockRequired = new Set<string>();
  private readonly executionLimits?: Partial<ExecutionLimits>;

  constructor(opts: WorkbenchOptions) {
    this.state = opts.state;
    this.distDir = opts.distDir;
    this.userEmail = opts.userEmail ?? DEFAULT_USER_EMAIL;
    this.now = opts.now ?? (() => new Date());
    this.executionLimits = opts.executionLimits;
  }

  /** Simulate another user holding a lock: tryLock returns false, waitLock throws. */
  setLockBusy(kind: 'document' | 'script' | 'user', busy: boolean): void {
    this.shared.busy[kind] = busy;
  }

  /**
   * Runs `other` (typically another `run`) once, at `point` of the next execution that reaches
   * it: right after it takes a lock, right after it releases one, or right before it inserts a
   * sheet. The nested execution sees
   * the spreadsheet as another person's execution would: without the first one's unflushed
   * writes, which are applied on top when it ends. This is how tests interleave two people.
   */
  interleave(point: InterleavePoint, other: () => void): void {
    this.shared.hooks[point] = other;
  }

  /** Writes to these sheets must happen while the execution holds the document lock. */
  requireDocumentLockFor(sheetNames: string[]): void {
    this.lockRequired.clear();
    for (const n of sheetNames) this.lockRequired.add(n);
  }

  private newExecution(
    opts: RunOptions | undefined,
    realm: Realm,
    lockRequired: ReadonlySet<string> = this.lockRequired,
  ): Execution {
    const ctx = new Execution({
      state: this.state,
      distDir: this.distDir,
      userEmail: this.userEmail,
      now: this.now,
      realm,
      answers: opts?.answers ?? [],
      authMode: opts?.authMode ?? 'FULL',
      shared: this.shared,
      lockRequired,
      serviceChecks: beforeServiceCall,
    });
    // A simple trigger "cannot run for longer than 30 seconds"
    // (https://developers.google.com/apps-script/guides/triggers#restrictions).
    configureExecution(
      ctx,
      opts?.edit
        ? {
            ...this.executionLimits,
            maxExecutionMs: Math.min(
              SIMPLE_TRIGGER_MS,
              this.executionLimits?.maxExecutionMs ?? SIMPLE_TRIGGER_MS,
            ),
          }
        : this.executionLimits,
    );
    // The browser → server trip of a sidebar's call: far below the limit, so it cannot throw here.
    if (opts?.via === 'google.script.run') chargeTime(ctx, ROUND_TRIP_MS.googleScriptRun);
    return ctx;
  }

  /** An execution starts: the ones already running hide their unflushed writes from it. */
  private enter(ctx: Execution): void {
    for (const outer of this.shared.running) outer.hideUnflushed();
    this.shared.running.push(ctx);
  }

  /** An execution ends: its writes are everyone's; the outer ones' buffered writes come back. */
  private leave(ctx: Execution): void {
    ctx.releaseLocks();
    const at = this.shared.running.lastIndexOf(ctx);
    if (at < 0) return;
    this.shared.running.splice(at, 1);
    ctx.flush();
    const outer = this.shared.running[this.shared.running.length - 1];
    if (outer) outer.revealUnflushed();
  }

  private result(ctx: Execution, ok: boolean, extra: Partial<ExecutionResult>): ExecutionResult {
    this.leave(ctx);
    const tally = executionTally(ctx);
    return {
      ok,
      ...extra,
      calls: ctx.counter.calls,
      callsByMethod: { ...ctx.counter.byMethod },
      cellsRead: tally.cellsRead,
      cellsWritten: tally.cellsWritten,
      estimatedSeconds: toSeconds(tally.ms),
      roundTrips: tally.trips.typical,
      ui: ctx.ui,
      logs: ctx.logs,
    };
  }

  private settle(ctx: Execution, value: unknown, error: unknown, failed: boolean): ExecutionResult {
    if (executionTimedOut(ctx)) return this.result(ctx, false, { error: EXCEEDED_TIME });
    const pending = error instanceof NeedsInput ? error : ctx.pendingInput;
    if (pending) {
      ctx.rollback();
      return this.result(ctx, false, { error: pending.message, needsInput: { ...pending.request } });
    }
    if (failed) return this.result(ctx, false, { error: errorText(error) });
    if (value === undefined) return this.result(ctx, true, {});
    if (findIllegal(value) === 'Date') return this.result(ctx, true, { value: null });
    try {
      return this.result(ctx, true, { value: JSON.parse(JSON.stringify(value)) as unknown });
    } catch (e) {
      return this.result(ctx, false, {
        error: `Workbench: the return value cannot reach the client (${errorText(e)})`,
      });
    }
  }

  /**
   * The functions a client may ask for: the top-level function declarations of Code.js, read from
   * its text (each a line starting `function <name>(`, as scripts/build.mjs writes its forwarders),
   * without running it. {@link run} checks again, at run time, that the name is one of them.
   */
  functionNames(): ReadonlySet<string> {
    return loadScript(path.join(this.distDir, 'Code.js')).functionNames;
  }

  run(functionName: string, args: unknown[] = [], opts?: RunOptions): ExecutionResult {
    const context = vm.createContext({});
    const realm: Realm = {
      Date: vm.runInContext('Date', context) as DateConstructor,
      Error: vm.runInContext('Error', context) as ErrorConstructor,
    };
    const ctx = this.newExecution(opts, realm);
    this.enter(ctx);
    const illegal = findIllegal(args);
    if (illegal) {
      return this.result(ctx, false, {
        error: `Workbench: google.script.run cannot pass a ${illegal} as an argument (see Apps Script "Parameters and return values")`,
      });
    }
    let value: unknown;
    try {
      const globals = createGlobals(ctx);
      for (const [k, v] of Object.entries(globals)) (context as Record<string, unknown>)[k] = v;
      loadScript(path.join(this.distDir, 'Code.js')).script.runInContext(context, {
        timeout: EXECUTION_TIMEOUT_MS,
      });
      // Only the script's own top-level functions run (what google.script.run and menus can
      // reach): not inherited names ("constructor", "toString") nor the services installed above.
      const declared =
        Object.prototype.hasOwnProperty.call(context, functionName) &&
        !Object.prototype.hasOwnProperty.call(globals, functionName) &&
        typeof (context as Record<string, unknown>)[functionName] === 'function';
      if (!declared) {
        return this.result(ctx, false, { error: `Script function not found: ${functionName}` });
      }
      const realmJson = vm.runInContext('JSON', context) as JSON;
      // Arguments arrive as copies made in the script's realm (JSON rules: undefined in arrays → null).
      let callArgs: unknown[] = args.map((a) =>
        a && typeof a === 'object' ? realmJson.parse(JSON.stringify(a)) : a,
      );
      if (!args.length && (functionName === 'onOpen' || functionName === 'onInstall')) {
        const spreadsheetApp = globals.SpreadsheetApp as { getActiveSpreadsheet(): unknown };
        // e.source, without counting the call or tripping AuthMode.NONE.
        const source = ctx.withoutChecks(() => spreadsheetApp.getActiveSpreadsheet());
        callArgs = [{ authMode: AuthMode[opts?.authMode ?? 'FULL'], source }];
      }
      if (opts?.edit && functionName === 'onEdit') callArgs = [this.editEvent(ctx, globals, opts.edit)];
      Object.assign(context, { __wbName: functionName, __wbArgs: callArgs });
      value = CALL.runInContext(context, { timeout: EXECUTION_TIMEOUT_MS });
    } catch (e) {
      const err = e as { code?: string };
      if (err && err.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
        return this.settle(ctx, undefined, 'Exceeded maximum execution time', true);
      return this.settle(ctx, undefined, e, true);
    }
    return this.settle(ctx, value, undefined, false);
  }

  /**
   * The simple trigger after a person's edit: Sheets runs the script's onEdit(e), if it has one,
   * in AuthMode.LIMITED within 30 seconds. Only a person's edits fire it: "Script executions and
   * API requests do not cause triggers to run" (https://developers.google.com/apps-script/guides/triggers#restrictions),
   * so `run` and the add-in's own writes never do. null when the script has no onEdit.
   */
  firePersonEdit(edit: EditEvent): ExecutionResult | null {
    if (!this.functionNames().has('onEdit')) return null;
    return this.run('onEdit', [], { authMode: 'LIMITED', edit });
  }

  /**
   * The event object (https://developers.google.com/apps-script/guides/triggers/events#edit):
   * authMode, range, source, user, and value/oldValue for a single cell only. The user's email is
   * '' (a simple trigger "may or may not be able to determine the identity of the current user").
   */
  private editEvent(
    ctx: Execution,
    globals: Record<string, unknown>,
    edit: EditEvent,
  ): Record<string, unknown> {
    const app = globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    return ctx.withoutChecks(() => {
      const source = app.getActiveSpreadsheet();
      const sheet = source.getSheetByName(edit.sheet);
      const event: Record<string, unknown> = {
        authMode: AuthMode.LIMITED,
        source,
        range: sheet ? sheet.getRange(edit.range) : undefined,
        user: wrap(ctx, 'User', { getEmail: () => '' }),
      };
      if (edit.value !== undefined) event.value = edit.value;
      if (edit.oldValue !== undefined) event.oldValue = edit.oldValue;
      return event;
    });
  }

  /**
   * Runs `act` as a person at the spreadsheet would act (typing into cells, managing tabs), through
   * the emulated SpreadsheetApp, so the emulation's own rules and limits apply. Unlike an add-in
   * execution: no manifest scopes or auth mode, no `requireDocumentLockFor` check, nothing counted,
   * no UI. When `act` throws, every change it made is rolled back and the error is rethrown.
   */
  actAsPerson<T>(act: (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => T): T {
    const ctx = this.newExecution(undefined, HOST_REALM, new Set());
    const app = createGlobals(ctx).SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    this.enter(ctx);
    try {
      return ctx.withoutChecks(() => act(app));
    } catch (e) {
      ctx.rollback();
      throw e;
    } finally {
      this.leave(ctx);
    }
  }

  /** Fresh globals for running src/server modules directly in jest, sharing the same counting. */
  beginExecution(opts?: RunOptions): {
    globals: Record<string, unknown>;
    finish(value?: unknown, error?: unknown): ExecutionResult;
  } {
    const ctx = this.newExecution(opts, HOST_REALM);
    this.enter(ctx);
    const globals = createGlobals(ctx);
    let done: ExecutionResult | undefined;
    return {
      globals,
      finish: (value?: unknown, error?: unknown): ExecutionResult => {
        if (done) return done;
        done = this.settle(ctx, value, error, error !== undefined);
        return done;
      },
    };
  }
}
