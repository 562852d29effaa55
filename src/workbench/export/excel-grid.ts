/**
 * Excel's grid as the export writes it: its limits, sizes in Excel's units, A1 references
 * clipped to it, and Dates in the forms a workbook state holds.
 */
import { toA1 } from '../a1';
import { isDate } from '../format/display';
import type { GridRect } from '../model';

/**
 * Column widths: Sheets stores pixels, Excel stores "characters" (widths of the digit 0 in the default
 * font, 7 px for Calibri 11 at 96 dpi). Excel's exact rule is (px - 5) / 7 rounded to 1/256 of a
 * character; px / 7 is close enough and keeps the default 100 px column at ~14.3 characters.
 */
export const PIXELS_PER_CHARACTER = 7;
/** Row heights: Sheets stores pixels, Excel points; at 96 dpi 1 px = 0.75 pt. */
export const POINTS_PER_PIXEL = 0.75;

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_TEXT = 32_767;

/** A 0-based {@link GridRect} → "A1" or "A1:B2", clipped to Excel's grid; undefined when empty. */
export function rectToA1(rect: GridRect): string | undefined {
  const top = Math.max(0, rect.row);
  const left = Math.max(0, rect.column);
  const bottom = Math.min(EXCEL_MAX_ROWS, rect.row + Math.max(1, rect.numRows)) - 1;
  const right = Math.min(EXCEL_MAX_COLUMNS, rect.column + Math.max(1, rect.numColumns)) - 1;
  if (bottom < top || right < left) return undefined;
  return toA1({ row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 });
}

/** A Date, also from its JSON form {$date}; undefined for anything else. */
export function asDate(value: unknown): Date | undefined {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? undefined : value;
  if (value && typeof value === 'object' && typeof (value as { $date?: unknown }).$date === 'string') {
    const d = new Date((value as { $date: string }).$date);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}
