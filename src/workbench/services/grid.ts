/**
 * Low-level helpers over SheetState. Cells are immutable: a change always puts a new Cell object
 * (this is what makes the per-execution snapshot a cheap shallow copy of the row arrays).
 */
import type { Cell, CellFormat, GridRect, ProtectionSpec, SheetState } from '../model';

export function getCell(sheet: SheetState, r: number, c: number): Cell | null {
  const row = sheet.rows[r];
  return (row && row[c]) || null;
}

/** The row array for r, created (with the rows before it) when missing. */
export function rowFor(sheet: SheetState, r: number): (Cell | null)[] {
  const rows = sheet.rows;
  while (rows.length <= r) rows.push([]);
  let row = rows[r];
  if (!row) row = rows[r] = [];
  return row;
}

export function putCell(sheet: SheetState, r: number, c: number, cell: Cell | null): void {
  if (!cell && !getCell(sheet, r, c)) return;
  const row = rowFor(sheet, r);
  while (row.length < c) row.push(null);
  row[c] = cell;
}

export function hasContent(cell: Cell | null | undefined): boolean {
  return !!cell && (cell.value !== '' || !!cell.formula);
}

function isEmptyFormat(f: CellFormat | undefined): boolean {
  if (!f) return true;
  for (const k in f) if ((f as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

/** A normalised cell: null when it holds nothing at all. */
export function makeCell(
  value: Cell['value'],
  formula: string | undefined,
  format: CellFormat | undefined,
): Cell | null {
  const fmt = isEmptyFormat(format) ? undefined : format;
  if (value === '' && !formula && !fmt) return null;
  const cell: Cell = { value };
  if (formula) cell.formula = formula;
  if (fmt) cell.format = fmt;
  return cell;
}

export function withFormat(cell: Cell | null, patch: Partial<CellFormat>): Cell | null {
  const fmt: CellFormat = { ...(cell?.format ?? {}) };
  for (const k of Object.keys(patch) as (keyof CellFormat)[]) {
    const v = patch[k];
    if (v === undefined) delete fmt[k];
    else (fmt as Record<string, unknown>)[k] = v;
  }
  return makeCell(cell ? cell.value : '', cell?.formula, fmt);
}

/** 1-based last row with content; 0 for an empty sheet. */
export function lastRow(sheet: SheetState): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) if (hasContent(row[c])) return r + 1;
  }
  return 0;
}

/** 1-based last column with content; 0 for an empty sheet. */
export function lastColumn(sheet: SheetState): number {
  let last = 0;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length - 1; c >= last; c--) {
      if (hasContent(row[c])) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}

export function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

export function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

export function sameRect(a: GridRect, b: GridRect): boolean {
  return a.row === b.row && a.column === b.column && a.numRows === b.numRows && a.numColumns === b.numColumns;
}

/** a minus b, as up to four rectangles. */
export function subtract(a: GridRect, b: GridRect): GridRect[] {
  if (!intersects(a, b)) return [a];
  const out: GridRect[] = [];
  const aEndR = a.row + a.numRows;
  const aEndC = a.column + a.numColumns;
  const bEndR = b.row + b.numRows;
  const bEndC = b.column + b.numColumns;
  if (b.row > a.row)
    out.push({ row: a.row, column: a.column, numRows: b.row - a.row, numColumns: a.numColumns });
  if (bEndR < aEndR)
    out.push({ row: bEndR, column: a.column, numRows: aEndR - bEndR, numColumns: a.numColumns });
  const midR = Math.max(a.row, b.row);
  const midN = Math.min(aEndR, bEndR) - midR;
  if (b.column > a.column)
    out.push({ row: midR, column: a.column, numRows: midN, numColumns: b.column - a.column });
  if (bEndC < aEndC) out.push({ row: midR, column: bEndC, numRows: midN, numColumns: aEndC - bEndC });
  return out;
}

/**
 * Adjust a 1-D span [start, start+count) for an insertion (delta > 0) of `delta` lines before
 * index `at`, or a deletion (delta < 0) of lines [at, at-delta). Returns null when deleted entirely.
 */
export function shiftSpan(start: number, count: number, at: number, delta: number): [number, number] | null {
  if (delta > 0) {
    if (start >= at) return [start + delta, count];
    if (start + count > at) return [start, count + delta];
    return [start, count];
  }
  const n = -delta;
  const end = start + count;
  const b = at + n;
  const kept = Math.max(0, Math.min(end, at) - start) + Math.max(0, end - Math.max(start, b));
  if (kept === 0) return null;
  const newStart = start < at ? start : start >= b ? start - n : at;
  return [newStart, kept];
}

export function shiftRect(
  rect: GridRect,
  dim: 'rows' | 'columns',
  at: number,
  delta: number,
): GridRect | null {
  if (dim === 'rows') {
    const s = shiftSpan(rect.row, rect.numRows, at, delta);
    return s ? { ...rect, row: s[0], numRows: s[1] } : null;
  }
  const s = shiftSpan(rect.column, rect.numColumns, at, delta);
  return s ? { ...rect, column: s[0], numColumns: s[1] } : null;
}

/** Shift every range-bearing structure of a sheet after rows/columns were inserted or deleted. */
export function shiftSheetStructures(
  sheet: SheetState,
  dim: 'rows' | 'columns',
  at: number,
  delta: number,
): void {
  const sh = (r: GridRect): GridRect | null => shiftRect(r, dim, at, delta);
  sheet.merges = sheet.merges.map(sh).filter((r): r is GridRect => !!r && r.numRows * r.numColumns > 1);
  sheet.validations = sheet.validations.flatMap((v) => {
    const r = sh(v.range);
    return r ? [{ ...v, range: r }] : [];
  });
  sheet.protections = sheet.protections.flatMap((p): ProtectionSpec[] => {
    if (!p.range) {
      return [{ ...p, unprotected: p.unprotected?.map(sh).filter((r): r is GridRect => !!r) }];
    }
    const r = sh(p.range);
    return r ? [{ ...p, range: r }] : [];
  });
  sheet.conditionalRules = sheet.conditionalRules.flatMap((rule) => {
    const ranges = rule.ranges.map(sh).filter((r): r is GridRect => !!r);
    return ranges.length ? [{ ...rule, ranges }] : [];
  });
  for (const chart of sheet.charts) {
    chart.ranges = chart.ranges.flatMap((cr) => {
      if (cr.sheet !== sheet.name) return [cr];
      const r = sh(cr.rect);
      return r ? [{ ...cr, rect: r }] : [];
    });
  }
  const shiftIndexMap = (m: Record<number, number>): Record<number, number> => {
    const out: Record<number, number> = {};
    for (const [k, v] of Object.entries(m)) {
      const s = shiftSpan(Number(k), 1, at, delta);
      if (s) out[s[0]] = v;
    }
    return out;
  };
  const shiftList = (l: number[] | undefined): number[] | undefined =>
    l?.flatMap((i) => {
      const s = shiftSpan(i, 1, at, delta);
      return s ? [s[0]] : [];
    });
  if (dim === 'rows') {
    sheet.rowHeights = shiftIndexMap(sheet.rowHeights);
    if (sheet.hiddenRows) sheet.hiddenRows = shiftList(sheet.hiddenRows);
  } else {
    sheet.columnWidths = shiftIndexMap(sheet.columnWidths);
    if (sheet.hiddenColumns) sheet.hiddenColumns = shiftList(sheet.hiddenColumns);
  }
}

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  navy: '#000080',
  teal: '#008080',
  maroon: '#800000',
  cyan: '#00ffff',
  magenta: '#ff00ff',
};

/** "#ABC" → "#aabbcc", CSS names → hex, lower case; null/'' → undefined (reset to default). */
export function normalizeColor(color: unknown): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const s = String(color).trim().toLowerCase();
  if (NAMED[s]) return NAMED[s];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return s;
}
