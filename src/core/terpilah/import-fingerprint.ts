/**
 * The import's row fingerprints ("Sumber" in `Peserta`): importing the same source again skips the
 * rows it took before, whatever the mapping. Two versions:
 *  - version 1, "imp:<hash>", hashed the whole raw source row (a form's Timestamp included), so the
 *    import had to read every column of the source;
 *  - version 2, "imp2:<sheet tag>:<columns>:<hash>", hashes only the source columns the mapping
 *    used and names them ("B-G,I"), so the import reads the mapped columns only. Rows imported
 *    under another mapping are still recognised: the columns their prints name (for this source,
 *    by its sheet tag) are read along, and their prints recomputed.
 * A register holding version-1 prints (from before version 2) makes the import read every column
 * again, to recognise them; the rows it then adds get version-2 prints.
 * Either version counts the n-th identical row of a source as a row of its own (".n" appended): an
 * attendance list may hold "Budi, L" three times.
 */
import { hashText } from '../hash';
import { columnToLetters } from '../plan/a1';
import { toIsoInZone } from '../time';
import type { ColumnMapping } from './model';

const LEGACY_PREFIX = 'imp:';
const PREFIX = 'imp2:';
/** Columns a print may name (a sheet has at most 18,278 columns, "ZZZ"). */
const MAX_COLUMN = 18278;

/** What the prints already in `Peserta` ask to read of one source. */
export interface PrintPlan {
  /** Version-1 prints are present: every column is hashed for them. */
  legacy: boolean;
  /** The column sets (0-based, ascending) of this source's version-2 prints, the mapping's first. */
  columnSets: number[][];
}

/** The mapped source columns, ascending, each once. */
export function mappedColumns(mapping: ColumnMapping): number[] {
  const used = Object.values(mapping).filter(
    (c): c is number => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c < MAX_COLUMN,
  );
  return [...new Set(used)].sort((a, b) => a - b);
}

/** The columns' names in a print: runs of letters, "B-G,I". */
export function columnsKey(columns: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    let end = i;
    while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) end++;
    const first = columnToLetters(columns[i] + 1);
    parts.push(end === i ? first : `${first}-${columnToLetters(columns[end] + 1)}`);
    i = end;
  }
  return parts.join(',');
}

/** The columns a key names, or null when it is no key (a Sumber typed by hand). */
export function parseColumnsKey(key: string): number[] | null {
  if (!/^[A-Z]{1,3}(-[A-Z]{1,3})?(,[A-Z]{1,3}(-[A-Z]{1,3})?)*$/.test(key)) return null;
  const columns: number[] = [];
  for (const part of key.split(',')) {
    const [first, last = first] = part.split('-').map((letters) => lettersToColumn(letters) - 1);
    if (last < first || last >= MAX_COLUMN || columns.length + last - first + 1 > MAX_COLUMN) return null;
    for (let c = first; c <= last; c++) columns.push(c);
  }
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  return sorted.length === columns.length && sorted.every((c, i) => c === columns[i]) ? sorted : null;
}

/** "A" → 1, "AA" → 27. */
const lettersToColumn = (letters: string): number =>
  [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/** A short tag of the source sheet's name: which prints in `Peserta` came from this source. */
export const sheetTag = (sheetName: string): string => hashText(`sheet\u0001${sheetName}`).slice(-4);

/** The plan for importing `sheetName` with `mapping`, given the prints already in `Peserta`. */
export function printPlan(known: Iterable<string>, sheetName: string, mapping: ColumnMapping): PrintPlan {
  const current = mappedColumns(mapping);
  const keys = new Set<string>([columnsKey(current)]);
  const tagged = `${PREFIX}${sheetTag(sheetName)}:`;
  let legacy = false;
  for (const print of known) {
    if (print.startsWith(LEGACY_PREFIX)) legacy = true;
    else if (print.startsWith(tagged)) {
      const end = print.indexOf(':', tagged.length);
      if (end > tagged.length) keys.add(print.slice(tagged.length, end));
    }
  }
  const columnSets = [current];
  for (const key of [...keys].slice(1)) {
    const columns = parseColumnsKey(key);
    if (columns && columns.length > 0) columnSets.push(columns);
  }
  return { legacy, columnSets };
}

/** Every source column the plan hashes, ascending, within the source's `width`. */
export function columnsToRead(plan: PrintPlan, width: number): number[] {
  if (plan.legacy) return Array.from({ length: width }, (_, c) => c);
  return [...new Set(plan.columnSets.flat())].filter((c) => c < width).sort((a, b) => a - b);
}

/**
 * The prints of a source's rows under one column set (null = all columns, version 1), row after
 * row in source order: null for a row blank in those columns (never imported under them).
 */
export function printer(
  sheetName: string,
  columns: readonly number[] | null,
  timeZone: string,
): (row: readonly unknown[]) => string | null {
  const occurrences = new Map<string, number>();
  const head = columns ? `${PREFIX}${sheetTag(sheetName)}:${columnsKey(columns)}:` : LEGACY_PREFIX;
  return (row) => {
    const cells = columns ? columns.map((c) => row[c]) : row;
    if (cells.every(isBlankCell)) return null;
    const base = head + rowHash(sheetName, cells, timeZone);
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    return n === 1 ? base : `${base}.${n}`;
  };
}

/** A version-1 print: "imp:" + a hash of the source sheet's name and the row's raw values. */
export function legacyFingerprint(sheetName: string, row: unknown[], timeZone: string): string {
  return LEGACY_PREFIX + rowHash(sheetName, row, timeZone);
}

const rowHash = (sheetName: string, cells: readonly unknown[], timeZone: string): string =>
  hashText([sheetName, ...cells.map((cell) => cellRaw(cell, timeZone))].join('\u0001'));

const isBlankCell = (cell: unknown): boolean => cell === '' || cell === null || cell === undefined;

function cellRaw(cell: unknown, timeZone: string): string {
  if (cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]') {
    const time = (cell as Date).getTime();
    return Number.isFinite(time) ? toIsoInZone(time, timeZone) : '';
  }
  return cell === null || cell === undefined ? '' : String(cell);
}
