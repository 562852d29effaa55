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
 *   replays the check in file order (DuplicateKeySet: the keys alone; every range's keys go to
 *   a temporary file, key-spill.ts, read when the range's turn comes), looks up the first rows
 *   of the duplicates a summary shows in the keys read again, then reads again those few rows
 *   (from the checkpoint before each) to write each message as one thread does.
 * A cut inside a quoted field (a line break in quotes) is caught: the range before then did not
 * end at a record boundary. Then, and for anything else a range cannot stand for (not UTF-8, a
 * CSV error, no header in the first MiB), the caller reads the file on one thread.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Parser } from 'csv-parse';
import {
  DuplicateKeySet,
  flagDuplicateName,
  flagDuplicateNik,
  KeyTable,
  setKeyHi,
  setKeyLo,
} from '../core/terpilah/duplicates';
import { matchHeaders } from '../core/terpilah/headers';
import type { QualityCode, QualityFinding } from '../core/terpilah/model';
import { rowNormaliser, type NormaliseOptions } from '../core/terpilah/normalise';
import { QUALITY_ROWS_PER_TYPE } from '../core/terpilah/quality-list';
import { SummaryTally, type SummaryTallyState } from '../core/terpilah/tally';
import { readRecordsAt, type CsvRange } from './csv-range';
import { RangeQueue, readAt } from './range-queue';
import { CSV_OPTIONS, isBlankRow, ReadError } from './read-file';
import { KeySpill } from './key-spill';
import {
  LOG_FIELDS,
  RangeCounter,
  threadJob,
  type FromRange,
  type RangeTask,
  type ToRange,
} from './range-worker';
import { streamTable, type StreamHeader } from './stream-table';
import { headerText, type FileSummary } from './summarise-file';

export interface RangeOptions {
  /** The script whose entry runs runRangeWorker in a range worker (the CLI's bundle). */
  script: string;
  /** Ranges (threads) to cut the data into. */
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
/**
 * Rows replayed before the duplicate tables are sized for the whole file: the rows per byte of
 * the first 20,000 rows hold for the file within a percent or so (the reservation has 10 % to
 * spare), and each row replayed before it is rehashed as the tables grow (~0.1 s at 100,000).
 */
const RESERVE_AT = 20_000;
/** log2 of the bits firstRows rules keys out with (128 KiB). */
const WANTED_BITS = 20;
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

interface RangeDone {
  rows: number;
  participants: number;
  records: number;
  boundary: boolean;
  checkpoints: number[];
  activities: string[];
}

/** A duplicate found by the replay: its row (global and in its range) and the row it repeats. */
interface Flagged {
  code: QualityCode;
  row: number;
  local: number;
  /** The row it repeats: looked up once every row is replayed (firstRows), for the rows kept. */
  first: number;
  /** Its key (the NIK's or the name's, as logged). */
  hi: number;
  lo: number;
}

/** Per range, activity and type: how many, and the first rows (the only ones a summary can show). */
class FlagGroups {
  readonly groups = new Map<number, Map<number, Map<QualityCode, { count: number; first: Flagged[] }>>>();
  add(range: number, activity: number, flagged: Flagged): void {
    const code = flagged.code;
    let byActivity = this.groups.get(range);
    if (!byActivity) this.groups.set(range, (byActivity = new Map()));
    let byCode = byActivity.get(activity);
    if (!byCode) byActivity.set(activity, (byCode = new Map()));
    let group = byCode.get(code);
    if (!group) byCode.set(code, (group = { count: 0, first: [] }));
    group.count++;
    if (group.first.length < QUALITY_ROWS_PER_TYPE) group.first.push(flagged);
  }
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
  const first = queue.next();
  if (!first || (threads > 1 && queue.empty)) return { fallback: 'one range' };

  const { dataStart } = head;
  const job = threadJob(headers, options);
  const check = new DuplicateKeySet();
  const flags = new FlagGroups();
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
  /** A range handed out: its place in the file, and what it is counted with. */
  const task = (range: CsvRange): RangeTask => {
    const id = ranges.indexOf(range);
    waiting[id] = new KeySpill();
    done[id] = null;
    tallies[id] = null;
    bytes[id] = 0;
    rowsRead[id] = 0;
    return { ...range, id, rowOffset: id === 0 ? head.headerRow : 0 };
  };
  const firstTask = task(first);
  /**
   * The range being replayed, and what its logged rows are counted from: the first range's are
   * the file's rows already (it starts after the header), the others' are their record numbers,
   * after the records of the ranges before.
   */
  let current = 0;
  let offset = 0;
  const bases: number[] = [0];
  let replayed = 0;
  let estimate = 0;

  const replay = (range: number, keys: Uint32Array) => {
    // One function per batch, not per row: the replay runs once per row of the file.
    const flag = (code: QualityCode, at: number, key: number, row: number, local: number) =>
      flags.add(range, keys[at + 5], { code, row, local, first: 0, hi: keys[key], lo: keys[key + 1] });
    for (let at = 0; at < keys.length; at += LOG_FIELDS) {
      const row = offset + keys[at];
      const local = range === 0 ? keys[at] - head.headerRow : keys[at];
      const hasNik = keys[at + 1] !== 0;
      if (hasNik && check.nik(keys[at + 1], keys[at + 2])) flag('duplicateNik', at, at + 1, row, local);
      if ((keys[at + 3] !== 0 || keys[at + 4] !== 0) && check.name(keys[at + 3], keys[at + 4], hasNik))
        flag('duplicateNameInstitution', at, at + 3, row, local);
    }
    // The tables sized once for the whole file from the first rows, as one thread sizes them.
    const before = replayed;
    replayed += keys.length / LOG_FIELDS;
    if (before < RESERVE_AT && replayed >= RESERVE_AT && estimate > replayed)
      check.reserve(estimate, replayed);
  };
  /**
   * Replays and merges what can be: ranges in file order, each once the ones before are done;
   * each range's tally merged into the first's (its findings get their rows in the file).
   */
  const pump = () => {
    while (current < ranges.length) {
      waiting[current].replay((keys) => replay(current, keys));
      const finished = done[current];
      if (!finished) return;
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
    /** Takes a thread's message; true when it says its range is done (the thread is free). */
    const handle = (message: FromRange): boolean => {
      if (settled) return false;
      const k = message.range;
      try {
        switch (message.type) {
          case 'progress': {
            bytes[k] = message.bytes;
            rowsRead[k] = message.rows;
            const read = bytes.reduce((a, b) => a + b, 0);
            const rows = rowsRead.reduce((a, b) => a + b, 0);
            if (rows > 0) estimate = Math.ceil((rows * (size - dataStart)) / Math.max(1, read));
            settings.progress?.(dataStart + read, size, rows);
            return false;
          }
          case 'keys':
            // The current range's keys have no keys before them left to replay (pump read them).
            if (k === current) {
              waiting[k].writeReplayed(message.keys);
              replay(k, message.keys);
            } else waiting[k].write(message.keys);
            return false;
          case 'done': {
            const { rows, participants, records, boundary, checkpoints, activities } = message;
            done[k] = { rows, participants, records, boundary, checkpoints, activities };
            if (k > 0) tallies[k] = message.tally;
            else if (message.own) tally = message.own;
            else (tally = new SummaryTally()).merge(message.tally);
            if (!message.boundary) settle({ fallback: `range ${k + 1} ends inside a quoted field` });
            pump();
            if (finishedAll()) settle('ok');
            return true;
          }
          case 'fallback':
            settle({ fallback: message.reason });
            return false;
          case 'error':
            settle(message.readError ? new ReadError(message.message) : { fallback: message.message });
            return false;
        }
      } catch (e) {
        settle(e instanceof ReadError ? e : { fallback: String((e as Error)?.message ?? e) });
      }
      return false;
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
        const range = queue.next();
        busy = range !== null;
        if (range) worker.postMessage({ type: 'count', task: task(range) } satisfies ToRange);
      };
      worker.on('message', (message: FromRange) => {
        if (handle(message)) give();
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
        const range = settled ? null : queue.next();
        next = range ? task(range) : null;
      }
    })();
  });
  // Every row is replayed: the sets (the largest thing kept, ~90 MB at 5 M rows) are freed
  // before the summaries and the printout are built, which would otherwise peak on top of them.
  check.release();
  try {
    if (outcome instanceof ReadError) throw outcome;
    if (outcome !== 'ok') return outcome;
    try {
      firstRows(flags, waiting, bases);
    } catch (e) {
      return { fallback: `duplicate keys: ${(e as Error).message}` };
    }
  } finally {
    for (const spill of waiting) spill.close();
  }
  const finished = done as RangeDone[];
  const all = tally as SummaryTally | null;
  if (!all) return { fallback: 'no range counted' };

  // The duplicates' messages: their rows read again, from the checkpoint before each.
  const byActivity = new Map<string, Map<QualityCode, { count: number; first: Flagged[] }>>();
  const pending = new Map<number, Flagged[]>(); // range → flagged rows shown
  for (const [range, groups] of flags.groups)
    for (const [activity, byCode] of groups) {
      const name = finished[range].activities[activity];
      let merged = byActivity.get(name);
      if (!merged) byActivity.set(name, (merged = new Map()));
      for (const [code, group] of byCode) {
        const into = merged.get(code) ?? { count: 0, first: [] };
        merged.set(code, into);
        into.count += group.count;
        into.first.push(...group.first);
        const list = pending.get(range) ?? [];
        pending.set(range, list);
        list.push(...group.first);
      }
    }
  const messages = duplicateMessages(ranges, finished, pending, matched.mapping, options);
  for (const [activity, byCode] of byActivity)
    for (const [code, group] of byCode) {
      const shown = group.first
        .sort((a, b) => a.row - b.row)
        .slice(0, QUALITY_ROWS_PER_TYPE)
        .map((f) => messages.get(`${code}:${f.row}`)!);
      all.addFindings(activity, code, shown, group.count);
    }
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

/**
 * The row each kept flag repeats: the first row of its key, from every range's keys read again
 * in file order (only the kept flags' keys are looked for: a few per activity and type).
 */
function firstRows(flags: FlagGroups, spills: KeySpill[], bases: number[]): void {
  const kept: Flagged[] = [];
  for (const groups of flags.groups.values())
    for (const byCode of groups.values()) for (const group of byCode.values()) kept.push(...group.first);
  if (kept.length === 0) return;
  // Per kind, key → index of its first row in `first` (0 until found).
  const niks = new KeyTable(Math.max(16, kept.length * 2));
  const names = new KeyTable(Math.max(16, kept.length * 2));
  const first: number[] = [];
  // A bit per hashed key wanted (either kind): most rows' keys are ruled out by one bit, not
  // looked up in the tables (5 M rows, ~16,000 keys wanted: 1 bit in 64 set).
  const bits = new Int32Array(1 << (WANTED_BITS - 5));
  const bit = (hi: number, lo: number) =>
    Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> (32 - WANTED_BITS);
  const indexOf = (table: KeyTable, f: Flagged) => {
    const hi = setKeyHi(f.hi);
    const lo = setKeyLo(f.hi, f.lo);
    const b = bit(hi, lo);
    bits[b >>> 5] |= 1 << (b & 31);
    return table.getOrSet(hi, lo, first.length) ?? first.push(0) - 1;
  };
  const wanted = kept.map((f) => indexOf(f.code === 'duplicateNik' ? niks : names, f));
  const find = (table: KeyTable, rawHi: number, rawLo: number, row: number) => {
    const hi = setKeyHi(rawHi);
    const lo = setKeyLo(rawHi, rawLo);
    const b = bit(hi, lo);
    if ((bits[b >>> 5] & (1 << (b & 31))) === 0) return;
    const i = table.get(hi, lo);
    if (i !== undefined && first[i] === 0) {
      first[i] = row;
      missing--;
    }
  };
  // The keys are read only until every first row is found: at 1 M generated rows the last one
  // is row 306,426, so ~70 % of the keys (17 MB of 24) are not read (firstRows, median of 3: 92 → 57 ms).
  let missing = first.length;
  for (let k = 0; k < spills.length && missing > 0; k++)
    spills[k].replayAll((keys) => {
      const base = bases[k];
      for (let at = 0; at < keys.length; at += LOG_FIELDS) {
        if (keys[at + 1] !== 0) find(niks, keys[at + 1], keys[at + 2], base + keys[at]);
        if (keys[at + 3] !== 0 || keys[at + 4] !== 0)
          find(names, keys[at + 3], keys[at + 4], base + keys[at]);
      }
      return missing > 0;
    });
  kept.forEach((f, n) => (f.first = first[wanted[n]]));
}

/** The findings of the flagged rows, each row normalised again as one thread normalised it. */
function duplicateMessages(
  ranges: CsvRange[],
  finished: RangeDone[],
  pending: Map<number, Flagged[]>,
  mapping: ReturnType<typeof matchHeaders>['mapping'],
  options: Omit<NormaliseOptions, 'firstRow'>,
): Map<string, QualityFinding> {
  const out = new Map<string, QualityFinding>();
  const scratch: QualityFinding[] = [];
  let current: Flagged[] = [];
  const { push } = rowNormaliser(
    mapping,
    { ...options, firstRow: 1 },
    {
      quality: scratch,
      duplicates: {
        check: (cells, person) => {
          for (const f of current) {
            const before = scratch.length;
            if (person.nik !== '' && f.code === 'duplicateNik') flagDuplicateNik(cells, person.nik, f.first);
            else if (f.code === 'duplicateNameInstitution')
              flagDuplicateName(cells, person.name, person.institution, f.first);
            if (scratch.length > before) out.set(`${f.code}:${f.row}`, scratch[scratch.length - 1]);
          }
        },
      },
    },
  );
  for (const [k, flagged] of pending) {
    const range = ranges[k];
    const { checkpoints } = finished[k];
    // Rows by the checkpoint block they are in: each block is parsed once.
    const blocks = new Map<number, Flagged[]>();
    for (const f of flagged) {
      let c = 0;
      while (c + 2 < checkpoints.length && checkpoints[c + 2] < f.local) c += 2;
      const list = blocks.get(c) ?? [];
      blocks.set(c, list);
      list.push(f);
    }
    for (const [c, list] of blocks) {
      const before = checkpoints[c];
      const to = c + 3 < checkpoints.length ? checkpoints[c + 3] : range.end;
      const records = readRecordsAt(
        range,
        checkpoints[c + 1],
        to,
        Math.max(...list.map((f) => f.local)) - before,
      );
      const byLocal = new Map<number, Flagged[]>();
      for (const f of list) byLocal.set(f.local, [...(byLocal.get(f.local) ?? []), f]);
      for (const [local, items] of byLocal) {
        current = items;
        scratch.length = 0;
        push(records[local - before - 1], items[0].row);
      }
    }
  }
  return out;
}
