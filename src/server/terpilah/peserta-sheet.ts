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
  formatsOf,
  hasOurHeaders,
  insertRowSheet,
  setUpRowSheet,
  toCells,
  writeRows,
  type RowSheetSpec,
} from '../sheets/rows';

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
};

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
  return [
    ['Jenis kelamin', dropdown(SEX_VALUES, 'L (laki-laki) atau P (perempuan).')],
    ['Peran', dropdown(ROLE_VALUES, 'Peserta, Narasumber atau Panitia.')],
    ['Disabilitas', dropdown(YES_NO_VALUES, 'Penyandang disabilitas: Ya atau Tidak.')],
    ['Kehadiran', dropdown(ATTENDANCE_VALUES, 'Hadir atau Tidak hadir.')],
  ];
}

/** The four closed-value dropdowns and the activity list, on set-up rows and on rows the grid grows by. */
function formatPesertaRows(sheet: Sheet, firstRow: number, count: number): void {
  for (const [header, rule] of closedRules())
    sheet.getRange(firstRow, PESERTA_COLUMN[header], count, 1).setDataValidation(rule);
  const activities = activityRule(sheet.getParent());
  if (activities) sheet.getRange(firstRow, PESERTA_COLUMN.Kegiatan, count, 1).setDataValidation(activities);
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
 * Rows the sidebar's add grows a full grid by. Each costs ~27 cells written (formats, dropdowns),
 * ~0.3 ms in Sheets: 100 keep that click well within its 2 s; the grid grows again 100 adds later.
 * (The import grows by what it needs, through ensureRows.)
 */
const ADD_GROW_ROWS = 100;

/**
 * Writes one row of the add-in's columns at `at`, the row below the last (`max`: the grid's rows).
 * With a spare row: its formats and values (3 calls, as writeRows). On a full grid: ADD_GROW_ROWS
 * rows inserted, formatted like the set-up ones through one Range (the formats of every column,
 * then every dropdown in one setDataValidations), and the row written through it (offset is local):
 * 5 calls, 2 more for the activity list when `Kegiatan` exists.
 */
export function writePesertaRow(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  at: number,
  row: PesertaRow,
  max: number,
): void {
  if (at <= max) return writeRows(sheet, PESERTA_SPEC, at, [row]);
  const count = at - max - 1 + ADD_GROW_ROWS;
  sheet.insertRowsAfter(max, count);
  const block = sheet
    .getRange(max + 1, 1, count, PESERTA_HEADERS.length)
    .setNumberFormats(formatsOf(PESERTA_SPEC, count));
  const rules = new Map<number, GoogleAppsScript.Spreadsheet.DataValidation>(
    closedRules().map(([header, rule]) => [PESERTA_COLUMN[header], rule]),
  );
  const activities = activityRule(spreadsheet);
  if (activities) rules.set(PESERTA_COLUMN.Kegiatan, activities);
  // From the first column with a dropdown to the last; the others in between get none.
  const first = Math.min(...rules.keys());
  const width = Math.max(...rules.keys()) - first + 1;
  const line = Array.from({ length: width }, (_, i) => rules.get(first + i) ?? null);
  block.offset(0, first - 1, count, width).setDataValidations(Array.from({ length: count }, () => line));
  block.offset(at - max - 1, 0, 1, PESERTA_HEADERS.length).setValues(toCells(PESERTA_SPEC, [row]));
}
