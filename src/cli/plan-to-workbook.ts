/**
 * A core {@link SheetPlan} (what the add-in writes to a sheet) → a workbench {@link SheetState}, so
 * exportXlsx writes the same report the add-in builds: values, formats, borders, merges, widths,
 * heights, frozen rows, list validations and the print intent (which only the .xlsx can hold:
 * Apps Script has no print API). Plans are 1-based, sheet states 0-based.
 *
 * Not carried over: the warning-only protection (Excel has no "warn but allow"). Charts go onto
 * the sheet; exceljs cannot draw them, so the export notes and lists them instead.
 */
import type {
  BorderSide,
  Cell,
  CellFormat,
  ChartSpec,
  GridRect,
  PrintSetup,
  SheetState,
  WorkbookState,
} from '../workbench/model';
import { newSheetState } from '../workbench/model';
import type { BorderSpec, CellStyle, PlanPrint, PlanRect, SheetPlan } from '../core/plan/plan';

export function planToSheet(plan: SheetPlan, sheetId = 1): SheetState {
  const sheet = newSheetState(sheetId, plan.sheetName);
  sheet.rows = plan.values.map((row, r) =>
    row.map((value, c): Cell | null => {
      const format = toFormat(plan.styles[r]?.[c] ?? null);
      if (value === '' && !format) return null;
      return format ? { value, format } : { value };
    }),
  );
  for (const { rects, spec } of plan.borders) for (const rect of rects) applyBorder(sheet, rect, spec);
  for (const { rect, mode } of plan.merges) sheet.merges.push(...mergeRects(rect, mode));
  for (const [col, px] of Object.entries(plan.columnWidths)) sheet.columnWidths[Number(col) - 1] = px;
  for (const [row, px] of Object.entries(plan.rowHeights ?? {})) sheet.rowHeights[Number(row) - 1] = px;
  sheet.frozenRows = plan.frozenRows;
  if (plan.print) sheet.print = toPrint(plan.print);
  for (const v of plan.validations) {
    sheet.validations.push({
      range: toGrid(v.rect),
      rule: {
        criteria: 'VALUE_IN_LIST',
        args: [v.list, true],
        allowInvalid: v.allowInvalid,
        helpText: v.helpText,
      },
    });
  }
  const width = plan.values[0]?.length ?? 0;
  sheet.maxRows = Math.max(sheet.maxRows, plan.values.length);
  sheet.maxColumns = Math.max(sheet.maxColumns, width);
  return sheet;
}

/** A chart the report asks for (core/terpilah's ChartPlan): rows and columns 1-based. */
export interface PlanChart {
  type: string;
  title: string;
  rect: PlanRect;
  position: { row: number; column: number };
  stacked?: boolean;
}

/**
 * A workbook holding the report sheet with its charts. exceljs cannot write charts, so the export
 * notes each at its anchor cell and lists them on a "Catatan" sheet (see workbench/export/xlsx.ts).
 */
export function reportWorkbook(
  plan: SheetPlan,
  charts: readonly PlanChart[],
  name: string,
  timeZone = 'Asia/Jakarta',
): WorkbookState {
  const sheet = planToSheet(plan, 1);
  sheet.charts = charts.map((chart, i): ChartSpec => ({
    chartId: i + 1,
    type: chart.type,
    ranges: [{ sheet: plan.sheetName, rect: toGrid(chart.rect) }],
    position: { row: chart.position.row - 1, column: chart.position.column - 1, offsetX: 0, offsetY: 0 },
    options: { title: chart.title },
    settings: chart.stacked === undefined ? {} : { stacked: chart.stacked },
  }));
  return {
    id: 'cli',
    name,
    timeZone,
    locale: 'id_ID',
    sheets: [sheet],
    activeSheetId: 1,
    nextId: 2,
    developerMetadata: [],
    properties: { document: {}, script: {}, user: {} },
  };
}

/** A plan's print intent (1-based rows) as the export's page setup (0-based). */
function toPrint(print: PlanPrint): PrintSetup {
  return {
    orientation: print.orientation,
    fitToWidth: print.fitToWidth,
    ...(print.repeatRows
      ? { repeatRows: { first: print.repeatRows.first - 1, last: print.repeatRows.last - 1 } }
      : {}),
    ...(print.printArea ? { printArea: toGrid(print.printArea) } : {}),
    ...(print.pageBreaks ? { pageBreaks: print.pageBreaks.map((row) => row - 1) } : {}),
  };
}

function toFormat(style: CellStyle | null): CellFormat | undefined {
  if (!style) return undefined;
  const format: CellFormat = {};
  if (style.background !== undefined) format.background = style.background;
  if (style.fontColor !== undefined) format.fontColor = style.fontColor;
  if (style.fontWeight !== undefined) format.fontWeight = style.fontWeight;
  if (style.fontStyle !== undefined) format.fontStyle = style.fontStyle;
  if (style.fontSize !== undefined) format.fontSize = style.fontSize;
  if (style.horizontalAlignment !== undefined) format.horizontalAlignment = style.horizontalAlignment;
  if (style.verticalAlignment !== undefined) format.verticalAlignment = style.verticalAlignment;
  if (style.wrap !== undefined) format.wrap = style.wrap;
  if (style.numberFormat !== undefined) format.numberFormat = style.numberFormat;
  return Object.keys(format).length > 0 ? format : undefined;
}

function toGrid(rect: PlanRect): GridRect {
  return { row: rect.row - 1, column: rect.column - 1, numRows: rect.numRows, numColumns: rect.numColumns };
}

function mergeRects(rect: PlanRect, mode: 'all' | 'across' | 'vertically'): GridRect[] {
  const g = toGrid(rect);
  if (mode === 'across')
    return Array.from({ length: g.numRows }, (_, i) => ({ ...g, row: g.row + i, numRows: 1 }));
  if (mode === 'vertically')
    return Array.from({ length: g.numColumns }, (_, i) => ({ ...g, column: g.column + i, numColumns: 1 }));
  return [g];
}

/** Range.setBorder on a rect: outer sides, and inner lines (vertical, horizontal), cell by cell. */
function applyBorder(sheet: SheetState, rect: PlanRect, spec: BorderSpec): void {
  const side: BorderSide = { color: spec.color, style: spec.style };
  const g = toGrid(rect);
  const lastRow = g.row + g.numRows - 1;
  const lastColumn = g.column + g.numColumns - 1;
  for (let r = g.row; r <= lastRow; r++) {
    for (let c = g.column; c <= lastColumn; c++) {
      const sides: Partial<Pick<CellFormat, 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight'>> =
        {};
      if (spec.top && r === g.row) sides.borderTop = side;
      if ((spec.bottom && r === lastRow) || (spec.horizontal && r < lastRow)) sides.borderBottom = side;
      if (spec.horizontal && r > g.row) sides.borderTop = side;
      if (spec.left && c === g.column) sides.borderLeft = side;
      if ((spec.right && c === lastColumn) || (spec.vertical && c < lastColumn)) sides.borderRight = side;
      if (spec.vertical && c > g.column) sides.borderLeft = side;
      if (Object.keys(sides).length === 0) continue;
      const row = (sheet.rows[r] ??= []);
      while (row.length < c) row.push(null);
      const cell = (row[c] ??= { value: '' });
      cell.format = { ...(cell.format ?? {}), ...sides };
    }
  }
}
