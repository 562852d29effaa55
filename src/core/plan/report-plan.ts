/**
 * The plan of a report sheet the add-in regenerates whole from its data (Laporan Monitoring SOP,
 * Laporan Data Terpilah): its tables with grid lines in one border group (one RangeList call),
 * fixed column widths, no dropdowns, nothing frozen, and a warning-only protection that says
 * where the sheet comes from — hand edits would be overwritten by the next run.
 */
import type { CellStyle, PlanMerge, PlanRect, PlanValue, SheetPlan } from './plan';
import { GRID_LINES } from './styles';

export interface ReportSheet {
  sheetName: string;
  values: PlanValue[][];
  styles: (CellStyle | null)[][];
  merges?: PlanMerge[];
  /** The rects drawn with grid lines. */
  tables: PlanRect[];
  /** Pixels per column, the first for column A. */
  widths: readonly number[];
  /** The protection's description. */
  description: string;
}

export function reportPlan(report: ReportSheet): SheetPlan {
  return {
    sheetName: report.sheetName,
    values: report.values,
    styles: report.styles,
    merges: report.merges ?? [],
    borders: report.tables.length > 0 ? [{ rects: report.tables, spec: GRID_LINES }] : [],
    validations: [],
    columnWidths: Object.fromEntries(report.widths.map((width, i) => [i + 1, width])),
    frozenRows: 0,
    protection: { description: report.description },
  };
}
