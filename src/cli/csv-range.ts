/**
 * One byte range of a UTF-8 CSV file parsed on its own, as one thread reading the whole file
 * parses it there: the range starts at a record boundary (after the header, or where the range
 * before ended), so a fresh csv-parse with the file's delimiters reads the same records. Whether
 * the range really ended at a record boundary (not inside a quoted field) is reported; the
 * caller throws the ranges away when one did not (parallel-summary.ts). Checkpoints — record
 * counts with the byte offset a fresh parser may start at (the byte after a record, where
 * csv-parse starts afresh) — let a few rows be read again later.
 */
import { once } from 'node:events';
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { Parser } from 'csv-parse';
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

/** Records between checkpoints (at most this many are parsed again to reach one row). */
const CHECKPOINT_RECORDS = 128;
const CHUNK_BYTES = 1 << 16;
const SLICE_CHARS = 1 << 14;

/** csv-parse's options for a range: no BOM inside a file, the delimiters the first line had. */
const rangeOptions = (range: Pick<CsvRange, 'delimiter' | 'recordDelimiter'>) => ({
  ...CSV_OPTIONS,
  bom: false,
  delimiter: range.delimiter,
  record_delimiter: range.recordDelimiter,
});

/** Parses the range, handing each record to `record` with its 1-based number in the range. */
export async function readCsvRange(
  range: CsvRange,
  record: (values: string[], local: number) => void,
  progress?: (bytesRead: number) => void,
): Promise<RangeRead> {
  const parser = new Parser(rangeOptions(range));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let failure: unknown = null;
  parser.on('error', (e) => (failure ??= e));
  let records = 0;
  const checkpoints = [0, range.start];
  // A checkpoint as a record is parsed: then csv-parse's info.bytes is the byte after it.
  let parsed = 0;
  const info = (parser as unknown as { info: { bytes: number } }).info;
  const push = parser.push.bind(parser);
  parser.push = (chunk: unknown) => {
    if (chunk !== null && ++parsed % CHECKPOINT_RECORDS === 0)
      checkpoints.push(parsed, range.start + info.bytes);
    return push(chunk);
  };
  const drain = () => {
    let values: string[] | null;
    while ((values = parser.read() as string[] | null) !== null) record(values, ++records);
  };
  parser.on('readable', drain);
  const write = async (text: string) => {
    for (let at = 0; at < text.length;) {
      let end = Math.min(at + SLICE_CHARS, text.length);
      // Never between the halves of a surrogate pair (stream-table.ts).
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
      const slice = at === 0 && end === text.length ? text : text.slice(at, end);
      parser.write(slice);
      drain();
      at = end;
    }
    if (parser.writableNeedDrain && !failure) await once(parser, 'drain');
  };
  if (range.end > range.start) {
    const file = createReadStream(range.path, {
      start: range.start,
      end: range.end - 1,
      highWaterMark: CHUNK_BYTES,
    });
    let bytes = 0;
    try {
      for await (const chunk of file as AsyncIterable<Buffer>) {
        if (failure) break;
        bytes += chunk.length;
        await write(decoder.decode(chunk, { stream: true }));
        progress?.(bytes);
      }
      await write(decoder.decode());
    } catch (e) {
      file.destroy();
      if (e instanceof ReadError) throw e;
      throw new RangeFallback(`range not read as UTF-8 CSV: ${(e as Error).message}`);
    }
  }
  if (failure) throw new RangeFallback(`CSV error in range: ${(failure as Error).message}`);
  await new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', () => resolve());
    parser.end();
  });
  drain();
  // The range ends after a record delimiter: only a quote left open there makes it no record boundary.
  const open = (failure as { code?: string } | null)?.code === 'CSV_QUOTE_NOT_CLOSED';
  if (open && !range.last) return { records, boundary: false, checkpoints };
  if (failure) throw new RangeFallback(`CSV error at the end: ${(failure as Error).message}`);
  return { records, boundary: true, checkpoints };
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
