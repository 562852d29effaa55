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
import { duplicateKeys } from '../core/terpilah/duplicates';
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
    } & RangeRead)
  | { type: 'fallback'; reason: string }
  | { type: 'error'; message: string; readError: boolean };

export const rangeJob = (range: CsvRange, header: string[], options: RangeJob['options']): RangeJob => ({
  [WORKER_KEY]: true,
  ...range,
  header,
  options,
});

/** Whether this thread is a range worker started by parallel-summary.ts. */
export const isRangeWorker = (): boolean =>
  !isMainThread && (workerData as Partial<RangeJob> | null)?.[WORKER_KEY] === true;

export function runRangeWorker(): void {
  const job = workerData as RangeJob;
  const port = parentPort!;
  const post = (message: FromRange, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const matched = matchHeaders(job.header);
  const tally = new SummaryTally();
  const findings: QualityFinding[] = [];
  const activities: string[] = [];
  const activityIndex = new Map<string, number>();
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
          duplicateKeys(person, keys);
          let a = activityIndex.get(person.activity);
          if (a === undefined) {
            a = activities.length;
            activities.push(person.activity);
            activityIndex.set(person.activity, a);
          }
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
  readCsvRange(
    job,
    (values, local) => {
      rows++;
      const participant = push(values, local);
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
  ).then(
    (read) => {
      flush();
      post({ type: 'done', rows, participants, activities, tally: tally.state(), ...read });
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
