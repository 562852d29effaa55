/**
 * A sheet plan: everything the add-in will write to one sheet, as plain data. Core computes it;
 * the server applies it with a fixed number of batched calls (one plural setter per property,
 * one RangeList per distinct border), so the call count does not grow with the content.
 * Rows and columns are 1-based, as in Apps Script.
 */

export type PlanValue = string | number | boolean;

export interface CellStyle {
  background?: string;
  fontColor?: string;
  fontWeight?: 'bold' | 'normal';
  fontStyle?: 'italic' | 'normal';
  fontSize?: number;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** "@" keeps typed text as text (no formula, no number parsing). */
  numberFormat?: string;
}

export interface PlanRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A rect from its corner and size: layouts build many, positionally. */
export function rect(row: number, column: number, numRows: number, numColumns: number): PlanRect {
  return { row, column, numRows, numColumns };
}

/**
 * A merge: the whole rect, or each of its rows ("across") or columns ("vertically") separately —
 * one Apps Script call either way (Range.merge / mergeAcross / mergeVertically).
 */
export interface PlanMerge {
  rect: PlanRect;
  mode: 'all' | 'across' | 'vertically';
}

export type BorderStyleName = 'SOLID' | 'SOLID_MEDIUM' | 'SOLID_THICK' | 'DASHED' | 'DOTTED' | 'DOUBLE';

/** Sides set to true get the border; vertical/horizontal are the inner lines of the rect. */
export interface BorderSpec {
  top?: boolean;
  left?: boolean;
  bottom?: boolean;
  right?: boolean;
  vertical?: boolean;
  horizontal?: boolean;
  color: string;
  style: BorderStyleName;
}

export interface ValidationPlan {
  rect: PlanRect;
  list: string[];
  allowInvalid: boolean;
  helpText: string;
}

export interface SheetPlan {
  sheetName: string;
  /** Rectangular: every row has the same length. Starts at A1. */
  values: PlanValue[][];
  /** Same shape as values; null = default style. */
  styles: (CellStyle | null)[][];
  merges: PlanMerge[];
  borders: { rects: PlanRect[]; spec: BorderSpec }[];
  validations: ValidationPlan[];
  /** Width in pixels per column (1-based index → px). */
  columnWidths: Record<number, number>;
  /** Height in pixels of rows Sheets will not fit by itself (merged, wrapped text). */
  rowHeights?: Record<number, number>;
  frozenRows: number;
  /** Protect the sheet with a warning only (staff may still edit after confirming). */
  protection?: { description: string };
  /**
   * How the sheet should print. Apps Script has no print-settings API, so applyPlan ignores it
   * (staff choose landscape / fit to width in File → Print); the .xlsx exports (workbench, CLI)
   * write it as the workbook's page setup. Every layout sets it; hand-made plans may leave it out.
   */
  print?: PlanPrint;
}

/**
 * Print intent. Paper is always A4 (paperSize 9): Indonesian government documents use A4 or
 * F4/Folio, and A4 is the one every printer and PDF viewer knows. Rows are 1-based.
 */
export interface PlanPrint {
  orientation: 'landscape' | 'portrait';
  /** One page wide, as many pages tall as needed. */
  fitToWidth: true;
  /** Rows printed again at the top of every page (any rows: Excel's print titles). */
  repeatRows?: { first: number; last: number };
  /** Only this rect prints (default: everything used). */
  printArea?: PlanRect;
  /** Rows that start a new page. */
  pageBreaks?: number[];
}

/** Makes a rectangular grid builder so layouts can place cells without tracking array sizes. */
export class GridBuilder {
  private readonly values: PlanValue[][] = [];
  private readonly styles: (CellStyle | null)[][] = [];
  private width = 0;

  constructor(minColumns = 1) {
    this.width = minColumns;
  }

  set(row: number, column: number, value: PlanValue, style?: CellStyle): this {
    this.ensure(row, column);
    this.values[row - 1][column - 1] = value;
    if (style) this.style(row, column, style);
    return this;
  }

  /** Merges a style into the cells of a rectangle. */
  style(row: number, column: number, style: CellStyle, numRows = 1, numColumns = 1): this {
    for (let r = row; r < row + numRows; r++) {
      for (let c = column; c < column + numColumns; c++) {
        this.ensure(r, c);
        this.styles[r - 1][c - 1] = { ...(this.styles[r - 1][c - 1] ?? {}), ...style };
      }
    }
    return this;
  }

  get rowCount(): number {
    return this.values.length;
  }

  get columnCount(): number {
    return this.width;
  }

  build(): { values: PlanValue[][]; styles: (CellStyle | null)[][] } {
    const pad = <T>(row: T[], fill: T): T[] => [...row, ...Array<T>(this.width - row.length).fill(fill)];
    return {
      values: this.values.map((row) =>
        pad(
          Array.from(row, (v) => v ?? ''),
          '' as PlanValue,
        ),
      ),
      styles: this.styles.map((row) =>
        pad(
          Array.from(row, (s) => s ?? null),
          null as CellStyle | null,
        ),
      ),
    };
  }

  private ensure(row: number, column: number): void {
    while (this.values.length < row) {
      this.values.push([]);
      this.styles.push([]);
    }
    this.width = Math.max(this.width, column);
  }
}

/**
 * The height a row needs to show `text` wrapped in a cell `widthPx` wide (Arial 10: about 7 px
 * a character, 17 px a line). Sheets fits unmerged rows itself, never merged ones.
 */
export function estimateRowHeight(text: string, widthPx: number): number {
  const perLine = Math.max(1, Math.floor((widthPx - 8) / 7));
  const lines = text
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return Math.max(21, lines * 17 + 6);
}
