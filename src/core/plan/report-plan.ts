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
  /** Rows that start a new page when printed (e.g. each block after the first). */
  pageBreaks?: number[];
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
    // A4 landscape, one page wide, only the report's columns (charts and their helper data to the
    // right stay on screen). Apps Script cannot set print options: the .xlsx export writes them.
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      printArea: {
        row: 1,
        column: 1,
        numRows: Math.max(1, report.values.length),
        numColumns: report.widths.length,
      },
      ...(report.pageBreaks && report.pageBreaks.length > 0 ? { pageBreaks: report.pageBreaks } : {}),
    },
    protection: { description: report.description },
  };
}
