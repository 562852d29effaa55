/**
 * Apps Script's and Sheets' size and time limits, each with Apps Script's own error message where
 * one is known (otherwise a "Workbench:" message on the strict side). Sources and status per rule:
 * docs/FIDELITY.md "Limits".
 */
import type { Execution } from './context';
import { checkScopes } from './scopes';

// ---- sheets and cells -------------------------------------------------------------------

/**
 * Sheets: "Up to 10 million cells ... for spreadsheets" https://support.google.com/drive/answer/37603
 * Message reported from Apps Script (then 5000000): "Exception: This action would increase the
 * number of cells in the workbook above the limit of 5000000 cells."
 * https://github.com/bplmp/metabase-google-sheets-add-on/issues/3
 */
export const MAX_CELLS = 10_000_000;

/** Throws when adding `extra` grid cells would take the workbook past MAX_CELLS. */
export function checkCellLimit(ctx: Execution, extra: number): void {
  const total = ctx.state.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  if (total + extra > MAX_CELLS) {
    throw ctx.exception(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
    );
  }
}

/**
 * 50,000 characters per cell; Sheets' message (Sheets API and Apps Script alike):
 * https://github.com/ONE-F-M/one_fm/pull/1926 , https://github.com/dhis2/dhis2-utils/pull/117
 * Applied to values, formulas and (assumed) notes.
 */
export const MAX_CELL_CHARS = 50_000;

export function checkCellText(ctx: Execution, value: unknown): void {
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
    throw ctx.exception(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
}

/** Checks a whole grid before anything is written (the call writes nothing when it fails). */
export function checkCellTexts(ctx: Execution, grid: readonly (readonly unknown[])[]): void {
  for (const line of grid) for (const v of line) checkCellText(ctx, v);
}

/**
 * Sheet names: at most 100 characters (measured against Sheets:
 * https://github.com/getodk/collect/issues/2918). Apps Script's message was not found: the
 * workbench refuses with its own.
 */
export const MAX_SHEET_NAME = 100;

export function checkSheetName(ctx: Execution, name: string): void {
  if (name.length > MAX_SHEET_NAME) {
    throw ctx.exception(
      `Workbench: a sheet name can have at most ${MAX_SHEET_NAME} characters (this one has ${name.length}).`,
    );
  }
}

/**
 * Dropdown from a list (requireValueInList): at most 500 items, the limit the Sheets editor puts
 * on "Dropdown" lists (https://support.google.com/docs/answer/186103); assumed, no Apps Script
 * message found.
 */
export const MAX_LIST_ITEMS = 500;

export function checkValueList(ctx: Execution, values: readonly unknown[]): void {
  if (values.length > MAX_LIST_ITEMS) {
    throw ctx.exception(
      `Workbench: a dropdown list can have at most ${MAX_LIST_ITEMS} items (requireValueInList got ${values.length}).`,
    );
  }
}

/**
 * Developer metadata: 30,000 characters (keys and values) per spreadsheet and per sheet
 * (https://developers.google.com/workspace/sheets/api/guides/metadata); assumed message.
 */
export const MAX_METADATA_CHARS = 30_000;

export function metadataChars(list: readonly { key: string; value: string | null }[]): number {
  return list.reduce((n, m) => n + m.key.length + (m.value?.length ?? 0), 0);
}

export function checkMetadataSize(ctx: Execution, chars: number, where: string): void {
  if (chars > MAX_METADATA_CHARS) {
    throw ctx.exception(
      `Workbench: developer metadata on ${where} would have ${chars} characters; Sheets allows ${MAX_METADATA_CHARS}.`,
    );
  }
}

// ---- properties ---------------------------------------------------------------------------

/**
 * https://developers.google.com/apps-script/guides/services/quotas : "Properties value size
 * 9 KB / val", "Properties total storage 500 KB / property store". Keys count toward the store
 * (measured: https://tanaikech.github.io/2023/05/22/report-specification-of-properties-service-for-google-apps-script/).
 * Messages as Apps Script throws them: "Argument too large: value"; "You have exceeded the
 * property storage quota. Please remove some properties and try again."
 */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Throws unless `store` with `changes` applied stays within the quotas. */
export function checkProperties(
  ctx: Execution,
  store: Readonly<Record<string, string>>,
  changes: Readonly<Record<string, string>>,
  deleteAllOthers = false,
): void {
  for (const v of Object.values(changes)) {
    if (bytes(v) > MAX_PROPERTY_VALUE_BYTES) throw ctx.exception('Argument too large: value');
  }
  const next = deleteAllOthers ? { ...changes } : { ...store, ...changes };
  let total = 0;
  for (const [k, v] of Object.entries(next)) total += bytes(k) + bytes(v);
  if (total > MAX_PROPERTY_STORE_BYTES) {
    throw ctx.exception(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
  }
}

// ---- execution time -----------------------------------------------------------------------

/**
 * 6 minutes per execution ("Script runtime 6 min / execution",
 * https://developers.google.com/apps-script/guides/services/quotas). The workbench runs far
 * faster than Apps Script, so each service call is charged a round trip on a virtual clock
 * (plus Utilities.sleep): 40 ms, the per-call latency measured for PropertiesService (~80 ms per
 * set+get; CacheService ~63 ms, SpreadsheetApp ~800 ms per write+read:
 * https://justin.poehnelt.com/posts/apps-script-key-value-stores/). So an execution fails after
 * 9,000 calls. Configurable per Workbench (WorkbenchOptions.executionLimits).
 */
export interface ExecutionLimits {
  /** Virtual milliseconds one service call costs. */
  msPerServiceCall: number;
  /** Virtual milliseconds an execution may take. */
  maxExecutionMs: number;
}

export const DEFAULT_EXECUTION_LIMITS: ExecutionLimits = {
  msPerServiceCall: 40,
  maxExecutionMs: 6 * 60 * 1000,
};

export const EXCEEDED_TIME = 'Exceeded maximum execution time';

interface Clock {
  limits: ExecutionLimits;
  elapsedMs: number;
  timedOut: boolean;
}

const clocks = new WeakMap<Execution, Clock>();

function clockOf(ctx: Execution): Clock {
  let c = clocks.get(ctx);
  if (!c) clocks.set(ctx, (c = { limits: DEFAULT_EXECUTION_LIMITS, elapsedMs: 0, timedOut: false }));
  return c;
}

export function configureExecution(ctx: Execution, limits?: Partial<ExecutionLimits>): void {
  clockOf(ctx).limits = { ...DEFAULT_EXECUTION_LIMITS, ...limits };
}

/**
 * Charge virtual time. Past the limit the execution is over: this and every later call throw
 * (a script's catch cannot keep it alive) and the runtime reports Apps Script's message.
 */
export function chargeTime(ctx: Execution, ms: number): void {
  const c = clockOf(ctx);
  if (!c.timedOut) {
    c.elapsedMs += Math.max(0, Number(ms) || 0);
    if (c.elapsedMs <= c.limits.maxExecutionMs) return;
    c.timedOut = true;
  }
  const e = new ctx.realm.Error(EXCEEDED_TIME);
  throw e;
}

export function executionTimedOut(ctx: Execution): boolean {
  return clocks.get(ctx)?.timedOut ?? false;
}

/** Execution.beforeCall's checks for one service call: its scopes, then its time. */
export function beforeServiceCall(ctx: Execution, cls: string, method: string): void {
  checkScopes(ctx, cls, method);
  chargeTime(ctx, clockOf(ctx).limits.msPerServiceCall);
}
