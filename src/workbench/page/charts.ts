/**
 * Embedded charts over the grid, as Sheets places them: each at its anchor cell plus its pixel
 * offset (ChartSpec.position), in a layer inside the grid so it scrolls with the cells and passes
 * under the frozen rows and the headers. The data is read from the chart's ranges (GET
 * /api/workbook), modelled by chart-data.ts and drawn as SVG by chart-svg.ts.
 */
import { cellA1 } from '../a1';
import type { Cell, ChartSpec } from '../model';
import { displayValue } from '../format/display';
import { fetchWorkbook, type SheetJson } from './api';
import { chartModel, chartTable, DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from './chart-data';
import { drawChart } from './chart-svg';
import { el } from './dom';

/** What a cell's display text depends on besides the cell. */
interface Spreadsheet {
  timeZone: string;
  locale: string;
}

/** Rows of a chart range read for drawing: enough for any chart a person can read. */
const MAX_CHART_ROWS = 500;

/** Each chart's last drawing, by sheet and chart id. */
const lastDrawn = new Map<string, SVGSVGElement>();

/** The pixel position of a 0-based (row, column) in the drawn grid, or null when it is not drawn. */
function anchorAt(
  grid: HTMLElement,
  sheet: SheetJson,
  row: number,
  column: number,
): { left: number; top: number } | null {
  // Rows drawn: the frozen ones, then the window from rowOffset.
  if (row >= sheet.frozenRows && row < sheet.rowOffset) return null;
  const table = grid.querySelector<HTMLTableElement>('table.grid-table');
  if (!table) return null;
  // A hidden anchor row or column: the next one shown, as Sheets does.
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody > tr[data-row]')];
  const tr = rows.find((r) => Number(r.dataset.row) >= row);
  const heads = [...table.querySelectorAll<HTMLElement>('thead th[data-col]')];
  const th = heads.find((h) => Number(h.dataset.col) >= column);
  if (!tr || !th) return null;
  // Widths, not th.offsetLeft: a header cell is sticky, and a stuck one reports where it is stuck.
  const corner = table.querySelector<HTMLElement>('thead th.corner')?.offsetWidth ?? 0;
  const before = heads.slice(0, heads.indexOf(th)).reduce((sum, h) => sum + h.offsetWidth, 0);
  return { left: table.offsetLeft + corner + before, top: table.offsetTop + tr.offsetTop };
}

async function readRange(range: ChartSpec['ranges'][number], sheetName: string): Promise<(Cell | null)[][]> {
  const { rect } = range;
  const wb = await fetchWorkbook({
    sheet: range.sheet || sheetName,
    offset: rect.row,
    limit: Math.min(rect.numRows, MAX_CHART_ROWS),
  });
  return (wb.sheets[0]?.rows ?? []).map((row) =>
    Array.from({ length: rect.numColumns }, (_, i) => row?.[rect.column + i] ?? null),
  );
}

/** Places and draws `charts` of the sheet over the grid just drawn in `grid`. */
export function renderCharts(grid: HTMLElement, sheet: SheetJson, where: Spreadsheet): void {
  const { charts, name: sheetName } = sheet;
  grid.querySelector(':scope > .chart-layer')?.remove();
  if (charts.length === 0) return;
  const layer = el('div', 'chart-layer');
  grid.append(layer);
  const text = (cell: Cell | null) => displayValue(cell, where.timeZone, where.locale);
  const format = (value: number, numberFormat?: string) =>
    displayValue(
      { value, format: numberFormat ? { numberFormat } : undefined },
      where.timeZone,
      where.locale,
    );
  for (const chart of charts) {
    const { row, column, offsetX, offsetY } = chart.position;
    const at = anchorAt(grid, sheet, row, column);
    if (!at) continue; // its anchor row is on another page of rows
    const box = el('div', 'chart-overlay');
    box.dataset.testid = 'chart';
    box.dataset.type = chart.type;
    box.dataset.anchor = cellA1(row, column);
    box.style.left = `${at.left + offsetX}px`;
    box.style.top = `${at.top + offsetY}px`;
    const width = typeof chart.options.width === 'number' ? chart.options.width : DEFAULT_CHART_WIDTH;
    const height = typeof chart.options.height === 'number' ? chart.options.height : DEFAULT_CHART_HEIGHT;
    box.style.width = `${width}px`;
    box.style.height = `${height}px`;
    // While its data loads, the chart as last drawn (a redraw of the grid must not blink it away).
    const key = `${sheetName}\u0000${chart.chartId}`;
    const previous = lastDrawn.get(key);
    if (previous) box.append(previous);
    else box.append(el('div', 'chart-loading', 'Memuat diagram…'));
    layer.append(box);
    Promise.all(chart.ranges.map((r) => readRange(r, sheetName)))
      .then((blocks) => {
        const model = chartModel(chart, chartTable(chart, blocks), text);
        box.dataset.orientation = model.horizontal ? 'horizontal' : 'vertical';
        box.dataset.stacked = String(model.stacked);
        box.dataset.pyramid = String(model.pyramid);
        box.dataset.series = String(model.series.length);
        const svg = drawChart(model, format);
        lastDrawn.set(key, svg);
        box.replaceChildren(svg);
        box.dataset.ready = 'true';
      })
      .catch((e: Error) => {
        box.replaceChildren(el('div', 'chart-loading', `Diagram tidak dapat dimuat: ${e.message}`));
      });
  }
}
