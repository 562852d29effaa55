/**
 * A CSV register parsed on a second thread: the worker reads, decodes and parses the file with
 * streamTable (the one-thread code, unchanged) and posts what its sink receives, in the order it
 * receives it — the header, the rows in batches, a restart, the progress of each chunk — and the
 * main thread hands each to the real sink in that order. Same records, same row numbers, same
 * interleaving of progress and rows (the row estimate and the heap check see what they saw on one
 * thread), so the tables are those of one thread; parsing (~4 µs a row) leaves the thread that
 * normalises and counts. The worker runs at most MAX_BATCHES batches ahead: memory stays flat.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ReadError } from './read-file';
import {
  streamTable,
  type RowSink,
  type StreamHeader,
  type StreamOptions,
  type StreamResult,
} from './stream-table';

/** Rows per batch: small enough that a batch never lives long (see stream-table's slices). */
const BATCH_ROWS = 512;
/** Batches posted and not yet counted before the worker waits. */
const MAX_BATCHES = 16;
const WORKER_KEY = 'sopTerpilahCsvWorker';

/**
 * Rows posted as arrays (structured clone). Not as one joined string split on arrival: its parts
 * would be slices of the batch's string, and every part a Map keeps (an institution, a cache key)
 * would keep its whole batch alive.
 */
type Batch = { type: 'rows'; first: number; records: string[][] };
type ToMain =
  | Batch
  | { type: 'header'; found: StreamHeader }
  | { type: 'restart' }
  | { type: 'progress'; bytesRead: number; size: number }
  | { type: 'done'; result: StreamResult }
  | { type: 'error'; message: string; readError: boolean };

interface Job {
  [WORKER_KEY]: true;
  path: string;
  chunkSize?: number;
  sliceChars?: number;
}

/** Whether this thread is a CSV worker started by streamCsvOnThread. */
export const isCsvWorker = (): boolean =>
  !isMainThread && (workerData as Partial<Job> | null)?.[WORKER_KEY] === true;

/** The worker's side: streams the file and posts what the sink receives. */
export function runCsvWorker(): void {
  const job = workerData as Job;
  const port = parentPort!;
  const post = (message: ToMain) => port.postMessage(message);
  let credits = MAX_BATCHES;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    if (++credits <= 0 || !wake) return;
    const resume = wake;
    wake = null;
    resume();
  });

  let records: string[][] = [];
  let first = 0;
  const flush = () => {
    if (records.length === 0) return;
    credits--;
    post({ type: 'rows', first, records });
    records = [];
  };
  const sink: RowSink = {
    header: (found) => {
      post({ type: 'header', found });
      return true;
    },
    row: (values, row) => {
      if (records.length > 0 && row !== first + records.length) flush();
      if (records.length === 0) first = row;
      records.push(values as string[]);
      if (records.length === BATCH_ROWS) flush();
    },
    restart: () => {
      flush();
      post({ type: 'restart' });
    },
  };
  const options: StreamOptions = {
    chunkSize: job.chunkSize,
    sliceChars: job.sliceChars,
    progress: (bytesRead, size) => {
      // The rows before this chunk, then its progress: the order one thread calls them in.
      flush();
      post({ type: 'progress', bytesRead, size });
    },
    pace: () => (credits > 0 ? undefined : new Promise<void>((resolve) => (wake = resolve))),
  };
  streamTable(job.path, sink, options).then(
    (result) => {
      flush();
      post({ type: 'done', result });
    },
    (e: unknown) => {
      flush();
      post({ type: 'error', message: String((e as Error)?.message ?? e), readError: e instanceof ReadError });
    },
  );
}

/**
 * streamTable for a CSV file, parsed on a worker running `script` (a file whose entry calls
 * runCsvWorker when isCsvWorker()). Throws ReadError as streamTable does.
 */
export function streamCsvOnThread(
  script: string,
  path: string,
  sink: RowSink,
  options: StreamOptions = {},
): Promise<StreamResult> {
  const job: Job = { [WORKER_KEY]: true, path, chunkSize: options.chunkSize, sliceChars: options.sliceChars };
  const worker = new Worker(script, {
    workerData: job,
    // Its heap holds a few batches and what csv-parse buffers of one record.
    resourceLimits: { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 256 },
    stdout: true,
    stderr: true,
  });
  return new Promise<StreamResult>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
      done();
    };
    worker.on('message', (message: ToMain) => {
      if (settled) return;
      try {
        switch (message.type) {
          case 'header':
            // An unrecognised header stops the reading, as on one thread.
            if (!sink.header(message.found)) settle(() => resolve({ ...message.found, rows: 0 }));
            break;
          case 'rows':
            message.records.forEach((record, i) => sink.row(record, message.first + i));
            worker.postMessage(0);
            break;
          case 'restart':
            sink.restart();
            break;
          case 'progress':
            options.progress?.(message.bytesRead, message.size);
            break;
          case 'done':
            settle(() => resolve(message.result));
            break;
          case 'error':
            settle(() =>
              reject(message.readError ? new ReadError(message.message) : new Error(message.message)),
            );
            break;
        }
      } catch (e) {
        settle(() => reject(e));
      }
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(new Error(`CSV worker stopped (exit code ${code})`))));
  });
}
