/**
 * The grid of one sheet as an HTML table: headers, values, formats, borders, merges, frozen
 * rows/columns (position: sticky), notes, validation marks, protected ranges, hidden rows and
 * columns. All workbook text goes through textContent / title, never innerHTML.
 */
import type { BorderSide, Cell, CellFormat, ConditionalRuleSpec, GridRect, ProtectionSpec } from '../model';
import type { SheetJson } from './api';
import { cellA1, columnLetter } from '../a1';
import { displayValue } from '../format/display';

export const DEFAULT_WIDTH = 100;
export const DEFAULT_HEIGHT = 21;
const HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 46;
const MAX_COLUMNS = 200;

const inRect = (r: GridRect, row: number, col: number): boolean =>
  row >= r.row && row < r.row + r.numRows && col >= r.column && col < r.column + r.numColumns;

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

function borderCss(b: BorderSide | undefined): string | null {
  if (!b) return null;
  const color = b.color || '#000000';
  switch (b.style) {
    case 'SOLID_MEDIUM':
      return `2px solid ${color}`;
    case 'SOLID_THICK':
      return `3px solid ${color}`;
    case 'DASHED':
      return `1px dashed ${color}`;
    case 'DOTTED':
      return `1px dotted ${color}`;
    case 'DOUBLE':
      return `3px double ${color}`;
    default:
      return `1px solid ${color}`;
  }
}

function isBlank(c: Cell | null | undefined): boolean {
  return !c || c.value === '' || c.value === null || c.value === undefined;
}

/** The first format of a simple (non-formula) conditional rule that matches a value. */
function conditionalFormat(
  rules: ConditionalRuleSpec[],
  row: number,
  col: number,
  cell: Cell | null,
): CellFormat | null {
  for (const rule of rules) {
    if (!rule.ranges.some((r) => inRect(r, row, col))) continue;
    if (matches(rule.condition, cell)) return rule.format;
  }
  return null;
}

function matches(cond: { type: string; args: unknown[] }, cell: Cell | null): boolean {
  const v = cell?.value;
  const blank = isBlank(cell);
  const num = typeof v === 'number' ? v : NaN;
  const a = Number(cond.args[0]);
  const b = Number(cond.args[1]);
  const text = v === undefined || v === null ? '' : String(v).toLowerCase();
  const arg = String(cond.args[0] ?? '').toLowerCase();
  switch (cond.type) {
    case 'CELL_EMPTY':
      return blank;
    case 'CELL_NOT_EMPTY':
      return !blank;
    case 'NUMBER_GREATER_THAN':
      return num > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num >= a;
    case 'NUMBER_LESS_THAN':
      return num < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num <= a;
    case 'NUMBER_EQUAL_TO':
      return num === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(num) && num !== a;
    case 'NUMBER_BETWEEN':
      return num >= Math.min(a, b) && num <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN':
      return !Number.isNaN(num) && (num < Math.min(a, b) || num > Math.max(a, b));
    case 'TEXT_CONTAINS':
      return !blank && text.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg);
    case 'TEXT_STARTS_WITH':
      return !blank && text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return !blank && text.endsWith(arg);
    case 'TEXT_EQUAL_TO':
      return text === arg;
    default:
      return false; // custom formulas and dates are not evaluated by the workbench
  }
}

function protectionAt(protections: ProtectionSpec[], row: number, col: number): ProtectionSpec | null {
  for (const p of protections) {
    if (p.type === 'RANGE' && p.range && inRect(p.range, row, col)) return p;
    if (p.type === 'SHEET' && !(p.unprotected ?? []).some((u) => inRect(u, row, col))) return p;
  }
  return null;
}

const LIST_CRITERIA = new Set(['VALUE_IN_LIST', 'VALUE_IN_RANGE']);

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
  const width = (c: number): number => sheet.columnWidths[c] ?? DEFAULT_WIDTH;
  const height = (r: number): number => sheet.rowHeights[r] ?? DEFAULT_HEIGHT;

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
        borders: {
          top: cell?.format?.borderTop ?? cellAt(srcRow - 1, srcCol)?.format?.borderBottom,
          left: cell?.format?.borderLeft ?? cellAt(srcRow, srcCol - 1)?.format?.borderRight,
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

interface FillInput {
  cell: Cell | null;
  cond: CellFormat | null;
  borders: { top?: BorderSide; left?: BorderSide; bottom?: BorderSide; right?: BorderSide };
  canOverflow: boolean;
  validation?: { criteria: string; args: unknown[]; helpText?: string };
  protection: ProtectionSpec | null;
  timeZone: string;
  locale: string;
}

function fillCell(td: HTMLTableCellElement, x: FillInput): void {
  const f: CellFormat = { ...(x.cell?.format ?? {}), ...(x.cond ?? {}) };
  const value = x.cell?.value;
  const s = td.style;
  if (f.background) s.backgroundColor = f.background;
  if (f.fontColor) s.color = f.fontColor;
  if (f.fontWeight) s.fontWeight = f.fontWeight;
  if (f.fontStyle) s.fontStyle = f.fontStyle;
  if (f.fontSize) s.fontSize = `${f.fontSize}pt`;
  if (f.fontFamily) s.fontFamily = `"${f.fontFamily.replace(/["\\]/g, '')}", Arial, sans-serif`;
  if (f.fontLine && f.fontLine !== 'none') s.textDecoration = f.fontLine;
  const checkbox = x.validation?.criteria === 'CHECKBOX';
  let h = f.horizontalAlignment;
  if (!h || h === 'general') {
    h =
      typeof value === 'number' || value instanceof Date
        ? 'right'
        : typeof value === 'boolean' || checkbox
          ? 'center'
          : 'left';
  }
  s.textAlign = h;
  s.verticalAlign = f.verticalAlignment ?? 'bottom';
  const strategy = f.wrapStrategy ?? (f.wrap ? 'WRAP' : 'OVERFLOW');
  if (strategy === 'WRAP') td.classList.add('wrap');
  else if (strategy === 'OVERFLOW' && x.canOverflow && typeof value === 'string' && h === 'left')
    td.classList.add('overflow');
  else td.classList.add('clip');
  const b = x.borders;
  const top = borderCss(b.top);
  const left = borderCss(b.left);
  const bottom = borderCss(b.bottom);
  const right = borderCss(b.right);
  if (top) s.borderTop = top;
  if (left) s.borderLeft = left;
  if (bottom) s.borderBottom = bottom;
  if (right) s.borderRight = right;

  const span = document.createElement('span');
  span.className = 'v';
  if (checkbox && typeof value === 'boolean') span.textContent = value ? '☑' : '☐';
  else if (x.cell) span.textContent = displayValue({ ...x.cell, format: f }, x.timeZone, x.locale);
  if (f.textRotation) {
    span.style.display = 'inline-block';
    span.style.transform = `rotate(${-f.textRotation}deg)`;
  }
  td.append(span);

  const titles: string[] = [];
  if (x.cell?.formula) {
    td.classList.add('formula');
    td.dataset.formula = x.cell.formula;
    titles.push(x.cell.formula);
  }
  if (f.note) {
    const mark = document.createElement('span');
    mark.className = 'note-mark';
    td.append(mark);
    titles.push(`Catatan: ${f.note}`);
  }
  if (x.validation) {
    if (LIST_CRITERIA.has(x.validation.criteria)) {
      const dv = document.createElement('span');
      dv.className = 'dv-mark';
      dv.textContent = '▾';
      td.append(dv);
      const list =
        x.validation.criteria === 'VALUE_IN_LIST' && Array.isArray(x.validation.args[0])
          ? x.validation.args[0]
          : null;
      if (list) titles.push(`Pilihan: ${list.map(String).join(', ')}`);
    }
    if (x.validation.helpText) titles.push(x.validation.helpText);
  }
  if (x.protection) {
    td.classList.add(x.protection.warningOnly ? 'protected-warning' : 'protected');
    titles.push(
      `Dilindungi${x.protection.warningOnly ? ' (peringatan saja)' : ''}${x.protection.description ? `: ${x.protection.description}` : ''}`,
    );
  }
  if (titles.length) td.title = titles.join('\n');
}
