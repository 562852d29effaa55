/**
 * A participant register read as a stream, one row at a time, in memory that does not grow with
 * the file: CSV through csv-parse's stream parser (chosen by measurement, BENCHMARKS.md "CLI
 * streaming"), XLSX through exceljs' streaming WorkbookReader. Rows reach the sink with the value
 * types and row numbers of the whole-file reader (read-file.ts), so the figures are the same.
 *
 * The encoding is decided from the first bytes (read-file.ts sniffEncoding). UTF-8 is a try, as
 * in the whole-file reader: the first byte sequence that is not UTF-8 makes the whole file
 * Windows-1252, so the reading starts over (`restart` tells the sink to forget what it counted).
 */
import { once } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { TextDecoder } from 'node:util';
import { Parser } from 'csv-parse';
import {
  cellValue,
  CSV_OPTIONS,
  DECODER_LABEL,
  detectDelimiter,
  encodingWarnings,
  isBlankRow,
  ReadError,
  sniffEncoding,
  SNIFF_BYTES,
  type RawValue,
} from './read-file';

export interface StreamHeader {
  /** The first non-blank row; [] for a file with none. */
  header: RawValue[];
  /** What was read, e.g. "CSV (;, UTF-8)". */
  source: string;
  warnings: string[];
}

export interface RowSink {
  /** The header row. Returning false stops the reading (an unrecognised header). */
  header(found: StreamHeader): boolean;
  /** A row below the header (blank rows too), with its 1-based row number in the file. */
  row(values: RawValue[], row: number): void;
  /** The reading starts over (the file turned out not to be UTF-8): forget every row. */
  restart(): void;
}

export interface StreamOptions {
  /** Bytes read at a time (tests use a small one to see rows arrive before the file is read). */
  chunkSize?: number;
  /** CSV text parsed at a time, in characters (tests use a small one to cut characters in two). */
  sliceChars?: number;
  /** Called now and then with the bytes read so far and the file's size. */
  progress?: (bytesRead: number, size: number) => void;
  /** Awaited after each CSV chunk is parsed: the reading waits for what it returns (csv-thread). */
  pace?: () => Promise<void> | void;
}

/** What the stream read: the header (as given to the sink) and how many rows came below it. */
export interface StreamResult extends StreamHeader {
  rows: number;
}

class NotUtf8 extends Error {}

/**
 * Bytes of CSV read at a time. Each chunk is memory outside V8's heap until a collection frees
 * it: 1 MiB chunks kept ~20 MB of them alive at 1 M rows (~60 MB on a thread that only parses).
 */
const CSV_CHUNK_BYTES = 1 << 16;

/** Characters of CSV text parsed at a time (see streamCsv's write). */
const SLICE_CHARS = 1 << 14;

function fileSize(path: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      throw new ReadError(`Berkas tidak dapat dibaca / cannot read file: ${path} (EISDIR)`);
    return stat.size;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReadError(
      code === 'ENOENT'
        ? `Berkas tidak ditemukan / file not found: ${path}`
        : `Berkas tidak dapat dibaca / cannot read file: ${path} (${code ?? (e as Error).message})`,
    );
  }
}

/** Streams the register at `path` (.csv, .txt or .xlsx) into `sink`. Throws ReadError only. */
export async function streamTable(
  path: string,
  sink: RowSink,
  options: StreamOptions = {},
): Promise<StreamResult> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.xlsx')
    throw new ReadError(
      `Jenis berkas tidak dikenal / unsupported file type "${ext || '(none)'}": pakai .csv atau .xlsx / use .csv or .xlsx`,
    );
  const size = fileSize(path);
  if (ext === '.xlsx') return streamXlsx(path, sink, size, options);
  try {
    return await streamCsv(path, sink, size, options, null);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    sink.restart();
    return streamCsv(path, sink, size, options, 'Windows-1252');
  }
}

/** Header handling shared by both formats: blank rows before the header are skipped. */
function headerTracker(sink: RowSink, describe: () => { source: string; warnings: string[] }) {
  let found: StreamHeader | null = null;
  let rows = 0;
  let stopped = false;
  return {
    /** Feeds one file row; false once the sink wants no more. */
    feed(values: RawValue[], row: number): boolean {
      if (stopped) return false;
      if (found) {
        rows++;
        sink.row(values, row);
        return true;
      }
      if (isBlankRow(values)) return true;
      found = { header: values, ...describe() };
      stopped = !sink.header(found);
      return !stopped;
    },
    result(): StreamResult {
      if (!found) {
        found = { header: [], ...describe() };
        sink.header(found);
      }
      return { ...found, rows };
    },
  };
}

async function streamCsv(
  path: string,
  sink: RowSink,
  size: number,
  options: StreamOptions,
  forced: 'Windows-1252' | null,
): Promise<StreamResult> {
  const file = createReadStream(path, { highWaterMark: options.chunkSize ?? CSV_CHUNK_BYTES });
  let bytesRead = 0;
  let head: Buffer | null = Buffer.alloc(0);
  let decoder: TextDecoder | null = null;
  let encoding = forced ?? 'UTF-8';
  let text = '';
  let firstText = true;
  let parser: Parser | null = null;
  let delimiter: ';' | ',' = ',';
  let recordIndex = 0;
  const slice = Math.max(1, options.sliceChars ?? SLICE_CHARS);
  let failure: unknown = null;
  /** The sink wants no more rows: the file is closed as soon as the current chunk is parsed. */
  let stopped = false;
  const tracker = headerTracker(sink, () => ({
    source: `CSV (${delimiter}, ${encoding})`,
    warnings: encodingWarnings(encoding),
  }));

  /** Feeds the sink every record parsed so far. */
  const drain = () => {
    let record: string[] | null;
    // Read to the end even once stopped: a parser with unread records never ends.
    while ((record = parser!.read() as string[] | null) !== null) {
      recordIndex++;
      if (!stopped && !tracker.feed(record, recordIndex)) stopped = true;
    }
  };

  /**
   * Text to the parser a slice at a time, each slice's records fed before the next is parsed:
   * a 1 MiB chunk parsed at once would hold its ~10,000 records in memory together, long enough
   * for V8 to move them to the old generation (which then grows with garbage).
   */
  const write = (text: string): boolean => {
    const p = parser!;
    for (let at = 0; at < text.length;) {
      let end = Math.min(at + slice, text.length);
      // Never between the halves of a surrogate pair: each would be written as U+FFFD.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
      p.write(at === 0 && end === text.length ? text : text.slice(at, end));
      drain();
      at = end;
    }
    // Drained already, unless the parser still holds text (then 'drain' is yet to come).
    return !p.writableNeedDrain;
  };

  const startParser = () => {
    delimiter = detectDelimiter(text);
    parser = new Parser({ delimiter, ...CSV_OPTIONS });
    parser.on('readable', drain);
    parser.on('error', (e) => {
      failure ??= new ReadError(`CSV tidak dapat dibaca / cannot parse CSV: ${e.message}`);
    });
  };

  /**
   * Decoded text in: the first text waits until the header line is whole (for its delimiter).
   * False when the parser's buffer is full: the caller waits for it to drain before reading on.
   */
  const take = (decoded: string, last: boolean): boolean => {
    if (firstText) {
      decoded = encoding === 'UTF-8' ? decoded.replace(/^\uFEFF/, '') : decoded;
      firstText = false;
      decoded = decoded.replace(/^\uFEFF/, '');
    }
    if (parser) return decoded === '' || write(decoded);
    text += decoded;
    if (!last && !headerLineEnds(text)) return true;
    startParser();
    const whole = text;
    text = '';
    return whole === '' || write(whole);
  };

  const decode = async (bytes: Buffer, last: boolean): Promise<void> => {
    if (!decoder) {
      if (forced) decoder = new TextDecoder('windows-1252');
      else {
        const sniffed = sniffEncoding(bytes);
        encoding = sniffed.encoding;
        bytes = bytes.subarray(sniffed.skip);
        decoder = new TextDecoder(DECODER_LABEL[encoding], { fatal: !sniffed.sure });
      }
    }
    let decoded: string;
    try {
      decoded = decoder.decode(bytes, { stream: !last });
    } catch {
      throw new NotUtf8();
    }
    // Backpressure: the rows are counted as fast as they are parsed, and the file waits.
    if (!take(decoded, last) && !failure) await once(parser!, 'drain');
  };

  /** Every chunk was read: then the parser is ended even once stopped, as the whole-file reader ends it. */
  let exhausted = true;
  try {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      if (failure || stopped) {
        exhausted = false;
        break;
      }
      bytesRead += chunk.length;
      options.progress?.(bytesRead, size);
      if (head) {
        // The encoding is decided on the first SNIFF_BYTES (or the whole, shorter, file).
        head = Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES) continue;
        const bytes = head;
        head = null;
        await decode(bytes, false);
      } else await decode(chunk, false);
      await options.pace?.();
    }
    if (!failure && exhausted) await decode(head ?? Buffer.alloc(0), true);
  } catch (e) {
    file.destroy();
    if (e instanceof NotUtf8 || e instanceof ReadError) throw e;
    throw new ReadError(`Berkas tidak dapat dibaca / cannot read file: ${path} (${(e as Error).message})`);
  }
  // An unrecognised header in a file read whole still reports a quote left open at its end.
  if (parser && !failure && exhausted) {
    const p: Parser = parser;
    await new Promise<void>((resolve) => {
      p.on('end', resolve);
      p.on('error', () => resolve());
      p.end();
    });
  }
  if (failure) throw failure;
  return tracker.result();
}

/** Whether the text holds the end of its first line outside quotes (detectDelimiter's scan). */
function headerLineEnds(text: string): boolean {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return true;
  }
  return false;
}

async function streamXlsx(
  path: string,
  sink: RowSink,
  size: number,
  options: StreamOptions,
): Promise<StreamResult> {
  let name = '';
  let width = 0;
  const tracker = headerTracker(sink, () => ({ source: `XLSX, lembar / sheet "${name}"`, warnings: [] }));
  let sheets = 0;
  try {
    // exceljs is loaded only for an XLSX file (a CSV run needs none of its ~28 MB), and before
    // the file flows: bytes read before the reader listens would be lost.
    const ExcelJS = (await import('exceljs')).default;
    const input = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
    let bytes = 0;
    input.on('data', (chunk) => options.progress?.((bytes += chunk.length), size));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    sheetLoop: for await (const worksheet of reader) {
      sheets++;
      name = (worksheet as unknown as { name: string }).name;
      let lastRow = 0;
      for await (const row of worksheet) {
        const values: RawValue[] = [];
        const cells = row.cellCount;
        width = Math.max(width, cells);
        for (let c = 1; c <= width; c++) values.push(c <= cells ? cellValue(row.getCell(c)) : '');
        // Rows exceljs leaves out are blank rows: they keep their numbers.
        while (++lastRow < row.number) if (!tracker.feed([], lastRow)) break sheetLoop;
        if (!tracker.feed(values, row.number)) break sheetLoop;
      }
      break;
    }
  } catch (e) {
    throw new ReadError(`XLSX tidak dapat dibaca / cannot read XLSX: ${(e as Error).message}`);
  }
  if (sheets === 0) throw new ReadError('XLSX tanpa lembar kerja / XLSX has no worksheet');
  return tracker.result();
}
