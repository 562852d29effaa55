/**
 * The participant register `Peserta` (columns in core/terpilah/peserta.ts): one row per
 * participant of an activity, typed by staff, added from the sidebar or imported from another
 * sheet. Set up once, when first needed: every column but Umur is "@" text (a NIK or NIP typed as
 * a number would keep only 15 digits), dropdowns where the values are closed. An existing sheet of
 * that name is used when it carries the marker or starts with our exact header row; a user's own
 * different sheet called `Peserta` is refused, never rewritten.
 */
import { t, type Language } from '../../core/i18n';
import {
  ATTENDANCE_VALUES,
  PESERTA_COLUMN,
  PESERTA_HEADERS,
  ROLE_VALUES,
  SEX_VALUES,
  YES_NO_VALUES,
  type PesertaHeader,
  type PesertaRow,
} from '../../core/terpilah/peserta';
import { UserError } from '../sheets/errors';
import { hasMarker } from '../sheets/markers';
import { KEGIATAN_SHEET, PESERTA_SHEET } from '../sheets/names';
import {
  dropdown,
  hasOurHeaders,
  insertRowSheet,
  setDropdowns,
  setUpRowSheet,
  writeInGrid,
  type RowSheetSpec,
} from '../sheets/rows';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheet-level developer metadata marking the add-in's participant register. */
export const PESERTA_KEY = 'sopTerpilah.peserta';

export const PESERTA_SPEC: RowSheetSpec = {
  name: PESERTA_SHEET,
  headers: PESERTA_HEADERS,
  // NIK/NIP keep their 16/18 digits, dates stay as typed; Umur is a number.
  text: new Set(PESERTA_HEADERS.filter((header) => header !== 'Umur')),
  hidden: [],
  widths: {
    Kegiatan: 200,
    Nama: 200,
    NIK: 150,
    NIP: 170,
    'Instansi/OPD': 180,
    Jabatan: 160,
    'Kabupaten/Kota': 140,
    Sumber: 120,
  },
  markerKey: PESERTA_KEY,
  formatRows: formatPesertaRows,
  formatBlock: formatPesertaBlock,
};

/** The closed-value columns: their values and the dropdown's help text. */
const CLOSED_LISTS: [PesertaHeader, string[], string][] = [
  ['Jenis kelamin', SEX_VALUES, 'L (laki-laki) atau P (perempuan).'],
  ['Peran', ROLE_VALUES, 'Peserta, Narasumber atau Panitia.'],
  ['Disabilitas', YES_NO_VALUES, 'Penyandang disabilitas: Ya atau Tidak.'],
  ['Kehadiran', ATTENDANCE_VALUES, 'Hadir atau Tidak hadir.'],
];

/** Cells a row written to Peserta costs at most: its values, its text format, its dropdowns (and Kegiatan's). */
export const PESERTA_ROW_CELLS = PESERTA_HEADERS.length + PESERTA_SPEC.text.size + CLOSED_LISTS.length + 1;

/**
 * The sheet, set up when it did not exist; a user's own different `Peserta` is refused.
 * `existing`: the sheet of that name when the caller has just looked it up (null: none).
 */
export function ensurePesertaSheet(
  spreadsheet: Spreadsheet,
  language: Language,
  existing: Sheet | null = spreadsheet.getSheetByName(PESERTA_SHEET),
): Sheet {
  if (!existing) return insertRowSheet(spreadsheet, PESERTA_SPEC, language);
  if (hasMarker(existing, PESERTA_KEY)) return existing;
  if (existing.getLastRow() === 0) setUpRowSheet(spreadsheet, existing, PESERTA_SPEC);
  // A copy that lost its metadata keeps working; any other sheet of that name is the user's.
  else if (!hasOurHeaders(existing, PESERTA_SPEC))
    throw new UserError(t(language, 'pesertaNotOurSheet', { sheet: PESERTA_SHEET }));
  return existing;
}

/** The four closed-value dropdowns, by column (built locally: no service call). */
function closedRules(): [PesertaHeader, GoogleAppsScript.Spreadsheet.DataValidation][] {
  return CLOSED_LISTS.map(([header, values, help]) => [header, dropdown(values, help)]);
}

/** The four closed-value dropdowns and the activity list, on set-up rows and on rows the grid grows by. */
function formatPesertaRows(sheet: Sheet, firstRow: number, count: number, block?: Range): void {
  // A column of those rows: an offset of the block when there is one (no call), else a getRange.
  const column = (header: PesertaHeader) =>
    block
      ? block.offset(0, PESERTA_COLUMN[header] - 1, count, 1)
      : sheet.getRange(firstRow, PESERTA_COLUMN[header], count, 1);
  for (const [header, rule] of closedRules()) column(header).setDataValidation(rule);
  const activities = activityRule(sheet.getParent());
  if (activities) column('Kegiatan').setDataValidation(activities);
}

/**
 * The activity names of `Kegiatan` (column B), read live by Sheets: new activities appear without
 * the add-in touching `Peserta`. Other names stay allowed (a register may stand alone). null
 * without a `Kegiatan` sheet.
 */
function activityRule(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const kegiatan = spreadsheet.getSheetByName(KEGIATAN_SHEET);
  if (!kegiatan) return null;
  return SpreadsheetApp.newDataValidation()
    .requireValueInRange(kegiatan.getRange('B2:B'), true)
    .setAllowInvalid(true)
    .setHelpText('Nama kegiatan dari sheet Kegiatan (boleh nama lain).')
    .build();
}

/**
 * Writes one row of the add-in's columns at `at`, the row below the last (`max`: the grid's rows),
 * through writeInGrid: with a spare row its formats and values (3 calls); on a full grid the rows
 * grown formatted through one block (formatPesertaBlock: every dropdown in one call).
 */
export function writePesertaRow(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  at: number,
  row: PesertaRow,
  max: number,
): void {
  writeInGrid(spreadsheet, sheet.getRange(1, 1, max, PESERTA_HEADERS.length), PESERTA_SPEC, at, [row]);
}

/** The set-up rows' dropdowns on rows the grid grows by, in one setDataValidations (writeInGrid). */
function formatPesertaBlock(block: Range, _firstRow: number, spreadsheet: Spreadsheet): void {
  const rules = new Map<number, GoogleAppsScript.Spreadsheet.DataValidation>(
    closedRules().map(([header, rule]) => [PESERTA_COLUMN[header], rule]),
  );
  const activities = activityRule(spreadsheet);
  if (activities) rules.set(PESERTA_COLUMN.Kegiatan, activities);
  setDropdowns(block, rules);
}
