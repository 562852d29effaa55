/**
 * The participant register `Peserta`: one row per participant of an activity, typed by staff,
 * added from the sidebar or imported from another sheet. Set up once, when first needed: header
 * row, "@" text format on the text columns (a NIK or NIP typed as a number would keep only 15
 * digits), dropdowns where the values are closed, widths, the marker. An existing sheet of that
 * name is used when it carries the marker or starts with our exact header row; a user's own
 * different sheet called `Peserta` is refused, never rewritten.
 */
import { t, type Language } from '../../core/i18n';
import { columnToLetters } from '../../core/plan/a1';
import type { RowValue } from '../../core/progress/row-labels';
import { KEGIATAN, type ProgressSheetSpec } from '../progress/sheets';
import { UserError } from '../sheets/errors';
import { hasMarker } from '../templates/markers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PESERTA = 'Peserta';
/** Sheet-level developer metadata marking the add-in's participant register. */
export const PESERTA_KEY = 'sopTerpilah.peserta';
/** When the sheet must grow, it grows by at least this many rows. */
const GROW_ROWS = 1000;

export const PESERTA_HEADERS = [
  'Kegiatan',
  'Nama',
  'NIK',
  'NIP',
  'Jenis kelamin',
  'Tanggal lahir',
  'Umur',
  'Peran',
  'Instansi/OPD',
  'Jabatan',
  'Kabupaten/Kota',
  'Disabilitas',
  'Kehadiran',
  'Sumber',
] as const;

export type PesertaHeader = (typeof PESERTA_HEADERS)[number];
export const PESERTA_COLUMN = Object.fromEntries(PESERTA_HEADERS.map((h, i) => [h, i + 1])) as Record<
  PesertaHeader,
  number
>;

/** The closed values the dropdowns offer (what core reads back as L/P, roles, yes/no). */
export const SEX_VALUES = ['L', 'P'];
export const ROLE_VALUES = ['Peserta', 'Narasumber', 'Panitia'];
export const YES_NO_VALUES = ['Ya', 'Tidak'];
export const ATTENDANCE_VALUES = ['Hadir', 'Tidak hadir'];

export const PESERTA_SPEC: ProgressSheetSpec = {
  name: PESERTA,
  headers: PESERTA_HEADERS,
  // Every column but Umur (a number) is text: NIK/NIP keep their 16/18 digits, dates as typed.
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
};

/** One Peserta row: the values of PESERTA_HEADERS in order. */
export type PesertaRow = RowValue[];

/** The sheet, set up when it did not exist; a user's own different `Peserta` is refused. */
export function ensurePesertaSheet(spreadsheet: Spreadsheet, language: Language): Sheet {
  const existing = spreadsheet.getSheetByName(PESERTA);
  if (existing) {
    checkOwnPeserta(existing, language);
    return existing;
  }
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(PESERTA, spreadsheet.getNumSheets());
  setUp(spreadsheet, sheet);
  active.activate();
  return sheet;
}

function checkOwnPeserta(sheet: Sheet, language: Language): void {
  if (hasMarker(sheet, PESERTA_KEY)) return;
  const last = sheet.getLastRow();
  if (last === 0) {
    setUp(sheet.getParent(), sheet);
    return;
  }
  const headers = sheet.getRange(1, 1, 1, PESERTA_HEADERS.length).getValues()[0];
  // A copy that lost its metadata keeps working; any other sheet of that name is the user's.
  if (!PESERTA_HEADERS.every((header, i) => String(headers[i]).trim() === header))
    throw new UserError(t(language, 'pesertaNotOurSheet', { sheet: PESERTA }));
}

/** Header, text formats, dropdowns, widths, frozen row, marker: a fixed number of calls. */
function setUp(spreadsheet: Spreadsheet, sheet: Sheet): void {
  const width = PESERTA_HEADERS.length;
  sheet
    .getRange(1, 1, 1, width)
    .setNumberFormat('@')
    .setValues([[...PESERTA_HEADERS]])
    .setFontWeight('bold')
    .setBackground('#e8eaed');
  sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  formatPesertaRows(sheet, 2, rows);
  const kegiatan = spreadsheet.getSheetByName(KEGIATAN);
  if (kegiatan) {
    // The activity names of `Kegiatan` (column B), read live by Sheets: new activities appear
    // without the add-in touching `Peserta`. Other names stay allowed (a register may stand alone).
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInRange(kegiatan.getRange('B2:B'), true)
      .setAllowInvalid(true)
      .setHelpText('Nama kegiatan dari sheet Kegiatan (boleh nama lain).')
      .build();
    sheet.getRange(2, PESERTA_COLUMN.Kegiatan, rows, 1).setDataValidation(rule);
  }
  for (const [header, pixels] of Object.entries(PESERTA_SPEC.widths))
    sheet.setColumnWidth(PESERTA_HEADERS.indexOf(header as PesertaHeader) + 1, pixels);
  sheet.addDeveloperMetadata(
    PESERTA_KEY,
    JSON.stringify({ kind: 'peserta', createdAt: new Date().toISOString() }),
  );
}

/** "@" on the text columns (one RangeList) and the four closed-value dropdowns. */
function formatPesertaRows(sheet: Sheet, firstRow: number, count: number): void {
  if (count <= 0) return;
  const last = firstRow + count - 1;
  sheet
    .getRangeList(
      [...PESERTA_SPEC.text].map((header) => {
        const letter = columnToLetters(PESERTA_HEADERS.indexOf(header as PesertaHeader) + 1);
        return `${letter}${firstRow}:${letter}${last}`;
      }),
    )
    .setNumberFormat('@');
  const dropdown = (values: string[], help: string) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList(values, true)
      .setAllowInvalid(false)
      .setHelpText(help)
      .build();
  const column = (header: PesertaHeader) => sheet.getRange(firstRow, PESERTA_COLUMN[header], count, 1);
  column('Jenis kelamin').setDataValidation(dropdown(SEX_VALUES, 'L (laki-laki) atau P (perempuan).'));
  column('Peran').setDataValidation(dropdown(ROLE_VALUES, 'Peserta, Narasumber atau Panitia.'));
  column('Disabilitas').setDataValidation(dropdown(YES_NO_VALUES, 'Penyandang disabilitas: Ya atau Tidak.'));
  column('Kehadiran').setDataValidation(dropdown(ATTENDANCE_VALUES, 'Hadir atau Tidak hadir.'));
}

/** Grows `Peserta` so that `lastRow` exists (by at least 1000 rows), formatting the new rows. */
export function ensurePesertaRows(sheet: Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow <= max) return;
  const add = Math.max(lastRow - max, GROW_ROWS);
  sheet.insertRowsAfter(max, add);
  formatPesertaRows(sheet, max + 1, add);
}
