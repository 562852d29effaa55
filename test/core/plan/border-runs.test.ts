import fc from 'fast-check';
import { joinBorderRuns, type BorderEntry } from '../../../src/core/plan/border-runs';
import { rect, type BorderSpec, type PlanRect } from '../../../src/core/plan/plan';
import { sopSheetPlan } from '../../../src/core/sop/sop-sheet';
import { withVersionHistory } from '../../../src/core/sop/versions';
import { templateWithSteps } from '../../../bench/actions/plan-writers';

/**
 * Every cell side the entries leave set, applied in order as Range.setBorder does it (the
 * workbench's src/workbench/services/range.ts): an outer flag sets the side of the range's edge
 * cells, an inner flag both facing sides of each pair of neighbours inside the range.
 */
function cellSides(entries: readonly BorderEntry[]): Map<string, string> {
  const sides = new Map<string, string>();
  for (const { rects, spec } of entries) {
    const value = `${spec.color} ${spec.style}`;
    for (const { row, column, numRows, numColumns } of rects)
      for (let i = 0; i < numRows; i++)
        for (let j = 0; j < numColumns; j++) {
          const at = (side: string) => sides.set(`${row + i},${column + j} ${side}`, value);
          if (spec.top && i === 0) at('top');
          if (spec.bottom && i === numRows - 1) at('bottom');
          if (spec.left && j === 0) at('left');
          if (spec.right && j === numColumns - 1) at('right');
          if (spec.horizontal && i > 0) at('top');
          if (spec.horizontal && i < numRows - 1) at('bottom');
          if (spec.vertical && j > 0) at('left');
          if (spec.vertical && j < numColumns - 1) at('right');
        }
  }
  return sides;
}

/** Round trips in applyPlan: an entry of one rect rides the one RangeList, others cost two. */
const trips = (entries: readonly BorderEntry[]) =>
  entries.reduce((sum, e) => sum + (e.rects.length === 1 ? 1 : 2), 0);

const solid = (flags: Partial<BorderSpec>): BorderSpec => ({ ...flags, color: '#000000', style: 'SOLID' });
const ALL = { top: true, left: true, bottom: true, right: true, vertical: true, horizontal: true };
const OUTLINE = { top: true, left: true, bottom: true, right: true };
const INNER = { vertical: true, horizontal: true };

describe('joinBorderRuns', () => {
  test("the SOP's solid lines: the table outline, the grids and the unit lines in two RangeLists", () => {
    const body = rect(16, 1, 26, 19);
    const grids = [rect(1, 1, 12, 19), rect(14, 1, 2, 19)];
    const units = [rect(18, 5, 2, 1), rect(18, 6, 1, 2)];
    const medium: BorderEntry = {
      rects: [rect(18, 4, 1, 2), rect(22, 8, 1, 2)],
      spec: { ...OUTLINE, color: '#000000', style: 'SOLID_MEDIUM' },
    };
    const borders: BorderEntry[] = [
      { rects: [body], spec: solid(OUTLINE) },
      { rects: grids, spec: solid(ALL) },
      { rects: units, spec: solid(INNER) },
      medium,
    ];
    const joined = joinBorderRuns(borders);
    expect(joined).toEqual([
      { rects: [body, ...grids], spec: solid(OUTLINE) },
      { rects: [...grids, ...units], spec: solid(INNER) },
      medium,
    ]);
    expect(trips(joined)).toBe(trips(borders) - 1);
    expect(cellSides(joined)).toEqual(cellSides(borders));
  });

  test('a run that no grouping makes cheaper stays exactly as planned', () => {
    // One all-sides rect rides the one RangeList: split in two it would cost two trips.
    const one: BorderEntry[] = [{ rects: [rect(1, 1, 3, 3)], spec: solid(ALL) }];
    expect(joinBorderRuns(one)).toEqual(one);
    const styles: BorderEntry[] = [
      { rects: [rect(1, 1, 2, 2), rect(5, 5, 1, 1)], spec: solid(OUTLINE) },
      { rects: [rect(1, 1, 2, 2)], spec: { ...OUTLINE, color: '#000000', style: 'DOUBLE' } },
      { rects: [rect(3, 3, 2, 2), rect(7, 7, 1, 1)], spec: solid(OUTLINE) },
    ];
    // The DOUBLE entry between them keeps the two solid ones apart: what it sets over the first stays.
    expect(joinBorderRuns(styles)).toEqual(styles);
  });

  const rectArb = fc
    .record({
      row: fc.integer({ min: 1, max: 6 }),
      column: fc.integer({ min: 1, max: 6 }),
      numRows: fc.integer({ min: 1, max: 3 }),
      numColumns: fc.integer({ min: 1, max: 3 }),
    })
    .map((r): PlanRect => r);
  const specArb = fc
    .record({
      top: fc.boolean(),
      left: fc.boolean(),
      bottom: fc.boolean(),
      right: fc.boolean(),
      vertical: fc.boolean(),
      horizontal: fc.boolean(),
      color: fc.constantFrom('#000000', '#c00000'),
      style: fc.constantFrom('SOLID', 'DASHED', 'SOLID_MEDIUM') as fc.Arbitrary<BorderSpec['style']>,
    })
    .map((spec): BorderSpec => spec);
  const bordersArb = fc.array(fc.record({ rects: fc.array(rectArb, { maxLength: 4 }), spec: specArb }), {
    maxLength: 8,
  });

  test('property: every cell side ends with the colour and style it had, in never more round trips', () => {
    fc.assert(
      fc.property(bordersArb, (borders) => {
        const joined = joinBorderRuns(borders);
        expect(cellSides(joined)).toEqual(cellSides(borders));
        expect(trips(joined)).toBeLessThanOrEqual(trips(borders.filter((e) => e.rects.length)));
      }),
      { numRuns: 1000 },
    );
  });

  test.each([10, 60])('the SOP sheet of %i steps: the same cell sides, one round trip less', (steps) => {
    const template = templateWithSteps(steps);
    const { borders } = sopSheetPlan(withVersionHistory(template), 'SOP: x', template.print);
    const joined = joinBorderRuns(borders);
    expect(cellSides(joined)).toEqual(cellSides(borders));
    expect(trips(joined)).toBe(trips(borders) - 1);
  });
});
