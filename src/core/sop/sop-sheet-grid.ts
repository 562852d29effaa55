/**
 * The SOP sheet's columns, their widths and its colours: shared by the identity block above and
 * the flowchart table below, which use the same columns.
 */
import type { CellStyle } from '../plan/plan';

export const COLORS = {
  identityLabel: '#f3f3f3',
  process: '#dbe8f7',
  decision: '#fff2cc',
  terminator: '#d9ead3',
  connector: '#434343',
  loop: '#c00000',
  line: '#000000',
};
// About 1,100 px in all for five executors: fits a landscape page when printed "fit to width".
// The four mutu baku/remarks columns share one width: one setColumnWidths call for all four.
const WIDTH = { no: 40, activity: 210, role: 80, requirements: 120, minutes: 120, output: 120, remarks: 120 };

export const CENTER: CellStyle = { horizontalAlignment: 'center', verticalAlignment: 'middle' };

/** Column numbers of the flowchart table for a template with `roleCount` executors. */
export function sopColumns(roleCount: number) {
  const firstRole = 3;
  const requirements = firstRole + roleCount;
  return {
    no: 1,
    activity: 2,
    firstRole,
    requirements,
    minutes: requirements + 1,
    output: requirements + 2,
    remarks: requirements + 3,
    width: requirements + 3,
  };
}

export type SopColumns = ReturnType<typeof sopColumns>;

/** Width in pixels of every column (1-based). */
export function sopColumnWidths(cols: SopColumns): Record<number, number> {
  const widths: Record<number, number> = { [cols.no]: WIDTH.no, [cols.activity]: WIDTH.activity };
  for (let c = cols.firstRole; c < cols.requirements; c++) widths[c] = WIDTH.role;
  widths[cols.requirements] = WIDTH.requirements;
  widths[cols.minutes] = WIDTH.minutes;
  widths[cols.output] = WIDTH.output;
  widths[cols.remarks] = WIDTH.remarks;
  return widths;
}
