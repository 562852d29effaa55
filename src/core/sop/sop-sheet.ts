/**
 * The official SOP sheet (Permenpan RB 35/2012): the identity block (sop-sheet-identity.ts) on a
 * page of its own, then the flowchart table (sop-sheet-flowchart.ts) split into printed pages,
 * then the version history (sop-sheet-history.ts). Everything is one plan: values + styles +
 * merges + borders, applied in a fixed number of batched calls whatever the number of steps.
 */
import { GridBuilder, type BorderSpec, type PlanRect, type SheetPlan } from '../plan/plan';
import { GRID_LINES } from '../plan/styles';
import type { SopTemplate } from './model';
import { writeFlowchart, type Flowchart } from './sop-sheet-flowchart';
import { COLORS, sopColumns, sopColumnWidths } from './sop-sheet-grid';
import { writeHistory } from './sop-sheet-history';
import { writeIdentityBlock } from './sop-sheet-identity';
import { laneCount, loopsOf } from './sop-sheet-loops';
import type { PageOptions } from './sop-sheet-pages';

/** Where things are on the generated sheet; tests and the server read positions from here. */
export interface SopSheetLayout {
  plan: SheetPlan;
  headerRow: number;
  /** The symbol row of each step, in template order. */
  stepRows: number[];
  startRow: number;
  endRow: number;
  totalRow: number;
  /** The first row of the version history block. */
  historyRow: number;
  /** Rows that start a printed page: the flowchart's header (after the identity), then each continuation. */
  pageBreaks: number[];
  chart: Flowchart;
}

export function sopSheetPlan(template: SopTemplate, sheetName: string, options: PageOptions = {}): SheetPlan {
  return sopSheetLayout(template, sheetName, options).plan;
}

const outline = (rects: PlanRect[], style: BorderSpec['style']) => ({
  rects,
  spec: { top: true, left: true, bottom: true, right: true, color: COLORS.line, style } satisfies BorderSpec,
});

export function sopSheetLayout(
  template: SopTemplate,
  sheetName: string,
  options: PageOptions = {},
): SopSheetLayout {
  const loops = loopsOf(template);
  const cols = sopColumns(template.roles.length, laneCount(loops));
  const widths = sopColumnWidths(cols);
  const grid = new GridBuilder(cols.width);
  const identity = writeIdentityBlock(grid, template.identity, cols, widths);
  const chart = writeFlowchart(grid, template, cols, loops, identity.nextRow + 1, options);
  const history = writeHistory(grid, template.versions ?? [], cols, chart.totalRow + 2);
  const { values, styles } = grid.build();
  const { headerRow, stepRows, startRow, endRow, totalRow, symbols } = chart;
  const nonEmpty = (entries: { rects: PlanRect[]; spec: BorderSpec }[]) =>
    entries.filter((e) => e.rects.length);
  return {
    plan: {
      sheetName,
      values,
      styles,
      merges: [...identity.merges, ...chart.merges, ...history.merges],
      // Apply order matters: Sheets keeps one border per shared edge, the last one set. Solid lines
      // first, symbol outlines over them, the dashed red loops last (on edges nothing else uses).
      borders: nonEmpty([
        outline([chart.body], 'SOLID'),
        {
          rects: [identity.gridRect, ...chart.gridRects, ...history.gridRects],
          spec: { ...GRID_LINES, color: COLORS.line },
        },
        ...chart.lines.toUnitBorder(COLORS.line, 'SOLID'),
        // Processes, terminators and off-page connectors share one call (told apart by fill and
        // label); decisions get a double line.
        outline([...symbols.process, ...symbols.terminator, ...symbols.offPage], 'SOLID_MEDIUM'),
        outline(symbols.decision, 'DOUBLE'),
        ...chart.loopLines.toUnitBorder(COLORS.loop, 'DASHED'),
      ]),
      validations: [],
      columnWidths: widths,
      rowHeights: identity.rowHeights,
      // Nothing frozen: identity block + table header are ~590 px, taller than what a 1366×768
      // laptop shows of a sheet, so freezing them would make the flowchart unreachable. (Sheets
      // can repeat only frozen rows, and those must start at row 1, above the identity block.)
      frozenRows: 0,
      // Landscape, one page wide, the table header repeated on each page (Excel print titles may
      // be any rows — only the .xlsx export can do it: Apps Script has no print API), a page for
      // the identity block and then pages of whole steps, where the off-page connectors are.
      print: {
        orientation: 'landscape',
        fitToWidth: true,
        repeatRows: { first: headerRow, last: headerRow + 1 },
        pageBreaks: [headerRow, ...chart.pageBreaks],
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
    historyRow: history.row,
    pageBreaks: [headerRow, ...chart.pageBreaks],
    chart,
  };
}
