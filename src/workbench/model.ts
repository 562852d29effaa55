/**
 * The workbench's spreadsheet state: plain, JSON-serialisable data.
 *
 * This is the one contract between the Apps Script emulation (which mutates it),
 * persistence (which saves/loads it), the web page (which renders it) and the
 * .xlsx export. Rows and columns are 0-based here; the emulated API is 1-based.
 */

/** What a cell holds. Dates survive JSON through {@link DateJson}. */
export type CellValue = string | number | boolean | Date;

/** JSON form of a Date inside a persisted workbook. */
export interface DateJson {
  $date: string;
}

/** Border of one side of a cell. */
export interface BorderSide {
  color: string;
  /** SpreadsheetApp.BorderStyle name, e.g. "SOLID", "SOLID_MEDIUM", "DASHED". */
  style: string;
}

/** Every format the emulation tracks for a cell. Absent = Sheets' default. */
export interface CellFormat {
  background?: string; // "#rrggbb"; default white
  fontColor?: string; // default "#000000"
  fontWeight?: 'bold' | 'normal';
  fontStyle?: 'italic' | 'normal';
  fontSize?: number; // default 10
  fontFamily?: string; // default "Arial"
  fontLine?: 'underline' | 'line-through' | 'none';
  horizontalAlignment?: 'left' | 'center' | 'right' | 'general';
  verticalAlignment?: 'top' | 'middle' | 'bottom';
  /** true = WRAP, false = OVERFLOW; "CLIP" is stored as wrapStrategy. */
  wrap?: boolean;
  wrapStrategy?: 'WRAP' | 'OVERFLOW' | 'CLIP';
  numberFormat?: string;
  textRotation?: number;
  borderTop?: BorderSide;
  borderBottom?: BorderSide;
  borderLeft?: BorderSide;
  borderRight?: BorderSide;
  note?: string;
}

export interface Cell {
  /** The value as getValue() returns it; "" for blank. */
  value: CellValue;
  /** A formula ("=..."), when the cell holds one. The emulation does not evaluate it. */
  formula?: string;
  format?: CellFormat;
}

/** A rectangle, 0-based, inclusive start, counts like Apps Script's getRange(r, c, nr, nc). */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface DataValidationSpec {
  /** SpreadsheetApp.DataValidationCriteria name, e.g. "VALUE_IN_LIST". */
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText?: string;
}

export interface ValidationEntry {
  range: GridRect;
  rule: DataValidationSpec;
}

export interface ProtectionSpec {
  id: string;
  /** "SHEET" or "RANGE" (SpreadsheetApp.ProtectionType). */
  type: 'SHEET' | 'RANGE';
  range?: GridRect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected?: GridRect[];
}

export interface ChartSpec {
  chartId: number;
  /** Charts.ChartType name, e.g. "BAR", "COLUMN", "PIE". */
  type: string;
  ranges: { sheet: string; rect: GridRect }[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  /** Other builder settings (stacked, mergeStrategy, numHeaders, transposed...). */
  settings: Record<string, unknown>;
}

export interface ConditionalRuleSpec {
  ranges: GridRect[];
  /** e.g. { type: "CUSTOM_FORMULA", args: ["=$G2>$H2"] } */
  condition: { type: string; args: unknown[] };
  format: Pick<CellFormat, 'background' | 'fontColor' | 'fontWeight' | 'fontStyle' | 'fontLine'>;
}

export interface DeveloperMetadataSpec {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
}

export interface SheetState {
  sheetId: number;
  name: string;
  /** Dense rows of cells; a missing row/cell is blank with default format. */
  rows: (Cell | null)[][];
  maxRows: number; // default 1000
  maxColumns: number; // default 26
  frozenRows: number;
  frozenColumns: number;
  /** 0-based column index → width in pixels (default 100). */
  columnWidths: Record<number, number>;
  /** 0-based row index → height in pixels (default 21). */
  rowHeights: Record<number, number>;
  merges: GridRect[];
  validations: ValidationEntry[];
  protections: ProtectionSpec[];
  charts: ChartSpec[];
  conditionalRules: ConditionalRuleSpec[];
  developerMetadata: DeveloperMetadataSpec[];
  hidden: boolean;
  tabColor: string | null;
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /**
   * Export only: how the .xlsx prints. Apps Script has no print-settings API, so no emulated
   * service sets it; the CLI carries a plan's print intent here. Without it the export derives
   * one (export/print.ts).
   */
  print?: PrintSetup;
}

/** A sheet's page setup for the .xlsx export, on A4. Rows 0-based, like the rest of the state. */
export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  /** One page wide, as many tall as needed. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every page. */
  repeatRows?: { first: number; last: number };
  printArea?: GridRect;
  /** Rows that start a new page. */
  pageBreaks?: number[];
}

export interface WorkbookState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetState[];
  /** sheetId of the active sheet. */
  activeSheetId: number;
  nextId: number;
  developerMetadata: DeveloperMetadataSpec[];
  properties: {
    document: Record<string, string>;
    script: Record<string, string>;
    /** keyed by user email ("" for an anonymous user). */
    user: Record<string, Record<string, string>>;
  };
}

/** A menu the add-in built with Ui.createAddonMenu()/createMenu(). */
export interface MenuSpec {
  title: string;
  items: MenuItemSpec[];
}

export type MenuItemSpec =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuSpec };

/** Everything user-visible an execution asked the Ui service for. */
export type UiEvent =
  | { kind: 'menu'; menu: MenuSpec; addon: boolean }
  | { kind: 'alert'; title: string; prompt: string; buttons: string; response: string }
  | { kind: 'prompt'; title: string; prompt: string; buttons: string; response: string; text: string }
  | { kind: 'toast'; title: string; message: string; timeoutSeconds: number }
  | { kind: 'sidebar'; title: string; html: string; width: number }
  | { kind: 'dialog'; title: string; html: string; width: number; height: number; modal: boolean };

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export function newSheetState(sheetId: number, name: string): SheetState {
  return {
    sheetId,
    name,
    rows: [],
    maxRows: DEFAULT_ROWS,
    maxColumns: DEFAULT_COLUMNS,
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: {},
    rowHeights: {},
    merges: [],
    validations: [],
    protections: [],
    charts: [],
    conditionalRules: [],
    developerMetadata: [],
    hidden: false,
    tabColor: null,
  };
}

/** A new spreadsheet as Sheets creates it: one empty "Sheet1". */
export function newWorkbookState(name = 'Spreadsheet tanpa judul'): WorkbookState {
  return {
    id: `wb-${Date.now().toString(36)}`,
    name,
    timeZone: 'Asia/Jakarta',
    locale: 'id_ID',
    sheets: [newSheetState(0, 'Sheet1')],
    activeSheetId: 0,
    nextId: 1,
    developerMetadata: [],
    properties: { document: {}, script: {}, user: {} },
  };
}

/**
 * A spreadsheet nobody has put anything into yet: its only sheet an empty "Sheet1" (where the
 * page offers "Buka contoh", and POST /api/demo builds one). `rows`: that sheet's rows.
 */
export function isEmptyWorkbook(sheetNames: string[], rows: (Cell | null)[][]): boolean {
  if (sheetNames.length !== 1 || sheetNames[0] !== 'Sheet1') return false;
  return rows.every((row) => !row || row.every((c) => !c || (c.value === '' && !c.formula)));
}
