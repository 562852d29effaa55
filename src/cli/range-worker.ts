/**
 * The worker of one byte range (parallel-summary.ts): it parses its range (csv-range.ts),
 * normalises each row with the add-in's normaliser and counts it (SummaryTally), exactly as the
 * one-thread stream does, with two differences the main thread puts right: rows are numbered
 * from the range's start (the main thread shifts them once the rows before are known), and the
 * duplicate check, which depends on every earlier row of the file, is not done here — each
 * row's keys go to the main thread in batches, which replays the check in file order.
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

export interface RangeJob extends CsvRange {
  [WORKER_KEY]: true;
  /** Added to the range's record numbers: the rows before it, when known (the first range). */
  rowOffset: number;
  header: string[];
  options: Omit<NormaliseOptions, 'firstRow'>;
}

export type FromRange =
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'keys'; keys: Uint32Array }
  | ({
      type: 'done';
      rows: number;
      participants: number;
      /** The activity of each logged key's index. */
      activities: string[];
      tally: SummaryTallyState;
      /** The tally itself, when counted on the main thread (no copy). */
      own?: SummaryTally;
    } & RangeRead)
  | { type: 'fallback'; reason: string }
  | { type: 'error'; message: string; readError: boolean };

export const rangeJob = (
  range: CsvRange,
  header: string[],
  options: RangeJob['options'],
  rowOffset = 0,
): RangeJob => ({
  [WORKER_KEY]: true,
  rowOffset,
  ...range,
  header,
  options,
});

/** Whether this thread is a range worker started by parallel-summary.ts. */
export const isRangeWorker = (): boolean =>
  !isMainThread && (workerData as Partial<RangeJob> | null)?.[WORKER_KEY] === true;

export function runRangeWorker(): void {
  const port = parentPort!;
  void countRange(workerData as RangeJob, (message, transfer = []) => port.postMessage(message, transfer));
}

/**
 * Counts one range, telling `post` what a worker posts: its progress, its rows' keys in batches,
 * and its tally when done (or why it cannot stand for its part). The first range is counted so
 * on the main thread itself (no worker: one thread's memory less), the others on workers.
 */
export function countRange(
  job: Omit<RangeJob, typeof WORKER_KEY>,
  post: (message: FromRange, transfer?: ArrayBuffer[]) => void,
  stop?: () => boolean,
): Promise<void> {
  const matched = matchHeaders(job.header);
  const tally = new SummaryTally();
  const findings: QualityFinding[] = [];
  const activities: string[] = [];
  const activityIndex = new Map<string, number>();
  /** Per activity index, its part of the name key's hash (hashed once, not per row). */
  const lanes: ActivityLanes[] = [];
  let log = new Uint32Array(LOG_ROWS * LOG_FIELDS);
  let logged = 0;
  const flush = () => {
    if (logged === 0) return;
    const keys = log.subarray(0, logged * LOG_FIELDS).slice();
    post({ type: 'keys', keys }, [keys.buffer]);
    logged = 0;
  };
  const keys = new Uint32Array(4);
  const { push } = rowNormaliser(
    matched.mapping,
    { ...job.options, firstRow: 1 },
    {
      quality: findings,
      duplicates: {
        check: (cells, person) => {
          let a = activityIndex.get(person.activity);
          if (a === undefined) {
            a = activities.length;
            activities.push(person.activity);
            activityIndex.set(person.activity, a);
            lanes.push(activityLanes(person.activity));
          }
          duplicateKeys(person, keys, lanes[a]);
          const at = logged * LOG_FIELDS;
          log[at] = cells.row;
          log[at + 1] = keys[0];
          log[at + 2] = keys[1];
          log[at + 3] = keys[2];
          log[at + 4] = keys[3];
          log[at + 5] = a;
          if (++logged === LOG_ROWS) {
            const full = log;
            log = new Uint32Array(LOG_ROWS * LOG_FIELDS);
            logged = 0;
            post({ type: 'keys', keys: full }, [full.buffer]);
          }
        },
      },
    },
  );
  let rows = 0;
  let participants = 0;
  return readCsvRange(
    job,
    (values, local) => {
      rows++;
      const participant = push(values, local + job.rowOffset);
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
      post({ type: 'progress', bytes, rows });
    },
    stop,
  ).then(
    (read) => {
      flush();
      post({
        type: 'done',
        rows,
        participants,
        activities,
        tally: tally.state(),
        ...(isMainThread ? { own: tally } : {}),
        ...read,
      });
    },
    (e: unknown) => {
      if (e instanceof RangeFallback) post({ type: 'fallback', reason: e.message });
      else
        post({
          type: 'error',
          message: String((e as Error)?.message ?? e),
          readError: e instanceof ReadError,
        });
    },
  );
}
