import fc from 'fast-check';
import {
  CELLS_PER_ROUND_TRIP,
  MAX_BLOCKS,
  rowBlocks,
  wholeColumnsCheaper,
} from '../../../src/core/terpilah/read-plan';

describe('rowBlocks', () => {
  test('adjacent rows are one block; a gap worth a round trip splits; a cheap gap is read along', () => {
    expect(rowBlocks([], 3)).toEqual([]);
    expect(rowBlocks([5, 3, 4, 4], 3)).toEqual([{ first: 3, count: 3 }]);
    const far = 3 + Math.floor(CELLS_PER_ROUND_TRIP / 2) + 2;
    expect(rowBlocks([3, far], 2)).toEqual([
      { first: 3, count: 1 },
      { first: far, count: 1 },
    ]);
    expect(rowBlocks([3, far - 2], 2)).toEqual([{ first: 3, count: far - 4 }]);
  });

  test('past the limit the largest gaps stay splits, the rest are read along', () => {
    const rows = [0, 10_000, 10_001, 50_000, 90_000];
    expect(rowBlocks(rows, 1, 3)).toEqual([
      { first: 0, count: 10_002 },
      { first: 50_000, count: 1 },
      { first: 90_000, count: 1 },
    ]);
  });

  test('property: every row covered, blocks ascending and apart, never more than the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(200_000), { maxLength: 300 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: MAX_BLOCKS }),
        (rows, width, max) => {
          const blocks = rowBlocks(rows, width, max);
          expect(blocks.length).toBeLessThanOrEqual(max);
          for (const row of rows)
            expect(blocks.some((b) => row >= b.first && row < b.first + b.count)).toBe(true);
          for (let i = 1; i < blocks.length; i++)
            expect(blocks[i].first).toBeGreaterThan(blocks[i - 1].first + blocks[i - 1].count);
          // Each block starts and ends on a wanted row: nothing read beyond them.
          for (const b of blocks) {
            expect(rows).toContain(b.first);
            expect(rows).toContain(b.first + b.count - 1);
          }
        },
      ),
    );
  });
});

describe('wholeColumnsCheaper', () => {
  test('rows spread over the register: the needed columns whole; a few rows together: the blocks', () => {
    const spread = rowBlocks(
      Array.from({ length: 200 }, (_, i) => i * 50),
      9,
    );
    expect(wholeColumnsCheaper(spread, 9, 2, 10_000)).toBe(true);
    const together = rowBlocks([100, 101, 102, 5000], 9);
    expect(wholeColumnsCheaper(together, 9, 2, 10_000)).toBe(false);
    expect(wholeColumnsCheaper([], 9, 2, 10_000)).toBe(false);
  });
});
