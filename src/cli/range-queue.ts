/**
 * The data of a CSV cut into byte ranges as the threads ask for them (parallel-summary.ts):
 * guided self-scheduling, each range 1/(2 × threads) of the bytes left, at least `least`, ended
 * after the next record delimiter. The first ranges are long, the last ones short, so the threads
 * finish close together whatever each one's speed (the main thread also replays the duplicate
 * keys, and on a shared machine either thread may be slowed).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { CsvRange } from './csv-range';

/**
 * A big file's ranges are 4 MiB at least (~40,000 rows: each range costs a message, a tally and
 * its merge); a small file's an eighth of a thread's share, 64 KiB at least, so it has several.
 */
const MAX_LEAST = 4 << 20;
const MIN_RANGE = 64 << 10;
/** How far past a nominal cut a record delimiter is looked for. */
const WINDOW = 1 << 16;

/** Up to `length` bytes of the file from byte `from` (fewer at its end). */
export function readAt(path: string, from: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    let at = 0;
    while (at < length) {
      const n = readSync(fd, bytes, at, length - at, from + at);
      if (n === 0) break;
      at += n;
    }
    return bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

export class RangeQueue {
  readonly ranges: CsvRange[] = [];
  private at: number;
  private readonly least: number;
  private readonly needle: Buffer;

  constructor(
    private readonly base: Omit<CsvRange, 'start' | 'end' | 'last'>,
    start: number,
    private readonly size: number,
    private readonly threads: number,
  ) {
    this.at = start;
    this.needle = Buffer.from(base.recordDelimiter);
    // One thread: one range (nothing to balance).
    const data = size - start;
    this.least =
      threads === 1 ? data : Math.max(MIN_RANGE, Math.min(MAX_LEAST, Math.floor(data / (8 * threads))));
  }

  /** Every byte is handed out. */
  get empty(): boolean {
    return this.at >= this.size;
  }

  /** The next range, or null when every byte is handed out. */
  next(): CsvRange | null {
    if (this.empty) return null;
    const left = this.size - this.at;
    const want = Math.max(this.least, Math.ceil(left / (2 * this.threads)));
    let end = this.size;
    if (want < left) {
      const nominal = this.at + want;
      const found = readAt(this.base.path, nominal, WINDOW).indexOf(this.needle);
      // No record delimiter within 64 KiB of the cut (a long quoted cell): the rest is one range.
      if (found >= 0 && nominal + found + this.needle.length < this.size)
        end = nominal + found + this.needle.length;
    }
    const range: CsvRange = { ...this.base, start: this.at, end, last: end === this.size };
    this.at = end;
    this.ranges.push(range);
    return range;
  }
}
