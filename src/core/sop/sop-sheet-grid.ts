/**
 * The SOP sheet's columns, their widths and its colours: shared by the identity block above and
 * the flowchart table below, which use the same columns.
 *
 * Every executor gets two half-width columns: a symbol spans both, and a connector runs down the
 * line between them (a cell border), so it leaves and enters a symbol in its middle. Right of the
 * executors, one narrow "lane" column per Perbaikan loop that must run alongside others carries
 * the dashed line back up. A spacer on each side keeps symbols and loops off the table's lines.
 */
import type { CellStyle } from '../plan/plan';

export const COLORS = {
  identityLabel: '#f3f3f3',
  process: '#dbe8f7',
  decision: '#fff2cc',
  terminator: '#d9ead3',
  offPage: '#eeeeee',
  label: '#434343',
  loop: '#c00000',
  line: '#000000',
};

// About 1,300 px for five executors: printed "fit to width" on a landscape page (scale ~80 %).
// The four mutu baku/remarks columns share one width: one setColumnWidths call for all four.
export const WIDTH = {
  no: 36,
  activity: 200,
  half: 64,
  lane: 36,
  pad: 12,
  /** The spacer right of the lanes: as wide as a lane, so one setColumnWidths sizes them all. */
  padRight: 36,
  requirements: 110,
  minutes: 110,
  output: 110,
  remarks: 110,
};

export const CENTER: CellStyle = { horizontalAlignment: 'center', verticalAlignment: 'middle' };

/** Column numbers of the flowchart table for `roleCount` executors and `laneCount` loop lanes. */
export function sopColumns(roleCount: number, laneCount = 0) {
  // Spacers left and right of the flowchart keep symbols and loops off the table's column lines.
  const firstChart = 3;
  const firstRole = firstChart + 1;
  const firstLane = firstRole + 2 * roleCount;
  const requirements = firstLane + laneCount + 1;
  return {
    no: 1,
    activity: 2,
    /** The first column of the flowchart area (a spacer). */
    firstChart,
    firstRole,
    roleCount,
    firstLane,
    laneCount,
    /** The last column of the flowchart area (executors, lanes, spacer). */
    lastChart: requirements - 1,
    requirements,
    minutes: requirements + 1,
    output: requirements + 2,
    remarks: requirements + 3,
    width: requirements + 3,
  };
}

export type SopColumns = ReturnType<typeof sopColumns>;

/** The left and right half-columns of executor `index` (0-based). */
export const halves = (cols: SopColumns, index: number): { left: number; right: number } => ({
  left: cols.firstRole + 2 * index,
  right: cols.firstRole + 2 * index + 1,
});

/** Width in pixels of every column (1-based). */
export function sopColumnWidths(cols: SopColumns): Record<number, number> {
  const widths: Record<number, number> = { [cols.no]: WIDTH.no, [cols.activity]: WIDTH.activity };
  widths[cols.firstChart] = WIDTH.pad;
  for (let c = cols.firstRole; c < cols.firstLane; c++) widths[c] = WIDTH.half;
  for (let c = cols.firstLane; c < cols.firstLane + cols.laneCount; c++) widths[c] = WIDTH.lane;
  widths[cols.lastChart] = WIDTH.padRight;
  widths[cols.requirements] = WIDTH.requirements;
  widths[cols.minutes] = WIDTH.minutes;
  widths[cols.output] = WIDTH.output;
  widths[cols.remarks] = WIDTH.remarks;
  return widths;
}

/**
 * Width in px a text needs on one line (Arial: about 7 px a character at 10 pt, bold 8; the
 * cell's padding 8 px). Deliberately generous: a label that "just fits" here is never clipped.
 */
export function textWidthPx(text: string, style: CellStyle | null | undefined): number {
  const size = style?.fontSize ?? 10;
  const perChar = (style?.fontWeight === 'bold' ? 8 : 7) * (size / 10);
  return Math.ceil([...text].length * perChar) + 8;
}
