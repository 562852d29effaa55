/**
 * One sheet of the workbook state written into an exceljs worksheet: its cells (values, formulas,
 * formats, notes), protection, merges, sizes, hidden rows and columns, frozen panes, and rules.
 * What cannot be written is added to `notes` (see xlsx.ts).
 */
import type ExcelJS from 'exceljs';
import type { Cell, GridRect, ProtectionSpec, SheetState } from '../model';
import { DEFAULT_COLUMN_WIDTH } from '../model';
import {
  asDate,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  EXCEL_MAX_TEXT,
  PIXELS_PER_CHARACTER,
  POINTS_PER_PIXEL,
  rectToA1,
} from './excel-grid';
import { toArgb, toStyle } from './xlsx-format';
import { toConditionalRule, toDataValidation } from './xlsx-rules';

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** What a sheet's writers share: the sheet, the worksheet, the notes and how to name the sheet in them. */
interface Target {
  ws: ExcelJS.Worksheet;
  sheet: SheetState;
  notes: string[];
  where: string;
}

export async function writeSheet(
  ws: ExcelJS.Worksheet,
  sheet: SheetState,
  toWallClock: (d: Date) => Date,
  notes: string[],
): Promise<void> {
  const t: Target = { ws, sheet, notes, where: `Sheet "${sheet.name}"` };
  if (sheet.hidden) ws.state = 'hidden';
  const tab = toArgb(sheet.tabColor);
  if (tab) ws.properties.tabColor = { argb: tab };
  // Sheets' default column width (100 px) differs from Excel's: carry it over. Row heights are
  // left to the reader unless set: like Sheets, Excel and LibreOffice then fit rows to wrapped text.
  ws.properties.defaultColWidth = DEFAULT_COLUMN_WIDTH / PIXELS_PER_CHARACTER;

  // Protection first: it decides which cells are written unlocked.
  const enforced = enforcedProtection(t);
  writeCells(t, toWallClock, enforced?.unprotected);
  if (enforced) {
    unlockEmptyCells(t, enforced.unprotected ?? []);
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  }
  writeMerges(t);
  writeSizes(t);
  writeRules(t);
  if (sheet.developerMetadata.length > 0) notes.push(`${t.where}: developer metadata not exported.`);
}

/** The sheet protection Excel enforces, if any; the others are noted. */
function enforcedProtection({ sheet, notes, where }: Target): ProtectionSpec | undefined {
  const enforced = sheet.protections.find((p) => p.type === 'SHEET' && !p.warningOnly);
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
  return enforced;
}

/** A cell's value as exceljs takes it, and the date format a Date needs when the cell has none. */
function excelValue(
  cell: Cell,
  toWallClock: (d: Date) => Date,
): { value: ExcelJS.CellValue; dateFmt?: string; truncated?: boolean } {
  if (typeof cell.formula === 'string' && cell.formula.length > 0)
    return { value: { formula: cell.formula.replace(/^=/, '') } };
  const v = cell.value;
  const date = asDate(v);
  if (date) {
    const value = toWallClock(date);
    const timed = value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds();
    return { value, dateFmt: timed ? DATE_TIME_FORMAT : DATE_FORMAT };
  }
  if (typeof v === 'string')
    return { value: v === '' ? null : v.slice(0, EXCEL_MAX_TEXT), truncated: v.length > EXCEL_MAX_TEXT };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : { error: '#NUM!' } };
  if (typeof v === 'boolean') return { value: v };
  return { value: null };
}

/** Values, styles and notes. `unlocked`: the editable ranges of an enforced protection. */
function writeCells(
  { ws, sheet, notes, where }: Target,
  toWallClock: (d: Date) => Date,
  unlocked?: GridRect[],
) {
  const isUnlocked = (r: number, c: number): boolean =>
    (unlocked ?? []).some(
      (u) => r >= u.row && r < u.row + u.numRows && c >= u.column && c < u.column + u.numColumns,
    );
  // Styles are cached by format so identical formats share one object (never mutated afterwards).
  const styleCache = new Map<string, Partial<ExcelJS.Style> | undefined>();
  const styleOf = (cell: Cell, dateFmt: string | undefined, open: boolean) => {
    const format = cell.format;
    if (!format && !dateFmt && !open) return undefined;
    const key = `${format ? JSON.stringify(format) : ''}|${dateFmt ?? ''}|${open ? 1 : 0}`;
    if (styleCache.has(key)) return styleCache.get(key);
    const style = toStyle(format, dateFmt, open);
    styleCache.set(key, style);
    return style;
  };

  let clipped = sheet.rows.length > EXCEL_MAX_ROWS;
  let truncated = 0;
  for (let r = 0; r < Math.min(sheet.rows.length, EXCEL_MAX_ROWS); r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.length === 0) continue;
    let row: ExcelJS.Row | undefined;
    if (cells.length > EXCEL_MAX_COLUMNS) clipped = true;
    for (let c = 0; c < Math.min(cells.length, EXCEL_MAX_COLUMNS); c++) {
      const cell = cells[c];
      if (!cell) continue;
      const { value, dateFmt, truncated: cut } = excelValue(cell, toWallClock);
      if (cut) truncated++;
      const style = styleOf(cell, dateFmt, unlocked !== undefined && isUnlocked(r, c));
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
}

/** Cells inside unprotected ranges that hold nothing still need to be unlocked. */
function unlockEmptyCells({ ws, sheet }: Target, unlocked: GridRect[]): void {
  const unlockedStyle = toStyle(undefined, undefined, true);
  for (const u of unlocked) {
    const bottom = Math.min(u.row + u.numRows, EXCEL_MAX_ROWS);
    const right = Math.min(u.column + u.numColumns, EXCEL_MAX_COLUMNS);
    for (let r = Math.max(0, u.row); r < bottom; r++) {
      const cells = sheet.rows[r];
      for (let c = Math.max(0, u.column); c < right; c++) {
        if (cells?.[c]) continue; // written with the cells
        ws.getCell(r + 1, c + 1).style = unlockedStyle ?? {};
      }
    }
  }
}

/** Merges (after the values: exceljs turns the covered cells into references to the master). */
function writeMerges({ ws, sheet, notes, where }: Target): void {
  for (const m of sheet.merges) {
    if (m.numRows * m.numColumns <= 1) continue;
    try {
      ws.mergeCells(m.row + 1, m.column + 1, m.row + m.numRows, m.column + m.numColumns);
    } catch (e) {
      notes.push(`${where}: merge ${rectToA1(m)} skipped (${(e as Error).message}).`);
    }
  }
}

/** Column widths, row heights, hidden rows and columns, frozen panes. */
function writeSizes({ ws, sheet }: Target): void {
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
  if (sheet.frozenRows > 0 || sheet.frozenColumns > 0) {
    ws.views = [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }];
  }
}

interface DataValidationsApi {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** Data validations, then conditional formatting in Sheets' order (first rule wins → priority 1). */
function writeRules({ ws, sheet, notes, where }: Target): void {
  const dataValidations = (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations;
  for (const { range, rule } of sheet.validations) {
    const ref = rectToA1(range);
    const dv = toDataValidation(rule);
    if (!ref) continue;
    if (typeof dv === 'string')
      notes.push(`${where}: validation ${rule.criteria} on ${ref} skipped (${dv}).`);
    else dataValidations.add(ref, dv);
  }
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
}
