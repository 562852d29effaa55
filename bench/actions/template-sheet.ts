import type { SheetPlan } from '../../src/core/layout/plan';
import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import type { SopTemplate } from '../../src/core/sop/model';
import { templateSheetPlan } from '../../src/core/sop/template-sheet';
import { applyPlan } from '../../src/server/sheets/apply-plan';
import { newWorkbookState } from '../../src/workbench/model';
import { inExecution } from '../in-execution';
import type { BenchAction, BenchSize } from '../types';

function withSteps(count: number): SopTemplate {
  const template = structuredClone(PENGUATAN_PUG);
  template.steps = Array.from({ length: count }, (_, i) => {
    const { onApproved: _a, onRevision: _r, ...step } = PENGUATAN_PUG.steps[i % 9];
    return { ...step, number: i + 1, kind: 'process' as const };
  });
  return template;
}

const sizes: [BenchSize, BenchSize] = [
  { label: '10 langkah', state: () => newWorkbookState('Bench') },
  { label: '60 langkah', state: () => newWorkbookState('Bench') },
];
const plans = [
  templateSheetPlan(withSteps(10), 'Template: Bench'),
  templateSheetPlan(withSteps(60), 'Template: Bench'),
];

/** The same plan written one cell and one property at a time: what the batched applier avoids. */
function naiveApply(sheet: GoogleAppsScript.Spreadsheet.Sheet, plan: SheetPlan): void {
  plan.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.getRange(r + 1, c + 1);
      const style = plan.styles[r][c];
      if (style?.numberFormat) cell.setNumberFormat(style.numberFormat);
      cell.setValue(value);
      if (style?.background) cell.setBackground(style.background);
      if (style?.fontWeight) cell.setFontWeight(style.fontWeight);
      if (style?.wrap !== undefined) cell.setWrap(style.wrap);
      if (style?.verticalAlignment) cell.setVerticalAlignment(style.verticalAlignment);
    }),
  );
}

export const templateSheetActions: BenchAction[] = [
  {
    name: 'tulis sheet template (plan, batch)',
    sizes,
    run: (wb, size) => {
      const plan = plans[size];
      return inExecution(wb, () =>
        applyPlan(SpreadsheetApp.getActiveSpreadsheet().insertSheet(plan.sheetName), plan),
      );
    },
  },
  {
    name: 'tulis sheet template (naif, sel per sel)',
    sizes,
    run: (wb, size) => {
      const plan = plans[size];
      return inExecution(wb, () =>
        naiveApply(SpreadsheetApp.getActiveSpreadsheet().insertSheet(plan.sheetName), plan),
      );
    },
  },
];
