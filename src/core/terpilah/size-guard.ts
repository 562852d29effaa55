/**
 * Whether the data terpilah report fits one Apps Script execution (6 minutes), estimated from the
 * register's size before anything is read or written: a report that would be cut off half-way is
 * refused up front, with what to do instead (one activity at a time, or the CLI).
 *
 * The figures are issue 12's published Apps Script latencies, on the pessimistic side, so the
 * guard refuses only what real Sheets would most likely not finish:
 *  - a service round trip: 100 ms (typical 50 ms); the report makes about 60 calls;
 *  - a cell read: 45 µs (typical 30 µs on a plain sheet, more with formatting);
 *  - normalising and summarising a row in Apps Script's V8: 50 µs (~15 µs in Node, bench/);
 *  - the cells written are bounded (the quality list is capped), at most WRITE_SECONDS_MAX.
 */

/** Apps Script's limit for one execution (consumer and Workspace accounts alike). */
export const EXECUTION_LIMIT_SECONDS = 360;
/** Room left for what the estimate leaves out (the lock wait, flush, a slow day). */
export const SAFETY_FACTOR = 0.8;
export const ROUND_TRIP_SECONDS = 0.1;
export const REPORT_CALLS = 60;
export const CELL_READ_SECONDS = 45e-6;
export const ROW_CPU_SECONDS = 50e-6;
/** The report's writes: tables, narratives, charts and a capped quality list (≤ 10,000 rows). */
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

/** The estimated seconds of a report over a register of this size (pessimistic side). */
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
