import fc from 'fast-check';
import { MAX_RUNS, sizeRuns, sizeStrokes, type SizeStroke } from '../../../src/core/plan/size-strokes';
import { sopColumns, sopColumnWidths } from '../../../src/core/sop/sop-sheet-grid';

/** What the sheet is left with: each stroke in order, a later one overwriting an earlier one. */
function paint(strokes: SizeStroke[]): Record<number, number> {
  const sizes: Record<number, number> = {};
  for (const { start, count, size } of strokes) for (let i = start; i < start + count; i++) sizes[i] = size;
  return sizes;
}

/** The fewest strokes by trying every sequence up to `limit` long (tiny inputs only). */
function fewestByBruteForce(sizes: Record<number, number>, limit: number): number {
  const target = JSON.stringify(sizes);
  const indices = Object.keys(sizes).map(Number);
  const values = [...new Set(Object.values(sizes))];
  const intervals: [number, number][] = [];
  // Only intervals inside gapless stretches: a stroke never touches an index without a size.
  for (const a of indices)
    for (const b of indices)
      if (b >= a && indices.filter((i) => i >= a && i <= b).length === b - a + 1) intervals.push([a, b]);
  const search = (strokes: SizeStroke[], depth: number): boolean => {
    if (JSON.stringify(paint(strokes)) === target && Object.keys(paint(strokes)).length === indices.length)
      return true;
    if (depth === 0) return false;
    return intervals.some(([a, b]) =>
      values.some((size) => search([...strokes, { start: a, count: b - a + 1, size }], depth - 1)),
    );
  };
  for (let n = 0; n <= limit; n++) if (search([], n)) return n;
  return Infinity;
}

const sizesArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom(12, 21, 36, 64, 110, 200)), {
    maxLength: 30,
  })
  .map((entries) => Object.fromEntries(entries) as Record<number, number>);

describe('sizeStrokes', () => {
  test("the SOP sheet's widths (five executors, one loop lane): five calls where runs take six", () => {
    const widths = sopColumnWidths(sopColumns(5, 1));
    expect(sizeRuns(widths)).toHaveLength(6);
    const strokes = sizeStrokes(widths);
    expect(strokes).toEqual([
      { start: 1, count: 15, size: 36 },
      { start: 16, count: 4, size: 110 },
      { start: 2, count: 1, size: 200 },
      { start: 3, count: 1, size: 12 },
      { start: 4, count: 10, size: 64 },
    ]);
    expect(paint(strokes)).toEqual(widths);
  });

  test('an index without a size is never set: the stretches either side are painted apart', () => {
    // Rows 8 and 10 are 74 px, row 9 keeps Sheets' default: two calls, not one over 8–10.
    expect(sizeStrokes({ 5: 108, 8: 74, 10: 74, 12: 40 })).toEqual([
      { start: 5, count: 1, size: 108 },
      { start: 8, count: 1, size: 74 },
      { start: 10, count: 1, size: 74 },
      { start: 12, count: 1, size: 40 },
    ]);
  });

  test('nested and alternating sizes: A B A B A in three strokes, A B C B A in three', () => {
    expect(sizeStrokes({ 1: 1, 2: 2, 3: 1, 4: 2, 5: 1 })).toHaveLength(3);
    expect(paint(sizeStrokes({ 1: 1, 2: 2, 3: 3, 4: 2, 5: 1 }))).toEqual({ 1: 1, 2: 2, 3: 3, 4: 2, 5: 1 });
    expect(sizeStrokes({ 1: 1, 2: 2, 3: 3, 4: 2, 5: 1 })).toHaveLength(3);
  });

  test('property: painted in order, every index ends with its size, no other index is touched', () => {
    fc.assert(
      fc.property(sizesArb, (sizes) => {
        expect(paint(sizeStrokes(sizes))).toEqual(sizes);
      }),
      { numRuns: 500 },
    );
  });

  test('property: never more calls than runs of equal sizes', () => {
    fc.assert(
      fc.property(sizesArb, (sizes) => {
        expect(sizeStrokes(sizes).length).toBeLessThanOrEqual(sizeRuns(sizes).length);
      }),
      { numRuns: 500 },
    );
  });

  test('property: the fewest calls there are (checked by brute force on up to 4 indices)', () => {
    const tiny = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(1, 2, 3)), { maxLength: 4 })
      .map((entries) => Object.fromEntries(entries) as Record<number, number>);
    fc.assert(
      fc.property(tiny, (sizes) => {
        const found = sizeStrokes(sizes).length;
        expect(fewestByBruteForce(sizes, found)).toBe(found);
      }),
      { numRuns: 150 },
    );
  });

  test(`a stretch of more than ${MAX_RUNS} runs keeps one call per run`, () => {
    const sizes = Object.fromEntries(
      Array.from({ length: MAX_RUNS + 2 }, (_, i) => [i + 1, i % 2 ? 21 : 40]),
    );
    expect(sizeStrokes(sizes)).toEqual(sizeRuns(sizes));
    expect(paint(sizeStrokes(sizes))).toEqual(sizes);
  });
});
