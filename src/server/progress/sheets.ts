/**
 * The three sheets of the step log: `Kegiatan` (one row per activity), `Langkah` (one row per
 * activity × step) and `Riwayat` (the append-only event log, the source of truth). `Riwayat`
 * grows by appendRow past any formatted region, so it has no "@" columns: its strings are always
 * written with the quote prefix (sheets/rows.ts toCells).
 */
import { t, type Language } from '../../core/i18n';
import { columnToLetters } from '../../core/plan/a1';
import { DECISION_LABELS, STATUS_LABELS } from '../../core/progress/row-labels';
import { KEGIATAN_HEADERS } from '../../core/progress/kegiatan-rows';
import { LANGKAH_COLUMN, LANGKAH_HEADERS } from '../../core/progress/langkah-rows';
import { RIWAYAT_HEADERS } from '../../core/progress/riwayat-rows';
import { UserError } from '../sheets/errors';
import { replayColumnReady } from './replay-column';
import { hasMarker } from '../sheets/markers';
import { KEGIATAN_SHEET, LANGKAH_SHEET, RIWAYAT_SHEET } from '../sheets/names';
import {
  dropdown,
  hasOurHeaders,
  insertRowSheet,
  insertRowSheets,
  refuseRenamed,
  setDropdowns,
  setUpRowSheet,
  type RowSheetSpec,
} from '../sheets/rows';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheet-level developer metadata marking the add-in's progress sheets. */
export const PROGRESS_KEY = 'sopTerpilah.progress';

/** The headers but the number and yes/no columns: what is stored as text. */
const textColumns = (headers: readonly string[], notText: string[]) =>
  new Set(headers.filter((header) => !notText.includes(header)));

export const KEGIATAN_SPEC: RowSheetSpec = {
  name: KEGIATAN_SHEET,
  headers: KEGIATAN_HEADERS,
  text: textColumns(KEGIATAN_HEADERS, ['Progres (%)', 'Langkah saat ini', 'Perbaikan', 'Baris Langkah']),
  hidden: ['Data', 'Cek langkah'],
  widths: { 'Nama kegiatan': 240, Template: 160, 'Penanggung jawab': 160, 'Dibuat oleh': 200 },
  markerKey: PROGRESS_KEY,
};

export const LANGKAH_SPEC: RowSheetSpec = {
  name: LANGKAH_SHEET,
  headers: LANGKAH_HEADERS,
  text: textColumns(LANGKAH_HEADERS, [
    'No',
    'Menit aktual',
    'Menit baku',
    'Selisih (menit)',
    'Revisi',
    'Perbaikan diminta',
    'Paralel',
    'Menit berlalu',
    'Perlu diulang',
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
  markerKey: PROGRESS_KEY,
  formatRows: formatLangkahRows,
  formatBlock: formatLangkahBlock,
};

export const RIWAYAT_SPEC: RowSheetSpec = {
  name: RIWAYAT_SHEET,
  headers: RIWAYAT_HEADERS,
  text: new Set(),
  hidden: ['Data'],
  widths: { 'Dicatat pada': 170, Oleh: 200, 'Waktu kejadian': 170, Catatan: 240, 'ID event': 120 },
  markerKey: PROGRESS_KEY,
  // Column O, beyond the spec's headers: a copy of Riwayat that lost its marker still matches them.
  setUpMore: (_spreadsheet, sheet) => void replayColumnReady(sheet),
};

/**
 * The sheet, set up when it did not exist; an existing one must be the add-in's (marker, or the
 * exact header row of a copy that lost its metadata): a user's own sheet of that name is refused.
 */
export function ensureProgressSheet(spreadsheet: Spreadsheet, spec: RowSheetSpec, language: Language): Sheet {
  const existing = spreadsheet.getSheetByName(spec.name);
  if (!existing) return insertRowSheet(spreadsheet, spec, language);
  checkOwnSheet(spreadsheet, existing, spec, language);
  return existing;
}

/**
 * {@link ensureProgressSheet} for several: every existing one checked first (a user's own sheet is
 * refused before anything is made), then the missing ones made together (insertRowSheets).
 */
export function ensureProgressSheets(
  spreadsheet: Spreadsheet,
  specs: readonly RowSheetSpec[],
  language: Language,
): Sheet[] {
  const existing = specs.map((spec) => spreadsheet.getSheetByName(spec.name));
  existing.forEach((sheet, i) => sheet && checkOwnSheet(spreadsheet, sheet, specs[i], language));
  const made = insertRowSheets(
    spreadsheet,
    specs.filter((_, i) => !existing[i]),
    language,
  );
  return existing.map((sheet) => sheet ?? (made.shift() as Sheet));
}

/** `Riwayat`, which only a person can lose: renamed (named in the message) or deleted. */
export function requireRiwayat(spreadsheet: Spreadsheet, language: () => Language): Sheet {
  const riwayat = spreadsheet.getSheetByName(RIWAYAT_SPEC.name);
  if (riwayat) return riwayat;
  // The language is read only when there is something to say (a log costs no extra call).
  refuseRenamed(spreadsheet, RIWAYAT_SPEC, language());
  throw new UserError(t(language(), 'progressLogMissing'));
}

/** Refuses a sheet of that name the add-in did not make (the marker, or our exact headers). */
function checkOwnSheet(spreadsheet: Spreadsheet, sheet: Sheet, spec: RowSheetSpec, language: Language): void {
  if (hasMarker(sheet, spec.markerKey)) return;
  if (sheet.getLastRow() > 0 && !hasOurHeaders(sheet, spec))
    throw new UserError(t(language, 'progressNotOurSheet', { sheet: spec.name }));
  // Empty, or a copy that lost its metadata: take it (set up again, which keeps the rows).
  setUpRowSheet(spreadsheet, sheet, spec);
}

/**
 * The Status and Keputusan dropdowns of `Langkah` rows, and the rule that colours "Menit aktual"
 * red when the step ran over its mutu baku ("Selisih (menit)" > 0, the standard's upper bound
 * where there are alternatives).
 */
function formatLangkahRows(sheet: Sheet, firstRow: number, count: number, block?: Range): void {
  // A column from row `from` to the last formatted row: an offset of the block when there is one.
  const column = (header: keyof typeof LANGKAH_COLUMN, from = firstRow) =>
    block
      ? block.offset(from - firstRow, LANGKAH_COLUMN[header] - 1, firstRow + count - from, 1)
      : sheet.getRange(from, LANGKAH_COLUMN[header], firstRow + count - from, 1);
  column('Status').setDataValidation(statusRule());
  column('Keputusan').setDataValidation(decisionRule());
  setOverdueRule(sheet, column('Menit aktual', 2));
}

/**
 * formatLangkahRows through one block of rows `firstRow`… (every column): both dropdowns in one
 * setDataValidations (the columns between them get none), the rule's range built by offset.
 */
function formatLangkahBlock(block: Range, firstRow: number): void {
  setDropdowns(
    block,
    new Map([
      [LANGKAH_COLUMN.Status, statusRule()],
      [LANGKAH_COLUMN.Keputusan, decisionRule()],
    ]),
  );
  const count = block.getNumRows();
  const column = LANGKAH_COLUMN['Menit aktual'];
  setOverdueRule(block.getSheet(), block.offset(2 - firstRow, column - 1, firstRow + count - 2, 1));
}

const statusRule = () =>
  dropdown(Object.values(STATUS_LABELS), 'Diisi dari panel; pilih Belum, Berjalan atau Selesai.');
const decisionRule = () =>
  dropdown(Object.values(DECISION_LABELS), 'Keputusan langkah: Sesuai atau Perbaikan.');

/** The rule spans every formatted row (`range`, from row 2): replaced as one when the sheet grows. */
function setOverdueRule(sheet: Sheet, range: Range): void {
  const variance = columnToLetters(LANGKAH_COLUMN['Selisih (menit)']);
  const overdue = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=AND(ISNUMBER($${variance}2),$${variance}2>0)`)
    .setBackground('#f4c7c3')
    .setFontColor('#a50e0e')
    .setRanges([range])
    .build();
  sheet.setConditionalFormatRules([overdue]);
}
