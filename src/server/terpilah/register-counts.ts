/**
 * `Peserta`'s counts per activity, kept in a hidden sheet of the add-in's (names.ts
 * PESERTA_COUNTS_SHEET), so that the headline reads a few cells whatever the register's size.
 * Row 1 holds: A the signature, B the edit mark, C the stamp, D… the counts (core/terpilah/
 * register-counts.ts).
 *  - Every add-in write to `Peserta` (add, import) adds its rows' counts in the same lock.
 *  - A person's edit of `Peserta` (or of this sheet) writes a new edit mark (./on-edit.ts).
 *  - Rows inserted or deleted change `Peserta`'s last row (onEdit does not fire for them).
 * The counts are used only when the stamp matches all of that; else they are recounted from
 * `Peserta` once (its activity, sex, NIK and NIP columns) and stored again. Column B is written
 * only by onEdit, so a mark written while a recount runs makes that recount stale, never lost.
 */
import type { Language } from '../../core/i18n';
import { matchHeaders } from '../../core/terpilah/headers';
import type { ColumnMapping } from '../../core/terpilah/model';
import { normaliseRows, NO_ACTIVITY } from '../../core/terpilah/normalise';
import { PESERTA_HEADERS } from '../../core/terpilah/peserta';
import {
  addCounts,
  countByActivity,
  COUNTS_SIGNATURE,
  decodeCounts,
  encodeCounts,
  activityKey,
  type ActivityCounts,
  type CountsStamp,
} from '../../core/terpilah/register-counts';
import { UserError } from '../sheets/errors';
import { insertHiddenSheet } from '../sheets/hidden-sheet';
import { hasMarker } from '../sheets/markers';
import { withDocumentLock } from '../sheets/lock';
import { PESERTA_COUNTS_SHEET } from '../sheets/names';
import { pesertaMapping } from './read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A new sheet's columns: more chunks than fit need columns added. */
const NEW_SHEET_COLUMNS = 26;

/** Developer metadata key of the counts sheet. */
export const COUNTS_KEY = 'sopTerpilah.registerCounts';

/** The counts sheet as read: null when there is none; `ours` false for a user's sheet of that name. */
interface CountsSheet {
  sheet: Sheet;
  ours: boolean;
  /** A1 holds the signature (a person may have emptied the sheet: then it is written again). */
  signed: boolean;
  mark: string;
  stored: { stamp: CountsStamp; counts: ActivityCounts } | null;
}

function readCountsSheet(spreadsheet: Spreadsheet): CountsSheet | null {
  const sheet = spreadsheet.getSheetByName(PESERTA_COUNTS_SHEET);
  if (!sheet) return null;
  const row = sheet.getDataRange().getValues()[0] ?? [];
  // A sheet the add-in made and a person emptied is still ours; any other is the user's.
  const ours = row[0] === COUNTS_SIGNATURE || hasMarker(sheet, COUNTS_KEY);
  const signed = row[0] === COUNTS_SIGNATURE;
  if (!ours) return { sheet, ours, signed, mark: '', stored: null };
  return { sheet, ours, signed, mark: String(row[1] ?? ''), stored: decodeCounts(row.slice(2)) };
}

function stampOf(peserta: Sheet, mark: string, timeZone: string): CountsStamp {
  return {
    mark,
    sheetId: peserta.getSheetId(),
    lastRow: peserta.getLastRow(),
    lastColumn: peserta.getLastColumn(),
    timeZone,
  };
}

const sameStamp = (a: CountsStamp, b: CountsStamp) =>
  a.mark === b.mark &&
  a.sheetId === b.sheetId &&
  a.lastRow === b.lastRow &&
  a.lastColumn === b.lastColumn &&
  a.timeZone === b.timeZone;

function writeCounts(sheet: Sheet, signed: boolean, stamp: CountsStamp, counts: ActivityCounts): void {
  const cells = encodeCounts(stamp, counts);
  if (!signed) sheet.getRange(1, 1).setValue(COUNTS_SIGNATURE);
  // Column B (the mark) is onEdit's: C onwards (A holds the signature since the sheet was made).
  const columns = cells.length + 2;
  if (columns > NEW_SHEET_COLUMNS && columns > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  sheet.getRange(1, 3, 1, cells.length).setValues([cells]);
}

/** The sheet, made hidden when missing; the person stays on the sheet they were on. */
function createCountsSheet(spreadsheet: Spreadsheet): Sheet {
  const active = spreadsheet.getActiveSheet();
  const sheet = insertHiddenSheet(spreadsheet, PESERTA_COUNTS_SHEET, COUNTS_KEY, 'registerCounts');
  sheet.getRange(1, 1).setValue(COUNTS_SIGNATURE);
  active.activate();
  return sheet;
}

export type HeadlineCounts =
  /** The counts per activity key (named activities only). */
  | { counts: ActivityCounts; recounted: boolean }
  /** No index can be kept (a user's sheet has its name): read `Peserta` the usual way. */
  | null;

/**
 * The counts for the headline of a named activity: stored ones when fresh, else a recount that is
 * stored again (`force`: recount whatever the stamp says).
 */
export function headlineCounts(
  spreadsheet: Spreadsheet,
  peserta: Sheet,
  language: Language,
  timeZone: string,
  force = false,
): HeadlineCounts {
  const found = readCountsSheet(spreadsheet);
  if (found && !found.ours) return null;
  const before = stampOf(peserta, found?.mark ?? '', timeZone);
  if (!force && found?.stored && sameStamp(found.stored.stamp, before))
    return { counts: found.stored.counts, recounted: false };
  const counts = recount(peserta, language, timeZone, before.lastRow);
  try {
    withDocumentLock(language, () => {
      // Stored only when nothing changed during the recount (an add, an import, an edit).
      const now = readCountsSheet(spreadsheet);
      if (now && !now.ours) return;
      if (!sameStamp(stampOf(peserta, now?.mark ?? '', timeZone), before)) return;
      if (now) writeCounts(now.sheet, now.signed, before, counts);
      else writeCounts(createCountsSheet(spreadsheet), true, before, counts);
    });
  } catch (error) {
    // Busy: the figures are right, storing them waits for the next time.
    if (!(error instanceof UserError)) throw error;
  }
  return { counts, recounted: true };
}

/**
 * The counts of every named activity of `Peserta`: the columns the headline's figures come from
 * (activity, sex, NIK, NIP), each read whole, normalised as the full register would be.
 */
export function recount(peserta: Sheet, language: Language, timeZone: string, last: number): ActivityCounts {
  const width = peserta.getLastColumn();
  if (last < 2 || width === 0) return {};
  const mapping = pesertaMapping(peserta.getRange(1, 1, 1, width).getValues()[0], language);
  if (!mapping || mapping.activity === undefined) return {};
  const count = last - 1;
  const grid: unknown[][] = Array.from({ length: count }, () => []);
  const columns = [mapping.activity, mapping.sex, mapping.nik, mapping.nip].filter(
    (c): c is number => c !== undefined,
  );
  for (const c of columns)
    peserta
      .getRange(2, c + 1, count, 1)
      .getValues()
      .forEach(([cell], row) => {
        grid[row][c] = cell;
      });
  return namedOnly(countsOfRows(grid, mapping, timeZone));
}

function countsOfRows(rows: unknown[][], mapping: ColumnMapping, timeZone: string): ActivityCounts {
  // Sex needs no reference date; the normaliser asks for one.
  const { participants } = normaliseRows(rows, mapping, {
    firstRow: 2,
    referenceDate: '2000-01-01',
    timeZone,
  });
  return countByActivity(participants);
}

/** The unnamed activity counts rows by every column: never from the index. */
function namedOnly(counts: ActivityCounts): ActivityCounts {
  delete counts[activityKey(NO_ACTIVITY)];
  return counts;
}

const OUR_MAPPING = matchHeaders([...PESERTA_HEADERS]).mapping;

/**
 * After the add-in appended `rows` (in `Peserta`'s own columns) below row `lastBefore`, inside the
 * lock of that write: their counts are added when the stored ones were fresh until then; stale or
 * missing counts are left for the next headline to recount.
 */
export function countAppendedRows(
  spreadsheet: Spreadsheet,
  peserta: Sheet,
  lastBefore: number,
  rows: readonly unknown[][],
): void {
  const found = readCountsSheet(spreadsheet);
  if (!found?.ours || !found.stored) return;
  const timeZone = found.stored.stamp.timeZone;
  const before = stampOf(peserta, found.mark, timeZone);
  if (!sameStamp(found.stored.stamp, { ...before, lastRow: lastBefore })) return;
  const added = namedOnly(countsOfRows(rows as unknown[][], OUR_MAPPING, timeZone));
  writeCounts(found.sheet, found.signed, before, addCounts(found.stored.counts, added));
}
