/**
 * The latency model: what one service call would cost in Google Sheets, in three scenarios
 * (optimistic, typical, pessimistic). The workbench runs far faster than Apps Script, so each
 * call is charged a round trip of its class plus a cost per cell it reads or writes; builders
 * and values already in hand are free; a run of writes shares one round trip (WRITE_CACHE).
 * Sources per figure: docs/FIDELITY.md "Latency model".
 *
 * Rule for every figure: where a source publishes a range, optimistic and pessimistic are its
 * ends and typical is their geometric mean (the range spans up to 5×); where a source publishes
 * min / average / max of a measurement, those are the three figures. Never tuned to a budget.
 */
import type { GridRect, SheetState } from '../model';
import { lastColumn, lastRow } from './grid';

export type Scenario = 'optimistic' | 'typical' | 'pessimistic';
export const SCENARIOS: readonly Scenario[] = ['optimistic', 'typical', 'pessimistic'];

export interface Figures {
  optimistic: number;
  typical: number;
  pessimistic: number;
}

const fromRange = (low: number, high: number): Figures => ({
  optimistic: low,
  typical: Math.sqrt(low * high),
  pessimistic: high,
});

export type CallClass =
  | 'free'
  | 'read'
  | 'write'
  | 'structural'
  | 'flush'
  | 'propertiesRead'
  | 'propertiesWrite'
  | 'lock'
  | 'session'
  | 'ui'
  | 'googleScriptRun';

/**
 * Round trip per call, in milliseconds.
 * - read / write / structural / lock / session: "about 20–100 ms per round trip" (issue 12's
 *   published range); Apps Script's "Use batch operations" (https://developers.google.com/apps-script/guides/support/best-practices)
 *   and "Don't make several calls when you can do it in one ... the calls are relatively expensive"
 *   (http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html).
 *   Bracketed by: PropertiesService getProperty min 20 ms (https://ziritione.org/post/apps_script_performance)
 *   and 1,000 getLastRow() calls in 160 s, 160 ms each (https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html).
 *   No separate measurement for structural calls, Lock or Session was found: the generic range applies.
 * - flush: 400 flushes of one 10-cell row each in ~12 s (30 ms each); one flush after a 4,000-cell
 *   write added 560 ms (~600) (a Stack Overflow answer, "What is faster: ScriptDb or
 *   SpreadsheetApp?", mirrored at https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp).
 * - Properties: measured min / average / max over 100 runs, getProperty 20 / 30 / 84 ms,
 *   setProperty 43 / 62 / 231 ms (https://ziritione.org/post/apps_script_performance).
 * - ui (alert, prompt, sidebar, dialog) and google.script.run: a trip between the browser and the
 *   Apps Script server, 0.3–1.5 s (issue 12's published range; each google.script.run call
 *   starts a fresh server execution: https://ramblings.mcpher.com/gassnippets2/measuring-library-load-speed/).
 *   A person's time answering a dialog is not modelled.
 */
export const ROUND_TRIP_MS: Record<Exclude<CallClass, 'free'>, Figures> = {
  read: fromRange(20, 100),
  write: fromRange(20, 100),
  structural: fromRange(20, 100),
  flush: fromRange(30, 600),
  propertiesRead: { optimistic: 20, typical: 30, pessimistic: 84 },
  propertiesWrite: { optimistic: 43, typical: 62, pessimistic: 231 },
  lock: fromRange(20, 100),
  session: fromRange(20, 100),
  ui: fromRange(300, 1500),
  googleScriptRun: fromRange(300, 1500),
};

/**
 * Per cell read, in microseconds: "about 30 µs per cell read on a plain sheet and more with
 * formatting" (issue 12). One published figure: optimistic is it, pessimistic ×3 for formatted
 * sheets (assumed spread, no published figure), typical their geometric mean.
 */
export const CELL_READ_US: Figures = fromRange(30, 90);

/**
 * Per cell written, per setter, in microseconds: "5–30 µs per cell written per setter"
 * (issue 12); consistent with one setValues of 4,000 cells in under 50 ms (≤ 12 µs a cell,
 * the flush source above).
 */
export const CELL_WRITTEN_US: Figures = fromRange(5, 30);

/** Classes whose every method works on an object already in hand: no round trip. */
const FREE_CLASSES = new Set([
  'Blob',
  'BooleanCondition',
  'Charts',
  'ChartOptions',
  'ConditionalFormatRule',
  'ContainerInfo',
  'DataValidation',
  'DeveloperMetadataLocation',
  'HtmlOutput',
  'HtmlService',
  'LockService',
  'Logger',
  'PromptResponse',
  'PropertiesService',
  'ScriptApp',
  // A built text style, like a built DataValidation: a value in hand.
  'TextStyle',
  'User',
  // Utilities run inside the Apps Script runtime; sleep is charged its own time (limits.ts).
  'Utilities',
]);

/** Range methods answered from the Range object's own coordinates (assumed local). */
const RANGE_GEOMETRY = new Set([
  'getRow',
  'getRowIndex',
  'getColumn',
  'getNumRows',
  'getNumColumns',
  'getHeight',
  'getWidth',
  'getLastRow',
  'getLastColumn',
  'getSheet',
  'getGridId',
  'getA1Notation',
  'offset',
  'getCell',
  'toString',
]);

const SHEET_WRITES = new Set(['appendRow', 'clear', 'clearContents', 'clearFormats', 'clearNotes']);
const RANGE_STRUCTURAL = new Set([
  'protect',
  'activate',
  'activateAsCurrentCell',
  'addDeveloperMetadata',
  'merge',
  'mergeAcross',
  'mergeVertically',
  'breakApart',
]);

/**
 * Apps Script's write cache: "if you write (set) one cell then you're also likely to write another
 * one relatively soon ... Every time you do a read, we must first empty (commit) the write cache"
 * (http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html); 10,000
 * setBackgroundColor calls with a flush per row of 100 make "only 100 calls to the Spreadsheet"
 * (https://developers.google.com/apps-script/guides/support/best-practices); an execution log of
 * 16 format setters in a row: the first 0.058 s, the others 0–0.001 s
 * (https://ramblings.mcpher.com/gassnippets2/optimizing-sheet-formatting-with-apps-script/).
 * So a run of queued calls costs one round trip (charged at its first call) plus its cells. The
 * run ends at the next Spreadsheet call that must reach the server (a getter, a call answered
 * with a new object, flush); calls to other services (Properties, Lock, Session, Ui) leave it
 * open: they do not commit the cache (hence "call flush() before releasing a lock").
 * Optimistic and typical have the cache; pessimistic has none ("operations are sometimes
 * bundled together", SpreadsheetApp.flush()): every call its own round trip.
 */
export const WRITE_CACHE: Record<Scenario, boolean> = { optimistic: true, typical: true, pessimistic: false };

/**
 * Mutations answered by their own object (Range, Sheet, Protection), queued like the setters:
 * the workbench buffers them with the cell writes until flush (docs/FIDELITY.md "Lock and flush").
 * Not queued: insertSheet, protect, copyTo a sheet, charts, rules (answered with a new object or
 * read back), deleteSheet (gone at once), activate (the person's view).
 */
const QUEUED_STRUCTURAL = new Set([
  'merge',
  'mergeAcross',
  'mergeVertically',
  'breakApart',
  'setColumnWidth',
  'setColumnWidths',
  'setRowHeight',
  'setRowHeights',
  'setRowHeightsForced',
  'setFrozenRows',
  'setFrozenColumns',
  'hideColumns',
  'hideRows',
  'showColumns',
  'showRows',
  'insertRowsAfter',
  'insertRowsBefore',
  'insertRowAfter',
  'insertRowBefore',
  'insertColumnsAfter',
  'insertColumnsBefore',
  'deleteRows',
  'deleteRow',
  'deleteColumns',
  'deleteColumn',
  'addDeveloperMetadata',
  'setDescription',
  'setWarningOnly',
]);

/** Whether a charged call joins the write cache (see WRITE_CACHE). */
export function isQueued(cls: string, method: string, callClass: CallClass): boolean {
  if (callClass === 'write') return true;
  return (
    callClass === 'structural' &&
    (cls === 'Range' || cls === 'Sheet' || cls === 'Protection') &&
    QUEUED_STRUCTURAL.has(method)
  );
}

/** Classes whose calls reach the spreadsheet: one not queued (every write is) commits the write cache first. */
const COMMITS: ReadonlySet<CallClass> = new Set(['read', 'structural', 'flush']);

const isGetter = (method: string): boolean => /^(get|is|has|find|create.*Finder)/.test(method);

export function classify(cls: string, method: string): CallClass {
  if (FREE_CLASSES.has(cls) || cls.endsWith('Builder')) return 'free';
  switch (cls) {
    case 'Menu':
      return method === 'addToUi' ? 'ui' : 'free';
    case 'Ui':
      return /^(alert|prompt|show)/.test(method) ? 'ui' : 'free';
    case 'Properties':
      return isGetter(method) ? 'propertiesRead' : 'propertiesWrite';
    case 'Lock':
      return 'lock';
    case 'Session':
      return 'session';
    case 'SpreadsheetApp':
      if (method === 'flush') return 'flush';
      if (method === 'getUi' || method.startsWith('new')) return 'free';
      return 'read';
    case 'Range':
    case 'RangeList':
      if (cls === 'Range' && RANGE_GEOMETRY.has(method)) return 'free';
      if (cls === 'RangeList' && method === 'getRanges') return 'free';
      if (RANGE_STRUCTURAL.has(method)) return 'structural';
      return isGetter(method) ? 'read' : 'write';
    default:
      // Spreadsheet, Sheet, Protection, EmbeddedChart, DeveloperMetadata(+Finder), …
      if (isGetter(method)) return 'read';
      if (cls === 'Sheet' && SHEET_WRITES.has(method)) return 'write';
      return 'structural';
  }
}

/** Range getters that return one cell's worth whatever the range (the top-left cell). */
const SINGLE_CELL_GETTERS =
  /^(getValue|getDisplayValue|getFormula|getFormulaR1C1|getNote|getDataValidation|getRichTextValue|getBackground|getFontColor|getFontWeight|getFontStyle|getFontSize|getFontFamily|getFontLine|getHorizontalAlignment|getVerticalAlignment|getWrap|getNumberFormat|getTextRotation)$/;

const cellsOfRect = (r: GridRect): number => r.numRows * r.numColumns;

interface WithRect {
  _rect?: GridRect;
  _rects?: GridRect[];
  _sheet?: SheetState;
}

/** getSheetValues(startRow, startColumn, numRows, numColumns): -1 means to the last row/column. */
function sheetValuesCells(sheet: SheetState | undefined, args: readonly unknown[]): number {
  const [row, column, rows, columns] = args.map(Number);
  const span = (n: number, start: number, last: number) => (n === -1 ? Math.max(1, last - start + 1) : n);
  if (!sheet || ![row, column, rows, columns].every(Number.isFinite)) return 0;
  return span(rows, row, lastRow(sheet)) * span(columns, column, lastColumn(sheet));
}

/** Cells a call reads and writes: Range getters and setters by their range, getSheetValues by its rectangle, appendRow by its row. */
export function cellsOf(
  cls: string,
  method: string,
  callClass: CallClass,
  target: unknown,
  args: readonly unknown[],
): { read: number; written: number } {
  const t = (target ?? {}) as WithRect;
  if (cls === 'Range' || cls === 'RangeList') {
    const rects = t._rects ?? (t._rect ? [t._rect] : []);
    const all = rects.reduce((n, r) => n + cellsOfRect(r), 0);
    if (callClass === 'read') return { read: SINGLE_CELL_GETTERS.test(method) ? 1 : all, written: 0 };
    if (callClass === 'write') return { read: 0, written: all };
    return { read: 0, written: 0 };
  }
  if (cls === 'Sheet' && method === 'getSheetValues')
    return { read: sheetValuesCells(t._sheet, args), written: 0 };
  if (cls === 'Sheet' && callClass === 'write') {
    if (method === 'appendRow') return { read: 0, written: Array.isArray(args[0]) ? args[0].length : 0 };
    const rows = t._sheet?.rows ?? [];
    const width = rows.reduce((w: number, r) => Math.max(w, Array.isArray(r) ? r.length : 0), 0);
    return { read: 0, written: rows.length * width };
  }
  return { read: 0, written: 0 };
}

/** What one execution has cost so far. */
export interface LatencyTally {
  cellsRead: number;
  cellsWritten: number;
  /** Estimated milliseconds per scenario, Utilities.sleep included. */
  ms: Figures;
  /** Round trips charged per scenario (a run of queued calls is one). */
  trips: Figures;
  /** A run of queued calls is open: the next queued call rides on its round trip. */
  queueOpen: boolean;
}

export const newTally = (): LatencyTally => ({
  cellsRead: 0,
  cellsWritten: 0,
  ms: { optimistic: 0, typical: 0, pessimistic: 0 },
  trips: { optimistic: 0, typical: 0, pessimistic: 0 },
  queueOpen: false,
});

/** Adds one call's cost to `tally`. */
export function chargeCall(
  tally: LatencyTally,
  cls: string,
  method: string,
  target: unknown,
  args: readonly unknown[],
): void {
  const callClass = classify(cls, method);
  if (callClass === 'free') return;
  const cells = cellsOf(cls, method, callClass, target, args);
  tally.cellsRead += cells.read;
  tally.cellsWritten += cells.written;
  const trip = ROUND_TRIP_MS[callClass];
  const queued = isQueued(cls, method, callClass);
  for (const s of SCENARIOS) {
    const rides = queued && tally.queueOpen && WRITE_CACHE[s];
    if (!rides) tally.trips[s] += 1;
    tally.ms[s] +=
      (rides ? 0 : trip[s]) + (cells.read * CELL_READ_US[s] + cells.written * CELL_WRITTEN_US[s]) / 1000;
  }
  if (queued) tally.queueOpen = true;
  else if (COMMITS.has(callClass)) tally.queueOpen = false;
}

/** Adds the same milliseconds to every scenario (Utilities.sleep) or per-scenario figures. */
export function chargeMs(tally: LatencyTally, ms: number | Figures): void {
  for (const s of SCENARIOS) tally.ms[s] += typeof ms === 'number' ? ms : ms[s];
}

/** Milliseconds → seconds, rounded to the millisecond (the figures are estimates). */
export function toSeconds(ms: Figures): Figures {
  const round = (v: number) => Math.round(v) / 1000;
  return { optimistic: round(ms.optimistic), typical: round(ms.typical), pessimistic: round(ms.pessimistic) };
}

/** "~1.2 s (0.6–2.4 s)": the typical estimate with the range, for logs, benches and budget messages. */
export function formatEstimate(seconds: Figures): string {
  const f = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
  return `~${f(seconds.typical)} s (${f(seconds.optimistic)}–${f(seconds.pessimistic)} s)`;
}
