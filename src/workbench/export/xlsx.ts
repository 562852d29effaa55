/**
 * Export of the workbench's spreadsheet state ({@link WorkbookState}) to a real .xlsx file with exceljs.
 *
 * What is written:
 * - one worksheet per sheet, same order; names as given unless Excel forbids them (see {@link excelSheetName});
 *   hidden state, tab colour, the active sheet;
 * - values with their types: strings stay strings (a string "=1+1" or "0012" is text, never a formula or
 *   number), numbers, booleans, Dates as date serials with a date number format when the cell has none;
 * - formulas as exceljs formulas without the leading "=" and without a cached result (the workbook asks
 *   Excel to recalculate on load); Sheets-only functions will show #NAME? in Excel;
 * - formats (see xlsx-format.ts), notes as cell comments;
 * - merges, column widths, row heights, hidden rows/columns, frozen panes;
 * - data validations: lists, number and date comparisons, custom formulas;
 * - sheet protection (no password) for non-warning-only SHEET protections;
 * - conditional formatting: custom formulas and simple number comparisons.
 *
 * What is not (each occurrence is listed by {@link exportXlsxReport}):
 * - charts: exceljs cannot write charts. Their specs are recorded as JSON in the workbook's
 *   "description" core property (exceljs 4.4 has no API for custom document properties);
 * - warning-only protections: Excel has no "warn but allow" protection, so the sheet stays unprotected;
 * - RANGE protections: Excel locks whole sheets only;
 * - other validation / conditional-format criteria, developer metadata, script/user properties;
 * - the default font: Sheets' default is Arial 10, exceljs always writes Excel's Calibri 11.
 */
import ExcelJS from 'exceljs';
import { toA1 } from '../a1';
import type {
  Cell,
  CellValue,
  ConditionalRuleSpec,
  DataValidationSpec,
  GridRect,
  SheetState,
  WorkbookState,
} from '../model';
import { DEFAULT_COLUMN_WIDTH } from '../model';
import { isValidTimeZone, tzOffsetMs } from '../format/zones';
import { toArgb, toConditionalStyle, toStyle } from './xlsx-format';

/**
 * Column widths: Sheets stores pixels, Excel stores "characters" (widths of the digit 0 in the default
 * font, 7 px for Calibri 11 at 96 dpi). Excel's exact rule is (px - 5) / 7 rounded to 1/256 of a
 * character; px / 7 is close enough and keeps the default 100 px column at ~14.3 characters.
 */
export const PIXELS_PER_CHARACTER = 7;
/** Row heights: Sheets stores pixels, Excel points; at 96 dpi 1 px = 0.75 pt. */
export const POINTS_PER_PIXEL = 0.75;

const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;
const EXCEL_MAX_TEXT = 32_767;
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export interface XlsxExportResult {
  buffer: Buffer;
  /** Human-readable notes on everything that could not be exported as-is. */
  notes: string[];
}

/** Exports the workbook to .xlsx bytes. */
export async function exportXlsx(state: WorkbookState): Promise<Buffer> {
  return (await exportXlsxReport(state)).buffer;
}

/** Like {@link exportXlsx}, also reporting what was lost or changed on the way. */
export async function exportXlsxReport(state: WorkbookState): Promise<XlsxExportResult> {
  const notes: string[] = [];
  const workbook = new ExcelJS.Workbook();
  workbook.title = state.name;
  workbook.creator = 'workbench';
  workbook.created = new Date();
  // Formulas are written without cached results: make Excel/LibreOffice compute them on open.
  workbook.calcProperties = { fullCalcOnLoad: true };

  const toWallClock = wallClockConverter(state.timeZone);
  const usedNames = new Set<string>();
  const charts: unknown[] = [];

  for (const sheet of state.sheets) {
    const name = excelSheetName(sheet.name, usedNames);
    if (name !== sheet.name)
      notes.push(`Sheet "${sheet.name}" renamed to "${name}" (Excel sheet-name rules).`);
    const ws = workbook.addWorksheet(name);
    await writeSheet(ws, sheet, toWallClock, notes);
    for (const chart of sheet.charts) charts.push({ sheet: sheet.name, ...chart });
  }

  // Excel refuses a workbook whose sheets are all hidden, or whose active tab is hidden.
  const visible = workbook.worksheets.filter((ws) => ws.state === 'visible');
  if (visible.length === 0 && workbook.worksheets.length > 0) {
    workbook.worksheets[0].state = 'visible';
    notes.push(`All sheets were hidden; "${workbook.worksheets[0].name}" is shown (Excel requires one).`);
  }
  const activeIndex = state.sheets.findIndex((s) => s.sheetId === state.activeSheetId);
  const activeTab =
    activeIndex >= 0 && workbook.worksheets[activeIndex]?.state === 'visible' ? activeIndex : 0;
  workbook.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab, visibility: 'visible' },
  ];

  if (charts.length > 0) {
    // exceljs cannot write charts. Record their specs so nothing is silently lost.
    workbook.description = JSON.stringify({ workbenchCharts: charts });
    notes.push(
      `${charts.length} chart(s) not drawn (exceljs cannot write charts); specs are in the description.`,
    );
  }

  const out = await workbook.xlsx.writeBuffer();
  const buffer = Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
  return { buffer, notes };
}

/**
 * A sheet name Excel accepts: no `[]:*?/\`, no leading/trailing apostrophe, at most 31 characters,
 * not "History", unique ignoring case. Formulas referring to a renamed sheet are not rewritten.
 */
export function excelSheetName(name: string, used: Set<string>): string {
  let base = name
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31);
  if (base === '' || base.toLowerCase() === 'history') base = base === '' ? 'Sheet' : `${base}_`;
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

/** A 0-based {@link GridRect} → "A1" or "A1:B2", clipped to Excel's grid; undefined when empty. */
export function rectToA1(rect: GridRect): string | undefined {
  const top = Math.max(0, rect.row);
  const left = Math.max(0, rect.column);
  const bottom = Math.min(EXCEL_MAX_ROWS, rect.row + Math.max(1, rect.numRows)) - 1;
  const right = Math.min(EXCEL_MAX_COLUMNS, rect.column + Math.max(1, rect.numColumns)) - 1;
  if (bottom < top || right < left) return undefined;
  return toA1({ row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 });
}

/**
 * exceljs writes a Date as the serial of its UTC wall clock. Sheets shows a date in the spreadsheet's
 * time zone, so shift each instant to a Date whose UTC fields are that zone's wall clock.
 * An unknown time zone falls back to UTC.
 */
function wallClockConverter(timeZone: string): (d: Date) => Date {
  if (!isValidTimeZone(timeZone)) return (d) => d;
  // Intl is slow per call; zone offsets only change on quarter-hour boundaries, so cache per quarter hour.
  const QUARTER_HOUR = 15 * 60 * 1000;
  const cache = new Map<number, number>();
  return (d) => {
    const bucket = Math.floor(d.getTime() / QUARTER_HOUR);
    let offset = cache.get(bucket);
    if (offset === undefined) {
      offset = tzOffsetMs(bucket * QUARTER_HOUR, timeZone);
      cache.set(bucket, offset);
    }
    return new Date(d.getTime() + offset);
  };
}

/** A Date, also from its JSON form {$date}; undefined for anything else. */
function asDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (value && typeof value === 'object' && typeof (value as { $date?: unknown }).$date === 'string') {
    const d = new Date((value as { $date: string }).$date);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

async function writeSheet(
  ws: ExcelJS.Worksheet,
  sheet: SheetState,
  toWallClock: (d: Date) => Date,
  notes: string[],
): Promise<void> {
  const where = `Sheet "${sheet.name}"`;
  if (sheet.hidden) ws.state = 'hidden';
  const tab = toArgb(sheet.tabColor);
  if (tab) ws.properties.tabColor = { argb: tab };
  // Sheets' default column width (100 px) differs from Excel's: carry it over. Row heights are
  // left to the reader unless set: like Sheets, Excel and LibreOffice then fit rows to wrapped text.
  ws.properties.defaultColWidth = DEFAULT_COLUMN_WIDTH / PIXELS_PER_CHARACTER;

  // Protection first: it decides which cells are written unlocked.
  const sheetProtections = sheet.protections.filter((p) => p.type === 'SHEET');
  const enforced = sheetProtections.find((p) => !p.warningOnly);
  const unlockedRects = enforced?.unprotected ?? [];
  for (const p of sheet.protections) {
    if (p.type === 'SHEET' && p.warningOnly && !enforced) {
      // No xlsx equivalent of "show a warning but allow the edit": the sheet is left unprotected.
      notes.push(`${where}: warning-only protection "${p.description}" not exported (no xlsx equivalent).`);
    } else if (p.type === 'RANGE') {
      // Excel only locks whole sheets; locking one range would mean unlocking every other cell.
      notes.push(
        `${where}: range protection "${p.description}" not exported (Excel protects whole sheets only).`,
      );
    }
  }
  const isUnlocked = (r: number, c: number): boolean =>
    unlockedRects.some(
      (u) => r >= u.row && r < u.row + u.numRows && c >= u.column && c < u.column + u.numColumns,
    );

  // Cells. Styles are cached by format so identical formats share one object (never mutated afterwards).
  const styleCache = new Map<string, Partial<ExcelJS.Style> | undefined>();
  const styleOf = (cell: Cell | null | undefined, dateFmt: string | undefined, unlocked: boolean) => {
    const format = cell?.format;
    if (!format && !dateFmt && !unlocked) return undefined;
    const key = `${format ? JSON.stringify(format) : ''}|${dateFmt ?? ''}|${unlocked ? 1 : 0}`;
    if (styleCache.has(key)) return styleCache.get(key);
    const style = toStyle(format, dateFmt, unlocked);
    styleCache.set(key, style);
    return style;
  };

  let clipped = false;
  let truncated = 0;
  const rowCount = Math.min(sheet.rows.length, EXCEL_MAX_ROWS);
  if (sheet.rows.length > EXCEL_MAX_ROWS) clipped = true;
  for (let r = 0; r < rowCount; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.length === 0) continue;
    let row: ExcelJS.Row | undefined;
    const colCount = Math.min(cells.length, EXCEL_MAX_COLUMNS);
    if (cells.length > EXCEL_MAX_COLUMNS) clipped = true;
    for (let c = 0; c < colCount; c++) {
      const cell = cells[c];
      if (!cell) continue;
      let value: ExcelJS.CellValue = null;
      let dateFmt: string | undefined;
      if (typeof cell.formula === 'string' && cell.formula.length > 0) {
        value = { formula: cell.formula.replace(/^=/, '') };
      } else {
        const v: CellValue = cell.value;
        const date = asDate(v);
        if (date) {
          value = toWallClock(date);
          dateFmt =
            value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds()
              ? DATE_TIME_FORMAT
              : DATE_FORMAT;
        } else if (typeof v === 'string') {
          if (v.length > EXCEL_MAX_TEXT) truncated++;
          value = v === '' ? null : v.slice(0, EXCEL_MAX_TEXT);
        } else if (typeof v === 'number') {
          value = Number.isFinite(v) ? v : { error: '#NUM!' };
        } else if (typeof v === 'boolean') {
          value = v;
        }
      }
      const unlocked = enforced !== undefined && isUnlocked(r, c);
      const style = styleOf(cell, dateFmt, unlocked);
      const note = cell.format?.note;
      if (value === null && !style && !note) continue;
      row ??= ws.getRow(r + 1);
      const target = row.getCell(c + 1);
      if (value !== null) target.value = value;
      if (style) target.style = style;
      if (note) target.note = note;
    }
  }
  if (clipped) notes.push(`${where}: cells beyond Excel's 1,048,576 × 16,384 grid were dropped.`);
  if (truncated) notes.push(`${where}: ${truncated} text value(s) cut to Excel's 32,767-character limit.`);

  // Cells inside unprotected ranges that hold nothing still need to be unlocked.
  if (enforced) {
    const unlockedStyle = toStyle(undefined, undefined, true);
    for (const u of unlockedRects) {
      const bottom = Math.min(u.row + u.numRows, EXCEL_MAX_ROWS);
      const right = Math.min(u.column + u.numColumns, EXCEL_MAX_COLUMNS);
      for (let r = Math.max(0, u.row); r < bottom; r++) {
        const cells = sheet.rows[r];
        for (let c = Math.max(0, u.column); c < right; c++) {
          if (cells?.[c]) continue; // written above
          ws.getCell(r + 1, c + 1).style = unlockedStyle ?? {};
        }
      }
    }
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  }

  // Merges (after the values: exceljs turns the covered cells into references to the master).
  for (const m of sheet.merges) {
    if (m.numRows * m.numColumns <= 1) continue;
    try {
      ws.mergeCells(m.row + 1, m.column + 1, m.row + m.numRows, m.column + m.numColumns);
    } catch (e) {
      notes.push(`${where}: merge ${rectToA1(m)} skipped (${(e as Error).message}).`);
    }
  }

  // Column widths, row heights, hidden rows/columns.
  for (const [col, px] of Object.entries(sheet.columnWidths)) {
    const c = Number(col);
    if (Number.isInteger(c) && c >= 0 && c < EXCEL_MAX_COLUMNS && px > 0) {
      ws.getColumn(c + 1).width = px / PIXELS_PER_CHARACTER;
    }
  }
  for (const [r, px] of Object.entries(sheet.rowHeights)) {
    const n = Number(r);
    if (Number.isInteger(n) && n >= 0 && n < EXCEL_MAX_ROWS && px > 0) {
      ws.getRow(n + 1).height = px * POINTS_PER_PIXEL;
    }
  }
  for (const c of sheet.hiddenColumns ?? [])
    if (c >= 0 && c < EXCEL_MAX_COLUMNS) ws.getColumn(c + 1).hidden = true;
  for (const r of sheet.hiddenRows ?? []) if (r >= 0 && r < EXCEL_MAX_ROWS) ws.getRow(r + 1).hidden = true;

  // Frozen panes.
  if (sheet.frozenRows > 0 || sheet.frozenColumns > 0) {
    ws.views = [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }];
  }

  // Data validations.
  const dataValidations = (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations;
  for (const { range, rule } of sheet.validations) {
    const ref = rectToA1(range);
    const dv = toDataValidation(rule);
    if (!ref) continue;
    if (typeof dv === 'string')
      notes.push(`${where}: validation ${rule.criteria} on ${ref} skipped (${dv}).`);
    else dataValidations.add(ref, dv);
  }

  // Conditional formatting, in Sheets' order (first rule wins → priority 1).
  let priority = 1;
  for (const rule of sheet.conditionalRules) {
    const ref = rule.ranges
      .map(rectToA1)
      .filter((a): a is string => a !== undefined)
      .join(' ');
    const cf = ref ? toConditionalRule(rule, priority) : 'empty range';
    if (typeof cf === 'string') {
      notes.push(`${where}: conditional format ${rule.condition.type} skipped (${cf}).`);
    } else {
      ws.addConditionalFormatting({ ref, rules: [cf] });
      priority++;
    }
  }

  if (sheet.developerMetadata.length > 0) notes.push(`${where}: developer metadata not exported.`);
}

interface DataValidationsApi {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

const DATE_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  DATE_BETWEEN: 'between',
  DATE_NOT_BETWEEN: 'notBetween',
  DATE_EQUAL_TO: 'equal',
  DATE_AFTER: 'greaterThan',
  DATE_ON_OR_AFTER: 'greaterThanOrEqual',
  DATE_BEFORE: 'lessThan',
  DATE_ON_OR_BEFORE: 'lessThanOrEqual',
};

const TWO_ARGUMENTS = new Set<string>(['between', 'notBetween']);

/** A Sheets validation rule → exceljs; a string says why it was skipped. */
export function toDataValidation(rule: DataValidationSpec): ExcelJS.DataValidation | string {
  const common: Partial<ExcelJS.DataValidation> = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
  };
  if (rule.helpText) {
    common.showInputMessage = true;
    common.prompt = rule.helpText;
  }
  const args = rule.args;
  const criteria = rule.criteria.toUpperCase();

  if (criteria === 'VALUE_IN_LIST') {
    // Apps Script's criteria values are [values[], showDropdown]; accept a bare list too.
    const values = (Array.isArray(args[0]) ? args[0] : args).map((v) => String(v));
    // An inline list is one quoted, comma-separated string of at most 255 characters; items cannot
    // contain commas. A longer list would need a helper range, which this export does not create.
    if (values.length === 0) return 'empty list';
    if (values.some((v) => v.includes(','))) return 'a list item contains a comma';
    const list = `"${values.join(',').replace(/"/g, '""')}"`;
    if (list.length > 257) return 'list longer than 255 characters';
    return { ...common, type: 'list', formulae: [list] };
  }
  if (criteria === 'VALUE_IN_RANGE') {
    const ref = args[0];
    if (typeof ref === 'string' && ref.length > 0)
      return { ...common, type: 'list', formulae: [ref.replace(/^=/, '')] };
    return 'source range not given in A1 notation';
  }
  if (criteria === 'CUSTOM_FORMULA') {
    const formula = args[0];
    if (typeof formula !== 'string' || formula === '') return 'no formula';
    return { ...common, type: 'custom', formulae: [formula.replace(/^=/, '')] };
  }
  const numberOp = NUMBER_OPERATORS[criteria];
  if (numberOp) {
    const n = TWO_ARGUMENTS.has(numberOp) ? 2 : 1;
    const nums = args.slice(0, n);
    if (nums.length < n || !nums.every((a) => typeof a === 'number' && Number.isFinite(a)))
      return 'non-numeric bounds';
    return { ...common, type: 'decimal', operator: numberOp, formulae: nums };
  }
  const dateOp = DATE_OPERATORS[criteria];
  if (dateOp) {
    const n = TWO_ARGUMENTS.has(dateOp) ? 2 : 1;
    const dates = args.slice(0, n).map(asDate);
    // Relative dates (today, past week, ...) have no fixed bound in xlsx.
    if (dates.length < n || dates.some((d) => d === undefined)) return 'relative or missing date';
    return { ...common, type: 'date', operator: dateOp, formulae: dates };
  }
  // CHECKBOX, TEXT_CONTAINS, TEXT_IS_VALID_EMAIL/URL, DATE_IS_VALID_DATE, ...: not mapped.
  return 'no straightforward xlsx equivalent';
}

const CELL_IS_OPERATORS: Record<string, string> = {
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
};

function formulaArg(a: unknown): string | undefined {
  if (typeof a === 'number' && Number.isFinite(a)) return String(a);
  if (typeof a === 'string' && a !== '') return a.startsWith('=') ? a.slice(1) : a;
  return undefined;
}

/** A Sheets conditional rule → exceljs; a string says why it was skipped. */
export function toConditionalRule(
  rule: ConditionalRuleSpec,
  priority: number,
): ExcelJS.ConditionalFormattingRule | string {
  const style = toConditionalStyle(rule.format);
  const type = rule.condition.type.toUpperCase();
  const args = rule.condition.args;
  if (type === 'CUSTOM_FORMULA') {
    const formula = typeof args[0] === 'string' ? args[0].replace(/^=/, '') : '';
    if (!formula) return 'no formula';
    return { type: 'expression', priority, formulae: [formula], style };
  }
  const operator = CELL_IS_OPERATORS[type];
  if (operator) {
    const n = operator === 'between' || operator === 'notBetween' ? 2 : 1;
    const formulae = args.slice(0, n).map(formulaArg);
    if (formulae.length < n || formulae.some((f) => f === undefined)) return 'missing bounds';
    // exceljs types list only four operators but writes any ST_ConditionalFormattingOperator.
    return { type: 'cellIs', priority, operator: operator as ExcelJS.CellIsOperators, formulae, style };
  }
  // TEXT_*, DATE_*, gradients, blank checks...: not mapped.
  return 'no straightforward xlsx equivalent';
}
