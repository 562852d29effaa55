/**
 * KeySpill (src/cli/key-spill.ts): the keys written, handed back in order — by replay, each
 * once, as they were written since the last replay, and by replayAll, all of them from the
 * first — on a temporary file and, when none can be made, in memory.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { KeySpill } from '../../src/cli/key-spill';

const batches = fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), fc.boolean()), {
  maxLength: 12,
});

function exercise(steps: [number[], boolean][]): void {
  const spill = new KeySpill();
  try {
    const written: number[] = [];
    const replayed: number[] = [];
    for (const [batch, replayNow] of steps) {
      spill.write(Uint32Array.from(batch));
      written.push(...batch);
      if (replayNow) spill.replay((keys) => replayed.push(...keys));
    }
    spill.replay((keys) => replayed.push(...keys));
    expect(replayed).toEqual(written);
    const again: number[] = [];
    spill.replayAll((keys) => again.push(...keys));
    expect(again).toEqual(written);
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
