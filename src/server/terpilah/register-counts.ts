/**
 * `Peserta`'s index, kept in a hidden sheet of the add-in's (names.ts PESERTA_COUNTS_SHEET), so
 * that a sidebar click reads a few cells whatever the register's size:
 *  - row 1: A the signature, B the edit mark, C the blocks' flag, D the stamp, E… the counts per
 *    activity of each block of 250 rows (core/terpilah/block-counts.ts; their sum is the headline's);
 *  - rows 2 and 3: the NIK code and the name code of every row, 6 characters each (the form's
 *    duplicate check: core/terpilah/register-counts.ts), when `Peserta` has the add-in's columns;
 *  - row 4: the report's tallies (./report-tallies.ts), merged, then the last block's part; the
 *    other blocks' parts in columns B… from row 5 (MARKS_ROW: block k's in row 5 + k, beside its
 *    mark), so that a report after a person's edit counts only the edited blocks again;
 *  - column A from row 5 (MARKS_ROW): block k's mark in row 5 + k (one cell per 250 rows; a
 *    column, so that row 1 stays as narrow as its cells).
 * Every add-in write to `Peserta` (add, import) adds its rows in the same lock. A person's edit of
 * `Peserta`'s rows writes a fresh mark into the cells of its blocks (./on-edit.ts), then a fresh
 * flag in C1; an edit of the header, of this sheet, or of many blocks writes a new edit mark in
 * B1; rows inserted or deleted change `Peserta`'s last row (onEdit does not fire for them). The
 * stamp records the flag and the block marks each block was counted under: while C1 is that flag
 * a click reads no mark; else it finds the blocks whose mark differs and reads only their rows
 * again (./block-repair.ts); a changed B1 or last row recounts everything from `Peserta` once.
 * Flag and marks are written only by onEdit, and a repair or a recount records the flag, then the
 * marks, it read before reading `Peserta`: one written meanwhile leaves its block dirty, never
 * lost.
 */
import type { Language } from '../../core/i18n';
import { matchHeaders } from '../../core/terpilah/headers';
import type { ColumnMapping } from '../../core/terpilah/model';
import { BlockTallies } from '../../core/terpilah/block-tallies';
import type { ReportTallies } from '../../core/terpilah/report-tallies';
import { PESERTA_COLUMN, PESERTA_HEADERS } from '../../core/terpilah/peserta';
import {
  blockOfRow,
  blocksOf,
  dirtyBlocks,
  MAX_MARKED_BLOCKS,
  sumBlocks,
} from '../../core/terpilah/block-counts';
import { chunksOfBlocks, codesOfRows, countIntoBlocks } from '../../core/terpilah/index-rows';
import {
  CHUNK_CHARS,
  COUNTS_SIGNATURE,
  encodeCounts,
  rowCodes,
  sameStamp,
  toChunks,
  type ActivityCounts,
  type CountsStamp,
  type StoredCounts,
} from '../../core/terpilah/register-counts';
import { UserError } from '../sheets/errors';
import { HIDDEN_SHEET_COLUMNS, insertHiddenSheet } from '../sheets/hidden-sheet';
import { withDocumentLock } from '../sheets/lock';
import { PESERTA_COUNTS_SHEET } from '../sheets/names';
import { codesWindowOf, repairBlocks, withBlockCodes, type CodesWindow } from './block-repair';
import {
  COUNTS_KEY,
  countedOf,
  dirtyOf,
  headOf,
  readIndex,
  readMarks,
  type Counted,
  type IndexSheet,
} from './index-sheet';
import { pesertaMapping, type PesertaRead } from './read';
import { repairReport } from './report-repair';
import {
  appendToTallies,
  type KeptTallies,
  moveLackingTallies,
  newPartsId,
  partsWrite,
  readParts,
  restampTallies,
  TALLY_ROW,
  talliesFor,
  writeTallies,
  type PartsWrite,
} from './report-tallies';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The recount reads six columns whole; past this many cells (500,000 participants, about 160 s
 * of the 6-minute limit in the latency model's typical case) no index is kept.
 */
const RECOUNT_COLUMNS = 6;
const MAX_RECOUNT_CELLS = 3_000_000;
/** Dirty blocks a click repairs (onEdit marks at most this many); openActivity repairs fewer. */
const MAX_REPAIR_BLOCKS = MAX_MARKED_BLOCKS;
const MAX_REPAIR_BLOCKS_ON_OPEN = 4;
/** The document property holding the secret the duplicate codes are keyed with. */
const SECRET_KEY = 'sopTerpilah.indexSecret';

export function stampOf(
  peserta: Sheet,
  mark: string,
  timeZone: string,
  lastRow: number = peserta.getLastRow(),
): CountsStamp {
  return { mark, sheetId: peserta.getSheetId(), lastRow, lastColumn: peserta.getLastColumn(), timeZone };
}

/**
 * What the index holds: the counts of each block, and the codes (null: not kept, `Peserta` has
 * other columns), as text from chunk `from` on (0: all of them).
 */
interface Content {
  blocks: ActivityCounts[];
  codes: { nik: string; name: string; from?: number } | null;
}

/**
 * Writes row 1 (D onwards: B is the edit mark, C the blocks' flag) and, when the codes are kept, rows 2 and 3: chunks
 * `chunks.from` … `chunks.to` (an append changes only the last chunks, a repair its blocks').
 */
function writeIndex(
  index: { sheet: Sheet; signed: boolean },
  stamp: CountsStamp,
  content: Content,
  written: { counted: Counted; chunks?: { from: number; to?: number } },
): string {
  const { sheet } = index;
  // Tallies written with an earlier generation no longer go with this index (./report-tallies.ts).
  const generation = `g${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
  const { flag, marks } = written.counted;
  const head = encodeCounts(stamp, content.blocks, content.codes !== null, generation, marks, flag);
  const offset = content.codes?.from ?? 0;
  const nik = content.codes ? toChunks(content.codes.nik) : [];
  const name = content.codes ? toChunks(content.codes.name) : [];
  const columns = Math.max(head.length + 3, offset + nik.length, offset + name.length);
  if (columns > HIDDEN_SHEET_COLUMNS && columns > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  if (!index.signed) sheet.getRange(1, 1).setValue(COUNTS_SIGNATURE);
  sheet.getRange(1, 4, 1, head.length).setValues([head]);
  if (!content.codes) return generation;
  const from = written.chunks?.from ?? 0;
  const to = written.chunks?.to ?? offset + Math.max(nik.length, name.length) - 1;
  const width = to - from + 1;
  if (width <= 0) return generation;
  const pad = (chunks: string[]) => Array.from({ length: width }, (_, i) => chunks[from - offset + i] ?? '');
  sheet.getRange(2, from + 1, 2, width).setValues([pad(nik), pad(name)]);
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
 * The counts for the headline of a named activity: stored ones when fresh; when some blocks are
 * dirty, those repaired (their rows read again) and stored; else a recount that is stored again
 * (`always`: whatever the stamp says; `fresh`: never recount, answer 'stale'). null when no index
 * can be kept (a user's sheet has its name, a register too large): read `Peserta` the usual way.
 */
export function headlineCounts(
  spreadsheet: Spreadsheet,
  peserta: Sheet,
  language: Language,
  timeZone: string,
  when: 'fresh' | 'stale' | 'always' = 'stale',
): { counts: ActivityCounts; recounted: boolean } | 'stale' | null {
  let lastRow: number | undefined;
  const found = readIndex(spreadsheet, false, () => blocksOf((lastRow = peserta.getLastRow())));
  if (found && !found.ours) return null;
  const before = stampOf(peserta, found?.mark ?? '', timeZone, lastRow);
  if (when !== 'always' && found?.stored && sameStamp(found.stored.stamp, before)) {
    const dirty = dirtyOf(found, blocksOf(before.lastRow));
    if (dirty.length === 0) return { counts: found.stored.counts, recounted: false };
    const limit = when === 'fresh' ? MAX_REPAIR_BLOCKS_ON_OPEN : MAX_REPAIR_BLOCKS;
    // openActivity only reads (it must not wait for the lock): the next click stores the repair.
    const counts =
      dirty.length <= limit
        ? repairHeadline(peserta, found, before, dirty, language, when !== 'fresh')
        : null;
    if (counts) return { counts, recounted: false };
  }
  if (when === 'fresh') return 'stale';
  // A register too large to recount in one execution: its headline reads only its activity's rows.
  if ((before.lastRow - 1) * RECOUNT_COLUMNS > MAX_RECOUNT_CELLS) return null;
  const key = secret(true) ?? '';
  // The flag and marks as they were before `Peserta` is read: an edit after that leaves its block dirty.
  const counted = countedOf(found);
  const content = recount(peserta, language, timeZone, before.lastRow, key);
  try {
    withDocumentLock(language, () => {
      // Stored only when nothing changed during the recount (an add, an import, an edit).
      const now = readIndex(spreadsheet, false, 0);
      if (now && !now.ours) return;
      if (!sameStamp(stampOf(peserta, now?.mark ?? '', timeZone), before)) return;
      writeIndex(now ?? { sheet: createIndexSheet(spreadsheet), signed: true }, before, content, { counted });
    });
  } catch (error) {
    // Busy: the figures are right, storing them waits for the next time.
    if (!(error instanceof UserError)) throw error;
  }
  return { counts: sumBlocks(content.blocks), recounted: true };
}

/**
 * The mapping the index was counted with: the add-in's own when the codes are kept in its 14
 * columns (a header edit makes the index stale), else `Peserta`'s header read again.
 */
function mappingOf(peserta: Sheet, stored: StoredCounts, language: Language): ColumnMapping | null {
  if (stored.keys && stored.stamp.lastColumn <= PESERTA_HEADERS.length) return OUR_MAPPING;
  const header = peserta.getSheetValues(1, 1, 1, stored.stamp.lastColumn)[0];
  if (isOurLayout(header) !== stored.keys) return null;
  return pesertaMapping(header, language);
}

/**
 * The headline's repair (outside the lock, as a recount): the dirty blocks' rows read, their
 * counts and codes made again; stored in the lock when no add-in write came since (the same
 * generation), with the marks read first recorded as counted. A person's edit meanwhile (a mark,
 * B1, rows) leaves the stored marks or stamp stale: never lost. Without `store`, the counts only
 * (no codes, no lock). null: not repairable (no secret, the header not the one counted): the
 * caller recounts.
 */
function repairHeadline(
  peserta: Sheet,
  found: IndexSheet,
  before: CountsStamp,
  dirty: number[],
  language: Language,
  store: boolean,
): ActivityCounts | null {
  const { stored } = found;
  if (!stored) return null;
  const lastRow = before.lastRow;
  const key = stored.keys && store ? secret(false) : null;
  if (stored.keys && store && !key) return null;
  const mapping = mappingOf(peserta, stored, language);
  if (!mapping) return null;
  const repaired = repairBlocks(peserta, {
    lastRow,
    blocks: stored.blocks,
    dirty,
    mapping,
    timeZone: before.timeZone,
    key,
  });
  if (!store) return sumBlocks(repaired.blocks);
  const chunks = chunksOfBlocks(dirty, lastRow);
  try {
    withDocumentLock(language, () => {
      // One read: row 1 (its generation), the code chunks the blocks' codes go into, A4 (the
      // report's tallies' head: they go on with the new generation, their own marks kept; only
      // with codes, which their repair needs).
      const rows = readHead(found.sheet, key ? TALLY_ROW : 1, Math.max(4, chunks.to + 1));
      if (!rows || headOf(rows[0][3]).generation !== stored.generation) return;
      const window = key ? codesWindowOf(rows.slice(1, 3), lastRow, chunks) : null;
      if (key && !window) return;
      const codes = window ? withBlockCodes(window, repaired.codes, lastRow) : null;
      const content: Content = { blocks: repaired.blocks, codes: codesContent(codes) };
      const generation = writeIndex(found, before, content, { counted: countedOf(found), chunks });
      if (key) restampTallies(found.sheet, rows[TALLY_ROW - 1]?.[0], stored.generation, generation);
    });
  } catch (error) {
    // Busy: the figures are right, storing them waits for the next time.
    if (!(error instanceof UserError)) throw error;
  }
  return sumBlocks(repaired.blocks);
}

/** A1 … of rows 1 … `rows`, `columns` wide; null when the sheet is narrower (columns deleted by hand). */
function readHead(sheet: Sheet, rows: number, columns: number): unknown[][] | null {
  try {
    return sheet.getSheetValues(1, 1, rows, columns);
  } catch {
    return null;
  }
}

const codesContent = (window: CodesWindow | null): Content['codes'] =>
  window ? { nik: window.nik, name: window.name, from: window.from } : null;

/** Whether the header is the add-in's own layout (the form's duplicate check reads it by PESERTA_COLUMN). */
const isOurLayout = (header: readonly unknown[]) =>
  PESERTA_HEADERS.every((name, i) => String(header[i] ?? '').trim() === name);

/**
 * The counts of every named activity of `Peserta` by block, from the columns the headline's
 * figures come from (activity, sex, NIK, NIP), each read whole and normalised as the full
 * register would be; with the add-in's columns, also name and institution for the rows' codes.
 */
function recount(peserta: Sheet, language: Language, timeZone: string, last: number, key: string): Content {
  const width = peserta.getLastColumn();
  const none = (): ActivityCounts[] =>
    countIntoBlocks([], new Array<unknown[]>(Math.max(0, last - 1)), 2, null, timeZone);
  if (last < 1 || width === 0) return { blocks: none(), codes: null };
  const header = peserta.getRange(1, 1, 1, width).getValues()[0];
  // Codes only for the add-in's own columns: the form reads them by PESERTA_COLUMN, and rows the
  // add-in appends are counted by them (an index without codes makes the next append recount).
  const ours = isOurLayout(header);
  const mapping = pesertaMapping(header, language);
  if (!mapping || mapping.activity === undefined || last < 2)
    return { blocks: none(), codes: ours ? { nik: '', name: '' } : null };
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
  return {
    blocks: countIntoBlocks([], grid, 2, mapping, timeZone),
    codes: ours ? codesOfRows(grid, key) : null,
  };
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
  /** Dirty blocks repaired here, not yet written: the chunks of rows 2–3 they changed. */
  repaired?: { from: number; to: number };
}

/**
 * The index when it is fresh for `peserta` with `last` rows (inside the lock of a write), else
 * null. Dirty blocks (a person's edit) are repaired first, in the write's lock: the write's own
 * update stores them with its rows (countAppendedRows), or storeRepair when it writes nothing.
 */
export function freshIndex(spreadsheet: Spreadsheet, peserta: Sheet, last: number): FreshIndex | null {
  const index = readIndex(spreadsheet, true, blocksOf(last));
  if (!index?.ours || !index.stored) return null;
  const now = stampOf(peserta, index.mark, index.stored.stamp.timeZone, last);
  if (!sameStamp(index.stored.stamp, now)) {
    // Stale (rows deleted or inserted, say): the write about to happen may bring the last row
    // back to the stamp's, so the index is marked stale for good.
    markStale(index);
    return null;
  }
  const key = index.codes ? secret(false) : null;
  const fresh = { index, stored: index.stored, now, codes: key ? index.codes : null, key, peserta };
  const dirty = dirtyOf(index, blocksOf(last));
  // Marks read and none dirty (a flag of rows beyond the last one): recorded by the write.
  const counted = countedOf(index);
  if (dirty.length === 0)
    return { ...fresh, stored: { ...index.stored, flag: counted.flag, seen: counted.marks } };
  const repaired = repairFresh(fresh, dirty);
  // Not repairable here (another layout, too many blocks): stale for good, as above.
  if (!repaired) markStale(index);
  return repaired;
}

/** freshIndex's repair of `dirty` blocks: the index as a recount would store it, the marks read recorded. */
function repairFresh(fresh: FreshIndex, dirty: number[]): FreshIndex | null {
  const { index, stored, codes, key, now } = fresh;
  // The add-in's columns only (the appends count by them); the whole codes are in hand.
  if (!stored.keys || !codes || !key || now.lastColumn > PESERTA_HEADERS.length) return null;
  if (dirty.length > MAX_REPAIR_BLOCKS) return null;
  const repaired = repairBlocks(fresh.peserta, {
    lastRow: now.lastRow,
    blocks: stored.blocks,
    dirty,
    mapping: OUR_MAPPING,
    timeZone: stored.stamp.timeZone,
    key,
  });
  const whole: CodesWindow = { from: 0, to: Math.ceil(codes.nik.length / CHUNK_CHARS) - 1, ...codes };
  const window = withBlockCodes(whole, repaired.codes, now.lastRow);
  const next: StoredCounts = {
    ...stored,
    blocks: repaired.blocks,
    counts: sumBlocks(repaired.blocks),
    seen: countedOf(index).marks,
    flag: index.flag,
  };
  const nextCodes = { nik: window.nik, name: window.name };
  return {
    ...fresh,
    index: { ...index, stored: next, codes: nextCodes },
    stored: next,
    codes: nextCodes,
    repaired: chunksOfBlocks(dirty, now.lastRow),
  };
}

/** Stores freshIndex's repair when the write appends nothing (the form asked about a duplicate). */
export function storeRepair(fresh: FreshIndex | null): void {
  if (!fresh?.repaired) return;
  const { index, stored, codes, now } = fresh;
  const counted = { flag: stored.flag, marks: stored.seen };
  const generation = writeIndex(
    index,
    now,
    { blocks: stored.blocks, codes },
    { counted, chunks: fresh.repaired },
  );
  restampTallies(index.sheet, index.tallyRow?.[0], stored.generation, generation);
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
    blocks: [],
    seen: {},
    flag: '',
    keys: true,
    generation: '',
  };
  const index: IndexSheet = { sheet, ours: true, signed: true, mark: '', flag: '', stored, marks: [], codes };
  return { index, stored, now, codes, key, peserta };
}

/** Makes the index stale (a check found it wrong): the next click recounts. */
export function markStale(index: IndexSheet): void {
  index.sheet.getRange(1, 2).setValue(`s${Date.now().toString(36)}`);
}

/**
 * After the add-in appended `rows` (in `Peserta`'s own columns) below row `lastBefore`, inside the
 * lock of that write: their counts (into their blocks) and codes are added when the index was
 * fresh until then; a stale or missing index is left for the next click to recount.
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
  const blocks = countIntoBlocks(stored.blocks, rows, lastBefore + 1, OUR_MAPPING, stored.stamp.timeZone);
  let codes: Content['codes'] = null;
  let fromChunk = 0;
  let tallies: ReportTallies | null = null;
  let parts: PartsWrite | null = null;
  /** The blocks tallies that lack a person's edit are moved on without (null: not moved). */
  let lacking: number[] | null = null;
  if (fresh.codes && fresh.key) {
    const added = codesOfRows(rows, fresh.key);
    codes = { nik: fresh.codes.nik + added.nik, name: fresh.codes.name + added.name };
    fromChunk = Math.floor(fresh.codes.nik.length / CHUNK_CHARS);
    // The report's tallies, when they were made for this register as it was: the rows added too
    // (other columns than the add-in's own: left stale, the next report reads Peserta).
    const found =
      fresh.now.lastColumn <= PESERTA_HEADERS.length
        ? talliesFor(index.tallyRow, fresh.now, stored.generation)
        : null;
    const current =
      found !== null &&
      !fresh.repaired &&
      sameCounted(found.counted, { flag: stored.flag, marks: stored.seen });
    const kept = current ? found : null;
    tallies = kept?.merged ?? null;
    // The parts of the blocks the rows go into: the last one (in row 4, read already), and new ones.
    const before = blocksOf(lastBefore);
    const count = blocksOf(lastBefore + rows.length);
    // Tallies that lack a person's edit (its blocks repaired just now, or by a headline): not added
    // to (the new rows would be checked against the rows as they are now, the tallies' as they
    // were); the blocks the rows go into are recorded as missing, and the next report counts
    // them again with the edited ones (./report-repair.ts: the new rows as rows typed in).
    // (More blocks than a report repairs, an import's: left stale, the next report reads Peserta.)
    if (found && !current && found.parts && found.parts.count <= before) {
      const first = Math.min(blockOfRow(lastBefore + 1), found.parts.count);
      if (count - first <= MAX_REPAIR_BLOCKS)
        lacking = Array.from({ length: count - first }, (_, i) => first + i);
    }
    const head = kept?.parts?.count === before ? kept.parts : null;
    const loaded = new Map<number, string>();
    if (head && kept?.tail) loaded.set(before - 1, kept.tail);
    const partial =
      head && (before === 0 || loaded.size > 0)
        ? BlockTallies.fromParts(tallies?.referenceDate ?? '', loaded, head.id)
        : null;
    if (tallies)
      appendToTallies(fresh.peserta, tallies, partial, {
        lastBefore,
        rows,
        timeZone: stored.stamp.timeZone,
        before: fresh.codes,
        added,
      });
    if (head && partial) {
      // The old last block and every new one: the ones before the new last go to their rows.
      const first = Math.max(0, before - 1);
      const blocks = Array.from({ length: count - first }, (_, i) => first + i);
      parts = partsWrite(head.id, count, head.width, partial.partTexts(blocks, head.id));
    }
  }
  // The chunks of the rows appended, and of the blocks repaired in freshIndex.
  const from = Math.min(fromChunk, fresh.repaired?.from ?? fromChunk);
  const counted = { flag: stored.flag, marks: stored.seen };
  const generation = writeIndex(index, stamp, { blocks, codes }, { counted, chunks: { from } });
  if (tallies) writeTallies(index.sheet, stamp, generation, tallies, parts, counted);
  else if (lacking) moveLackingTallies(index.sheet, index.tallyRow?.[0], stamp, generation, lacking);
}

/** Whether two records of the blocks' flag and marks are the same. */
function sameCounted(a: Counted, b: Counted): boolean {
  const marks = (c: Counted) =>
    JSON.stringify(Object.entries(c.marks).sort(([x], [y]) => Number(x) - Number(y)));
  return a.flag === b.flag && marks(a) === marks(b);
}

/** What the report may use: the tallies (fresh), or the stamp to store a recount under; null: no index kept. */
export type ReportIndex =
  | { tallies: ReportTallies; size: { rows: number; columns: number } }
  | { before: CountsStamp; index: IndexSheet | null }
  | null;

/**
 * The report's tallies when the index and they are fresh for `Peserta` (and its ages were
 * computed at the dates they get now), else the stamp a recount is stored under. Row 1 and row 4
 * of the index: a few cells whatever the register's size. After a person's edit (dirty blocks,
 * the index otherwise fresh) the tallies are repaired from those blocks' rows (./report-repair.ts)
 * and stored again with the index's repair, inside the report's lock.
 */
export function reportIndex(
  spreadsheet: Spreadsheet,
  peserta: Sheet,
  timeZone: string,
  dates: { referenceDate: string; activityDates?: Record<string, string> },
): ReportIndex {
  let lastRow: number | undefined;
  const found = readIndex(spreadsheet, false, () => blocksOf((lastRow = peserta.getLastRow())));
  if (found && !found.ours) return null;
  const before = stampOf(peserta, found?.mark ?? '', timeZone, lastRow);
  if ((before.lastRow - 1) * RECOUNT_COLUMNS > MAX_RECOUNT_CELLS) return null;
  if (found?.stored && sameStamp(found.stored.stamp, before)) {
    const size = { rows: before.lastRow, columns: before.lastColumn };
    const row = found.sheet.getRange(`${TALLY_ROW}:${TALLY_ROW}`).getValues()[0];
    const kept = talliesFor(row, before, found.stored.generation);
    if (kept?.merged.datesMatch(dates.referenceDate, dates.activityDates, timeZone)) {
      // The tallies' own flag still C1's: no mark changed since they were counted.
      if (kept.counted.flag === found.flag) return { tallies: kept.merged, size };
      const blocks = blocksOf(before.lastRow);
      const marks = found.marks ?? readMarks(found.sheet, blocks);
      // Blocks the tallies lack (a person's edit since), and any the index lacks (the same or fewer).
      const dirty = marks
        ? [
            ...new Set([
              ...dirtyBlocks(kept.counted.marks, marks, blocks),
              ...dirtyBlocks(found.stored.seen, marks, blocks),
            ]),
          ].sort((a, b) => a - b)
        : null;
      if (dirty && dirty.length === 0) return { tallies: kept.merged, size };
      if (marks && dirty && dirty.length <= MAX_REPAIR_BLOCKS) {
        const index = { ...found, marks };
        const repaired = repairReportIndex(spreadsheet, peserta, index, before, dirty, kept, {
          timeZone,
          ...dates,
        });
        if (repaired) return { tallies: repaired, size };
      }
    }
  }
  return { before, index: found };
}

/**
 * reportIndex's repair of `dirty` blocks (inside the report's lock): the tallies, the counts and
 * the codes of those blocks made again from their rows, stored with the marks read before; null
 * when not repairable here (another layout, no codes or secret): the caller reads `Peserta` whole.
 */
function repairReportIndex(
  spreadsheet: Spreadsheet,
  peserta: Sheet,
  found: IndexSheet,
  before: CountsStamp,
  dirty: number[],
  kept: KeptTallies,
  options: { referenceDate: string; timeZone: string; activityDates?: Record<string, string> },
): ReportTallies | null {
  const { stored } = found;
  const head = kept.parts;
  if (!stored?.keys || before.lastColumn > PESERTA_HEADERS.length) return null;
  const count = blocksOf(before.lastRow);
  // Blocks past the stored parts (rows appended while the tallies lacked an edit, recorded as
  // missing: moveLackingTallies) are counted again like the dirty ones they are.
  if (!head || head.count > count) return null;
  for (let k = head.count; k < count; k++) if (!dirty.includes(k)) return null;
  const texts = readParts(found.sheet, kept);
  const tallies = texts && BlockTallies.fromParts(kept.merged.referenceDate, texts, head.id);
  if (!tallies) return null;
  const key = secret(false);
  if (!key) return null;
  // Rows 2 and 3 now: every row's codes (right but for the dirty blocks', made again here).
  const withCodes = readIndex(spreadsheet, true, blocksOf(before.lastRow));
  if (!withCodes?.codes || withCodes.stored?.generation !== stored.generation) return null;
  const codes = withCodes.codes;
  const repaired = repairReport(peserta, {
    tallies,
    blocks: stored.blocks,
    codes,
    key,
    dirty,
    lastRow: before.lastRow,
    lastColumn: before.lastColumn,
    options,
  });
  const whole: CodesWindow = { from: 0, to: Math.ceil(codes.nik.length / CHUNK_CHARS) - 1, ...codes };
  const window = withBlockCodes(whole, repaired.codes, before.lastRow);
  const content: Content = { blocks: repaired.blocks, codes: { nik: window.nik, name: window.name } };
  const chunks = chunksOfBlocks(dirty, before.lastRow);
  const generation = writeIndex(found, before, content, { counted: countedOf(found), chunks });
  // The parts that changed: the dirty blocks', and those whose duplicate findings did (and the
  // stored last one, in row 4 so far, when blocks came after it: it goes to its row).
  const all = Array.from({ length: count }, (_, k) => k);
  const now = repaired.tallies.partTexts(all, head.id);
  const moved = count > head.count ? head.count - 1 : -1;
  const changed = new Map([...now].filter(([k, text]) => k === moved || text !== texts.get(k)));
  const merged = repaired.tallies.merged();
  const write = partsWrite(head.id, count, head.width, changed, now.get(count - 1) ?? null);
  writeTallies(found.sheet, before, generation, merged, write, countedOf(found));
  return merged;
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
  tallies: BlockTallies,
): void {
  const { before, index: found } = kept;
  const count = blocksOf(before.lastRow);
  // The sheets are the same ones (the report holds the lock); a person may have typed meanwhile.
  const mark = found ? String(found.sheet.getSheetValues(1, 2, 1, 1)[0][0] ?? '') : '';
  const now = { ...before, mark, lastRow: peserta.getLastRow(), lastColumn: peserta.getLastColumn() };
  if (!sameStamp(now, before)) return;
  const key = secret(true) ?? '';
  const ours = isOurLayout(read.header);
  const { grid, mapping } = read;
  const content: Content = {
    blocks: countIntoBlocks([], grid, 2, mapping, before.timeZone),
    codes: ours ? codesOfMapped(grid, mapping, key) : null,
  };
  const index = found ?? { sheet: createIndexSheet(spreadsheet), signed: true };
  // The flag and marks as reportIndex read them, before the report read Peserta.
  const counted = countedOf(found);
  const id = newPartsId();
  const texts = tallies.partTexts(
    Array.from({ length: count }, (_, k) => k),
    id,
  );
  const generation = writeIndex(index, before, content, { counted });
  writeTallies(
    index.sheet,
    before,
    generation,
    tallies.merged(),
    { ...partsWrite(id, count, 1, texts), whole: true },
    counted,
  );
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
