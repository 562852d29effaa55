/**
 * The ranges a CSV is cut into as threads ask (range-queue.ts): every byte in exactly one range,
 * in order; each range but the last ends right after a record delimiter; long ones first, so a
 * file of any size has a bounded number of ranges, and one thread gets the file as one range.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RangeQueue } from '../../src/cli/range-queue';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-queue-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cut(text: string, recordDelimiter: string, start: number, threads: number) {
  const path = join(dir, 'data.csv');
  writeFileSync(path, text);
  const queue = new RangeQueue(
    { path, delimiter: ';', recordDelimiter },
    start,
    Buffer.byteLength(text),
    threads,
  );
  while (queue.next()) expect(queue.ranges.length).toBeLessThan(10_000);
  expect(queue.next()).toBeNull();
  expect(queue.empty).toBe(true);
  return queue.ranges;
}

describe('RangeQueue', () => {
  test('every byte once, in order, cut only after a record delimiter', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', ';', '"', ' ', '😀'), maxLength: 300 });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 3000 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(50),
        (lines, rd, threads, skip) => {
          const text = lines.join(rd) + (skip % 2 === 0 ? rd : '');
          const bytes = Buffer.from(text);
          const start = Math.min(skip, bytes.length - 1);
          const ranges = cut(text, rd, start, threads);
          expect(ranges[0].start).toBe(start);
          ranges.forEach((range, i) => {
            expect(range.end).toBeGreaterThan(range.start);
            expect(range.last).toBe(i === ranges.length - 1);
            if (range.last) expect(range.end).toBe(bytes.length);
            else {
              expect(ranges[i + 1].start).toBe(range.end);
              expect(bytes.subarray(range.end - rd.length, range.end).toString()).toBe(rd);
            }
          });
          if (threads === 1) expect(ranges).toHaveLength(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('long ranges first, each a quarter of what is left on two threads, down to the least', () => {
    const line = 'x'.repeat(100) + '\n';
    const path = join(dir, 'big.csv');
    const size = line.length * 200_000; // 20 MB: the least is an eighth of a thread's share
    writeFileSync(path, line.repeat(200_000));
    const queue = new RangeQueue({ path, delimiter: ';', recordDelimiter: '\n' }, 0, size, 2);
    const least = Math.floor(size / 16);
    let left = size;
    for (let range = queue.next(); range; range = queue.next()) {
      const want = Math.max(least, Math.ceil(left / 4));
      const length = range.end - range.start;
      // To the end of the line the nominal cut falls in (a cut at a line's start ends it).
      if (!range.last) expect(length - want).toBeGreaterThanOrEqual(1);
      if (!range.last) expect(length - want).toBeLessThanOrEqual(line.length);
      else expect(length).toBeLessThanOrEqual(want + line.length);
      left -= length;
    }
    expect(queue.ranges.length).toBe(9);
  });
});
