/**
 * The grid of one sheet as an HTML table: headers, values, formats, borders, merges, frozen
 * rows/columns (position: sticky, opaque, over the scrolled cells, with their own lines), notes, validation marks, protected ranges, hidden rows and
 * columns. Each cell: ./cell.ts. All workbook text goes through textContent / title, never innerHTML.
 */
import type { Cell, GridRect } from '../model';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../model';
import type { SheetJson } from './api';
import { cellA1, columnLetter } from '../a1';
import { fillCell } from './cell';
import { conditionalFormat, inRect, isBlank, protectionAt } from './cell-rules';

const HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 46;
const MAX_COLUMNS = 200;

export interface GridInput {
  sheet: SheetJson;
  /** Rows 0..frozenRows-1 when the window starts further down. */
  frozenRowCells?: (Cell | null)[][];
  /** Last row index (exclusive) to render. */
  endRow: number;
  timeZone: string;
  /** The spreadsheet locale: cells show as Range.getDisplayValue renders them. */
  locale: string;
}

/** Renders the grid into `host` (replacing its content). */
export function renderGrid(host: HTMLElement, input: GridInput): void {
  const { sheet, timeZone, locale } = input;
  const hiddenRows = new Set(sheet.hiddenRows ?? []);
  const hiddenCols = new Set(sheet.hiddenColumns ?? []);
  const widest = sheet.rows.reduce((m, r) => Math.max(m, r ? r.length : 0), 0);
  const numCols = Math.min(Math.max(sheet.maxColumns, widest), MAX_COLUMNS);
  const cols: number[] = [];
  for (let c = 0; c < numCols; c++) if (!hiddenCols.has(c)) cols.push(c);

  const frozenRows = sheet.frozenRows;
  const rows: number[] = [];
  if (sheet.rowOffset > 0) for (let r = 0; r < Math.min(frozenRows, sheet.rowOffset); r++) rows.push(r);
  for (let r = sheet.rowOffset; r < input.endRow; r++) rows.push(r);
  const shownRows = rows.filter((r) => !hiddenRows.has(r));

  const cellAt = (r: number, c: number): Cell | null => {
    const data = r >= sheet.rowOffset ? sheet.rows[r - sheet.rowOffset] : input.frozenRowCells?.[r];
    return data?.[c] ?? null;
  };
  const width = (c: number): number => sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH;
  const height = (r: number): number => sheet.rowHeights[r] ?? DEFAULT_ROW_HEIGHT;

  // merges: anchor → spans over what is shown; covered cells are skipped
  const colPos = new Map(cols.map((c, i) => [c, i]));
  const anchors = new Map<string, { rowspan: number; colspan: number; merge: GridRect }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    const mr = shownRows.filter((r) => r >= m.row && r < m.row + m.numRows);
    const mc = cols.filter((c) => c >= m.column && c < m.column + m.numColumns);
    if (mr.length === 0 || mc.length === 0) continue;
    anchors.set(`${mr[0]},${mc[0]}`, { rowspan: mr.length, colspan: mc.length, merge: m });
    for (const r of mr) for (const c of mc) if (r !== mr[0] || c !== mc[0]) covered.add(`${r},${c}`);
  }
  const mergedAt = (r: number, c: number): boolean => sheet.merges.some((m) => inRect(m, r, c));

  // sticky offsets of frozen rows/columns
  const frozenTop = new Map<number, number>();
  let top = HEADER_HEIGHT;
  for (const r of shownRows) {
    if (r >= frozenRows) break;
    frozenTop.set(r, top);
    top += height(r);
  }
  const frozenLeft = new Map<number, number>();
  let left = ROW_HEADER_WIDTH;
  for (const c of cols) {
    if (c >= sheet.frozenColumns) break;
    frozenLeft.set(c, left);
    left += width(c);
  }

  const table = document.createElement('table');
  table.className = 'grid-table';
  const colgroup = document.createElement('colgroup');
  const headCol = document.createElement('col');
  headCol.style.width = `${ROW_HEADER_WIDTH}px`;
  colgroup.append(headCol);
  let total = ROW_HEADER_WIDTH;
  for (const c of cols) {
    const col = document.createElement('col');
    col.style.width = `${width(c)}px`;
    total += width(c);
    colgroup.append(col);
  }
  table.style.width = `${total}px`;
  table.append(colgroup);

  const thead = document.createElement('thead');
  const hr = document.createElement('tr');
  hr.style.height = `${HEADER_HEIGHT}px`;
  const corner = document.createElement('th');
  corner.className = 'corner';
  hr.append(corner);
  for (const c of cols) {
    const th = document.createElement('th');
    th.className = 'col-header';
    th.dataset.col = String(c);
    th.textContent = columnLetter(c);
    if (frozenLeft.has(c)) {
      th.classList.add('frozen-col');
      th.style.left = `${frozenLeft.get(c)}px`;
      if (c === sheet.frozenColumns - 1) th.classList.add('frozen-col-last');
    }
    hr.append(th);
  }
  thead.append(hr);
  table.append(thead);

  const tbody = document.createElement('tbody');
  const validations = sheet.validations;
  const protections = sheet.protections;
  for (const r of shownRows) {
    const tr = document.createElement('tr');
    tr.dataset.row = String(r);
    tr.style.height = `${height(r)}px`;
    const rh = document.createElement('th');
    rh.className = 'row-header';
    rh.textContent = String(r + 1);
    if (frozenTop.has(r)) {
      tr.classList.add('frozen-row');
      rh.style.top = `${frozenTop.get(r)}px`;
      if (r === frozenRows - 1) tr.classList.add('frozen-row-last');
    }
    tr.append(rh);
    for (const c of cols) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const span = anchors.get(key);
      const srcRow = span ? span.merge.row : r;
      const srcCol = span ? span.merge.column : c;
      const cell = cellAt(srcRow, srcCol) ?? cellAt(r, c);
      const td = document.createElement('td');
      td.dataset.testid = 'cell';
      td.dataset.a1 = cellA1(r, c);
      td.dataset.row = String(r);
      td.dataset.col = String(c);
      td.id = `cell-${td.dataset.a1}`;
      td.setAttribute('role', 'gridcell');
      if (span) {
        if (span.rowspan > 1) td.rowSpan = span.rowspan;
        if (span.colspan > 1) td.colSpan = span.colspan;
        td.classList.add('merged');
      }
      if (frozenTop.has(r)) td.style.top = `${frozenTop.get(r)}px`;
      if (frozenLeft.has(c)) {
        td.classList.add('frozen-col');
        td.style.left = `${frozenLeft.get(c)}px`;
        if (c === sheet.frozenColumns - 1) td.classList.add('frozen-col-last');
      }
      const lastCol = span ? srcCol + span.merge.numColumns - 1 : c;
      const lastRow = span ? srcRow + span.merge.numRows - 1 : r;
      const nextCol = cols[(colPos.get(lastCol) ?? colPos.get(c) ?? 0) + 1];
      const rightNeighbour = nextCol === undefined ? null : cellAt(r, nextCol);
      fillCell(td, {
        cell,
        cond: conditionalFormat(sheet.conditionalRules, r, c, cell),
        // Each cell draws the line below and right of it (the table's borders are separate, so a
        // sticky cell carries its own lines); the neighbour's top/left border is that same line.
        borders: {
          bottom: cell?.format?.borderBottom ?? cellAt(lastRow + 1, srcCol)?.format?.borderTop,
          right: cell?.format?.borderRight ?? cellAt(srcRow, lastCol + 1)?.format?.borderLeft,
        },
        canOverflow: !span && nextCol !== undefined && isBlank(rightNeighbour) && !mergedAt(r, nextCol),
        validation: validations.find((v) => inRect(v.range, r, c))?.rule,
        protection: protectionAt(protections, r, c),
        timeZone,
        locale,
      });
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(tbody);
  host.replaceChildren(table);
}
