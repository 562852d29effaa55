/**
 * Import participants from any sheet (a Google Form's responses, a list made by hand): the header
 * row is found and matched to the register's fields, the person may correct the mapping, and the
 * rows are appended to `Peserta` (the rows themselves are made in core/terpilah/import.ts).
 * Importing the same rows again skips them. Service calls do not depend on the number of rows:
 * one read of the source's header and mapped columns, one of the fingerprints, one batched write.
 */
import { formatNumberId } from '../../core/format';
import { t, type Language } from '../../core/i18n';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { KEGIATAN_HEADERS } from '../../core/progress/kegiatan-rows';
import { toIsoInZone } from '../../core/time';
import { activityListFromRows } from '../../core/progress/views';
import {
  importPreview,
  importRows,
  isEmpty,
  pesertaRowFindings,
  plannedDatesByActivity,
  type ImportSource,
} from '../../core/terpilah/import';
import { columnsToRead, mappedColumns, printPlan } from '../../core/terpilah/import-fingerprint';
import { entryFindingsMessage, entryWarnings } from '../../core/terpilah/entry-check';
import { normaliseRows } from '../../core/terpilah/normalise';
import {
  estimatedImportSeconds,
  importFits,
  importRowsThatFit,
  type ImportSize,
} from '../../core/terpilah/size-guard';
import { PESERTA_COLUMN } from '../../core/terpilah/peserta';
import type { ImportPreview, ImportRequest, ImportResult, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { isCellLimit, UserError } from '../sheets/errors';
import { withDocumentLock } from '../sheets/lock';
import {
  KEGIATAN_SHEET,
  LANGKAH_SHEET,
  PESERTA_COUNTS_SHEET,
  PESERTA_SHEET,
  REPORT_PREFIX,
  RIWAYAT_SHEET,
  SOP_PREFIX,
  TEMPLATE_PREFIX,
} from '../sheets/names';
import { appendRows } from '../sheets/append-rows';
import { ensureRows, registerRows } from '../sheets/rows';
import { ensurePesertaSheet, PESERTA_ROW_CELLS, PESERTA_SPEC } from './peserta-sheet';
import { headerOf, readColumns, readSource } from './import-source';
import { countAppendedRows, freshIndex, startIndex } from './register-counts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `warnings` holds up to MAX_WARNINGS findings; the message names their types and the first. */
const MAX_WARNINGS = 100;

/** Sheets the add-in writes itself: never a source. */
const OWN_SHEETS = new Set([
  PESERTA_SHEET,
  PESERTA_COUNTS_SHEET,
  KEGIATAN_SHEET,
  LANGKAH_SHEET,
  RIWAYAT_SHEET,
]);
const OWN_PREFIXES = [SOP_PREFIX, TEMPLATE_PREFIX, REPORT_PREFIX];

/** Every sheet a list may come from: the add-in's own sheets are left out. */
export const listImportSheets: SidebarApi['listImportSheets'] = (): string[] =>
  SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((sheet) => sheet.getName())
    .filter((name) => !OWN_SHEETS.has(name) && !OWN_PREFIXES.some((prefix) => name.startsWith(prefix)));

/**
 * The preview reads the first rows only (the header is looked for in the first 10, then 3 rows are
 * shown), not the whole source: a 50,000-row form answers as fast as a 5-row one. Rows past the
 * rows read are counted up to the last filled row (a form's sheet has no blank rows; the import
 * itself counts exactly, blank rows included).
 */
const PREVIEW_ROWS = 40;
const SHOWN_ROWS = 3;

export const previewImport: SidebarApi['previewImport'] = (sourceSheet: string): ImportPreview => {
  const language = getLanguage();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { sheet, name } = sourceSheetOf(spreadsheet, sourceSheet, language);
  const last = sheet.getLastRow();
  const width = Math.max(1, sheet.getLastColumn());
  let read = Math.min(Math.max(1, last), PREVIEW_ROWS);
  let values = sheet.getRange(1, 1, read, width).getValues();
  let source = headerOf(name, values, language);
  // Blank rows below the header: read on (a few times more each time) until 3 rows can be shown.
  while (read < last && dataRowsIn(source) < SHOWN_ROWS) {
    const more = Math.min(last, read * 4) - read;
    values = values.concat(sheet.getRange(read + 1, 1, more, width).getValues());
    read += more;
    source = { ...source, values };
  }
  const preview = importPreview(source, spreadsheet.getSpreadsheetTimeZone());
  const rowCount = preview.rowCount + Math.max(0, last - read);
  // Said now, before the person maps the columns: the import of the suggested ones would be refused.
  const size = {
    rows: last,
    columnsRead: mappedColumns(preview.mapping).length,
    cellsWrittenPerRow: PESERTA_ROW_CELLS,
  };
  const warning = tooLarge('importTooLargePreview', name, size, language);
  if (warning) return { ...preview, rowCount, tooLarge: warning };
  const duration = durationOf(size, language);
  return { ...preview, rowCount, ...(duration ? { duration } : {}) };
};

/** From this many estimated seconds the preview says how long the import may take (~10,000 rows). */
const IMPORT_SAYS_DURATION = 10;

/** "Perkiraan lama impor: hingga 50 detik; …" (the size guard's upper bound), or null for a short import. */
function durationOf(size: ImportSize, language: Language): string | null {
  const seconds = estimatedImportSeconds(size);
  if (seconds < IMPORT_SAYS_DURATION) return null;
  const time =
    seconds < 120
      ? t(language, 'importSeconds', { n: formatNumberId(Math.ceil(seconds / 5) * 5) })
      : t(language, 'importMinutes', { n: formatNumberId(Math.ceil(seconds / 60)) });
  return t(language, 'importDuration', { time });
}

const dataRowsIn = (source: ImportSource) =>
  source.values.slice(source.headerIndex + 1).filter((row) => !isEmpty(row)).length;

export const importParticipants: SidebarApi['importParticipants'] = (
  request: ImportRequest,
): ImportResult => {
  const language = getLanguage();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const input = (request ?? {}) as Partial<ImportRequest>;
  const picked = sourceSheetOf(spreadsheet, String(input.sourceSheet ?? ''), language);
  const source = readSource(picked.sheet, picked.name, input.mapping, language, (rows, columns) =>
    refuseTooLarge(
      picked.name,
      { rows, columnsRead: columns, cellsWrittenPerRow: PESERTA_ROW_CELLS },
      language,
    ),
  );
  const { mapping, rows, firstRow } = source;
  if (mapping.name === undefined && mapping.sex === undefined)
    throw new UserError(t(language, 'importNeedNameOrSex'));
  const activity = String(input.activity ?? '')
    .trim()
    .slice(0, 200);
  const dates = activityDates(spreadsheet);
  const referenceDate = toIsoInZone(Date.now(), timeZone).slice(0, 10);
  // Normalised before the lock is taken: the lock is held only for the reads and the write.
  const { participants } = normaliseRows(rows, mapping, {
    firstRow,
    referenceDate,
    timeZone,
    activityDates: dates,
    ...(activity ? { defaultActivity: activity } : {}),
  });

  const { out, at } = withDocumentLock(language, () => {
    const existing = spreadsheet.getSheetByName(PESERTA_SHEET);
    const noRoom = () =>
      new UserError(t(language, 'importNoRoom', { rows: formatNumberId(source.rows.length) }));
    const sheet = withinCellLimit(() => ensurePesertaSheet(spreadsheet, language, existing), noRoom);
    const last = sheet.getLastRow();
    const known =
      last >= 2
        ? sheet
            .getRange(2, PESERTA_COLUMN.Sumber, last - 1, 1)
            .getValues()
            .map(([value]) => String(value))
        : [];
    const sourceSheet = source.name;
    // Rows imported before under other columns (another mapping, or version-1 prints of every
    // column): those columns are read too, so that their prints can be recognised.
    const more = columnsToRead(printPlan(known, sourceSheet, mapping), source.width).filter(
      (c) => !source.read.has(c),
    );
    readColumns(source, more);
    const out = importRows({ sourceSheet, rows, firstRow, mapping, participants, activity, timeZone }, known);
    const at = Math.max(2, last + 1);
    const gridRows = roomFor(spreadsheet, sheet, existing === null, at + out.rows.length - 1, noRoom);
    // A register set up just now starts its index here; any other is counted on if fresh.
    const setUp = existing === null || last <= 1;
    const fresh =
      out.rows.length === 0
        ? null
        : setUp
          ? startIndex(spreadsheet, sheet, timeZone)
          : freshIndex(spreadsheet, sheet, last);
    appendRows(sheet, PESERTA_SPEC, at, out.rows, existing === null, gridRows);
    if (fresh) countAppendedRows(last, out.rows, fresh);
    return { out, at };
  });
  // The rows as written, read the way the report reads them: one finding, in both places.
  const findings = entryWarnings(
    pesertaRowFindings(out.rows, at, { referenceDate, timeZone, activityDates: dates }),
  );
  const warnings = findings.map((finding) => finding.message);
  const done = t(language, 'importDone', { imported: out.rows.length, skipped: out.skipped });
  const message = [done, entryFindingsMessage(findings, PESERTA_SHEET, language)].filter(Boolean).join(' ');
  return {
    sheetName: PESERTA_SHEET,
    imported: out.rows.length,
    skipped: out.skipped,
    empty: out.empty,
    warnings: warnings.slice(0, MAX_WARNINGS),
    message: maskNiksIn(message),
  };
};

/** A source whose import would not finish in one execution: refused before any cell is read. */
function refuseTooLarge(sheet: string, size: ImportSize, language: Language): void {
  const message = tooLarge('importTooLarge', sheet, size, language);
  if (message) throw new UserError(message);
}

/** The message of `key` when an import of this size would not fit one execution, else null. */
function tooLarge(
  key: 'importTooLarge' | 'importTooLargePreview',
  sheet: string,
  size: ImportSize,
  language: Language,
): string | null {
  if (importFits(size)) return null;
  return t(language, key, {
    sheet,
    rows: formatNumberId(size.rows),
    seconds: formatNumberId(Math.round(estimatedImportSeconds(size))),
    max: formatNumberId(importRowsThatFit(size)),
  });
}

/**
 * Grows Peserta's grid for rows up to `lastRow` before anything else is written (the index, the
 * rows): a workbook without room for them (Sheets' 10 million cells) is refused with none written,
 * and a register set up in this execution is removed again. Gives the grid's rows before.
 */
function roomFor(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  setUpNow: boolean,
  lastRow: number,
  noRoom: () => UserError,
): number {
  const gridRows = sheet.getMaxRows();
  withinCellLimit(
    () => ensureRows(sheet, PESERTA_SPEC, lastRow, gridRows),
    () => {
      if (setUpNow) spreadsheet.deleteSheet(sheet);
      return noRoom();
    },
  );
  return gridRows;
}

/** `fn`, with Sheets' refusal to grow a workbook past its cells thrown as `refusal()` instead. */
function withinCellLimit<T>(fn: () => T, refusal: () => UserError): T {
  try {
    return fn();
  } catch (e) {
    throw isCellLimit(e) ? refusal() : e;
  }
}

/** The sheet a list is imported from: one the person named, not one of the add-in's. */
function sourceSheetOf(
  spreadsheet: Spreadsheet,
  requested: string,
  language: Language,
): { sheet: Sheet; name: string } {
  const name = String(requested ?? '').trim();
  if (name === '' || OWN_SHEETS.has(name)) throw new UserError(t(language, 'importChooseSheet'));
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new UserError(t(language, 'importSheetMissing', { sheet: name }));
  return { sheet, name };
}

/** Activity name (and id) → its planned date, from `Kegiatan` when it exists. */
export function activityDates(spreadsheet: Spreadsheet): Record<string, string> {
  return plannedDatesByActivity(
    activityListFromRows(registerRows(spreadsheet, KEGIATAN_SHEET, KEGIATAN_HEADERS.length)),
  );
}
