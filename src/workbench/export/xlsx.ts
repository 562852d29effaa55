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
 *
 * The parts: xlsx-sheet.ts writes one sheet, xlsx-format.ts maps formats, xlsx-rules.ts maps
 * validation and conditional rules, excel-grid.ts holds Excel's limits and units.
 */
import ExcelJS from 'exceljs';
import type { WorkbookState } from '../model';
import { isValidTimeZone, tzOffsetMs } from '../format/zones';
import { writeSheet } from './xlsx-sheet';

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
