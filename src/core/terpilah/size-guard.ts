/**
 * Whether the data terpilah report fits one Apps Script execution (6 minutes), estimated from the
 * register's size before anything is read or written: a report that would be cut off half-way is
 * refused up front, with what to do instead (one activity at a time, or the CLI).
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
