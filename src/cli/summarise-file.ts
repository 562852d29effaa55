/**
 * A register file → its data-terpilah summaries, streamed: each row goes through the add-in's
 * normaliser (rowNormaliser) and is counted at once (SummaryTally) with the findings of its row,
 * so neither rows nor participants are kept. Same figures as normaliseRows + summariseAll on the
 * whole file (test/cli/stream.test.ts compares them).
 */
import { getHeapStatistics } from 'node:v8';
import { matchHeaders } from '../core/terpilah/headers';
import type { QualityFinding, TerpilahSummary } from '../core/terpilah/model';
import { rowNormaliser, type NormaliseOptions } from '../core/terpilah/normalise';
import { DuplicateCheck } from '../core/terpilah/duplicates';
import { SummaryTally } from '../core/terpilah/tally';
import { ReadError, type RawValue } from './read-file';
import { streamCsvOnThread } from './csv-thread';
import { streamTable, type RowSink, type StreamHeader, type StreamOptions } from './stream-table';

export interface FileSummary {
  /** The header row as found ([] for a file without one), source and warnings. */
  found: StreamHeader;
  /** Header cells as text (Dates as their ISO day). */
  headers: string[];
  /** null when the file has no header row. */
  matched: ReturnType<typeof matchHeaders> | null;
  /** Empty unless the header was recognised. */
  summaries: TerpilahSummary[];
  participants: number;
  /** Rows below the header read (blank ones too). */
  rows: number;
}

/** After this many rows the file's length in rows is estimated (from the bytes read so far). */
const ESTIMATE_AT = 100_000;

export function headerText(value: RawValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
}

/** Streams the file (throws ReadError for an unreadable one). `progress` also gets the rows read. */
export async function summariseFile(
  path: string,
  options: Omit<NormaliseOptions, 'firstRow'>,
  stream: Omit<StreamOptions, 'progress' | 'pace'> & {
    progress?: (bytesRead: number, size: number, rows: number) => void;
    /** A script that runs runCsvWorker (the CLI's bundle): a CSV is then parsed on a second thread. */
    csvWorker?: string;
  } = {},
): Promise<FileSummary> {
  const { csvWorker, ...streamOptions } = stream;
  const streamRows =
    csvWorker !== undefined && /\.(csv|txt)$/i.test(path)
      ? (p: string, sink: RowSink, o: StreamOptions) => streamCsvOnThread(csvWorker, p, sink, o)
      : streamTable;
  let found: StreamHeader | null = null;
  let matched: ReturnType<typeof matchHeaders> | null = null;
  let tally = new SummaryTally();
  let push: ReturnType<typeof rowNormaliser>['push'] = () => null;
  const rowFindings: QualityFinding[] = [];
  let participants = 0;
  let rows = 0;
  let duplicates = new DuplicateCheck();
  /** Bytes read when the row count passed ESTIMATE_AT: the file's length in rows, estimated once. */
  let bytesRead = 0;
  let size = 0;
  const result = await streamRows(
    path,
    {
      header: (header) => {
        found = header;
        if (header.header.length === 0) return false;
        matched = matchHeaders(header.header.map(headerText));
        if (!matched.recognised) return false;
        tally = new SummaryTally();
        duplicates = new DuplicateCheck();
        push = rowNormaliser(
          matched.mapping,
          { ...options, firstRow: 1 },
          { quality: rowFindings, duplicates },
        ).push;
        return true;
      },
      row: (values, row) => {
        rows++;
        if (rows === ESTIMATE_AT && size > bytesRead * 2)
          duplicates.reserve(Math.ceil((rows * size) / bytesRead), rows);
        const participant = push(values, row);
        if (participant) {
          participants++;
          tally.add(participant, rowFindings);
        }
        rowFindings.length = 0;
      },
      restart: () => {
        found = null;
        matched = null;
        participants = 0;
        rows = 0;
      },
    },
    {
      ...streamOptions,
      progress: (read, total) => {
        // What the stream keeps (distinct people, institutions) grows with some files: a clear stop
        // before the heap is full, never V8's out-of-memory trace.
        const heap = getHeapStatistics();
        if (heap.used_heap_size > heap.heap_size_limit * 0.85)
          throw new ReadError(
            `Berkas terlalu besar untuk memori / file too large for memory after ${rows.toLocaleString('id-ID')} rows: ` +
              'terlalu banyak nama atau instansi berbeda; bagi berkasnya per kegiatan / too many distinct names or institutions; split the file by activity.',
          );
        bytesRead = read;
        size = total;
        stream.progress?.(read, total, rows);
      },
    },
  );
  // The duplicate tables (~27 bytes a row) are not needed for the report built next.
  duplicates.release();
  const header = found ?? result;
  const match = matched as ReturnType<typeof matchHeaders> | null;
  return {
    found: header,
    headers: header.header.map(headerText),
    matched: match,
    summaries: match?.recognised ? tally.summaries() : [],
    participants,
    rows,
  };
}
