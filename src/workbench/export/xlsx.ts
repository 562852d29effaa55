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
 * - merges, column widths, row heights (grown to fit wrapped text, row-heights.ts), hidden
 *   rows/columns, frozen panes;
 * - the page setup: A4, one page wide, orientation, repeated rows, print area, page breaks (print.ts);
 * - data validations: lists, number and date comparisons, custom formulas;
 * - sheet protection (no password) for non-warning-only SHEET protections;
 * - conditional formatting: custom formulas and simple number comparisons.
 *
 * What is not (each occurrence is listed by {@link exportXlsxReport}):
 * - charts: exceljs cannot write charts. Each leaves a note at its anchor cell, a "Catatan" sheet
 *   lists them, and their specs are recorded as JSON in the workbook's "description" core property
 *   (exceljs 4.4 has no API for custom document properties);
 * - warning-only protections: Excel has no "warn but allow" protection, so the sheet stays unprotected;
 * - RANGE protections: Excel locks whole sheets only;
 * - other validation / conditional-format criteria, developer metadata, script/user properties;
 * - the default font: Sheets' default is Arial 10, exceljs always writes Excel's Calibri 11.
 *
 * The parts: xlsx-sheet.ts streams one sheet, xlsx-format.ts maps formats, xlsx-rules.ts maps
 * validation and conditional rules, excel-grid.ts holds Excel's limits and units.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnLetter } from '../a1';
import { newSheetState, type ChartSpec, type SheetState, type WorkbookState } from '../model';
import { isValidTimeZone, tzOffsetMs } from '../format/zones';
import { writeSheet } from './xlsx-sheet';

export interface XlsxExportResult {
  buffer: Buffer;
  /** Human-readable notes on everything that could not be exported as-is. */
  notes: string[];
}

/** The sheet listing what the export could not draw (charts). */
export const NOTE_SHEET_NAME = 'Catatan';

/** Exports the workbook to .xlsx bytes. */
export async function exportXlsx(state: WorkbookState): Promise<Buffer> {
  return (await exportXlsxReport(state)).buffer;
}

/**
 * Like {@link exportXlsx}, also reporting what was lost or changed on the way. Streamed with
 * exceljs' WorkbookWriter: rows are serialized as they are written, so memory stays near the
 * size of the state and the zipped output.
 */
export async function exportXlsxReport(state: WorkbookState): Promise<XlsxExportResult> {
  const notes: string[] = [];
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.title = state.name;
  workbook.creator = 'workbench';
  workbook.created = new Date();
  fullCalcOnLoad(workbook);

  const toWallClock = wallClockConverter(state.timeZone);
  const usedNames = new Set<string>();
  const charts = state.sheets.flatMap((sheet) => sheet.charts.map((chart) => ({ sheet, chart })));

  // Excel refuses a workbook whose sheets are all hidden, or whose active tab is hidden.
  const allHidden = state.sheets.length > 0 && state.sheets.every((s) => s.hidden);
  const names: string[] = [];
  for (const [index, sheet] of state.sheets.entries()) {
    const name = excelSheetName(sheet.name, usedNames);
    names.push(name);
    if (name !== sheet.name)
      notes.push(`Sheet "${sheet.name}" renamed to "${name}" (Excel sheet-name rules).`);
    const forceVisible = allHidden && index === 0;
    if (forceVisible) notes.push(`All sheets were hidden; "${name}" is shown (Excel requires one).`);
    await writeSheet(
      workbook,
      sheet,
      { name, forceVisible, toWallClock, extraNotes: chartAnchors(sheet.charts) },
      notes,
    );
  }

  if (charts.length > 0) {
    // exceljs cannot write charts: a note at each chart's anchor cell, a sheet listing them, and
    // their specs as JSON in the description (exceljs has no custom document properties).
    workbook.description = JSON.stringify({
      workbenchCharts: charts.map(({ sheet, chart }) => ({ sheet: sheet.name, ...chart })),
    });
    const note = noteSheet(charts, names, state.sheets, excelSheetName(NOTE_SHEET_NAME, usedNames));
    await writeSheet(workbook, note, { name: note.name, forceVisible: false, toWallClock }, notes);
    notes.push(
      `${charts.length} chart(s) not drawn (exceljs cannot write charts): noted at their cells and listed on sheet "${note.name}"; specs are in the description.`,
    );
  }

  const activeIndex = state.sheets.findIndex((s) => s.sheetId === state.activeSheetId);
  const active = state.sheets[activeIndex];
  const activeTab = active && (!active.hidden || (allHidden && activeIndex === 0)) ? activeIndex : 0;
  workbook.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab, visibility: 'visible' },
  ];

  await workbook.commit();
  return { buffer: Buffer.concat(chunks), notes };
}

/** The text of a chart's note: what it was and what it showed. */
function chartText(chart: ChartSpec, sheetNames: (sheet: string) => string): string {
  const title = typeof chart.options.title === 'string' ? chart.options.title : '';
  const data = chart.ranges
    .map(({ sheet, rect }) => {
      const ref = `${columnLetter(rect.column)}${rect.row + 1}:${columnLetter(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows}`;
      return `'${sheetNames(sheet)}'!${ref}`;
    })
    .join(', ');
  return (
    `[Grafik ${chart.type}${title ? ` "${title}"` : ''} tidak digambar]\n` +
    `Grafik ini (data ${data || '-'}) tidak dapat digambar di .xlsx (exceljs tidak dapat menulis grafik); ` +
    'buka di Google Sheets untuk grafiknya. / Chart not drawn: exceljs cannot write charts.'
  );
}

/** 0-based row → column → note text, one per chart anchor. */
function chartAnchors(charts: ChartSpec[]): Map<number, Map<number, string>> | undefined {
  if (charts.length === 0) return undefined;
  const anchors = new Map<number, Map<number, string>>();
  for (const chart of charts) {
    const { row, column } = chart.position;
    const cells = anchors.get(row) ?? new Map<number, string>();
    const text = chartText(chart, (s) => s);
    cells.set(column, cells.has(column) ? `${cells.get(column)}\n\n${text}` : text);
    anchors.set(row, cells);
  }
  return anchors;
}

/** The "Catatan" sheet: one row per chart, where it was and what it showed. */
function noteSheet(
  charts: { sheet: SheetState; chart: ChartSpec }[],
  names: string[],
  sheets: SheetState[],
  name: string,
): SheetState {
  const exported = (sheetName: string) => names[sheets.findIndex((s) => s.name === sheetName)] ?? sheetName;
  const bold = { fontWeight: 'bold' as const };
  const wrap = { wrap: true, verticalAlignment: 'top' as const };
  const rows = [
    [
      {
        value: `${charts.length} grafik tidak digambar: exceljs tidak dapat menulis grafik. Buat laporan di Google Sheets untuk grafiknya. / ${charts.length} chart(s) not drawn: exceljs cannot write charts.`,
        format: bold,
      },
    ],
    [],
    ['Sheet', 'Sel / Cell', 'Grafik / Chart'].map((value) => ({ value, format: bold })),
    ...charts.map(({ sheet, chart }) => [
      { value: exported(sheet.name), format: wrap },
      { value: `${columnLetter(chart.position.column)}${chart.position.row + 1}`, format: wrap },
      { value: chartText(chart, exported), format: wrap },
    ]),
  ];
  return {
    ...newSheetState(-1, name),
    rows,
    maxRows: rows.length,
    maxColumns: 3,
    columnWidths: { 0: 200, 1: 90, 2: 700 },
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

/**
 * Formulas are written without cached results: make Excel/LibreOffice compute them on open. The
 * streaming writer has no calcProperties, so the flag is added to workbook.xml as it is zipped.
 */
function fullCalcOnLoad(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  type Zip = { append(data: unknown, options: { name: string }): unknown };
  const zip = (workbook as unknown as { zip: Zip }).zip;
  const append = zip.append.bind(zip);
  zip.append = (data, options) =>
    append(
      options.name === '/xl/workbook.xml' && typeof data === 'string'
        ? data.replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"')
        : data,
      options,
    );
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
