/**
 * One byte range of a UTF-8 CSV file parsed on its own, as one thread reading the whole file
 * parses it there: the range starts at a record boundary (after the header, or where the range
 * before ended), so a fresh csv-parse with the file's delimiters reads the same records. Whether
 * the range really ended at a record boundary (not inside a quoted field) is reported; the
 * caller throws the ranges away when one did not (parallel-summary.ts). Checkpoints — record
 * counts with the byte offset a fresh parser may start at (the byte after a record, where
 * csv-parse starts afresh) — let a few rows be read again later.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import Papa from 'papaparse';
import { parse } from 'csv-parse/sync';
import { CSV_OPTIONS, ReadError } from './read-file';

export interface CsvRange {
  path: string;
  /** Byte offsets: [start, end). */
  start: number;
  end: number;
  /** The file's last range: its parser is ended (a last record without a line break, a quote left open). */
  last: boolean;
  delimiter: ';' | ',';
  /** The record delimiter csv-parse found in the file's first line ("\n" or "\r\n"). */
  recordDelimiter: string;
}

export interface RangeRead {
  /** Records in the range. */
  records: number;
  /** Whether the range ended at a record boundary (always true for the last one). */
  boundary: boolean;
  /** Pairs [records before, byte offset]: a fresh parser at the offset reads record (before + 1) first. */
  checkpoints: number[];
}

/** Why a range cannot stand for its part of the file: the file is then read on one thread. */
export class RangeFallback extends Error {}

const CHUNK_BYTES = 1 << 16;
/** Characters of a piece (then to the next record delimiter): ~100 records, parsed again at most to reach one row. */
const PIECE_CHARS = 1 << 13;

/** csv-parse's options for a range: no BOM inside a file, the delimiters the first line had. */
const rangeOptions = (range: Pick<CsvRange, 'delimiter' | 'recordDelimiter'>) => ({
  ...CSV_OPTIONS,
  bom: false,
  delimiter: range.delimiter,
  record_delimiter: range.recordDelimiter,
});

/**
 * CSV text cut into pieces of whole records and parsed piece by piece. A piece without a quote
 * character is lines split at the record delimiter and fields at the delimiter, nothing else:
 * there papaparse (several times faster) reads exactly what csv-parse reads, and is used when
 * it reports no error (test/cli/csv-blocks.test.ts checks the records against csv-parse's on
 * generated messy CSV). A piece with a quote is csv-parse's; one that ends inside a quoted
 * field (a line break in quotes) is read again with the text after it, until it ends outside.
 * Each piece ends at a record boundary: its end is a checkpoint.
 */
export class CsvBlocks {
  private pending = '';
  /** Characters of `pending` tried already without closing a quote: wait for more than this. */
  private tried = 0;
  records = 0;
  /** UTF-8 bytes of the records parsed so far. */
  bytes = 0;
  /** Pieces papaparse read, and csv-parse read (the benchmark reports them). */
  fast = 0;
  slow = 0;
  readonly checkpoints: number[];

  constructor(
    private readonly range: Pick<CsvRange, 'delimiter' | 'recordDelimiter'> & { start: number },
    private readonly record: (values: string[], local: number) => void,
    private readonly piece = PIECE_CHARS,
  ) {
    this.checkpoints = [0, range.start];
  }

  write(text: string): void {
    const left = this.pending;
    if (left !== '' && left.length >= this.tried) {
      // What was left (the start of a record) is completed to a piece from the chunk's head: the
      // chunk itself is not copied into one new string with it (a flat copy of every chunk, as
      // many bytes as the file, ~7% of what a row allocated).
      const rd = this.range.recordDelimiter;
      const cut = text.indexOf(rd, Math.max(0, this.piece - left.length));
      if (cut >= 0) {
        const end = cut + rd.length;
        this.pending = left + text.slice(0, end);
        this.take(false);
        if (end === text.length) return;
        text = text.slice(end);
      }
    }
    this.pending = this.pending === '' ? text : this.pending + text;
    if (this.pending.length < this.tried) return;
    this.take(false);
  }

  /** The text is all given: whether it ended outside a quoted field. */
  end(last: boolean): boolean {
    this.take(true);
    if (this.pending === '') return true;
    // Only a quote left open is left: a last record without its line break is parsed by take.
    if (!last) return false;
    throw new RangeFallback('Quote Not Closed at the end of the file');
  }

  private take(final: boolean): void {
    const rd = this.range.recordDelimiter;
    const text = this.pending;
    let at = 0;
    while (at < text.length) {
      let cut = text.indexOf(rd, Math.min(text.length, at + this.piece));
      if (cut < 0) cut = text.lastIndexOf(rd);
      let end = cut < at ? (final ? text.length : -1) : cut + rd.length;
      if (end < 0) break;
      let piece = text.slice(at, end);
      let records = this.parse(piece);
      // Ends inside quotes: one more piece, until it closes or the text is used up.
      while (records === null) {
        const next = text.indexOf(rd, Math.min(text.length, end + this.piece));
        if (next < 0) {
          // Tried again once the text has doubled: a long quoted field is not parsed again per chunk.
          if (!final) {
            this.tried = 2 * (text.length - at);
            break;
          }
          if (end === text.length) break;
          end = text.length;
        } else end = next + rd.length;
        piece = text.slice(at, end);
        records = this.parse(piece);
      }
      if (records === null) break;
      for (const values of records) this.record(values, ++this.records);
      this.bytes += Buffer.byteLength(piece);
      this.checkpoints.push(this.records, this.range.start + this.bytes);
      at = end;
      this.tried = 0;
    }
    this.pending = at === 0 ? text : text.slice(at);
  }

  /** The records of a piece of whole records; null when it ends inside a quoted field. */
  private parse(text: string): string[][] | null {
    const { delimiter, recordDelimiter } = this.range;
    if (!text.includes('"')) {
      const body = text.endsWith(recordDelimiter) ? text.slice(0, -recordDelimiter.length) : text;
      if (body === '') return text === '' ? [] : [['']];
      // papaparse's own Parser (what Papa.parse runs), without Papa.parse's wrapper: that
      // wrapper, called per piece, kept each piece's records alive past a young-generation
      // collection (scavenges 35× longer; most of the time papaparse saved).
      const parser = new Papa.Parser({ delimiter, newline: recordDelimiter as '\n', quoteChar: '"' });
      const result = parser.parse(body, 0, false) as Papa.ParseResult<string[]>;
      if (result.errors.length === 0) {
        this.fast++;
        return result.data;
      }
    }
    this.slow++;
    try {
      return parse(text, rangeOptions(this.range)) as string[][];
    } catch (e) {
      if ((e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return null;
      throw new RangeFallback(`CSV error in range: ${(e as Error).message}`);
    }
  }
}

/** Parses the range, handing each record to `record` with its 1-based number in the range. */
export async function readCsvRange(
  range: CsvRange,
  record: (values: string[], local: number) => void,
  progress?: (bytesRead: number) => void,
  /** Asked after each chunk: true stops the reading (another range fell back). */
  stop?: () => boolean,
): Promise<RangeRead & { fast: number; slow: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const blocks = new CsvBlocks(range, record);
  if (range.end > range.start) {
    let fd: number | null = null;
    try {
      fd = openSync(range.path, 'r');
      // Read in place into one buffer, not a stream's fresh 64 KiB buffer per chunk: the stream
      // cost ~6× the CPU of the reads themselves (500 vs 85 ms for 530 MB, page-cached).
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      for (let at = range.start; at < range.end;) {
        const n = readSync(fd, chunk, 0, Math.min(CHUNK_BYTES, range.end - at), at);
        if (n === 0) throw new RangeFallback('the file ended before its range');
        at += n;
        blocks.write(decoder.decode(chunk.subarray(0, n), { stream: true }));
        progress?.(at - range.start);
        if (stop?.()) throw new RangeFallback('stopped');
        // The thread's messages (a worker's range done, a fallback) are taken between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      blocks.write(decoder.decode());
    } catch (e) {
      if (e instanceof ReadError || e instanceof RangeFallback) throw e;
      throw new RangeFallback(`range not read as UTF-8 CSV: ${(e as Error).message}`);
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
  const boundary = blocks.end(range.last);
  return {
    records: blocks.records,
    boundary,
    checkpoints: blocks.checkpoints,
    fast: blocks.fast,
    slow: blocks.slow,
  };
}

/**
 * Records again, from a checkpoint: `count` records from byte `from` (a record boundary), in
 * the bytes up to `to` (the next checkpoint or the range's end, a boundary too).
 */
export function readRecordsAt(
  range: Pick<CsvRange, 'path' | 'delimiter' | 'recordDelimiter'>,
  from: number,
  to: number,
  count: number,
): string[][] {
  const bytes = Buffer.alloc(to - from);
  const fd = openSync(range.path, 'r');
  try {
    for (let at = 0; at < bytes.length;) {
      const n = readSync(fd, bytes, at, bytes.length - at, from + at);
      if (n === 0) break;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return parse(bytes, { ...rangeOptions(range), to: count }) as string[][];
}
