/**
 * A1 notation: "A1", "B2:D10", "A:C", "2:5", "A2:C" (open-ended), with an optional sheet name
 * ("Sheet1!A1", "'Data Peserta'!A1:B2", quotes doubled inside a quoted name).
 * Everything 0-based in, 0-based out. Pure: shared by the services, the xlsx export and the page.
 */
import type { GridRect } from './model';

export interface ParsedA1 {
  sheetName?: string;
  rect: GridRect;
}

/** 0-based column index → letters ("A", "Z", "AA", ...). */
export function columnLetter(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** One cell, 0-based: (1, 2) → "C2". */
export function cellA1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "A1" for one cell, else "A1:B2". */
export function toA1(rect: GridRect): string {
  const start = cellA1(rect.row, rect.column);
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1)}`;
}

/** "Sheet1!A1:B2", quoting the name when it is not a plain identifier. */
export function toQualifiedA1(sheetName: string, rect: GridRect): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${name}!${toA1(rect)}`;
}

/** Split "'My sheet'!A1:B2" into sheet name and the range part. */
export function splitSheet(a1: string): { sheetName?: string; ref: string } {
  const s = a1.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    if (s[i + 1] !== '!') return { ref: s };
    return { sheetName: name, ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang >= 0) return { sheetName: s.slice(0, bang), ref: s.slice(bang + 1) };
  return { ref: s };
}

interface Endpoint {
  col?: number;
  row?: number;
}

function parseEndpoint(p: string): Endpoint | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(p.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const ep: Endpoint = {};
  if (m[1]) ep.col = columnIndex(m[1]);
  if (m[2]) {
    ep.row = Number(m[2]) - 1;
    if (ep.row < 0) return null;
  }
  return ep;
}

/**
 * Parse a range reference against a grid of maxRows × maxColumns (for open ends).
 * Returns null when the text is not A1 notation.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): ParsedA1 | null {
  const { sheetName, ref } = splitSheet(a1);
  const parts = ref.split(':');
  if (parts.length > 2 || !ref) return null;
  const a = parseEndpoint(parts[0]);
  const b = parts.length === 2 ? parseEndpoint(parts[1]) : a;
  if (!a || !b) return null;
  if (parts.length === 1 && (a.col === undefined || a.row === undefined)) return null;
  // Whole columns ("A:C") / whole rows ("2:5") / open-ended ("A2:C").
  const r1 = a.row ?? 0;
  const c1 = a.col ?? 0;
  const r2 = b.row ?? maxRows - 1;
  const c2 = b.col ?? maxColumns - 1;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return {
    sheetName,
    rect: { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 },
  };
}
