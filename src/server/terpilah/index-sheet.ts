/**
 * Reading the counts index (./register-counts.ts, whose header describes its layout): row 1, or
 * rows 1–4, in one read without a Range, and the block marks only when the blocks' flag in C1 is
 * not the one the index was counted under; what a write records as counted.
 */
import { dirtyBlocks, seenMarks } from '../../core/terpilah/block-counts';
import {
  CHUNK_CHARS,
  CODE_CHARS,
  COUNTS_SIGNATURE,
  decodeCounts,
  fromChunks,
  type StoredCounts,
} from '../../core/terpilah/register-counts';
import { HIDDEN_SHEET_COLUMNS } from '../sheets/hidden-sheet';
import { hasMarker } from '../sheets/markers';
import { PESERTA_COUNTS_SHEET } from '../sheets/names';
import { TALLY_ROW } from './report-tallies';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Developer metadata key of the index sheet. */
export const COUNTS_KEY = 'sopTerpilah.registerCounts';
/** The index sheet's first row of block marks, in column A: block k's in row MARKS_ROW + k (./on-edit.ts). */
export const MARKS_ROW = 5;
/** The index sheet as read: `ours` false for a user's sheet of that name. */
export interface IndexSheet {
  sheet: Sheet;
  ours: boolean;
  /** A1 holds the signature (a person may have emptied the sheet: then it is written again). */
  signed: boolean;
  mark: string;
  /** C1: the blocks' flag (onEdit writes a fresh one after their marks). */
  flag: string;
  stored: StoredCounts | null;
  /** The block marks as read (MARKS_ROW); null when not read: the flag says none changed. */
  marks: unknown[] | null;
  /** Rows 2 and 3 when asked for and complete: the codes of sheet rows 2, 3, … */
  codes: { nik: string; name: string } | null;
  /** Row 4 when asked for: the report's tallies (./report-tallies.ts). */
  tallyRow?: unknown[];
}

/**
 * The index sheet: row 1, rows 1–4 when `withCodes`, and, unless the flag is the one counted
 * under, the marks of the first `blocks` blocks (`Peserta`'s, by its last row: blocksOf).
 */
export function readIndex(
  spreadsheet: Spreadsheet,
  withCodes: boolean,
  /** Or how to know it, asked only when the sheet is ours. */
  blocks: number | (() => number),
): IndexSheet | null {
  const sheet = spreadsheet.getSheetByName(PESERTA_COUNTS_SHEET);
  if (!sheet) return null;
  const values = readRows(sheet, withCodes ? TALLY_ROW : 1);
  const row = values[0] ?? [];
  const signed = row[0] === COUNTS_SIGNATURE;
  // A sheet the add-in made and a person emptied is still ours; any other is the user's.
  const ours = signed || hasMarker(sheet, COUNTS_KEY);
  const empty = { sheet, ours, signed, mark: '', flag: '', stored: null, marks: [], codes: null };
  if (!ours) return empty;
  const mark = String(row[1] ?? '');
  const flag = String(row[2] ?? '');
  // Unsigned (emptied by hand, an older add-in's): onEdit leaves it alone, so it is never fresh.
  const stored = signed ? decodeCounts(row.slice(3)) : null;
  let marks: unknown[] | null = null;
  if (stored?.flag !== flag) {
    const wanted = typeof blocks === 'number' ? blocks : blocks();
    marks = wanted > 0 ? readMarks(sheet, wanted) : [];
    // Marks that cannot be read (rows of this sheet deleted): nothing is known fresh.
    if (!marks) return { ...empty, mark, flag, marks: [] };
  }
  if (!withCodes) return { ...empty, mark, flag, stored, marks };
  const tallyRow = values[TALLY_ROW - 1];
  if (!stored?.keys) return { ...empty, mark, flag, stored, marks, tallyRow };
  const length = (stored.stamp.lastRow - 1) * CODE_CHARS;
  // Exactly the chunks the stamp's rows need (cells further right are an older index's).
  const chunks = Math.ceil(length / CHUNK_CHARS);
  const nik = fromChunks((values[1] ?? []).slice(0, chunks));
  const name = fromChunks((values[2] ?? []).slice(0, chunks));
  const complete = nik !== null && name !== null && nik.length === length && name.length === length;
  return { ...empty, mark, flag, stored, marks, codes: complete ? { nik, name } : null, tallyRow };
}

/** The dirty blocks of `blocks`: none while the flag is the one counted under (marks not read). */
export function dirtyOf(index: IndexSheet, blocks: number): number[] {
  return index.stored && index.marks ? dirtyBlocks(index.stored.seen, index.marks, blocks) : [];
}

/** What a write records as counted: the flag and marks read (before `Peserta` was). */
export function countedOf(index: IndexSheet | null): Counted {
  if (!index) return { flag: '', marks: {} };
  return { flag: index.flag, marks: index.marks ? seenMarks(index.marks) : (index.stored?.seen ?? {}) };
}

export interface Counted {
  flag: string;
  marks: Record<string, string>;
}

/**
 * Rows 1 … `rows` of the index: its first HIDDEN_SHEET_COLUMNS columns in one read (no Range),
 * then the columns further right that row 1's, the codes' or the tallies' chunks need, if any.
 */
function readRows(sheet: Sheet, rows: number): unknown[][] {
  let values: unknown[][];
  try {
    values = sheet.getSheetValues(1, 1, rows, HIDDEN_SHEET_COLUMNS);
  } catch {
    return sheet.getRange(`1:${rows}`).getValues(); // a person deleted columns of it
  }
  const head = headOf(values[0]?.[3]);
  const tallyHead = headOf(values[TALLY_ROW - 1]?.[0]);
  const lastRow = count(head.lastRow) || 1;
  const needed = Math.max(
    4 + count(head.chunks),
    rows > 1 ? Math.ceil(((lastRow - 1) * CODE_CHARS) / CHUNK_CHARS) : 0,
    rows >= TALLY_ROW ? 1 + count(tallyHead.chunks) + count(tallyHead.tailChunks) : 0,
  );
  if (needed <= HIDDEN_SHEET_COLUMNS) return values;
  try {
    const more = sheet.getSheetValues(1, HIDDEN_SHEET_COLUMNS + 1, rows, needed - HIDDEN_SHEET_COLUMNS);
    return values.map((line, i) => [...line, ...more[i]]);
  } catch {
    return values; // fewer columns than the stamp says: the index is read as incomplete
  }
}

/** A JSON head cell (row 1's stamp, row 4's), {} when it is none. */
export function headOf(cell: unknown): {
  chunks?: unknown;
  tailChunks?: unknown;
  lastRow?: unknown;
  generation?: unknown;
} {
  try {
    const head: unknown = JSON.parse(String(cell ?? ''));
    return typeof head === 'object' && head !== null ? head : {};
  } catch {
    return {};
  }
}

const count = (n: unknown): number => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0);

/** The marks of the first `blocks` blocks; null when they cannot be read (rows of the index deleted). */
export function readMarks(sheet: Sheet, blocks: number): unknown[] | null {
  try {
    return sheet.getSheetValues(MARKS_ROW, 1, blocks, 1).map(([mark]) => mark);
  } catch {
    return null;
  }
}
