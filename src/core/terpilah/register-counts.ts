/**
 * The register's counts per activity (participants, L, P, unknown sex), kept so that the sidebar's
 * headline reads a few cells instead of `Peserta`'s columns. Each count is a sum over rows of what
 * the normaliser reads from that row alone (its activity, its sex from the sex column, else the NIK,
 * else the NIP), so counts of new rows add to the counts of the old ones, the rows of one block
 * counted again replace that block's part (block-counts.ts: a person's edit), and a full recount
 * (countByActivity over every row) gives the same figures as the headline read from `Peserta`.
 *
 * Stored as JSON text in cells (chunks under Sheets' 50,000-character cell limit), the counts of
 * each block, with a stamp that says which register it counted. An activity's name is stored as written, unless a NIK is typed
 * into it: a whole NIK appears only in `Peserta`, so that name is stored as its hash.
 */
import { hashText } from '../hash';
import { blocksOf, decodeBlocks, encodeBlocks, sumBlocks } from './block-counts';
import { maskNiksIn } from '../privacy/mask-nik';
import { nameKey } from './duplicates';
import { cleanText } from './cell-text';
import { idDigits } from './nik';
import { NO_ACTIVITY } from './normalise';
import { tableRow } from './table-rows';
import type { Participant } from './model';

export interface SexCounts {
  participants: number;
  L: number;
  P: number;
  unknown: number;
}

/** Activity key (activityKey) → its counts. */
export type ActivityCounts = Record<string, SexCounts>;

/** What the counts were made from: a different register, or an edit since, makes them stale. */
export interface CountsStamp {
  /** The edit mark seen when the counts were made (onEdit writes a new one). */
  mark: string;
  sheetId: number;
  lastRow: number;
  lastColumn: number;
  timeZone: string;
}

/** The first cell of the index: what tells the add-in's index from anything else. */
export const COUNTS_SIGNATURE = 'sopTerpilah.registerCounts/3';

/** Under Sheets' limit of 50,000 characters in a cell. */
export const CHUNK_CHARS = 45_000;

/** The key an activity's counts are stored under: its name, or a hash when a NIK is in it. */
export function activityKey(activity: string): string {
  return maskNiksIn(activity) === activity && !activity.startsWith('#') ? activity : `#${hashText(activity)}`;
}

export function emptyCounts(): SexCounts {
  return { participants: 0, L: 0, P: 0, unknown: 0 };
}

/** The counts per activity of normalised participants. */
export function countByActivity(participants: readonly Participant[]): ActivityCounts {
  const counts: ActivityCounts = Object.create(null) as ActivityCounts;
  for (const p of participants) {
    const key = activityKey(p.activity);
    const c = counts[key] ?? (counts[key] = emptyCounts());
    c.participants++;
    if (p.sex === 'L') c.L++;
    else if (p.sex === 'P') c.P++;
    else c.unknown++;
  }
  return counts;
}

/** `into` plus `more` (a new copy). */
export function addCounts(into: ActivityCounts, more: ActivityCounts): ActivityCounts {
  const sum: ActivityCounts = Object.create(null) as ActivityCounts;
  for (const source of [into, more])
    for (const [key, c] of Object.entries(source)) {
      const s = sum[key] ?? (sum[key] = emptyCounts());
      s.participants += c.participants;
      s.L += c.L;
      s.P += c.P;
      s.unknown += c.unknown;
    }
  return sum;
}

/** The summary the headline is made from (core/terpilah/headline.ts), for one activity. */
export function headlineSummary(counts: ActivityCounts, activity: string) {
  const c = counts[activityKey(activity)] ?? emptyCounts();
  return { participants: c.participants, sex: tableRow('Jumlah', c.L, c.P, c.unknown) };
}

export function sameStamp(a: CountsStamp, b: CountsStamp): boolean {
  return (
    a.mark === b.mark &&
    a.sheetId === b.sheetId &&
    a.lastRow === b.lastRow &&
    a.lastColumn === b.lastColumn &&
    a.timeZone === b.timeZone
  );
}

/**
 * The cells after the signature, the edit mark and the blocks' flag: the stamp (with `keys`: rows
 * 2 and 3 hold the duplicate keys; `flag` and `seen`: the blocks' flag and marks the blocks were
 * counted under), then the counts of each block (core/terpilah/block-counts.ts), whose sum is the
 * headline's.
 */
export function encodeCounts(
  stamp: CountsStamp,
  blocks: readonly ActivityCounts[],
  keys: boolean,
  /** A new one each time the index is written: what the report's tallies go with. */
  generation = '',
  seen: Readonly<Record<string, string>> = {},
  flag = '',
): string[] {
  const chunks = toChunks(JSON.stringify(encodeBlocks(blocks)));
  return [
    JSON.stringify({
      ...stamp,
      keys,
      codes: keys ? CODES_VERSION : 0,
      generation,
      flag,
      seen,
      chunks: chunks.length,
    }),
    ...chunks,
  ];
}

export interface StoredCounts {
  stamp: CountsStamp;
  /** The counts per activity: the sum of the blocks'. */
  counts: ActivityCounts;
  /** The counts of each block of BLOCK_ROWS rows, as of `seen`. */
  blocks: ActivityCounts[];
  /** The block marks each block was last counted under (block-counts.ts seenMarks). */
  seen: Record<string, string>;
  /** The blocks' flag then: while it is the same, no block mark changed. */
  flag: string;
  /** Whether rows 2 and 3 hold the rows' duplicate codes, as of the stamp. */
  keys: boolean;
  /** Which writing of the index this is (encodeCounts). */
  generation: string;
}

/** The stamp and counts from those cells; null when they are not a complete index. */
export function decodeCounts(cells: readonly unknown[]): StoredCounts | null {
  try {
    const head = JSON.parse(String(cells[0] ?? '')) as Partial<CountsStamp> & {
      chunks?: unknown;
      keys?: unknown;
      codes?: unknown;
      generation?: unknown;
      seen?: unknown;
      flag?: unknown;
    };
    const n = head.chunks;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || cells.length < n + 1) return null;
    const { mark, sheetId, lastRow, lastColumn, timeZone } = head;
    if (
      typeof mark !== 'string' ||
      typeof sheetId !== 'number' ||
      typeof lastRow !== 'number' ||
      typeof lastColumn !== 'number' ||
      typeof timeZone !== 'string'
    )
      return null;
    const seen = head.seen;
    if (typeof seen !== 'object' || seen === null || Array.isArray(seen)) return null;
    if (!Object.values(seen).every((m) => typeof m === 'string')) return null;
    if (typeof head.flag !== 'string') return null;
    const text = fromChunks(cells.slice(1, n + 1));
    if (text === null) return null;
    const blocks = decodeBlocks(JSON.parse(text));
    if (!blocks || blocks.length !== blocksOf(lastRow)) return null;
    // Codes of another meaning (an older add-in's) are no codes: the next append recounts.
    const keys = head.keys === true && head.codes === CODES_VERSION;
    const generation = typeof head.generation === 'string' ? head.generation : '';
    return {
      stamp: { mark, sheetId, lastRow, lastColumn, timeZone },
      counts: sumBlocks(blocks),
      blocks,
      seen: { ...(seen as Record<string, string>) },
      flag: head.flag,
      keys,
      generation,
    };
  } catch {
    return null;
  }
}

/**
 * The duplicate keys of each row, for the sidebar form's check (core/terpilah/entry-check.ts):
 * a code of the NIK's digits and a code of name + institution + activity, compared as
 * duplicateRowsOf compares them. A code is 28 bits of a hash keyed with a secret the add-in keeps
 * in the document's properties, written as six letters: without the secret a code tells nothing,
 * and with it a code still cannot name one NIK (each code is shared by thousands of possible
 * NIKs). Codes only find candidate rows; the form reads those rows and compares their cells.
 */
export const CODE_CHARS = 6;
export const NO_CODE = '------';

export function keyCode(secret: string, text: string): string {
  let a = 0x811c9dc5;
  let b = 0x1b873593;
  const mix = (c: number) => {
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  };
  for (let i = 0; i < secret.length; i++) mix(secret.charCodeAt(i));
  mix(0);
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  // 28 bits as six letters: no digits, so that no run of codes can look like a NIK.
  let bits = (a ^ (a >>> 16)) >>> 4;
  let code = '';
  for (let i = 0; i < CODE_CHARS; i++) {
    code += String.fromCharCode(97 + (bits % 26));
    bits = Math.floor(bits / 26);
  }
  return code;
}

/** A register row as the duplicate check compares it (server/terpilah/duplicate-reads.ts). */
export interface KeyCells {
  activity: unknown;
  name: unknown;
  nik: unknown;
  institution: unknown;
}

/** The version of the codes' meaning, in the stamp: an index with other codes is recounted. */
export const CODES_VERSION = 2;
/** Characters of the name key a name code is made of. */
const NAME_CODE_CHARS = 100;

/**
 * The NIK's and the name's code of a row (NO_CODE when it has none). The name code is of the
 * activity as the normaliser cleans it (an empty one is NO_ACTIVITY) and the name's key (its
 * first 100 characters), not the institution: rows with the same name, institution and activity
 * share it however the form or the normaliser compares them, so both the form's check and the
 * report's duplicate findings for appended rows (server/terpilah/report-tallies.ts) find every
 * candidate row by it, then compare the rows themselves.
 */
export function rowCodes(secret: string, cells: KeyCells): { nik: string; name: string } {
  const nik = idDigits(String(cells.nik ?? ''));
  const name = String(cells.name ?? '');
  const activity = cleanText(cells.activity) || NO_ACTIVITY;
  return {
    nik: nik === '' ? NO_CODE : keyCode(secret, `n${nik}`),
    name:
      name.trim() === ''
        ? NO_CODE
        : keyCode(secret, `p${activity}\u0001${nameKey(name).slice(0, NAME_CODE_CHARS)}`),
  };
}

/** The 0-based rows whose code is `code`. */
export function rowsWithCode(codes: string, code: string): number[] {
  const rows: number[] = [];
  if (code === NO_CODE) return rows;
  for (let at = codes.indexOf(code); at >= 0; at = codes.indexOf(code, at + 1))
    if (at % CODE_CHARS === 0) rows.push(at / CODE_CHARS);
  return rows;
}

/** A text in cells under the cell limit; each starts with "k" so that Sheets never reads a chunk as a number or date. */
export function toChunks(text: string): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += CHUNK_CHARS) chunks.push(`k${text.slice(at, at + CHUNK_CHARS)}`);
  return chunks;
}

export function fromChunks(cells: readonly unknown[]): string | null {
  let text = '';
  for (const cell of cells) {
    const chunk = String(cell ?? '');
    if (!chunk.startsWith('k')) return null;
    text += chunk.slice(1);
  }
  return text;
}
