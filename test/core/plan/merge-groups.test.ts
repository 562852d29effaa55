import fc from 'fast-check';
import { groupMerges, mergedAreas } from '../../../src/core/plan/merge-groups';
import { rect, type PlanMerge, type PlanRect } from '../../../src/core/plan/plan';

const key = (r: PlanRect) => `${r.row},${r.column},${r.numRows},${r.numColumns}`;
/** The areas Sheets is left with, in a comparable order. */
const areas = (merges: PlanMerge[]) => merges.flatMap(mergedAreas).map(key).sort();

describe('groupMerges', () => {
  test('one-row areas of the same columns on consecutive rows become one mergeAcross', () => {
    const merges: PlanMerge[] = [
      { rect: rect(15, 4, 1, 2), mode: 'all' },
      { rect: rect(15, 6, 1, 2), mode: 'all' },
      { rect: rect(16, 4, 1, 2), mode: 'all' },
      { rect: rect(17, 4, 3, 2), mode: 'across' },
    ];
    expect(groupMerges(merges)).toEqual([
      { rect: rect(15, 4, 5, 2), mode: 'across' },
      { rect: rect(15, 6, 1, 2), mode: 'all' },
    ]);
  });

  test('one-column areas of the same rows on adjacent columns become one mergeVertically', () => {
    const merges: PlanMerge[] = [
      { rect: rect(14, 1, 2, 1), mode: 'all' },
      { rect: rect(14, 2, 2, 1), mode: 'all' },
      { rect: rect(14, 19, 2, 1), mode: 'vertically' },
      { rect: rect(14, 3, 2, 2), mode: 'vertically' },
    ];
    expect(groupMerges(merges)).toEqual([
      { rect: rect(14, 1, 2, 4), mode: 'vertically' },
      { rect: rect(14, 19, 2, 1), mode: 'vertically' },
    ]);
  });

  test('what joins nothing stays exactly as planned: a block, a lone band, rows with a gap', () => {
    const merges: PlanMerge[] = [
      { rect: rect(1, 1, 6, 7), mode: 'all' },
      { rect: rect(1, 8, 6, 3), mode: 'across' },
      { rect: rect(7, 8, 6, 12), mode: 'across' },
      { rect: rect(20, 4, 1, 2), mode: 'all' },
      { rect: rect(22, 4, 1, 2), mode: 'all' },
      { rect: rect(30, 1, 1, 1), mode: 'all' },
    ];
    expect(groupMerges(merges)).toEqual(merges);
  });

  test('property: the same merged areas, never more calls', () => {
    // Disjoint merges drawn on a small grid: each one's cells not used by an earlier one.
    const merge = fc.record({
      rect: fc
        .record({
          row: fc.integer({ min: 1, max: 8 }),
          column: fc.integer({ min: 1, max: 8 }),
          numRows: fc.integer({ min: 1, max: 3 }),
          numColumns: fc.integer({ min: 1, max: 3 }),
        })
        .map((r) => r as PlanRect),
      mode: fc.constantFrom<PlanMerge['mode']>('all', 'across', 'vertically'),
    });
    fc.assert(
      fc.property(fc.array(merge, { maxLength: 12 }), (drawn) => {
        const used = new Set<string>();
        const disjoint = drawn.filter(({ rect: r }) => {
          const cells = [];
          for (let i = 0; i < r.numRows; i++)
            for (let j = 0; j < r.numColumns; j++) cells.push(`${r.row + i},${r.column + j}`);
          if (cells.some((c) => used.has(c))) return false;
          cells.forEach((c) => used.add(c));
          return true;
        });
        const grouped = groupMerges(disjoint);
        expect(areas(grouped)).toEqual(areas(disjoint));
        expect(grouped.length).toBeLessThanOrEqual(disjoint.length);
        // The calls' ranges do not overlap: Sheets refuses a merge across part of another one.
        const overlap = (a: PlanRect, b: PlanRect) =>
          a.row < b.row + b.numRows &&
          b.row < a.row + a.numRows &&
          a.column < b.column + b.numColumns &&
          b.column < a.column + a.numColumns;
        grouped.forEach((a, i) =>
          grouped.slice(i + 1).forEach((b) => expect(overlap(a.rect, b.rect)).toBe(false)),
        );
      }),
    );
  });
});
