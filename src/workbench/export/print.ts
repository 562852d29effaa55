/**
 * The page setup the export writes: always A4 (paperSize 9 — Indonesian government documents are
 * A4 or F4/Folio; A4 is what every printer and PDF viewer knows), one page wide.
 *
 * A sheet's own {@link PrintSetup} (the CLI carries a plan's print intent there) is used as given.
 * Without one — every sheet made through the emulated Apps Script, which has no print API — it is
 * derived: landscape when the used columns are wider than a portrait page, frozen rows repeated
 * (as Sheets prints them), one page wide.
 *
 * Excel ignores manual page breaks under "fit to page", so a sheet with page breaks gets a fixed
 * scale computed from its column widths instead, which fits it to the page width just the same.
 */
import type ExcelJS from 'exceljs';
import type { PrintSetup, SheetState } from '../model';
import { DEFAULT_COLUMN_WIDTH } from '../model';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, rectToA1 } from './excel-grid';

/** ExcelJS paperSize for A4. */
export const PAPER_A4 = 9;
/** Margins in inches: left/right, top/bottom, header/footer. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** A4 in inches. */
const A4 = { short: 210 / 25.4, long: 297 / 25.4 };

/** Printable width in px (96 dpi) of an A4 page in that orientation. */
export function printableWidthPx(orientation: PrintSetup['orientation']): number {
  const paper = orientation === 'landscape' ? A4.long : A4.short;
  return (paper - MARGINS.left - MARGINS.right) * 96;
}

/** The last column holding anything, +1 (0 for an empty sheet). */
function usedColumns(sheet: SheetState): number {
  let n = 0;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length - 1; c >= n; c--) {
      const cell = row[c];
      if (cell && (cell.value !== '' || cell.format || cell.formula)) {
        n = c + 1;
        break;
      }
    }
  }
  for (const m of sheet.merges) n = Math.max(n, m.column + m.numColumns);
  return Math.min(n, EXCEL_MAX_COLUMNS);
}

/** Width in px of columns [first, first + count) as Excel will draw them. */
function columnsPx(sheet: SheetState, first: number, count: number): number {
  const hidden = new Set(sheet.hiddenColumns ?? []);
  let px = 0;
  for (let c = first; c < first + count; c++) {
    if (hidden.has(c)) continue;
    // Excel draws a column of w characters about w * 7 + 5 px wide.
    px += (sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH) + 5;
  }
  return px;
}

/** The sheet's print setup, its own or derived. */
export function resolvePrint(sheet: SheetState): PrintSetup {
  if (sheet.print) return sheet.print;
  const width = columnsPx(sheet, 0, usedColumns(sheet));
  return {
    orientation: width > printableWidthPx('portrait') ? 'landscape' : 'portrait',
    fitToWidth: true,
    ...(sheet.frozenRows > 0 ? { repeatRows: { first: 0, last: sheet.frozenRows - 1 } } : {}),
  };
}

/** How much wider than Calibri's digits a fallback font may draw a column (measured: ~1.33). */
const WIDER_FONT = 1.35;

/** exceljs pageSetup for a print setup. */
export function toPageSetup(sheet: SheetState, print: PrintSetup): Partial<ExcelJS.PageSetup> {
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_A4,
    orientation: print.orientation,
    margins: MARGINS,
    horizontalCentered: true,
  };
  const area = print.printArea ? rectToA1(print.printArea) : undefined;
  if (area) setup.printArea = area.includes(':') ? area : `${area}:${area}`;
  const repeat = print.repeatRows;
  if (repeat && repeat.first >= 0 && repeat.last >= repeat.first && repeat.last < EXCEL_MAX_ROWS)
    setup.printTitlesRow = `${repeat.first + 1}:${repeat.last + 1}`;
  if (print.fitToWidth) {
    if ((print.pageBreaks ?? []).length > 0) {
      const first = print.printArea?.column ?? 0;
      const count = print.printArea?.numColumns ?? usedColumns(sheet);
      const px = columnsPx(sheet, first, count);
      // Manual breaks need a fixed scale (fit-to-page would override them). Excel sizes a column
      // in the default font's digit widths (7 px for Calibri 11); a renderer without Calibri
      // (LibreOffice on Linux falls back to a wider font) draws it up to a third wider, so the
      // scale leaves that room rather than split the table sideways.
      const fits = (100 * printableWidthPx(print.orientation)) / (px * WIDER_FONT);
      setup.scale = Math.max(10, Math.min(100, Math.floor(fits)));
    } else {
      setup.fitToPage = true;
      setup.fitToWidth = 1;
      setup.fitToHeight = 0;
    }
  }
  return setup;
}
