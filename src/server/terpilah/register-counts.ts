/**
 * `Peserta`'s index, kept in a hidden sheet of the add-in's (names.ts PESERTA_COUNTS_SHEET), so
 * that a sidebar click reads a few cells whatever the register's size:
 *  - row 1: A the signature, B the edit mark, C the stamp, D… the counts per activity (the headline);
 *  - rows 2 and 3: the NIK code and the name code of every row, 6 characters each (the form's
 *    duplicate check: core/terpilah/register-counts.ts), when `Peserta` has the add-in's columns.
 * Every add-in write to `Peserta` (add, import) adds its rows in the same lock. A person's edit of
 * `Peserta` (or of this sheet) writes a new edit mark (./on-edit.ts); rows inserted or deleted
 * change `Peserta`'s last row (onEdit does not fire for them). The index is used only when its
 * stamp matches all of that; else it is recounted from `Peserta` once and stored again. Cell B1
 * is written only by onEdit (and when a check finds the index wrong), so a mark written while a
 * recount runs makes that recount stale, never lost.
 */
import type { Language } from '../../core/i18n';
import { matchHeaders } from '../../core/terpilah/headers';
import type { ColumnMapping } from '../../core/terpilah/model';
import { normaliseRows, NO_ACTIVITY } from '../../core/terpilah/normalise';
import type { ReportTallies } from '../../core/terpilah/report-tallies';
import { PESERTA_COLUMN, PESERTA_HEADERS } from '../../core/terpilah/peserta';
import {
  activityKey,
  addCounts,
  CHUNK_CHARS,
  CODE_CHARS,
  countByActivity,
  COUNTS_SIGNATURE,
  decodeCounts,
  encodeCounts,
  fromChunks,
  rowCodes,
  sameStamp,
  toChunks,
  type ActivityCounts,
  type CountsStamp,
  type KeyCells,
  type StoredCounts,
} from '../../core/terpilah/register-counts';
import { UserError } from '../sheets/errors';
import { HIDDEN_SHEET_COLUMNS, insertHiddenSheet } from '../sheets/hidden-sheet';
import { withDocumentLock } from '../sheets/lock';
import { hasMarker } from '../sheets/markers';
import { PESERTA_COUNTS_SHEET } from '../sheets/names';
import { pesertaMapping, type PesertaRead } from './read';
import { appendToTallies, TALLY_ROW, talliesFor, writeTallies } from './report-tallies';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A new sheet's columns: more chunks than fit need columns added. */
/** Developer metadata key of the index sheet. */
export const COUNTS_KEY = 'sopTerpilah.registerCounts';
/**
 * The recount reads six columns whole; past this many cells (500,000 participants, about 160 s
 * of the 6-minute limit in the latency model's typical case) no index is kept.
 */
const RECOUNT_COLUMNS = 6;
const MAX_RECOUNT_CELLS = 3_000_000;
/** The document property holding the secret the duplicate codes are keyed with. */
const SECRET_KEY = 'sopTerpilah.indexSecret';

/** The index sheet as read: `ours` false for a user's sheet of that name. */
export interface IndexSheet {
  sheet: Sheet;
  ours: boolean;
  /** A1 holds the signature (a person may have emptied the sheet: then it is written again). */
  signed: boolean;
  mark: string;
  stored: StoredCounts | null;
  /** Rows 2 and 3 when asked for and complete: the codes of sheet rows 2, 3, … */
  codes: { nik: string; name: string } | null;
  /** Row 4 when asked for: the report's tallies (./report-tallies.ts). */
  tallyRow?: unknown[];
}

/** The index sheet; its codes too when `withCodes` (the whole sheet), else row 1 only. */
export function readIndex(spreadsheet: Spreadsheet, withCodes: boolean): IndexSheet | null {
  const sheet = spreadsheet.getSheetByName(PESERTA_COUNTS_SHEET);
  if (!sheet) return null;
  const values = (withCodes ? sheet.getDataRange() : sheet.getRange('1:1')).getValues();
  const row = values[0] ?? [];
  const signed = row[0] === COUNTS_SIGNATURE;
  // A sheet the add-in made and a person emptied is still ours; any other is the user's.
  const ours = signed || hasMarker(sheet, COUNTS_KEY);
  const empty = { sheet, ours, signed, mark: '', stored: null, codes: null };
  if (!ours) return empty;
  const stored = decodeCounts(row.slice(2));
  const mark = String(row[1] ?? '');
  if (!withCodes) return { ...empty, mark, stored };
  const tallyRow = values[TALLY_ROW - 1];
  if (!stored?.keys) return { ...empty, mark, stored, tallyRow };
  const codes = (line: unknown[] | undefined) => fromChunks((line ?? []).filter((cell) => cell !== ''));
  const nik = codes(values[1]);
  const name = codes(values[2]);
  const length = (stored.stamp.lastRow - 1) * CODE_CHARS;
  const complete = nik !== null && name !== null && nik.length === length && name.length === length;
  return { ...empty, mark, stored, codes: complete ? { nik, name } : null, tallyRow };
}

export function stampOf(
  peserta: Sheet,
  mark: string,
  timeZone: string,
  lastRow: number = peserta.getLastRow(),
): CountsStamp {
  return { mark, sheetId: peserta.getSheetId(), lastRow, lastColumn: peserta.getLastColumn(), timeZone };
}

/** What the index holds: the counts, and the codes (null: not kept, `Peserta` has other columns). */
interface Content {
  counts: ActivityCounts;
  codes: { nik: string; name: string } | null;
}

/**
 * Writes row 1 (C onwards: B is the mark) and, when the codes are kept, rows 2 and 3 from the
 * chunk `fromChunk` on (an append changes only the last chunks).
 */
function writeIndex(
  index: { sheet: Sheet; signed: boolean },
  stamp: CountsStamp,
  content: Content,
  fromChunk = 0,
): string {
  const { sheet } = index;
  // Tallies written with an earlier generation no longer go with this index (./report-tallies.ts).
  const generation = `g${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
  const head = encodeCounts(stamp, content.counts, content.codes !== null, generation);
  const nik = content.codes ? toChunks(content.codes.nik) : [];
  const name = content.codes ? toChunks(content.codes.name) : [];
  const columns = Math.max(head.length + 2, nik.length, name.length);
  if (columns > HIDDEN_SHEET_COLUMNS && columns > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  if (!index.signed) sheet.getRange(1, 1).setValue(COUNTS_SIGNATURE);
  sheet.getRange(1, 3, 1, head.length).setValues([head]);
  const width = Math.max(nik.length, name.length) - fromChunk;
  if (!content.codes || width <= 0) return generation;
  const pad = (chunks: string[]) => Array.from({ length: width }, (_, i) => chunks[fromChunk + i] ?? '');
  sheet.getRange(2, fromChunk + 1, 2, width).setValues([pad(nik), pad(name)]);
  return generation;
}

/** The sheet, made hidden when missing; the person stays on the sheet they were on. */
function createIndexSheet(spreadsheet: Spreadsheet): Sheet {
  const sheet = insertHiddenSheet(spreadsheet, PESERTA_COUNTS_SHEET, COUNTS_KEY, 'registerCounts');
  sheet.getRange(1, 1).setValue(COUNTS_SIGNATURE);
  return sheet;
}

/** The secret the codes are keyed with (made once, kept in the document's properties). */
function secret(create: boolean): string | null {
  const properties = PropertiesService.getDocumentProperties();
  const kept = properties.getProperty(SECRET_KEY);
  if (kept || !create) return kept;
  const made = Array.from({ length: 4 }, () => Math.floor(Math.random() * 2 ** 32).toString(36)).join('');
  properties.setProperty(SECRET_KEY, made);
  return made;
}

/**
 * The counts for the headline of a named activity: stored ones when fresh, else a recount that is
 * stored again (`always`: whatever the stamp says; `fresh`: never recount, answer 'stale'). null
 * when no index can be kept (a user's sheet has its name, a register too large): read `Peserta`
 * the usual way.
 */
export function headlineCounts(
  spreadsheet: Spreadsheet,
  peserta: Sheet,
  language: Language,
  timeZone: string,
  when: 'fresh' | 'stale' | 'always' = 'stale',
): { counts: ActivityCounts; recounted: boolean } | 'stale' | null {
  const found = readIndex(spreadsheet, false);
  if (found && !found.ours) return null;
  const before = stampOf(peserta, found?.mark ?? '', timeZone);
  if (when !== 'always' && found?.stored && sameStamp(found.stored.stamp, before))
    return { counts: found.stored.counts, recounted: false };
  if (when === 'fresh') return 'stale';
  // A register too large to recount in one execution: its headline reads only its activity's rows.
  if ((before.lastRow - 1) * RECOUNT_COLUMNS > MAX_RECOUNT_CELLS) return null;
  const key = secret(true) ?? '';
  const content = recount(peserta, language, timeZone, before.lastRow, key);
  try {
    withDocumentLock(language, () => {
      // Stored only when nothing changed during the recount (an add, an import, an edit).
      const now = readIndex(spreadsheet, false);
      if (now && !now.ours) return;
      if (!sameStamp(stampOf(peserta, now?.mark ?? '', timeZone), before)) return;
      writeIndex(now ?? { sheet: createIndexSheet(spreadsheet), signed: true }, before, content);
    });
  } catch (error) {
    // Busy: the figures are right, storing them waits for the next time.
    if (!(error instanceof UserError)) throw error;
  }
  return { counts: content.counts, recounted: true };
}

/** Whether the header is the add-in's own layout (the form's duplicate check reads it by PESERTA_COLUMN). */
const isOurLayout = (header: readonly unknown[]) =>
  PESERTA_HEADERS.every((name, i) => String(header[i] ?? '').trim() === name);

/**
 * The counts of every named activity of `Peserta`, from the columns the headline's figures come
 * from (activity, sex, NIK, NIP), each read whole and normalised as the full register would be;
 * with the add-in's columns, also name and institution for the rows' codes.
 */
function recount(peserta: Sheet, language: Language, timeZone: string, last: number, key: string): Content {
  const width = peserta.getLastColumn();
  if (last < 1 || width === 0) return { counts: {}, codes: null };
  const header = peserta.getRange(1, 1, 1, width).getValues()[0];
  // Codes only for the add-in's own columns: the form reads them by PESERTA_COLUMN, and rows the
  // add-in appends are counted by them (an index without codes makes the next append recount).
  const ours = isOurLayout(header);
  const mapping = pesertaMapping(header, language);
  if (!mapping || mapping.activity === undefined || last < 2)
    return { counts: {}, codes: ours ? { nik: '', name: '' } : null };
  const count = last - 1;
  const grid: unknown[][] = Array.from({ length: count }, () => []);
  const wanted = [mapping.activity, mapping.sex, mapping.nik, mapping.nip];
  if (ours) wanted.push(PESERTA_COLUMN.Nama - 1, PESERTA_COLUMN['Instansi/OPD'] - 1);
  for (const c of new Set(wanted.filter((c): c is number => c !== undefined)))
    peserta
      .getRange(2, c + 1, count, 1)
      .getValues()
      .forEach(([cell], row) => {
        grid[row][c] = cell;
      });
  return { counts: countsOfRows(grid, mapping, timeZone), codes: ours ? codesOf(grid, key) : null };
}

const cellsOf = (row: readonly unknown[]): KeyCells => ({
  activity: row[PESERTA_COLUMN.Kegiatan - 1],
  name: row[PESERTA_COLUMN.Nama - 1],
  nik: row[PESERTA_COLUMN.NIK - 1],
  institution: row[PESERTA_COLUMN['Instansi/OPD'] - 1],
});

/** The codes of rows in the add-in's columns, as read back from the sheet. */
function codesOf(rows: readonly unknown[][], key: string): { nik: string; name: string } {
  const nik: string[] = [];
  const name: string[] = [];
  for (const row of rows) {
    const codes = rowCodes(key, cellsOf(row));
    nik.push(codes.nik);
    name.push(codes.name);
  }
  return { nik: nik.join(''), name: name.join('') };
}

/** Counts of named activities only: the unnamed one counts rows by every column, never from here. */
function countsOfRows(rows: unknown[][], mapping: ColumnMapping, timeZone: string): ActivityCounts {
  // Sex needs no reference date; the normaliser asks for one.
  const { participants } = normaliseRows(rows, mapping, {
    firstRow: 2,
    referenceDate: '2000-01-01',
    timeZone,
  });
  const counts = countByActivity(participants);
  delete counts[activityKey(NO_ACTIVITY)];
  return counts;
}

const OUR_MAPPING = matchHeaders([...PESERTA_HEADERS]).mapping;

/** A fresh index of `Peserta` as it is before a write, with its codes, for the form and the write. */
export interface FreshIndex {
  index: IndexSheet;
  stored: StoredCounts;
  /** `Peserta`'s stamp before the write (the stored one). */
  now: CountsStamp;
  codes: { nik: string; name: string } | null;
  key: string | null;
  peserta: Sheet;
}

/** The index when it is fresh for `peserta` with `last` rows (inside the lock of a write), else null. */
export function freshIndex(spreadsheet: Spreadsheet, peserta: Sheet, last: number): FreshIndex | null {
  const index = readIndex(spreadsheet, true);
  if (!index?.ours || !index.stored) return null;
  const now = stampOf(peserta, index.mark, index.stored.stamp.timeZone, last);
  if (!sameStamp(index.stored.stamp, now)) {
    // Stale (rows deleted or inserted, say): the write about to happen may bring the last row
    // back to the stamp's, so the index is marked stale for good.
    markStale(index);
    return null;
  }
  const key = index.codes ? secret(false) : null;
  return { index, stored: index.stored, now, codes: key ? index.codes : null, key, peserta };
}

/**
 * The index of a register the write has just set up (its header, no rows), when none exists yet:
 * made inside the write's lock, empty and known without reading it back, so the rows the write
 * appends are counted at once (countAppendedRows writes it) and the first headline needs no
 * recount (a first import of 50,000 rows would otherwise be recounted on the first click).
 */
export function startIndex(spreadsheet: Spreadsheet, peserta: Sheet, timeZone: string): FreshIndex | null {
  if (spreadsheet.getSheetByName(PESERTA_COUNTS_SHEET)) return freshIndex(spreadsheet, peserta, 1);
  const key = secret(true) ?? '';
  const sheet = createIndexSheet(spreadsheet);
  const now = stampOf(peserta, '', timeZone, 1);
  const codes = { nik: '', name: '' };
  const stored: StoredCounts = {
    stamp: now,
    counts: Object.create(null) as ActivityCounts,
    keys: true,
    generation: '',
  };
  const index: IndexSheet = { sheet, ours: true, signed: true, mark: '', stored, codes };
  return { index, stored, now, codes, key, peserta };
}

/** Makes the index stale (a check found it wrong): the next click recounts. */
export function markStale(index: IndexSheet): void {
  index.sheet.getRange(1, 2).setValue(`s${Date.now().toString(36)}`);
}

/**
 * After the add-in appended `rows` (in `Peserta`'s own columns) below row `lastBefore`, inside the
 * lock of that write: their counts and codes are added when the index was fresh until then;
 * a stale or missing index is left for the next click to recount.
 */
export function countAppendedRows(
  lastBefore: number,
  rows: readonly unknown[][],
  /** freshIndex, read before the write. */
  fresh: FreshIndex | null,
): void {
  if (!fresh) return;
  const { index, stored } = fresh;
  // The rows went right below the last one, in columns it had already: the last row moved by
  // their number unless the last of them is blank (then the codes would not be one per row).
  if (rows.length === 0) return;
  // Counted in the add-in's columns: an index of another layout (a header edited) is recounted.
  if (
    !stored.keys ||
    lastBefore < 1 ||
    rows[rows.length - 1].every((cell) => cell === '' || cell === null || cell === undefined)
  )
    return markStale(index);
  const stamp = { ...fresh.now, lastRow: lastBefore + rows.length };
  const counts = addCounts(
    stored.counts,
    countsOfRows(rows as unknown[][], OUR_MAPPING, stored.stamp.timeZone),
  );
  let codes: Content['codes'] = null;
  let fromChunk = 0;
  let tallies: ReportTallies | null = null;
  if (fresh.codes && fresh.key) {
    const added = codesOf(rows, fresh.key);
    codes = { nik: fresh.codes.nik + added.nik, name: fresh.codes.name + added.name };
    fromChunk = Math.floor(fresh.codes.nik.length / CHUNK_CHARS);
    // The report's tallies, when they were made for this register as it was: the rows added too
    // (other columns than the add-in's own: left stale, the next report reads Peserta).
    tallies =
      fresh.now.lastColumn <= PESERTA_HEADERS.length
        ? talliesFor(index.tallyRow, fresh.now, stored.generation)
        : null;
    if (tallies)
      appendToTallies(fresh.peserta, tallies, {
        lastBefore,
        rows,
        timeZone: stored.stamp.timeZone,
        before: fresh.codes,
        added,
      });
  }
  const generation = writeIndex(index, stamp, { counts, codes }, fromChunk);
  if (tallies) writeTallies(index.sheet, stamp, generation, tallies);
}

/** What the report may use: the tallies (fresh), or the stamp to store a recount under; null: no index kept. */
export type ReportIndex =
  { tallies: ReportTallies } | { before: CountsStamp; index: IndexSheet | null } | null;

/**
 * The report's tallies when the index and they are fresh for `Peserta` (and its ages were
 * computed at the dates they get now), else the stamp a recount is stored under. Row 1 and row 4
 * of the index: a few cells whatever the register's size.
 */
export function reportIndex(
  spreadsheet: Spreadsheet,
  peserta: Sheet,
  timeZone: string,
  dates: { referenceDate: string; activityDates?: Record<string, string> },
): ReportIndex {
  const found = readIndex(spreadsheet, false);
  if (found && !found.ours) return null;
  const before = stampOf(peserta, found?.mark ?? '', timeZone);
  if ((before.lastRow - 1) * RECOUNT_COLUMNS > MAX_RECOUNT_CELLS) return null;
  if (found?.stored && sameStamp(found.stored.stamp, before)) {
    const row = found.sheet.getRange(`${TALLY_ROW}:${TALLY_ROW}`).getValues()[0];
    const tallies = talliesFor(row, before, found.stored.generation);
    if (tallies?.datesMatch(dates.referenceDate, dates.activityDates, timeZone)) return { tallies };
  }
  return { before, index: found };
}

/** `Peserta` as the report read it (./read.ts readPesertaColumns). */
export type ReportRead = PesertaRead;

/**
 * After a report read `Peserta` whole (inside its lock): the index (counts and codes) and the
 * tallies from that read, stored when nothing changed since `before` (an edit's mark, rows).
 */
export function storeReportIndex(
  spreadsheet: Spreadsheet,
  peserta: Sheet,
  kept: { before: CountsStamp; index: IndexSheet | null },
  read: ReportRead,
  tallies: ReportTallies,
): void {
  const { before, index: found } = kept;
  // The sheets are the same ones (the report holds the lock); a person may have typed meanwhile.
  const mark = found ? String(found.sheet.getSheetValues(1, 2, 1, 1)[0][0] ?? '') : '';
  const now = { ...before, mark, lastRow: peserta.getLastRow(), lastColumn: peserta.getLastColumn() };
  if (!sameStamp(now, before)) return;
  const key = secret(true) ?? '';
  const ours = isOurLayout(read.header);
  const { grid, mapping } = read;
  const content: Content = {
    counts: mapping.activity === undefined ? {} : countsOfRows(grid, mapping, before.timeZone),
    codes: ours ? codesOfMapped(grid, mapping, key) : null,
  };
  const index = found ?? { sheet: createIndexSheet(spreadsheet), signed: true };
  writeTallies(index.sheet, before, writeIndex(index, before, content), tallies);
}

/** The codes of rows read under `mapping` (the add-in's columns, renumbered onto the read). */
function codesOfMapped(rows: readonly unknown[][], mapping: ColumnMapping, key: string): Content['codes'] {
  const at = (row: readonly unknown[], column: number | undefined) =>
    column === undefined ? '' : row[column];
  const nik: string[] = [];
  const name: string[] = [];
  for (const row of rows) {
    const codes = rowCodes(key, {
      activity: at(row, mapping.activity),
      name: at(row, mapping.name),
      nik: at(row, mapping.nik),
      institution: at(row, mapping.institution),
    });
    nik.push(codes.nik);
    name.push(codes.name);
  }
  return { nik: nik.join(''), name: name.join('') };
}
