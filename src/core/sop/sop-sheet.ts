/**
 * The official SOP sheet (Permenpan RB 35/2012): the identity block (sop-sheet-identity.ts),
 * one blank row, then the flowchart table (sop-sheet-flowchart.ts). Everything is one plan:
 * values + styles + merges + borders, applied in a fixed number of batched calls whatever the
 * number of steps.
 */
import { GridBuilder, type BorderSpec, type SheetPlan } from '../plan/plan';
import type { SopTemplate } from './model';
import { writeFlowchart } from './sop-sheet-flowchart';
import { COLORS, sopColumns, sopColumnWidths } from './sop-sheet-grid';
import { writeIdentityBlock } from './sop-sheet-identity';

/** Where things are on the generated sheet; tests and the server read positions from here. */
export interface SopSheetLayout {
  plan: SheetPlan;
  headerRow: number;
  /** The symbol row of each step, in template order. */
  stepRows: number[];
  startRow: number;
  endRow: number;
  totalRow: number;
}

export function sopSheetPlan(template: SopTemplate, sheetName: string): SheetPlan {
  return sopSheetLayout(template, sheetName).plan;
}

const line = (
  spec: Omit<BorderSpec, 'color' | 'style'>,
  style: BorderSpec['style'] = 'SOLID',
  color = COLORS.line,
): BorderSpec => ({ ...spec, color, style });

export function sopSheetLayout(template: SopTemplate, sheetName: string): SopSheetLayout {
  const cols = sopColumns(template.roles.length);
  const widths = sopColumnWidths(cols);
  const grid = new GridBuilder(cols.width);
  const identity = writeIdentityBlock(grid, template.identity, cols, widths);
  const chart = writeFlowchart(grid, template, cols, identity.nextRow + 1);
  const { values, styles } = grid.build();
  const { headerRow, stepRows, startRow, endRow, totalRow } = chart;
  return {
    plan: {
      sheetName,
      values,
      styles,
      merges: [...identity.merges, ...chart.merges],
      borders: [
        {
          rects: [identity.gridRect, ...chart.gridRects],
          spec: line({ top: true, left: true, bottom: true, right: true, vertical: true, horizontal: true }),
        },
        {
          rects: [chart.body],
          spec: line({ top: true, left: true, bottom: true, right: true, vertical: true }),
        },
        { rects: chart.stepSeparators, spec: line({ top: true }) },
        {
          rects: chart.symbolRects,
          spec: line({ top: true, left: true, bottom: true, right: true }, 'SOLID_MEDIUM'),
        },
        // All loops on one side share one RangeList: two calls however many decisions there are.
        ...(['right', 'left'] as const)
          .map((side) => ({
            side,
            rects: chart.loopLines.filter((l) => l.side === side).flatMap((l) => l.rects),
          }))
          .filter((group) => group.rects.length > 0)
          .map(({ side, rects }) => ({
            rects,
            spec: line(side === 'right' ? { right: true } : { left: true }, 'DASHED', COLORS.loop),
          })),
      ],
      validations: [],
      columnWidths: widths,
      rowHeights: identity.rowHeights,
      // Nothing frozen: identity block + table header are ~590 px, taller than what a 1366×768
      // laptop shows of a sheet, so freezing them would make the flowchart unreachable. (Sheets
      // can repeat only frozen rows, and those must start at row 1, above the identity block.)
      frozenRows: 0,
      // A4 landscape, one page wide; the table header repeats on every page (Excel print titles
      // may be any rows — only the .xlsx export can do it: Apps Script has no print API).
      print: {
        orientation: 'landscape',
        fitToWidth: true,
        repeatRows: { first: headerRow, last: headerRow + 1 },
      },
      protection: {
        description: `Dibuat oleh add-on SOP & Data Terpilah dari template "${template.identity.namaSop}". Ubah templatenya, lalu buat ulang SOP.`,
      },
    },
    headerRow,
    stepRows,
    startRow,
    endRow,
    totalRow,
  };
}
