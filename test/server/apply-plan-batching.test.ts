import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import { sopSheetPlan } from '../../src/core/sop/sop-sheet';
import { withVersionHistory } from '../../src/core/sop/versions';
import { mergedAreas } from '../../src/core/plan/merge-groups';
import type { SheetPlan } from '../../src/core/plan/plan';
import { applyPlan, type ApplyOptions } from '../../src/server/sheets/apply-plan';
import { templateWithSteps } from '../../bench/actions/plan-writers';
import { inExecution, newWorkbench, roundTrips } from '../support/workbench';

/** The sheet applyPlan writes for `plan`, and what it cost. */
function written(plan: SheetPlan, options: ApplyOptions) {
  const workbench = newWorkbench();
  const { result } = inExecution(workbench, () =>
    applyPlan(SpreadsheetApp.getActiveSpreadsheet().insertSheet(plan.sheetName), plan, options),
  );
  const sheet = workbench.state.sheets.find((s) => s.name === plan.sheetName)!;
  return { sheet: { ...sheet, sheetId: 0 }, result };
}

describe('applyPlan joins merges', () => {
  test('the SOP sheet holds exactly the merged areas of its plan, in fewer merge calls', () => {
    const plan = sopSheetPlan(withVersionHistory(templateWithSteps(60)), 'SOP: x');
    const { sheet, result } = written(plan, {});
    const key = (r: { row: number; column: number; numRows: number; numColumns: number }) =>
      `${r.row},${r.column},${r.numRows},${r.numColumns}`;
    const planned = plan.merges
      .flatMap(mergedAreas)
      .map((r) => key({ ...r, row: r.row - 1, column: r.column - 1 }))
      .sort();
    expect(sheet.merges.map(key).sort()).toEqual(planned);
    const mergeCalls = ['merge', 'mergeAcross', 'mergeVertically'].reduce(
      (sum, m) => sum + (result.callsByMethod[`Range.${m}`] ?? 0),
      0,
    );
    // The first executor's name and Mulai below it (both D:E): one mergeAcross.
    expect(mergeCalls).toBe(plan.merges.length - 1);
  });
});

describe('applyPlan with text styles', () => {
  test.each([
    ['the built-in SOP', PENGUATAN_PUG],
    ['10 steps with decisions', templateWithSteps(10)],
    ['60 steps with decisions', templateWithSteps(60)],
  ])('%s: the same sheet as a setter per property, in fewer round trips', (_, template) => {
    const plan = sopSheetPlan(withVersionHistory(template), 'SOP: x', template.print);
    const apart = written(plan, {});
    const together = written(plan, { textStyles: true });
    // Every cell, merge, border, width and height alike: only how they were written differs.
    expect(together.sheet).toEqual(apart.sheet);
    expect(together.result.callsByMethod['Range.setTextStyles']).toBe(1);
    for (const setter of ['setFontWeights', 'setFontColors', 'setFontSizes', 'setFontStyles'])
      expect(together.result.callsByMethod[`Range.${setter}`]).toBeUndefined();
    const used = ['setFontWeights', 'setFontColors', 'setFontSizes', 'setFontStyles'].filter(
      (setter) => apart.result.callsByMethod[`Range.${setter}`],
    ).length;
    expect(roundTrips(together.result)).toBe(roundTrips(apart.result) - used + 1);
    // Fewer cells written too: one grid of styles where each setter wrote its own.
    expect(together.result.cellsWritten).toBeLessThan(apart.result.cellsWritten ?? 0);
  });

  test('one text property used: its own setter, no text style built', () => {
    const plan: SheetPlan = {
      sheetName: 'Satu',
      values: [['Judul', 'x']],
      styles: [[{ fontWeight: 'bold' }, null]],
      merges: [],
      borders: [],
      validations: [],
      columnWidths: {},
      frozenRows: 0,
    };
    const { result } = written(plan, { textStyles: true });
    expect(result.callsByMethod['Range.setFontWeights']).toBe(1);
    expect(result.callsByMethod['SpreadsheetApp.newTextStyle']).toBeUndefined();
  });
});
