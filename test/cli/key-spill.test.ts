/**
 * KeySpill (src/cli/key-spill.ts): the keys written, handed back in order — by replay, each
 * once, as they were written since the last replay (never the ones written as replayed by the
 * caller), and by replayAll, all of them from the first (or until its callback says stop) — on a temporary file and, when none
 * can be made, in memory.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { KeySpill } from '../../src/cli/key-spill';

/** Batches, each written and then replayed at once (0), left for later (1), or written as replayed by the caller (2). */
const batches = fc.array(
  fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), fc.constantFrom(0, 1, 2)),
  { maxLength: 12 },
);

function exercise(steps: [number[], number][]): void {
  const spill = new KeySpill();
  try {
    const written: number[] = [];
    const replayed: number[] = [];
    for (const [batch, how] of steps) {
      if (how === 2) {
        // As parallel-summary does it: only once nothing written before is left to replay.
        spill.replay((keys) => replayed.push(...keys));
        spill.writeReplayed(Uint32Array.from(batch));
        replayed.push(...batch);
      } else {
        spill.write(Uint32Array.from(batch));
        if (how === 0) spill.replay((keys) => replayed.push(...keys));
      }
      written.push(...batch);
    }
    spill.replay((keys) => replayed.push(...keys));
    expect(replayed).toEqual(written);
    const again: number[] = [];
    expect(spill.replayAll((keys) => void again.push(...keys))).toBe(true);
    expect(again).toEqual(written);
    // Stopped by its callback (firstRows, once every first row is found): nothing more handed out.
    const prefix: number[] = [];
    let calls = 0;
    const stopped = spill.replayAll((keys) => {
      calls++;
      prefix.push(...keys);
      return false;
    });
    expect(stopped).toBe(written.length === 0);
    expect(calls).toBe(written.length === 0 ? 0 : 1);
    expect(prefix).toEqual(written.slice(0, prefix.length));
    const nothing: number[] = [];
    spill.replay((keys) => nothing.push(...keys));
    expect(nothing).toEqual([]);
  } finally {
    spill.close();
  }
}

describe('KeySpill', () => {
  test('on a temporary file: replay each key once, in order; replayAll every key again', () => {
    fc.assert(fc.property(batches, exercise), { numRuns: 60 });
  });

  test('in memory when no temporary file can be made: the same', () => {
    const before = process.env.TMPDIR;
    process.env.TMPDIR = join(__dirname, 'no-such-directory', 'deeper');
    try {
      fc.assert(fc.property(batches, exercise), { numRuns: 60 });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});
