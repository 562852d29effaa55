/**
 * One sheet of the workbook state streamed into an exceljs WorkbookWriter worksheet: its cells
 * (values, formulas, formats, notes), protection, merges, sizes, hidden rows and columns, frozen
 * panes, page setup and rules. Rows are written in order and committed as soon as they are
 * complete, so memory does not grow with the sheet. What cannot be written is added to `notes`
 * (see xlsx.ts).
 */
import ExcelJS from 'exceljs';
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
import { resolvePrint, toPageSetup } from './print';
import { DEFAULT_ROW_HEIGHT, fittedRowHeights } from './row-heights';
import { toArgb, toStyle } from './xlsx-format';
import { toConditionalRule, toDataValidation } from './xlsx-rules';

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const MARKER_STYLE: Partial<ExcelJS.Style> = { font: { italic: true, color: { argb: 'FF595959' } } };

/** What a sheet's writers share: the sheet, the worksheet, the notes and how to name the sheet in them. */
interface Target {
  ws: ExcelJS.Worksheet;
  sheet: SheetState;
  notes: string[];
  where: string;
}

export interface SheetOptions {
  name: string;
  /** Shown although the sheet is hidden (Excel needs one visible sheet). */
  forceVisible: boolean;
  toWallClock: (d: Date) => Date;
  /**
   * 0-based row → column → text added to that cell's note (where a chart was); an empty cell
   * also shows the text's first line.
   */
  extraNotes?: Map<number, Map<number, string>>;
}

export async function writeSheet(
  workbook: ExcelJS.Workbook,
  sheet: SheetState,
  options: SheetOptions,
  notes: string[],
): Promise<void> {
  const tab = toArgb(sheet.tabColor);
  const print = resolvePrint(sheet);
  const ws = workbook.addWorksheet(options.name, {
    state: sheet.hidden && !options.forceVisible ? 'hidden' : 'visible',
    // Sheets' default column width (100 px) differs from Excel's: carry it over.
    properties: {
      defaultColWidth: DEFAULT_COLUMN_WIDTH / PIXELS_PER_CHARACTER,
      ...(tab ? { tabColor: { argb: tab } } : {}),
    },
    pageSetup: toPageSetup(sheet, print),
    views:
      sheet.frozenRows > 0 || sheet.frozenColumns > 0
        ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
        : [],
  });
  const t: Target = { ws, sheet, notes, where: `Sheet "${sheet.name}"` };
  writeColumns(t);
  // Protection first: it decides which cells are written unlocked.
  const enforced = enforcedProtection(t);
  if (enforced) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  writeRows(t, options, enforced?.unprotected, print.pageBreaks ?? []);
  writeRules(t);
  if (sheet.developerMetadata.length > 0) notes.push(`${t.where}: developer metadata not exported.`);
  ws.commit();
}

/** Column widths and hidden columns: a streamed sheet needs them before its first row. */
function writeColumns({ ws, sheet }: Target): void {
  for (const [col, px] of Object.entries(sheet.columnWidths)) {
    const c = Number(col);
    if (Number.isInteger(c) && c >= 0 && c < EXCEL_MAX_COLUMNS && px > 0) {
      ws.getColumn(c + 1).width = px / PIXELS_PER_CHARACTER;
    }
  }
  for (const c of sheet.hiddenColumns ?? [])
    if (c >= 0 && c < EXCEL_MAX_COLUMNS) ws.getColumn(c + 1).hidden = true;
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

/**
 * Rows in order: each row's merges (before its values: exceljs turns covered cells into
 * references to the master, and a covered cell keeps its own style on top), values, styles,
 * notes, unlocked empty cells, height, hidden state, page break; then the row is committed.
 * `unlocked`: the editable ranges of an enforced protection.
 */
function writeRows(
  { ws, sheet, notes, where }: Target,
  options: SheetOptions,
  unlocked: GridRect[] | undefined,
  pageBreaks: number[],
): void {
  const inRect = (u: GridRect, r: number, c: number): boolean =>
    r >= u.row && r < u.row + u.numRows && c >= u.column && c < u.column + u.numColumns;
  const isUnlocked = (r: number, c: number): boolean => (unlocked ?? []).some((u) => inRect(u, r, c));
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
  const unlockedStyle = toStyle(undefined, undefined, true) ?? {};

  const valid = (r: number) => Number.isInteger(r) && r >= 0 && r < EXCEL_MAX_ROWS;
  const heights = fittedRowHeights(sheet);
  const hidden = new Set((sheet.hiddenRows ?? []).filter(valid));
  // A page break is written on the row that ends a page.
  const breaks = new Set(pageBreaks.map((r) => r - 1).filter(valid));
  const mergesAt = new Map<number, GridRect[]>();
  for (const m of sheet.merges) {
    if (m.numRows * m.numColumns <= 1 || !valid(m.row) || m.column < 0 || m.column >= EXCEL_MAX_COLUMNS)
      continue;
    mergesAt.set(m.row, [...(mergesAt.get(m.row) ?? []), m]);
  }
  const limit = Math.min(sheet.rows.length, EXCEL_MAX_ROWS);
  const visit = new Set<number>();
  for (let r = 0; r < limit; r++) if (sheet.rows[r]?.length) visit.add(r);
  const more = [
    ...Object.keys(sheet.rowHeights).map(Number),
    ...heights.keys(),
    ...hidden,
    ...breaks,
    ...mergesAt.keys(),
    ...(options.extraNotes?.keys() ?? []),
  ];
  for (const r of more) if (valid(r)) visit.add(r);
  for (const u of unlocked ?? [])
    for (let r = Math.max(0, u.row); r < Math.min(u.row + u.numRows, EXCEL_MAX_ROWS); r++) visit.add(r);

  let clipped = sheet.rows.length > EXCEL_MAX_ROWS;
  let truncated = 0;
  for (const r of [...visit].sort((a, b) => a - b)) {
    let row: ExcelJS.Row | undefined;
    const getRow = () => (row ??= ws.getRow(r + 1));
    for (const m of mergesAt.get(r) ?? []) {
      try {
        ws.mergeCells(
          m.row + 1,
          m.column + 1,
          Math.min(m.row + m.numRows, EXCEL_MAX_ROWS),
          Math.min(m.column + m.numColumns, EXCEL_MAX_COLUMNS),
        );
      } catch (e) {
        notes.push(`${where}: merge ${rectToA1(m)} skipped (${(e as Error).message}).`);
      }
    }
    const cells = r < limit ? sheet.rows[r] : undefined;
    const extra = options.extraNotes?.get(r);
    if (cells && cells.length > EXCEL_MAX_COLUMNS) clipped = true;
    for (let c = 0; c < Math.min(cells?.length ?? 0, EXCEL_MAX_COLUMNS); c++) {
      const cell = cells?.[c];
      if (!cell) continue;
      const { value, dateFmt, truncated: cut } = excelValue(cell, options.toWallClock);
      if (cut) truncated++;
      const style = styleOf(cell, dateFmt, unlocked !== undefined && isUnlocked(r, c));
      const note = [cell.format?.note, extra?.get(c)].filter(Boolean).join('\n\n');
      if (value === null && !style && !note) continue;
      const target = getRow().getCell(c + 1);
      // A covered cell's value would overwrite its master's.
      if (value !== null && target.type !== ExcelJS.ValueType.Merge) target.value = value;
      if (style) target.style = style;
      if (note) target.note = note;
    }
    // An empty anchor cell also says it on screen (a note alone is not written for an empty cell).
    for (const [c, text] of extra ?? []) {
      if (c < 0 || c >= EXCEL_MAX_COLUMNS || cells?.[c]) continue;
      const target = getRow().getCell(c + 1);
      if (target.type === ExcelJS.ValueType.Merge) continue;
      target.value = text.split('\n')[0];
      target.style = MARKER_STYLE;
      target.note = text;
    }
    for (const u of unlocked ?? []) {
      if (r < u.row || r >= u.row + u.numRows) continue;
      for (let c = Math.max(0, u.column); c < Math.min(u.column + u.numColumns, EXCEL_MAX_COLUMNS); c++) {
        if (!cells?.[c]) getRow().getCell(c + 1).style = unlockedStyle; // else written with the cells
      }
    }
    // The streaming writer drops a row without values unless it has a height: styled empty cells
    // (borders, fills, unlocked cells) need one, Sheets' default.
    const px = heights.get(r) ?? sheet.rowHeights[r] ?? (row && !row.hasValues ? DEFAULT_ROW_HEIGHT : 0);
    if (px > 0) getRow().height = px * POINTS_PER_PIXEL;
    if (hidden.has(r)) getRow().hidden = true;
    if (breaks.has(r)) getRow().addPageBreak();
    row?.commit();
  }
  if (clipped) notes.push(`${where}: cells beyond Excel's 1,048,576 × 16,384 grid were dropped.`);
  if (truncated) notes.push(`${where}: ${truncated} text value(s) cut to Excel's 32,767-character limit.`);
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
