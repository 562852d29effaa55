/**
 * The three sheets of the step log: `Kegiatan` (one row per activity), `Langkah` (one row per
 * activity × step) and `Riwayat` (the append-only event log, the source of truth).
 *
 * Each is set up once, when first needed (header row, formats, dropdowns, conditional
 * formatting, widths, the marker): logging a step never pays that cost again. Text columns of
 * `Kegiatan` and `Langkah` carry the plain-text number format "@" on every row the add-in writes,
 * so typed notes and times are stored verbatim; `Riwayat` grows by appendRow past any formatted
 * region, so its strings are written with the quote prefix instead (see toCells). Either way
 * "=…", "+62…", "-5", "@x" and "1e3" come back exactly as typed.
 */
import { t, type Language } from '../../core/i18n';
import { columnToLetters } from '../../core/plan/a1';
import { asLiteralText } from '../../core/plan/text-safety';
import { KEGIATAN_HEADERS } from '../../core/progress/kegiatan-rows';
import { LANGKAH_COLUMN, LANGKAH_HEADERS } from '../../core/progress/langkah-rows';
import { RIWAYAT_HEADERS } from '../../core/progress/riwayat-rows';
import { DECISION_LABELS, STATUS_LABELS, type RowValue } from '../../core/progress/row-labels';
import { UserError } from '../sheets/errors';
import { hasMarker } from '../templates/markers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const KEGIATAN = 'Kegiatan';
export const LANGKAH = 'Langkah';
export const RIWAYAT = 'Riwayat';
/** Sheet-level developer metadata marking the add-in's progress sheets. */
export const PROGRESS_KEY = 'sopTerpilah.progress';
/** When a sheet must grow, it grows by at least this many rows (growth is rare, not per log). */
const GROW_ROWS = 1000;

export interface ProgressSheetSpec {
  name: string;
  headers: readonly string[];
  /** Columns formatted "@" and written verbatim; other strings are written as literal text. */
  text: ReadonlySet<string>;
  hidden: readonly string[];
  widths: Readonly<Record<string, number>>;
}

export const KEGIATAN_SPEC: ProgressSheetSpec = {
  name: KEGIATAN,
  headers: KEGIATAN_HEADERS,
  text: new Set([
    'ID',
    'Nama kegiatan',
    'Template',
    'Tanggal rencana',
    'Tempat',
    'Penanggung jawab',
    'Status',
    'Dibuat oleh',
    'Dibuat pada',
    'Data',
  ]),
  hidden: ['Data'],
  widths: { 'Nama kegiatan': 240, Template: 160, 'Penanggung jawab': 160, 'Dibuat oleh': 200 },
};

export const LANGKAH_SPEC: ProgressSheetSpec = {
  name: LANGKAH,
  headers: LANGKAH_HEADERS,
  text: new Set([
    'ID kegiatan',
    'Nama kegiatan',
    'Langkah',
    'Pelaksana',
    'Jenis',
    'Status',
    'Petugas',
    'Mulai',
    'Selesai',
    'Keputusan',
    'Bukti',
    'Catatan',
    'Diubah oleh',
    'Diubah pada',
  ]),
  hidden: [],
  widths: {
    'Nama kegiatan': 200,
    Langkah: 280,
    Pelaksana: 140,
    Mulai: 120,
    Selesai: 120,
    Bukti: 200,
    Catatan: 240,
    'Diubah oleh': 200,
    'Diubah pada': 120,
  },
};

export const RIWAYAT_SPEC: ProgressSheetSpec = {
  name: RIWAYAT,
  headers: RIWAYAT_HEADERS,
  text: new Set(),
  hidden: ['Data'],
  widths: { 'Dicatat pada': 170, Oleh: 200, 'Waktu kejadian': 170, Catatan: 240, 'ID event': 120 },
};

/** "Kegiatan!A5:N5": one call on the spreadsheet instead of getSheetByName + getRange. */
export function a1(spec: ProgressSheetSpec, row: number, numRows = 1): string {
  return `${spec.name}!A${row}:${columnToLetters(spec.headers.length)}${row + numRows - 1}`;
}

/**
 * The values to write for rows of this sheet: verbatim in the "@" columns; elsewhere every
 * non-empty string gets the quote prefix, which Sheets strips and which keeps anything ("1e3",
 * "=…", "2026-11-24 09:30") text — safer than guessing which strings Sheets would parse.
 */
export function toCells(spec: ProgressSheetSpec, rows: RowValue[][]): RowValue[][] {
  const text = spec.headers.map((header) => spec.text.has(header));
  return rows.map((row) =>
    row.map((value, c) => (typeof value === 'string' && !text[c] ? asLiteralText(value) : value)),
  );
}

/** The number formats of `count` rows of this sheet: "@" on the text columns. */
export function formatsOf(spec: ProgressSheetSpec, count: number): string[][] {
  const row = spec.headers.map((header) => (spec.text.has(header) ? '@' : 'General'));
  return Array.from({ length: count }, () => row.slice());
}

/** Writes rows at `firstRow` with their formats: 3 calls. */
export function writeRows(sheet: Sheet, spec: ProgressSheetSpec, firstRow: number, rows: RowValue[][]): void {
  if (rows.length === 0) return;
  sheet
    .getRange(firstRow, 1, rows.length, spec.headers.length)
    .setNumberFormats(formatsOf(spec, rows.length))
    .setValues(toCells(spec, rows));
}

/**
 * The sheet, set up when it did not exist; an existing one must be the add-in's (marker, or the
 * exact header row of a copy that lost its metadata): a user's own sheet of that name is refused.
 */
export function ensureProgressSheet(
  spreadsheet: Spreadsheet,
  spec: ProgressSheetSpec,
  language: Language,
): Sheet {
  const existing = spreadsheet.getSheetByName(spec.name);
  if (existing) {
    checkOwnSheet(existing, spec, language);
    return existing;
  }
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(spec.name, spreadsheet.getNumSheets());
  setUp(sheet, spec);
  // insertSheet activated the new sheet: give the person their sheet back.
  active.activate();
  return sheet;
}

/** Refuses a sheet of that name the add-in did not make (the marker, or our exact headers). */
export function checkOwnSheet(sheet: Sheet, spec: ProgressSheetSpec, language: Language): void {
  if (hasMarker(sheet, PROGRESS_KEY)) return;
  const last = sheet.getLastRow();
  const headers = last > 0 ? sheet.getRange(1, 1, 1, spec.headers.length).getValues()[0] : [];
  const ours = headers.length > 0 && spec.headers.every((header, i) => String(headers[i]).trim() === header);
  if (last > 0 && !ours) throw new UserError(t(language, 'progressNotOurSheet', { sheet: spec.name }));
  // Empty, or a copy that lost its metadata: take it (set up again, which keeps the rows).
  setUp(sheet, spec);
}

/** Header, formats, dropdowns, conditional formatting, widths, hidden columns, marker. */
function setUp(sheet: Sheet, spec: ProgressSheetSpec): void {
  const width = spec.headers.length;
  sheet
    .getRange(1, 1, 1, width)
    .setNumberFormat('@')
    .setValues([[...spec.headers]])
    .setFontWeight('bold')
    .setBackground('#e8eaed');
  sheet.setFrozenRows(1);
  formatDataRows(sheet, spec, 2, sheet.getMaxRows() - 1);
  for (const [header, pixels] of Object.entries(spec.widths))
    sheet.setColumnWidth(spec.headers.indexOf(header) + 1, pixels);
  for (const header of spec.hidden) sheet.hideColumns(spec.headers.indexOf(header) + 1);
  sheet.addDeveloperMetadata(
    PROGRESS_KEY,
    JSON.stringify({ kind: spec.name.toLowerCase(), createdAt: new Date().toISOString() }),
  );
}

/**
 * Formats data rows `firstRow`…: "@" on the text columns; on `Langkah` also the Status and
 * Keputusan dropdowns and the rule that colours "Menit aktual" red when the step ran over its
 * mutu baku ("Selisih (menit)" > 0, the standard's upper bound where there are alternatives).
 */
function formatDataRows(sheet: Sheet, spec: ProgressSheetSpec, firstRow: number, count: number): void {
  if (count <= 0) return;
  if (spec.text.size > 0) {
    const last = firstRow + count - 1;
    sheet
      .getRangeList(
        [...spec.text].map((header) => {
          const letter = columnToLetters(spec.headers.indexOf(header) + 1);
          return `${letter}${firstRow}:${letter}${last}`;
        }),
      )
      .setNumberFormat('@');
  }
  if (spec !== LANGKAH_SPEC) return;
  const dropdown = (labels: string[], help: string) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList(labels, true)
      .setAllowInvalid(false)
      .setHelpText(help)
      .build();
  sheet
    .getRange(firstRow, LANGKAH_COLUMN.Status, count, 1)
    .setDataValidation(
      dropdown(Object.values(STATUS_LABELS), 'Diisi dari panel; pilih Belum, Berjalan atau Selesai.'),
    );
  sheet
    .getRange(firstRow, LANGKAH_COLUMN.Keputusan, count, 1)
    .setDataValidation(dropdown(Object.values(DECISION_LABELS), 'Keputusan langkah: Sesuai atau Perbaikan.'));
  const variance = columnToLetters(LANGKAH_COLUMN['Selisih (menit)']);
  const overdue = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=AND(ISNUMBER($${variance}2),$${variance}2>0)`)
    .setBackground('#f4c7c3')
    .setFontColor('#a50e0e')
    .setRanges([sheet.getRange(2, LANGKAH_COLUMN['Menit aktual'], firstRow + count - 2, 1)])
    .build();
  // The rule spans every formatted row: replaced as one when the sheet grows.
  sheet.setConditionalFormatRules([overdue]);
}

/** Grows the grid so that `lastRow` exists, formatting the new rows like the set-up ones. */
export function ensureRows(sheet: Sheet, spec: ProgressSheetSpec, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow <= max) return;
  const add = Math.max(lastRow - max, GROW_ROWS);
  sheet.insertRowsAfter(max, add);
  formatDataRows(sheet, spec, max + 1, add);
}
