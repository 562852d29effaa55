/**
 * Row heights the export writes so wrapped text never overlaps the next row. Excel and LibreOffice
 * fit an unmerged row only when they recalculate it, and never a merged one; Sheets' own heights
 * come from Arial 10 while the export falls back to Calibri 11. So every row holding wrapped text
 * gets an explicit height: the larger of the sheet's own and what the text needs, estimated with a
 * greedy word wrap (words are never split unless one alone is wider than the cell).
 */
import type { Cell, GridRect, SheetState } from '../model';
import { DEFAULT_COLUMN_WIDTH } from '../model';
import { EXCEL_MAX_ROWS } from './excel-grid';

/** Sheets' default row height in pixels. */
export const DEFAULT_ROW_HEIGHT = 21;
/** exceljs writes Calibri 11 where the sheet names no font or size. */
const DEFAULT_FONT_SIZE = 11;
/** Average character width per point of font size (Calibri/Arial, a little generous), in px. */
const CHAR_PX_PER_PT = (96 / 72) * 0.52;
/** Line height per point of font size, in px. */
const LINE_PX_PER_PT = (96 / 72) * 1.25;
/** Cell padding: horizontal (both sides) and vertical, in px. */
const PAD_X = 8;
const PAD_Y = 6;

/** Lines `text` takes wrapped at `perLine` characters, words kept whole where they fit. */
export function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) {
        used = need;
        continue;
      }
      if (used > 0) count++;
      // A word longer than a line is broken: its full lines, then what is left.
      count += Math.floor(Math.max(0, word.length - 1) / perLine);
      used = word.length % perLine || perLine;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Pixels a wrapped `text` needs in a cell `widthPx` wide at `fontSize` points. */
export function wrappedHeight(text: string, widthPx: number, fontSize = DEFAULT_FONT_SIZE): number {
  const perLine = Math.max(1, Math.floor((widthPx - PAD_X) / (fontSize * CHAR_PX_PER_PT)));
  return Math.ceil(wrappedLines(text, perLine) * fontSize * LINE_PX_PER_PT + PAD_Y);
}

function wraps(cell: Cell): boolean {
  const f = cell.format;
  if (!f) return false;
  return f.wrapStrategy ? f.wrapStrategy === 'WRAP' : f.wrap === true;
}

/**
 * 0-based row → height in px for every row whose explicit height, or Sheets' default, is too small
 * for its wrapped text. A text merged over several rows adds what is missing to the merge's last row.
 */
export function fittedRowHeights(sheet: SheetState): Map<number, number> {
  const width = (c: number) => sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH;
  const merges = new Map<number, GridRect>(); // master row * 2^15 + column → merge
  const covered = new Set<number>();
  const key = (r: number, c: number) => r * 32_768 + c;
  for (const m of sheet.merges) {
    if (m.numRows * m.numColumns <= 1) continue;
    merges.set(key(m.row, m.column), m);
    if (m.numRows * m.numColumns <= 10_000)
      for (let r = m.row; r < m.row + m.numRows; r++)
        for (let c = m.column; c < m.column + m.numColumns; c++)
          if (r !== m.row || c !== m.column) covered.add(key(r, c));
  }
  const base = (r: number) => sheet.rowHeights[r] ?? DEFAULT_ROW_HEIGHT;
  const heights = new Map<number, number>();
  const tall: { merge: GridRect; need: number }[] = [];
  const rows = Math.min(sheet.rows.length, EXCEL_MAX_ROWS);
  for (let r = 0; r < rows; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell || typeof cell.value !== 'string' || cell.value === '' || !wraps(cell)) continue;
      if (covered.has(key(r, c))) continue;
      const merge = merges.get(key(r, c));
      let px = 0;
      for (let i = 0; i < (merge?.numColumns ?? 1); i++) px += width(c + i);
      const need = wrappedHeight(cell.value, px, cell.format?.fontSize ?? DEFAULT_FONT_SIZE);
      if (merge && merge.numRows > 1) tall.push({ merge, need });
      else if (need > (heights.get(r) ?? base(r))) heights.set(r, need);
    }
  }
  for (const { merge, need } of tall) {
    const last = merge.row + merge.numRows - 1;
    let have = 0;
    for (let r = merge.row; r <= last; r++) have += heights.get(r) ?? base(r);
    if (need > have) heights.set(last, (heights.get(last) ?? base(last)) + need - have);
  }
  return heights;
}
