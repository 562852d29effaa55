/**
 * A big UTF-8 CSV summarised on several threads, with the figures of one thread (summarise-file.ts):
 * the data below the header is cut into byte ranges at line breaks as the threads ask for them
 * (range-queue.ts: long ones first, short ones last, so the threads end together); this thread
 * and a worker per other thread each count a range at a time (range-worker.ts: parse, normalise,
 * count), and this thread merges them in file order:
 * - rows: the first range's are the file's; each other range numbers its records from 1, and
 *   its offset is the records of the ranges before;
 * - counts, first-seen orders and the first findings of each type: SummaryTally.merge, each
 *   range's tally as soon as the ones before are merged;
 * - duplicates depend on every earlier row: each range sends its rows' keys, and this thread
 *   replays the check in file order (range-duplicates.ts; every range's keys go to a temporary
 *   file, key-spill.ts, read when the range's turn comes).
 * A cut inside a quoted field (a line break in quotes) is caught: the range before then did not
 * end at a record boundary. Then, and for anything else a range cannot stand for (not UTF-8, a
 * CSV error, no header in the first MiB), the caller reads the file on one thread.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Parser } from 'csv-parse';
import { matchHeaders } from '../core/terpilah/headers';
import type { NormaliseOptions } from '../core/terpilah/normalise';
import { SummaryTally, type SummaryTallyState } from '../core/terpilah/tally';
import type { CsvRange } from './csv-range';
import { KeySpill } from './key-spill';
import { addDuplicateFindings, DuplicateReplay, firstRows, type RangeRows } from './range-duplicates';
import { RangeQueue, readAt } from './range-queue';
import { CSV_OPTIONS, isBlankRow, ReadError } from './read-file';
import { RangeCounter, threadJob, type FromRange, type RangeTask, type ToRange } from './range-worker';
import { streamTable, type StreamHeader } from './stream-table';
import { headerText, type FileSummary } from './summarise-file';

export interface RangeOptions {
  /** The script whose entry runs runRangeWorker in a range worker (the CLI's bundle). */
  script: string;
  /** Threads that count the ranges (this one and a worker per other). */
  ranges: number;
  /** Files below this size are read on one thread (default 8 MiB). */
  minBytes?: number;
  progress?: (bytesRead: number, size: number, rows: number) => void;
}

/** Why the file is read on one thread instead. */
export interface Fallback {
  fallback: string;
}

const HEAD_BYTES = 1 << 20;
const MIN_BYTES = 8 << 20;

/** The header as one thread reads it, and where the data below it starts. */
async function probe(path: string): Promise<
  | {
      found: StreamHeader;
      headerRow: number;
      dataStart: number;
      delimiter: ';' | ',';
      recordDelimiter: string;
    }
  | Fallback
> {
  let found: StreamHeader | null = null;
  await streamTable(path, {
    header: (h) => ((found = h), false),
    row: () => undefined,
    restart: () => undefined,
  });
  const header = found as StreamHeader | null;
  if (!header || header.header.length === 0) return { fallback: 'no header' };
  const source = /^CSV \(([;,]), UTF-8\)$/.exec(header.source);
  if (!source || header.warnings.length > 0) return { fallback: `not UTF-8: ${header.source}` };
  const delimiter = source[1] as ';' | ',';
  // The first lines again, as bytes: the header's record number and the byte after it.
  const parser = new Parser({ ...CSV_OPTIONS, delimiter, info: true });
  parser.on('error', () => undefined);
  parser.write(readAt(path, 0, HEAD_BYTES));
  let item: { record: string[]; info: { bytes: number; records: number } } | null;
  while ((item = parser.read()) !== null) {
    if (isBlankRow(item.record)) continue;
    const same =
      item.record.length === header.header.length && item.record.every((v, i) => v === header.header[i]);
    const recordDelimiter = String(
      (parser.options as { record_delimiter: Buffer[] }).record_delimiter[0] ?? '',
    );
    parser.destroy();
    if (!same) return { fallback: 'header read differently' };
    if (recordDelimiter !== '\n' && recordDelimiter !== '\r\n')
      return { fallback: `record delimiter ${JSON.stringify(recordDelimiter)}` };
    return {
      found: header,
      headerRow: item.info.records,
      dataStart: item.info.bytes,
      delimiter,
      recordDelimiter,
    };
  }
  parser.destroy();
  return { fallback: 'header not within the first MiB' };
}

interface RangeDone extends RangeRows {
  rows: number;
  participants: number;
  records: number;
  boundary: boolean;
}

export async function summariseInRanges(
  path: string,
  options: Omit<NormaliseOptions, 'firstRow'>,
  settings: RangeOptions,
): Promise<FileSummary | Fallback> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.txt') return { fallback: 'not CSV' };
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { fallback: 'cannot stat' };
  }
  if (settings.ranges < 1) return { fallback: 'no range' };
  if (size < (settings.minBytes ?? MIN_BYTES)) return { fallback: 'small file' };
  const head = await probe(path);
  if ('fallback' in head) return head;
  const headers = head.found.header.map(headerText);
  const matched = matchHeaders(headers);
  if (!matched.recognised) return { fallback: 'unrecognised header' };
  const threads = settings.ranges;
  const queue = new RangeQueue(
    { path, delimiter: head.delimiter, recordDelimiter: head.recordDelimiter },
    head.dataStart,
    size,
    threads,
  );
  const ranges = queue.ranges;
  if (!queue.next() || (threads > 1 && queue.empty)) return { fallback: 'one range' };

  const { dataStart } = head;
  const job = threadJob(headers, options);
  const duplicates = new DuplicateReplay(head.headerRow);
  const done: (RangeDone | null)[] = [];
  /** Each range's tally until it is merged, in file order (then freed). */
  const tallies: (SummaryTallyState | null)[] = [];
  /** The tally every range is merged into: the first range's (its rows are the file's already). */
  let tally: SummaryTally | null = null;
  /**
   * Each range's keys, on disk, not in memory (~24 bytes a row): read when the range's turn
   * comes (it waits for the ones before), and again for the first rows of the duplicates shown.
   */
  const waiting: KeySpill[] = [];
  const bytes: number[] = [];
  const rowsRead: number[] = [];
  /** A range handed out (the queue's last): its place in the file, and what it is counted with. */
  const task = (range: CsvRange): RangeTask => {
    const id = ranges.length - 1;
    waiting[id] = new KeySpill();
    done[id] = null;
    tallies[id] = null;
    bytes[id] = 0;
    rowsRead[id] = 0;
    return { ...range, id, rowOffset: id === 0 ? head.headerRow : 0 };
  };
  const firstTask = task(ranges[0]);
  /** The next range to count, or null when every byte is handed out. */
  const nextTask = (): RangeTask | null => {
    const range = queue.next();
    return range ? task(range) : null;
  };
  /**
   * The range being replayed, and what its logged rows are counted from: the first range's are
   * the file's rows already (it starts after the header), the others' are their record numbers,
   * after the records of the ranges before.
   */
  let current = 0;
  let offset = 0;
  const bases: number[] = [0];
  const replay = (range: number, keys: Uint32Array) => duplicates.replay(range, offset, keys);
  /**
   * Replays and merges what can be: ranges in file order, each once the ones before are done;
   * each range's tally merged into the first's (its findings get their rows in the file).
   */
  const pump = () => {
    while (current < ranges.length) {
      waiting[current].replay((keys) => replay(current, keys));
      const finished = done[current];
      if (!finished) return;
      duplicates.endRange(finished.activities);
      const shift = bases[current];
      const state = tallies[current];
      tallies[current] = null;
      // The first range's tally is the one merged into (set when it was done).
      if (state)
        tally!.merge(state, (f) => ({
          ...f,
          row: f.row + shift,
          message: f.message.replace(/^Baris \d+: /, `Baris ${f.row + shift}: `),
        }));
      offset = (current === 0 ? head.headerRow : offset) + finished.records;
      bases.push(offset);
      current++;
    }
  };

  const workers: Worker[] = [];
  const outcome = await new Promise<'ok' | Fallback | ReadError>((resolve) => {
    let settled = false;
    const settle = (value: 'ok' | Fallback | ReadError) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) {
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        void worker.terminate();
      }
      resolve(value);
    };
    /** Whether every range is handed out, counted and replayed. */
    const finishedAll = () => queue.empty && current === ranges.length;
    /** Takes a thread's message. */
    const handle = (message: FromRange): void => {
      if (settled) return;
      const k = message.range;
      try {
        switch (message.type) {
          case 'progress': {
            bytes[k] = message.bytes;
            rowsRead[k] = message.rows;
            const read = bytes.reduce((a, b) => a + b, 0);
            const rows = rowsRead.reduce((a, b) => a + b, 0);
            if (rows > 0) duplicates.estimate = Math.ceil((rows * (size - dataStart)) / Math.max(1, read));
            settings.progress?.(dataStart + read, size, rows);
            return;
          }
          case 'keys':
            // The current range's keys have no keys before them left to replay (pump read them).
            if (k === current) {
              waiting[k].writeReplayed(message.keys);
              replay(k, message.keys);
            } else waiting[k].write(message.keys);
            return;
          case 'done': {
            const { rows, participants, records, boundary, checkpoints, activities } = message;
            done[k] = { rows, participants, records, boundary, checkpoints, activities };
            if (k > 0) tallies[k] = message.tally;
            else if (message.own) tally = message.own;
            else (tally = new SummaryTally()).merge(message.tally);
            if (!message.boundary) settle({ fallback: `range ${k + 1} ends inside a quoted field` });
            pump();
            if (finishedAll()) settle('ok');
            return;
          }
          case 'fallback':
            settle({ fallback: message.reason });
            return;
          case 'error':
            settle(message.readError ? new ReadError(message.message) : { fallback: message.message });
            return;
        }
      } catch (e) {
        settle(e instanceof ReadError ? e : { fallback: String((e as Error)?.message ?? e) });
      }
    };
    // This thread counts ranges, and so does a worker per other thread; each takes the next
    // range when it is done with one.
    for (let w = 1; w < threads && !settled && !queue.empty; w++) {
      let worker: Worker;
      try {
        worker = new Worker(settings.script, {
          workerData: job,
          // The CLI's heap flags hold for every thread of the process (resourceLimits too).
          execArgv: [],
          stdout: true,
          stderr: true,
        });
      } catch (e) {
        settle({ fallback: `worker: ${(e as Error).message}` });
        return;
      }
      workers.push(worker);
      /** Whether it counts a range (its exit then is a failure). */
      let busy = false;
      const give = () => {
        const next = nextTask();
        busy = next !== null;
        if (next) worker.postMessage({ type: 'count', task: next } satisfies ToRange);
      };
      worker.on('message', (message: FromRange) => {
        // A range done: the worker gets its next one first, and counts on while this thread
        // replays and merges what the finished range allows (a range's spilled keys: ~0.1 s).
        if (message.type === 'done' && !settled) give();
        handle(message);
      });
      worker.on('error', (e) => settle({ fallback: `worker: ${e.message}` }));
      worker.on('exit', (code) => {
        if (busy) settle({ fallback: `worker stopped (exit code ${code})` });
      });
      give();
    }
    const counter = new RangeCounter(headers, options);
    void (async () => {
      let next: RangeTask | null = firstTask;
      while (next && !settled) {
        await counter.count(next, handle, () => settled);
        next = settled ? null : nextTask();
      }
    })();
  });
  // Freed before the summaries and the printout are built, which would otherwise peak on top.
  duplicates.release();
  try {
    if (outcome instanceof ReadError) throw outcome;
    if (outcome !== 'ok') return outcome;
    try {
      firstRows(duplicates.flags, waiting, bases);
    } catch (e) {
      return { fallback: `duplicate keys: ${(e as Error).message}` };
    }
  } finally {
    for (const spill of waiting) spill.close();
  }
  const finished = done as RangeDone[];
  const all = tally as SummaryTally | null;
  if (!all) return { fallback: 'no range counted' };

  addDuplicateFindings(all, duplicates.flags, ranges, finished, matched.mapping, options);
  const participants = finished.reduce((n, r) => n + r.participants, 0);
  const rows = finished.reduce((n, r) => n + r.rows, 0);
  return {
    found: head.found,
    headers,
    matched,
    summaries: all.summaries(),
    participants,
    rows,
  };
}
