/**
 * A CSV register parsed on a second thread: the worker reads, decodes and parses the file with
 * streamTable (the one-thread code, unchanged) and posts what its sink receives, in the order it
 * receives it — the header, the rows in batches, a restart, the progress of each chunk — and the
 * main thread hands each to the real sink in that order. Same records, same row numbers, same
 * interleaving of progress and rows (the row estimate and the heap check see what they saw on one
 * thread), so the tables are those of one thread; parsing (~4 µs a row) leaves the thread that
 * normalises and counts. The worker runs at most MAX_BATCHES batches ahead: memory stays flat.
 * Opt-in (SOP_TERPILAH_THREADS=2, main.ts): moving the rows costs ~4 s of CPU a million rows,
 * which pays only where a core is free.
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
/** The main thread's answer to a header, in the shared slot 1: 0 while it has not answered. */
const HEADER_PENDING = 0;
const HEADER_GO = 1;
const HEADER_STOP = 2;

/**
 * A batch's fields as UTF-8 bytes, moved (not copied) to the main thread, with where each ends
 * and how many each row has: decoding a field there is one native slice, ~10× cheaper than
 * structured clone's arrays. Each field decodes to a string of its own (one big string split
 * would give slices of it, and a slice a Map keeps would keep the whole batch alive). Exact: the
 * fields come from csv-parse's UTF-8 decoding, so they hold no lone surrogate to lose.
 */
type Batch = { type: 'rows'; first: number; bytes: ArrayBuffer; ends: Uint32Array; widths: Uint32Array };
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
  /** Int32s: [the batches the main thread has counted, its answer to the last header (HEADER_*)]. */
  counted: SharedArrayBuffer;
}

/** Whether this thread is a CSV worker started by streamCsvOnThread. */
export const isCsvWorker = (): boolean =>
  !isMainThread && (workerData as Partial<Job> | null)?.[WORKER_KEY] === true;

/** The worker's side: streams the file and posts what the sink receives. */
export function runCsvWorker(): void {
  const job = workerData as Job;
  const port = parentPort!;
  const post = (message: ToMain, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  /** Batches the main thread has counted (it adds one per batch), and the batches posted. */
  const counted = new Int32Array(job.counted);
  let posted = 0;

  let records: string[][] = [];
  let first = 0;
  const flush = () => {
    if (records.length === 0) return;
    posted++;
    let fields = 0;
    let chars = 0;
    for (const record of records) {
      fields += record.length;
      for (const field of record) chars += field.length;
    }
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    const bytes = Buffer.allocUnsafeSlow(Math.max(1, chars * 3));
    const ends = new Uint32Array(fields);
    const widths = new Uint32Array(records.length);
    let at = 0;
    let f = 0;
    records.forEach((record, r) => {
      widths[r] = record.length;
      for (const field of record) ends[f++] = at += bytes.write(field, at, 'utf8');
    });
    const buffer = bytes.buffer as ArrayBuffer;
    post({ type: 'rows', first, bytes: buffer, ends, widths }, [buffer, ends.buffer, widths.buffer]);
    records = [];
  };
  const sink: RowSink = {
    // The real sink's answer, waited for: an unrecognised header stops this reading exactly as it
    // stops one thread's (which still reports a quote left open when the file was read whole).
    header: (found) => {
      Atomics.store(counted, 1, HEADER_PENDING);
      post({ type: 'header', found });
      while (Atomics.load(counted, 1) === HEADER_PENDING) Atomics.wait(counted, 1, HEADER_PENDING, 1000);
      return Atomics.load(counted, 1) === HEADER_GO;
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
    pace: () => {
      // The worker has nothing else to do meanwhile: it sleeps until the main thread counts.
      for (let seen = Atomics.load(counted, 0); posted - seen >= MAX_BATCHES; seen = Atomics.load(counted, 0))
        Atomics.wait(counted, 0, seen, 1000);
    },
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

/** The rows of a batch, in order, as the sink gets them. */
function feedBatch(batch: Batch, sink: RowSink): void {
  const bytes = Buffer.from(batch.bytes);
  const { ends, widths, first } = batch;
  let at = 0;
  let f = 0;
  for (let r = 0; r < widths.length; r++) {
    const record: string[] = [];
    for (let k = widths[r]; k > 0; k--) {
      const end = ends[f++];
      record.push(at === end ? '' : bytes.toString('utf8', at, end));
      at = end;
    }
    sink.row(record, first + r);
  }
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
  const shared = new SharedArrayBuffer(8);
  const counted = new Int32Array(shared);
  const job: Job = {
    [WORKER_KEY]: true,
    path,
    chunkSize: options.chunkSize,
    sliceChars: options.sliceChars,
    counted: shared,
  };
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
            // The worker waits for this answer; then its 'done' or 'error' settles, as on one thread.
            Atomics.store(counted, 1, sink.header(message.found) ? HEADER_GO : HEADER_STOP);
            Atomics.notify(counted, 1);
            break;
          case 'rows':
            feedBatch(message, sink);
            // A count in shared memory, not a message: a message back cost ~1 ms a batch here.
            Atomics.add(counted, 0, 1);
            Atomics.notify(counted, 0);
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
