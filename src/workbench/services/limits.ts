/**
 * Apps Script's and Sheets' size and time limits, each with Apps Script's own error message where
 * one is known (otherwise a "Workbench:" message on the strict side). Sources and status per rule:
 * docs/FIDELITY.md "Limits".
 */
import type { Execution } from './context';
import { chargeCall, chargeMs, newTally, type Figures, type LatencyTally, type Scenario } from './latency';
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
 * faster than Apps Script, so each service call is charged what it would cost in Sheets by the
 * latency model (./latency.ts: a round trip per class of call, a cost per cell read and written),
 * plus Utilities.sleep, in three scenarios. The limit applies to one of them: typical by default,
 * optimistic or pessimistic by WorkbenchOptions.executionLimits (WORKBENCH_LATENCY for npm start).
 */
export interface ExecutionLimits {
  /** The scenario of the latency model the limit applies to. */
  scenario: Scenario;
  /** Estimated milliseconds an execution may take. */
  maxExecutionMs: number;
}

export const DEFAULT_EXECUTION_LIMITS: ExecutionLimits = {
  scenario: 'typical',
  maxExecutionMs: 6 * 60 * 1000,
};

/** Apps Script's message (and the runtime's error), verbatim. */
export const EXCEEDED_TIME = 'Exceeded maximum execution time';

interface Clock {
  limits: ExecutionLimits;
  tally: LatencyTally;
  timedOut: boolean;
}

const clocks = new WeakMap<Execution, Clock>();

function clockOf(ctx: Execution): Clock {
  let c = clocks.get(ctx);
  if (!c) clocks.set(ctx, (c = { limits: DEFAULT_EXECUTION_LIMITS, tally: newTally(), timedOut: false }));
  return c;
}

export function configureExecution(ctx: Execution, limits?: Partial<ExecutionLimits>): void {
  clockOf(ctx).limits = { ...DEFAULT_EXECUTION_LIMITS, ...limits };
}

/** Throws once the chosen scenario's estimate is past the limit (and for every call after it). */
function checkTime(ctx: Execution, c: Clock): void {
  if (!c.timedOut && c.tally.ms[c.limits.scenario] <= c.limits.maxExecutionMs) return;
  c.timedOut = true;
  throw new ctx.realm.Error(EXCEEDED_TIME);
}

/**
 * Charge time that is the same in every scenario (Utilities.sleep) or per-scenario figures.
 * Past the limit the execution is over: this and every later call throw (a script's catch cannot
 * keep it alive) and the runtime reports Apps Script's message.
 */
export function chargeTime(ctx: Execution, ms: number | Figures): void {
  const c = clockOf(ctx);
  if (!c.timedOut) chargeMs(c.tally, typeof ms === 'number' ? Math.max(0, ms || 0) : ms);
  checkTime(ctx, c);
}

export function executionTimedOut(ctx: Execution): boolean {
  return clocks.get(ctx)?.timedOut ?? false;
}

/** Cells read and written and the estimated milliseconds of an execution so far. */
export function executionTally(ctx: Execution): LatencyTally {
  return clockOf(ctx).tally;
}

/** Execution.beforeCall's checks for one service call: its scopes, then its estimated time. */
export function beforeServiceCall(
  ctx: Execution,
  cls: string,
  method: string,
  target?: unknown,
  args: readonly unknown[] = [],
): void {
  checkScopes(ctx, cls, method);
  const c = clockOf(ctx);
  if (!c.timedOut) chargeCall(c.tally, cls, method, target, args);
  checkTime(ctx, c);
}
