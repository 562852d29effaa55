/**
 * Whether the data terpilah report, or an import, fits one Apps Script execution (6 minutes),
 * estimated from the sheet's size before anything is read or written: an action that would be cut
 * off half-way is refused up front, with what to do instead (one activity at a time, the CLI, a
 * source split in parts).
 *
 * The figures are the typical ones of the workbench's latency model (src/workbench/services/
 * latency.ts, sources in docs/FIDELITY.md "Latency model"), and the estimate must stay within 80 %
 * of the limit, so a report that passes finishes on a typical day with room to spare:
 *  - a service round trip: 45 ms (the geometric mean of the published 20–100 ms); ~60 calls;
 *  - a cell read: 52 µs (of 30–90 µs: 30 µs on a plain sheet, more with formatting);
 *  - normalising and summarising a row in Apps Script's V8: 50 µs (assumed ~3× the ~15 µs Node
 *    takes in bench/; no published figure);
 *  - the cells written are bounded (the quality list is capped and summarised), at most
 *    WRITE_SECONDS_MAX (~1.5 M cells at 12 µs, the typical of 5–30 µs per cell written).
 * So the report over 300,000 participants fits (~280 s); from ~315,000 rows of 14 columns it is refused.
 */

/** Apps Script's limit for one execution (consumer and Workspace accounts alike). */
export const EXECUTION_LIMIT_SECONDS = 360;
/** Room left for what the estimate leaves out (the lock wait, flush, a slow day). */
export const SAFETY_FACTOR = 0.8;
export const ROUND_TRIP_SECONDS = 0.045;
export const REPORT_CALLS = 60;
export const CELL_READ_SECONDS = 52e-6;
export const ROW_CPU_SECONDS = 50e-6;
/** The report's writes: tables, narratives, charts and a capped quality list. */
export const WRITE_SECONDS_MAX = 40;

export interface ReportSize {
  /** Cells read: the register's rows × columns (the header included), or what one activity needs. */
  cells: number;
  /** Rows normalised and summarised (the participants considered). */
  participants: number;
}

/** The whole register read: rows × columns. */
export function registerSize(rows: number, columns: number): ReportSize {
  return { cells: Math.max(0, rows) * Math.max(0, columns), participants: Math.max(0, rows - 1) };
}

/** The estimated seconds of a report over a register of this size (typical figures). */
export function estimatedReportSeconds({ cells: read, participants }: ReportSize): number {
  const cells = Math.max(0, read);
  return (
    REPORT_CALLS * ROUND_TRIP_SECONDS +
    cells * CELL_READ_SECONDS +
    Math.max(0, participants) * ROW_CPU_SECONDS +
    WRITE_SECONDS_MAX
  );
}

/** Whether that report stays within the execution limit, with the safety margin. */
export function reportFits(size: ReportSize): boolean {
  return estimatedReportSeconds(size) <= EXECUTION_LIMIT_SECONDS * SAFETY_FACTOR;
}

/** Typical seconds per cell written (the geometric mean of 5–30 µs per cell written per setter). */
export const CELL_WRITTEN_SECONDS = 12.2e-6;
/** The import's calls (~140 whatever the rows, test/server/terpilah-import-budget.test.ts), rounded up. */
export const IMPORT_CALLS = 150;

export interface ImportSize {
  /** The source's rows (its last row: the header included, every row below it taken as written). */
  rows: number;
  /** Source columns read per row (the mapped ones). */
  columnsRead: number;
  /** Register cells written per row at most: its values, its text format, its dropdowns. */
  cellsWrittenPerRow: number;
}

/** Seconds per source row: its cells read, normalised twice (written, then read back for the findings), its cells written. */
const importRowSeconds = ({ columnsRead, cellsWrittenPerRow }: ImportSize): number =>
  Math.max(0, columnsRead) * CELL_READ_SECONDS +
  2 * ROW_CPU_SECONDS +
  Math.max(0, cellsWrittenPerRow) * CELL_WRITTEN_SECONDS;

/**
 * The estimated seconds of an import of this size (typical figures), an upper bound: every row
 * counted as written, in every column. Leaves out the fingerprints of an existing register read
 * for a re-import (one column: 300,000 rows are ~16 s of the margin).
 */
export function estimatedImportSeconds(size: ImportSize): number {
  return IMPORT_CALLS * ROUND_TRIP_SECONDS + Math.max(0, size.rows) * importRowSeconds(size);
}

/** Whether that import stays within the execution limit, with the safety margin. */
export function importFits(size: ImportSize): boolean {
  return estimatedImportSeconds(size) <= EXECUTION_LIMIT_SECONDS * SAFETY_FACTOR;
}

/** The most source rows of this shape one import takes (what to split a larger source into). */
export function importRowsThatFit(size: Omit<ImportSize, 'rows'>): number {
  const room = EXECUTION_LIMIT_SECONDS * SAFETY_FACTOR - IMPORT_CALLS * ROUND_TRIP_SECONDS;
  return Math.max(0, Math.floor(room / importRowSeconds({ ...size, rows: 0 })));
}
