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
} from '../../core/terpilah/peserta';
import { UserError } from '../sheets/errors';
import { hasMarker } from '../sheets/markers';
import { KEGIATAN_SHEET, PESERTA_SHEET } from '../sheets/names';
import { dropdown, hasOurHeaders, insertRowSheet, setUpRowSheet, type RowSheetSpec } from '../sheets/rows';

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

/** The sheet, set up when it did not exist; a user's own different `Peserta` is refused. */
export function ensurePesertaSheet(spreadsheet: Spreadsheet, language: Language): Sheet {
  const existing = spreadsheet.getSheetByName(PESERTA_SHEET);
  if (!existing) return insertRowSheet(spreadsheet, PESERTA_SPEC, language);
  if (hasMarker(existing, PESERTA_KEY)) return existing;
  if (existing.getLastRow() === 0) setUpRowSheet(spreadsheet, existing, PESERTA_SPEC);
  // A copy that lost its metadata keeps working; any other sheet of that name is the user's.
  else if (!hasOurHeaders(existing, PESERTA_SPEC))
    throw new UserError(t(language, 'pesertaNotOurSheet', { sheet: PESERTA_SHEET }));
  return existing;
}

/** The four closed-value dropdowns and the activity list, on set-up rows and on rows the grid grows by. */
function formatPesertaRows(sheet: Sheet, firstRow: number, count: number): void {
  const column = (header: PesertaHeader) => sheet.getRange(firstRow, PESERTA_COLUMN[header], count, 1);
  column('Jenis kelamin').setDataValidation(dropdown(SEX_VALUES, 'L (laki-laki) atau P (perempuan).'));
  column('Peran').setDataValidation(dropdown(ROLE_VALUES, 'Peserta, Narasumber atau Panitia.'));
  column('Disabilitas').setDataValidation(dropdown(YES_NO_VALUES, 'Penyandang disabilitas: Ya atau Tidak.'));
  column('Kehadiran').setDataValidation(dropdown(ATTENDANCE_VALUES, 'Hadir atau Tidak hadir.'));
  activityDropdown(sheet.getParent(), sheet, firstRow, count);
}

/**
 * The activity names of `Kegiatan` (column B), read live by Sheets: new activities appear without
 * the add-in touching `Peserta`. Other names stay allowed (a register may stand alone).
 */
function activityDropdown(spreadsheet: Spreadsheet, sheet: Sheet, firstRow: number, count: number): void {
  const kegiatan = spreadsheet.getSheetByName(KEGIATAN_SHEET);
  if (!kegiatan) return;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInRange(kegiatan.getRange('B2:B'), true)
    .setAllowInvalid(true)
    .setHelpText('Nama kegiatan dari sheet Kegiatan (boleh nama lain).')
    .build();
  sheet.getRange(firstRow, PESERTA_COLUMN.Kegiatan, count, 1).setDataValidation(rule);
}
