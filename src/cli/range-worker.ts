/**
 * A thread counting byte ranges of a CSV (parallel-summary.ts): each range it is given is parsed
 * (csv-range.ts), each row normalised with the add-in's normaliser and counted (SummaryTally),
 * exactly as the one-thread stream does, with two differences the main thread puts right: rows
 * are numbered from the range's start (the main thread shifts them once the rows before are
 * known), and the duplicate check, which depends on every earlier row of the file, is not done
 * here — each row's keys go to the main thread in batches, which replays the check in file order.
 * A thread counts one range after another with one normaliser (its memo of cell texts stays warm);
 * each range gets a tally of its own, merged in file order.
 */
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { activityLanes, duplicateKeys, type ActivityLanes } from '../core/terpilah/duplicates';
import { matchHeaders } from '../core/terpilah/headers';
import type { QualityFinding } from '../core/terpilah/model';
import { rowNormaliser, type NormaliseOptions } from '../core/terpilah/normalise';
import { SummaryTally, type SummaryTallyState } from '../core/terpilah/tally';
import { readCsvRange, RangeFallback, type CsvRange, type RangeRead } from './csv-range';
import { ReadError } from './read-file';

const WORKER_KEY = 'sopTerpilahRangeWorker';

/** Keys logged per row: local row, NIK key (2), name key (2), activity (its index in `activities`). */
export const LOG_FIELDS = 6;
/** Rows per posted batch of keys. */
const LOG_ROWS = 8192;

/** What every range of a file is counted with: a worker's workerData. */
export interface ThreadJob {
  [WORKER_KEY]: true;
  header: string[];
  options: Omit<NormaliseOptions, 'firstRow'>;
}

/** One range to count: `id` is its place in the file (0 is the first). */
export interface RangeTask extends CsvRange {
  id: number;
  /** Added to the range's record numbers: the rows before it, when known (the first range). */
  rowOffset: number;
}

/** The main thread's message to a worker: count this range next. */
export interface ToRange {
  type: 'count';
  task: RangeTask;
}

export type FromRange = { range: number } & (
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'keys'; keys: Uint32Array }
  | ({
      type: 'done';
      rows: number;
      participants: number;
      /** The activity of each logged key's index (the thread's, appended to only). */
      activities: string[];
      tally: SummaryTallyState;
      /** The tally itself, when counted on the main thread (no copy). */
      own?: SummaryTally;
    } & RangeRead)
  | { type: 'fallback'; reason: string }
  | { type: 'error'; message: string; readError: boolean }
);

export const threadJob = (header: string[], options: ThreadJob['options']): ThreadJob => ({
  [WORKER_KEY]: true,
  header,
  options,
});

/** Whether this thread is a range worker started by parallel-summary.ts. */
export const isRangeWorker = (): boolean =>
  !isMainThread && (workerData as Partial<ThreadJob> | null)?.[WORKER_KEY] === true;

/** A worker: counts each range the main thread sends, one at a time, posting what it finds. */
export function runRangeWorker(): void {
  const port = parentPort!;
  const job = workerData as ThreadJob;
  const counter = new RangeCounter(job.header, job.options);
  port.on('message', (message: ToRange) => {
    void counter.count(message.task, (out, transfer = []) => port.postMessage(out, transfer));
  });
}

type Post = (message: FromRange, transfer?: ArrayBuffer[]) => void;

/**
 * Counts ranges on one thread, telling `post` what a worker posts: its progress, its rows' keys
 * in batches, and its tally when done (or why it cannot stand for its part). The main thread
 * counts ranges so too (no worker: one thread's memory less), the others on workers.
 */
export class RangeCounter {
  private readonly findings: QualityFinding[] = [];
  private readonly activities: string[] = [];
  private readonly activityIndex = new Map<string, number>();
  /** Per activity index, its part of the name key's hash (hashed once, not per row). */
  private readonly lanes: ActivityLanes[] = [];
  private log = new Uint32Array(LOG_ROWS * LOG_FIELDS);
  private logged = 0;
  private readonly keys = new Uint32Array(4);
  private readonly push: ReturnType<typeof rowNormaliser>['push'];
  /** The range being counted: where its keys go. */
  private post: Post = () => undefined;
  private range = 0;

  constructor(header: string[], options: ThreadJob['options']) {
    const matched = matchHeaders(header);
    this.push = rowNormaliser(
      matched.mapping,
      { ...options, firstRow: 1 },
      {
        quality: this.findings,
        duplicates: { check: (cells, person) => this.logKeys(cells.row, person) },
      },
    ).push;
  }

  private logKeys(row: number, person: Parameters<typeof duplicateKeys>[0]): void {
    let a = this.activityIndex.get(person.activity);
    if (a === undefined) {
      a = this.activities.length;
      this.activities.push(person.activity);
      this.activityIndex.set(person.activity, a);
      this.lanes.push(activityLanes(person.activity));
    }
    const keys = this.keys;
    duplicateKeys(person, keys, this.lanes[a]);
    const log = this.log;
    const at = this.logged * LOG_FIELDS;
    log[at] = row;
    log[at + 1] = keys[0];
    log[at + 2] = keys[1];
    log[at + 3] = keys[2];
    log[at + 4] = keys[3];
    log[at + 5] = a;
    if (++this.logged === LOG_ROWS) {
      this.log = new Uint32Array(LOG_ROWS * LOG_FIELDS);
      this.logged = 0;
      this.post({ range: this.range, type: 'keys', keys: log }, [log.buffer]);
    }
  }

  /** The keys logged and not posted yet (the range's last ones). */
  private flush(): void {
    if (this.logged === 0) return;
    const keys = this.log.subarray(0, this.logged * LOG_FIELDS).slice();
    this.post({ range: this.range, type: 'keys', keys }, [keys.buffer]);
    this.logged = 0;
  }

  /** Counts one range (one at a time); `stop` is asked after each chunk read. */
  count(task: RangeTask, post: Post, stop?: () => boolean): Promise<void> {
    const range = task.id;
    this.range = range;
    this.post = post;
    this.logged = 0;
    const tally = new SummaryTally();
    const findings = this.findings;
    const push = this.push;
    let rows = 0;
    let participants = 0;
    return readCsvRange(
      task,
      (values, local) => {
        rows++;
        const participant = push(values, local + task.rowOffset);
        if (participant) {
          participants++;
          tally.add(participant, findings);
        }
        findings.length = 0;
      },
      (bytes) => {
        const heap = getHeapStatistics();
        if (heap.used_heap_size > heap.heap_size_limit * 0.85)
          throw new ReadError(
            'Berkas terlalu besar untuk memori / file too large for memory: terlalu banyak nama atau instansi berbeda; ' +
              'bagi berkasnya per kegiatan / too many distinct names or institutions; split the file by activity.',
          );
        post({ range, type: 'progress', bytes, rows });
      },
      stop,
    ).then(
      (read) => {
        this.flush();
        post({
          range,
          type: 'done',
          rows,
          participants,
          activities: this.activities,
          tally: tally.state(),
          ...(isMainThread ? { own: tally } : {}),
          ...read,
        });
      },
      (e: unknown) => {
        findings.length = 0;
        if (e instanceof RangeFallback) post({ range, type: 'fallback', reason: e.message });
        else
          post({
            range,
            type: 'error',
            message: String((e as Error)?.message ?? e),
            readError: e instanceof ReadError,
          });
      },
    );
  }
}
