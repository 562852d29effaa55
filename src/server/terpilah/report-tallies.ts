/**
 * The report's tallies in the counts index: row 4 of the index sheet, A4 the stamp they were made
 * for (the index's own: they are used only while both match `Peserta`) and the blocks' flag and
 * marks they were counted under, B4… the merged tallies' JSON in chunks (all a fresh report
 * reads), then the last block's part; the parts of the other blocks (core/terpilah/block-tallies.ts:
 * each block's rows alone, their duplicate findings) in columns B… of rows 5 + k, which a report
 * after a person's edit reads to count only the edited blocks again (./report-repair.ts). The
 * last block's part is in row 4 so that an add, which reads row 4 anyway, reads and writes no
 * other row of the index. Made by a report that read `Peserta` whole; the add-in's
 * appends (add, import) add their rows inside the lock of the write, through the index's update
 * (./register-counts.ts countAppendedRows). Tallies that lack a person's edit are not added to:
 * the append records the blocks its rows went into as missing (moveLackingTallies), and the next
 * report counts them again with the edited ones.
 *
 * The findings of appended rows are exactly the normaliser's: a row's own findings need only the
 * row; a duplicate needs the earlier rows with the same NIK or the same name, which the index's
 * codes name (every such row has the code; a code's other rows are read and compared too). Those
 * rows are read from `Peserta` and fed, in row order, to the same duplicate check before the new
 * rows: it then flags the new rows as a check over every row would.
 */
import { matchHeaders } from '../../core/terpilah/headers';
import type { Participant, QualityFinding } from '../../core/terpilah/model';
import { rowNormaliser } from '../../core/terpilah/normalise';
import { DuplicateCheck } from '../../core/terpilah/duplicates';
import { PESERTA_COLUMN, PESERTA_HEADERS } from '../../core/terpilah/peserta';
import { rowBlocks } from '../../core/terpilah/read-plan';
import {
  CODE_CHARS,
  fromChunks,
  NO_CODE,
  sameStamp,
  toChunks,
  type CountsStamp,
} from '../../core/terpilah/register-counts';
import { BlockTallies } from '../../core/terpilah/block-tallies';
import { activityDateResolver, ReportTallies } from '../../core/terpilah/report-tallies';
import { HIDDEN_SHEET_COLUMNS } from '../sheets/hidden-sheet';
import { activityDates } from './import';
import { MARKS_ROW, type Counted } from './index-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The index sheet's row holding the tallies. */
export const TALLY_ROW = 4;

export const OUR_MAPPING = matchHeaders([...PESERTA_HEADERS]).mapping;

/** The parts (one block each, ./core/terpilah/block-tallies.ts) as row 4's head records them. */
export interface PartsHead {
  /** The set's id: every part carries it. */
  id: string;
  /** Columns B… they take at most (a part is chunked like any text). */
  width: number;
  /** Blocks: part k is in row MARKS_ROW + k, but the last one's, in row 4 (./tail). */
  count: number;
}

/** What row 4 holds: the merged tallies (all a fresh report reads), and where the parts are. */
export interface KeptTallies {
  merged: ReportTallies;
  parts: PartsHead | null;
  /**
   * The last block's part, kept in row 4 after the merged tallies: the block an add's row goes
   * into, so that an add reads and writes no other row of the index (null: no block).
   */
  tail: string | null;
  /** The blocks' flag and marks the tallies were counted under (the index's may be later: a headline's repair). */
  counted: Counted;
}

const isCount = (n: unknown, min: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= min;

/** The tallies in row 4 when they were made for `stamp`; null otherwise (missing, other, broken). */
export function talliesFor(
  row: readonly unknown[] | undefined,
  stamp: CountsStamp,
  /** The index's generation (its stamp alone can come back: an index recounted, rows added). */
  generation: string,
): KeptTallies | null {
  if (!row || generation === '') return null;
  try {
    const head = JSON.parse(String(row[0] ?? '')) as {
      stamp?: CountsStamp;
      generation?: unknown;
      chunks?: unknown;
      tailChunks?: unknown;
      parts?: Partial<PartsHead> | null;
      flag?: unknown;
      seen?: unknown;
    };
    const n = head.chunks;
    if (!head.stamp || !isCount(n, 1)) return null;
    if (!sameStamp(head.stamp, stamp) || head.generation !== generation) return null;
    const text = fromChunks(row.slice(1, n + 1));
    const merged = text === null ? null : ReportTallies.parse(text);
    if (!merged) return null;
    const p = head.parts;
    const tailChunks = isCount(head.tailChunks, 1) ? head.tailChunks : 0;
    const tail = tailChunks > 0 ? fromChunks(row.slice(n + 1, n + 1 + tailChunks)) : null;
    const parts =
      p &&
      typeof p.id === 'string' &&
      isCount(p.width, 1) &&
      isCount(p.count, 0) &&
      (p.count === 0) === (tail === null)
        ? { id: p.id, width: p.width, count: p.count }
        : null;
    const { flag, seen } = head;
    if (typeof flag !== 'string' || typeof seen !== 'object' || seen === null || Array.isArray(seen))
      return null;
    if (!Object.values(seen).every((m) => typeof m === 'string')) return null;
    const counted = { flag, marks: { ...(seen as Record<string, string>) } };
    return { merged, parts, tail: parts ? tail : null, counted };
  } catch {
    return null;
  }
}

/**
 * Every part as stored (block → text): the rows of all but the last block, read in one call, and
 * the last from row 4; null when one is missing or not whole (rows or columns of the index
 * deleted, a cell typed over).
 */
export function readParts(sheet: Sheet, kept: KeptTallies): Map<number, string> | null {
  const head = kept.parts;
  if (!head) return null;
  const parts = new Map<number, string>();
  if (head.count === 0) return parts;
  if (kept.tail === null) return null;
  const rows = head.count - 1;
  if (rows > 0) {
    let cells: unknown[][];
    try {
      cells = sheet.getSheetValues(MARKS_ROW, 2, rows, head.width);
    } catch {
      return null;
    }
    for (let k = 0; k < rows; k++) {
      const line = cells[k] ?? [];
      const used = line.findIndex((cell) => cell === '' || cell === null || cell === undefined);
      const text = fromChunks(used < 0 ? line : line.slice(0, used));
      if (!text) return null;
      parts.set(k, text);
    }
  }
  parts.set(rows, kept.tail);
  return parts;
}

/**
 * The parts to write with the merged tallies: the set's head (its width as stored so far), the
 * texts of the blocks before the last that changed, and the last block's (null: no block).
 */
export interface PartsWrite {
  id: string;
  count: number;
  width: number;
  texts: ReadonlyMap<number, string>;
  tail: string | null;
  /** Every block's text is given (a full read's write). */
  whole?: boolean;
}

/** `texts` (block → text) as a write of `count` blocks: the last one is the tail. */
export function partsWrite(
  id: string,
  count: number,
  width: number,
  texts: ReadonlyMap<number, string>,
  tail: string | null = texts.get(count - 1) ?? null,
): PartsWrite {
  return { id, count, width, texts: new Map([...texts].filter(([k]) => k < count - 1)), tail };
}

/** A new id for a set of parts written whole. */
export const newPartsId = () => `p${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;

/** Rows a new sheet has (insertSheet): parts below them need rows added first. */
const SHEET_ROWS = 1000;

/**
 * Writes the tallies made for `stamp` into row 4 (columns added when they need more) and the
 * parts given into their rows (one write per run of blocks); when the parts cannot be written
 * (the index's rows deleted by hand) row 4 says there are none: a later edit then recounts.
 */
export function writeTallies(
  sheet: Sheet,
  stamp: CountsStamp,
  generation: string,
  merged: ReportTallies,
  parts: PartsWrite | null,
  /** The blocks' flag and marks read before `Peserta` was. */
  counted: Counted,
): void {
  const head = parts ? writeParts(sheet, parts) : null;
  const chunks = toChunks(merged.text());
  const tail = head && parts?.tail ? toChunks(parts.tail) : [];
  const { flag, marks: seen } = counted;
  const cells = [
    JSON.stringify({
      stamp,
      generation,
      chunks: chunks.length,
      tailChunks: tail.length,
      parts: head,
      flag,
      seen,
    }),
    ...chunks,
    ...tail,
  ];
  if (cells.length > HIDDEN_SHEET_COLUMNS && cells.length > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cells.length - sheet.getMaxColumns());
  sheet.getRange(TALLY_ROW, 1, 1, cells.length).setValues([cells]);
}

/**
 * After a repair of the index alone (a headline's, an add's check) gave it a new generation: row
 * 4's head moved to it, the tallies unchanged (their own marks say which blocks they still lack),
 * when they went with the one before. One cell.
 */
export function restampTallies(sheet: Sheet, head: unknown, before: string, generation: string): void {
  try {
    const parsed = JSON.parse(String(head ?? '')) as { generation?: unknown };
    if (typeof parsed !== 'object' || parsed === null || before === '' || parsed.generation !== before)
      return;
    sheet.getRange(TALLY_ROW, 1).setValue(JSON.stringify({ ...parsed, generation }));
  } catch {
    // No tallies (or none of this index): nothing to move.
  }
}

/** A mark onEdit never writes (./on-edit.ts: m…): a block recorded under it is one the tallies lack. */
export const MISSING_MARK = '-';

/**
 * After an append (add, import) to a register whose tallies lack a person's edit (they are not
 * added to): row 4's head moved to the index's new stamp and generation, the tallies and their
 * parts as they were, the blocks `missing` recorded as counted under MISSING_MARK, so that the
 * next report finds them dirty and counts them again from their rows with the edited ones
 * (./register-counts.ts repairReportIndex; parts past the stored ones are missing). One cell.
 */
export function moveLackingTallies(
  sheet: Sheet,
  head: unknown,
  stamp: CountsStamp,
  generation: string,
  missing: readonly number[],
): void {
  try {
    const parsed = JSON.parse(String(head ?? '')) as { seen?: unknown };
    if (typeof parsed !== 'object' || parsed === null) return;
    const seen = { ...(parsed.seen as Record<string, string>) };
    for (const k of missing) seen[k] = MISSING_MARK;
    sheet.getRange(TALLY_ROW, 1).setValue(JSON.stringify({ ...parsed, stamp, generation, seen }));
  } catch {
    // No tallies: nothing to move (the caller read them just now).
  }
}

function writeParts(sheet: Sheet, parts: PartsWrite): PartsHead | null {
  if ((parts.count === 0) !== (parts.tail === null)) return null;
  const chunked = new Map<number, string[]>();
  let width = parts.width;
  for (const [k, text] of parts.texts) {
    const chunks = toChunks(text);
    chunked.set(k, chunks);
    width = Math.max(width, chunks.length);
  }
  try {
    const lastRow = MARKS_ROW + parts.count - 2;
    if (lastRow > SHEET_ROWS && lastRow > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
    if (1 + width > HIDDEN_SHEET_COLUMNS && 1 + width > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), 1 + width - sheet.getMaxColumns());
    // Written whole (a full read's): every row in one write, row 5 alone (blank) when no block
    // but the last, so that the calls are the same whatever the register's size.
    const blocks = parts.whole
      ? Array.from({ length: Math.max(1, parts.count - 1) }, (_, k) => k)
      : [...chunked.keys()].sort((a, b) => a - b);
    for (let at = 0; at < blocks.length;) {
      let end = at + 1;
      while (end < blocks.length && blocks[end] === blocks[end - 1] + 1) end++;
      const rows = blocks
        .slice(at, end)
        .map((k) => Array.from({ length: width }, (_, c) => chunked.get(k)?.[c] ?? ''));
      sheet.getRange(MARKS_ROW + blocks[at], 2, rows.length, width).setValues(rows);
      at = end;
    }
  } catch {
    return null;
  }
  return { id: parts.id, width, count: parts.count };
}

/** Tallies of a register read whole (participants and findings in row order). */
export function talliesOfRead(
  participants: readonly Participant[],
  quality: readonly QualityFinding[],
  options: { referenceDate: string; timeZone: string; activityDates?: Record<string, string> },
): BlockTallies {
  const tallies = BlockTallies.empty(options.referenceDate);
  const dateOf = activityDateResolver(options.referenceDate, options.activityDates, options.timeZone);
  for (const p of participants) tallies.add(p, dateOf(p.activity));
  for (const f of quality) tallies.addFinding(f);
  return tallies;
}

const codesOf = (codes: string): Set<string> => {
  const set = new Set<string>();
  for (let at = 0; at < codes.length; at += CODE_CHARS) set.add(codes.slice(at, at + CODE_CHARS));
  set.delete(NO_CODE);
  return set;
};

/**
 * `tallies` plus the rows the add-in appended below row `lastBefore` (the add-in's columns), inside
 * the write's lock: each row normalised as a read of the whole register would (its activity's
 * date, the duplicate check over the earlier rows its codes point to).
 */
export function appendToTallies(
  peserta: Sheet,
  tallies: ReportTallies,
  /** The parts of the blocks the rows go into (null: no parts kept). */
  parts: BlockTallies | null,
  append: {
    lastBefore: number;
    rows: readonly unknown[][];
    timeZone: string;
    /** The codes of rows 2…lastBefore, and of the appended rows. */
    before: { nik: string; name: string };
    added: { nik: string; name: string };
  },
): void {
  const { lastBefore, rows, timeZone, before, added } = append;
  // The rows alone first: their activities (for the dates) and NIKs (for the earlier rows).
  const alone = rowNormaliser(
    OUR_MAPPING,
    { firstRow: 2, referenceDate: tallies.referenceDate, timeZone },
    { duplicates: NO_CHECK },
  );
  const appended = rows.map((line, i) => alone.push(line, lastBefore + 1 + i));
  const options = {
    firstRow: 2,
    referenceDate: tallies.referenceDate,
    timeZone,
    activityDates: datesFor(peserta, tallies, appended, timeZone),
  };
  const dateOf = activityDateResolver(options.referenceDate, options.activityDates, timeZone);
  const duplicates = new DuplicateCheck();
  const seen = rowNormaliser(OUR_MAPPING, options, { duplicates, quality: [] });
  for (const [row, line] of earlierRows(peserta, { before, added }, appended, options))
    seen.push(line, row + 2);
  const quality: QualityFinding[] = [];
  const fresh = rowNormaliser(OUR_MAPPING, options, { duplicates, quality });
  rows.forEach((line, i) => {
    const p = fresh.push(line, lastBefore + 1 + i);
    if (p) {
      tallies.add(p, dateOf(p.activity));
      parts?.add(p, dateOf(p.activity));
    }
  });
  for (const f of quality) {
    tallies.addFinding(f);
    parts?.addFinding(f);
  }
}

/** The columns the duplicate check reads (activity, name, NIK; institution): A:C and I. */
const KEY_BLOCKS = [
  { first: PESERTA_COLUMN.Kegiatan, count: PESERTA_COLUMN.NIK - PESERTA_COLUMN.Kegiatan + 1 },
  { first: PESERTA_COLUMN['Instansi/OPD'], count: 1 },
];

/**
 * Rows (0-based under the header) as the duplicate check sees them: only its columns, the others
 * absent. A row blank in them is one the check skips in a full read too (no name, no NIK).
 */
export function keyCellsOf(peserta: Sheet, wanted: readonly number[]): [number, unknown[]][] {
  const out: [number, unknown[]][] = [];
  const asked = new Set(wanted);
  // Four cells a row in two round trips a block: a gap is bridged as for a read two cells wide.
  for (const block of rowBlocks(wanted, 2)) {
    const parts = KEY_BLOCKS.map((k) =>
      peserta.getSheetValues(block.first + 2, k.first, block.count, k.count),
    );
    for (let i = 0; i < block.count; i++) {
      if (!asked.has(block.first + i)) continue;
      const line: unknown[] = [];
      KEY_BLOCKS.forEach((k, b) => parts[b][i].forEach((cell, c) => (line[k.first - 1 + c] = cell)));
      out.push([block.first + i, line]);
    }
  }
  return out;
}

/** A duplicate check that checks nothing (the rows alone). */
export const NO_CHECK = { check: () => undefined };

/**
 * The earlier rows (0-based under the header, in row order, the check's columns) the appended
 * ones may repeat: every row with one of their name codes; of a NIK code its first row, which
 * settles it when it holds that NIK (then it is the first row of that NIK), else every row of
 * that code (another NIK sharing the code, or one typed as a number, which is no NIK).
 */
function earlierRows(
  peserta: Sheet,
  codes: { before: { nik: string; name: string }; added: { nik: string; name: string } },
  appended: readonly (Participant | null)[],
  options: { firstRow: number; referenceDate: string; timeZone: string },
): [number, unknown[]][] {
  const { before, added } = codes;
  const niksOfCode = new Map<string, Set<string>>();
  appended.forEach((p, i) => {
    const code = added.nik.slice(i * CODE_CHARS, (i + 1) * CODE_CHARS);
    if (!p || p.nik === '' || code === NO_CODE) return;
    niksOfCode.set(code, (niksOfCode.get(code) ?? new Set<string>()).add(p.nik));
  });
  const names = codesOf(added.name);
  const nikRows = new Map<string, number[]>();
  const nameRows: number[] = [];
  for (let at = 0, row = 0; at < before.nik.length; at += CODE_CHARS, row++) {
    const nik = before.nik.slice(at, at + CODE_CHARS);
    if (niksOfCode.has(nik)) {
      const list = nikRows.get(nik);
      if (list) list.push(row);
      else nikRows.set(nik, [row]);
    }
    if (names.has(before.name.slice(at, at + CODE_CHARS))) nameRows.push(row);
  }
  const lines = new Map<number, unknown[]>();
  const read = (wanted: number[]) => {
    for (const [row, line] of keyCellsOf(
      peserta,
      wanted.filter((r) => !lines.has(r)),
    ))
      lines.set(row, line);
  };
  read([...nameRows, ...[...nikRows.values()].map((list) => list[0])]);
  const nikOf = rowNormaliser(OUR_MAPPING, options, { duplicates: NO_CHECK });
  const more: number[] = [];
  for (const [code, list] of nikRows) {
    const first = nikOf.push(lines.get(list[0]) ?? [], list[0] + 2);
    const wanted = niksOfCode.get(code);
    if (!(first && wanted?.size === 1 && wanted.has(first.nik))) more.push(...list.slice(1));
  }
  read(more);
  return [...lines].sort((a, b) => a[0] - b[0]);
}

/**
 * The dates the appended rows' ages are computed at: each activity's date in the tallies; only
 * when a row names an activity they do not have is `Kegiatan` read (its planned dates).
 */
function datesFor(
  peserta: Sheet,
  tallies: ReportTallies,
  appended: readonly (Participant | null)[],
  timeZone: string,
): Record<string, string> {
  const dates: Record<string, string> = {};
  let planned: ((activity: string) => string) | null = null;
  for (const p of appended) {
    if (!p || Object.prototype.hasOwnProperty.call(dates, p.activity)) continue;
    const kept = tallies.dateOf(p.activity);
    if (kept !== null) dates[p.activity] = kept;
    else {
      planned ??= activityDateResolver(tallies.referenceDate, activityDates(peserta.getParent()), timeZone);
      dates[p.activity] = planned(p.activity);
    }
  }
  return dates;
}
