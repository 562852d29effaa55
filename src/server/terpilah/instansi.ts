/**
 * The `Instansi` sheet and "Kelompokkan instansi". The sheet holds canonical institution names
 * and the spellings that mean them (core/terpilah/instansi-*.ts); the add-in creates it, seeded,
 * the first time the office groups institutions, and from then on the report and the Satu Data
 * export use its canonical names and list the spellings it does not group. Without the sheet the
 * report is as before (nothing is guessed). The office may edit the sheet by hand: it is read
 * back by its headers.
 *
 * "Kelompokkan instansi" reads Peserta and Instansi once, suggests a canonical name for each
 * ungrouped spelling, and asks once: Yes writes them "Dikonfirmasi", No writes them "Usulan" for
 * the office to decide row by row. The dialog waits outside the document lock; the rows are
 * written under it, after reading the sheet again. Service calls do not grow with the data.
 */
import { t, type Language } from '../../core/i18n';
import {
  InstitutionDirectory,
  STATUS_CONFIRMED,
  STATUS_PENDING,
  INSTANSI_STATUSES,
  type InstitutionRow,
} from '../../core/terpilah/instansi-directory';
import {
  groupInstitutions,
  suggestGroupings,
  suggestionRows,
  ungroupedFindings,
  type Suggestion,
} from '../../core/terpilah/instansi-grouping';
import {
  INSTANSI_HEADERS,
  INSTANSI_SHEET,
  instansiColumns,
  readInstansiValues,
  seedRows,
} from '../../core/terpilah/instansi-sheet';
import { formatNumberId } from '../../core/format';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { UserError } from '../sheets/errors';
import { guarded, type MenuAlert } from '../sheets/guard';
import { withDocumentLock } from '../sheets/lock';
import { hasMarker } from '../sheets/markers';
import { dropdown, ensureRows, insertRowSheet, setUpRowSheet, type RowSheetSpec } from '../sheets/rows';
import { toIsoInZone } from '../../core/time';
import { readPeserta, type PesertaData } from './read';
import { activityDates } from './import';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const INSTANSI_KEY = 'sopTerpilah.instansi';
/** The column the findings name (Peserta's header). */
export const INSTITUTION_COLUMN = 'Instansi/OPD';
/** The dialog lists at most this many suggestions. */
const LISTED = 15;

export const INSTANSI_SPEC: RowSheetSpec = {
  name: INSTANSI_SHEET,
  headers: INSTANSI_HEADERS,
  text: new Set(INSTANSI_HEADERS),
  hidden: [],
  widths: { 'Nama baku': 420, Alias: 280, Status: 110 },
  markerKey: INSTANSI_KEY,
  formatRows: (sheet, firstRow, count) =>
    sheet
      .getRange(firstRow, 3, count, 1)
      .setDataValidation(
        dropdown(
          INSTANSI_STATUSES,
          'Bawaan/Dikonfirmasi = dipakai; Usulan = menunggu konfirmasi; Ditolak = ejaan ini bukan instansi tersebut.',
        ),
      ),
};

interface InstansiSheet {
  sheet: Sheet;
  rows: InstitutionRow[];
  /** 0-based column of each field in the sheet (-1 = absent). */
  columns: { canonical: number; alias: number; status: number };
  width: number;
  ours: boolean;
}

/** Reads the sheet (3 calls); null when there is none. A sheet without "Nama baku" is refused. */
function readInstansiSheet(spreadsheet: Spreadsheet, language: Language): InstansiSheet | null {
  const sheet = spreadsheet.getSheetByName(INSTANSI_SHEET);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const header = values[0] ?? [];
  if (header.every((cell) => cell === '' || cell === null))
    return { sheet, rows: [], columns: { canonical: 0, alias: 1, status: 2 }, width: 3, ours: true };
  const reading = readInstansiValues(values);
  if (!reading.ok)
    throw new UserError(
      t(language, 'instansiNoCanonicalColumn', { sheet: INSTANSI_SHEET, found: reading.found || '-' }),
    );
  const columns = instansiColumns(header);
  const ours = columns.canonical === 0 && columns.alias === 1 && columns.status === 2;
  return { sheet, rows: reading.rows, columns, width: header.length, ours };
}

/** The office's grouping of institutions: its `Instansi` sheet read (3 calls); null without one (1). */
export function instansiDirectory(spreadsheet: Spreadsheet, language: Language): InstitutionDirectory | null {
  const instansi = readInstansiSheet(spreadsheet, language);
  return instansi ? new InstitutionDirectory(instansi.rows) : null;
}

/**
 * The participants with canonical institutions and a finding per ungrouped spelling, when the
 * office has an `Instansi` sheet; the data unchanged without one. 3 calls.
 */
export function groupedPeserta(spreadsheet: Spreadsheet, language: Language, data: PesertaData): PesertaData {
  return groupedBy(instansiDirectory(spreadsheet, language), data);
}

/** groupedPeserta with the directory read already (null: no `Instansi` sheet, the data unchanged). */
export function groupedBy(directory: InstitutionDirectory | null, data: PesertaData): PesertaData {
  if (!directory) return data;
  const grouped = groupInstitutions(data.participants, directory);
  return {
    participants: grouped.participants,
    quality: [...data.quality, ...ungroupedFindings(grouped.ungrouped, INSTITUTION_COLUMN)].sort(
      (a, b) => a.row - b.row,
    ),
  };
}

/** Appends rows in the sheet's own column order, as text: a fixed number of calls. */
function appendRows(instansi: InstansiSheet, rows: readonly InstitutionRow[]): void {
  if (rows.length === 0) return;
  const { sheet, columns } = instansi;
  // A hand-made sheet without an Alias or Status column gets them, after its own columns.
  const missing = (['alias', 'status'] as const).filter((field) => columns[field] < 0);
  if (missing.length > 0) {
    sheet
      .getRange(1, instansi.width + 1, 1, missing.length)
      .setValues([missing.map((field) => (field === 'alias' ? 'Alias' : 'Status'))]);
    missing.forEach((field, i) => (columns[field] = instansi.width + i));
    instansi.width += missing.length;
  }
  const width = instansi.width;
  const first = Math.max(2, sheet.getLastRow() + 1);
  const last = first + rows.length - 1;
  if (instansi.ours) ensureRows(sheet, INSTANSI_SPEC, last);
  else if (last > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  const cells = rows.map((row) => {
    const line: string[] = new Array<string>(width).fill('');
    // A whole NIK lives only in Peserta: one typed into an institution is written masked (that
    // spelling then stays ungrouped, and its finding says so).
    if (columns.canonical >= 0) line[columns.canonical] = maskNiksIn(row.canonical);
    if (columns.alias >= 0) line[columns.alias] = maskNiksIn(row.alias);
    if (columns.status >= 0) line[columns.status] = row.status;
    return line;
  });
  // Plain-text format first: the names are stored exactly as written ("=…", "007").
  sheet.getRange(first, 1, rows.length, width).setNumberFormat('@').setValues(cells);
}

/** The sheet, created and seeded when missing; returns how many seed rows were written. */
function ensureInstansiSheet(
  spreadsheet: Spreadsheet,
  language: Language,
): { instansi: InstansiSheet; seeded: number } {
  const existing = readInstansiSheet(spreadsheet, language);
  if (existing && (existing.rows.length > 0 || hasMarker(existing.sheet, INSTANSI_KEY)))
    return { instansi: existing, seeded: 0 };
  let sheet: Sheet;
  if (existing) {
    // An empty sheet called Instansi (header only, or nothing): set it up as ours.
    if (existing.sheet.getLastRow() > 1)
      throw new UserError(t(language, 'instansiNotOurSheet', { sheet: INSTANSI_SHEET }));
    sheet = existing.sheet;
    setUpRowSheet(spreadsheet, sheet, INSTANSI_SPEC);
  } else sheet = insertRowSheet(spreadsheet, INSTANSI_SPEC, language);
  const instansi: InstansiSheet = {
    sheet,
    rows: [],
    columns: { canonical: 0, alias: 1, status: 2 },
    width: 3,
    ours: true,
  };
  const seed = seedRows();
  appendRows(instansi, seed);
  instansi.rows = seed;
  return { instansi, seeded: seed.length };
}

function suggestionsFor(
  data: PesertaData,
  rows: InstitutionRow[],
): { suggestions: Suggestion[]; pending: number } {
  const directory = new InstitutionDirectory(rows);
  const { ungrouped } = groupInstitutions(data.participants, directory);
  const suggestions = suggestGroupings(ungrouped, directory);
  const pending = ungrouped.filter((u) => u.spellings.some((s) => directory.isPending(s))).length;
  return { suggestions, pending };
}

function readData(spreadsheet: Spreadsheet, language: Language): PesertaData {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const today = toIsoInZone(Date.now(), timeZone).slice(0, 10);
  const data = readPeserta(spreadsheet, language, today, activityDates(spreadsheet));
  if (!data) throw new UserError(t(language, 'terpilahNoPeserta'));
  return data;
}

/** Menu "Kelompokkan instansi". */
export function menuGroupInstitutions(): void {
  guarded((language) => groupInstitutionsFlow(language));
}

function groupInstitutionsFlow(language: Language): MenuAlert | void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const title = t(language, 'instansiTitle');
  const data = readData(spreadsheet, language);
  const { seeded, suggestions, pending } = withDocumentLock(language, () => {
    const { instansi, seeded: count } = ensureInstansiSheet(spreadsheet, language);
    return { seeded: count, ...suggestionsFor(data, instansi.rows) };
  });
  const seededText =
    seeded > 0 ? t(language, 'instansiSeeded', { sheet: INSTANSI_SHEET, count: formatNumberId(seeded) }) : '';
  const withSeeded = (message: string) => ({
    title,
    message: [seededText, message].filter(Boolean).join('\n\n'),
  });
  if (suggestions.length === 0)
    return withSeeded(
      pending > 0
        ? t(language, 'instansiPendingOnly', { count: formatNumberId(pending), sheet: INSTANSI_SHEET })
        : t(language, 'instansiNothingToGroup'),
    );

  const ui = SpreadsheetApp.getUi();
  const lines = suggestions.slice(0, LISTED).map((s) =>
    t(language, 'instansiSuggestLine', {
      spelling: s.spelling,
      canonical: s.canonical,
      isNew: s.isNew ? t(language, 'instansiSuggestNew') : '',
      count: formatNumberId(s.count),
    }),
  );
  if (suggestions.length > LISTED)
    lines.push(t(language, 'instansiSuggestMore', { count: formatNumberId(suggestions.length - LISTED) }));
  const prompt = [
    seededText,
    t(language, 'instansiSuggestIntro', {
      count: formatNumberId(suggestions.length),
      list: lines.join('\n'),
      sheet: INSTANSI_SHEET,
    }),
  ]
    .filter(Boolean)
    .join('\n\n');
  // Spellings are typed text: a NIK typed into one is masked here too.
  const answer = ui.alert(title, maskNiksIn(prompt), ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES && answer !== ui.Button.NO) return;
  const status = answer === ui.Button.YES ? STATUS_CONFIRMED : STATUS_PENDING;

  const written = withDocumentLock(language, () => {
    // Read again: the sheet may have changed while the dialog was open.
    const { instansi } = ensureInstansiSheet(spreadsheet, language);
    const fresh = new InstitutionDirectory(instansi.rows);
    const still = suggestions.filter(
      (s) => fresh.canonicalOf(s.spelling) === null && !fresh.isPending(s.spelling),
    );
    appendRows(instansi, suggestionRows(still, status));
    return still.length;
  });
  return {
    title,
    message: t(language, status === STATUS_CONFIRMED ? 'instansiConfirmed' : 'instansiSavedPending', {
      count: formatNumberId(written),
      sheet: INSTANSI_SHEET,
    }),
  };
}
