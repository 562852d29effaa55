import type { SheetPlan } from '../../src/core/plan/plan';
import { sopSheetPlan } from '../../src/core/sop/sop-sheet';
import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import type { SopTemplate } from '../../src/core/sop/model';
import { templateSheetPlan } from '../../src/core/sop/template-sheet-plan';
import { applyPlan } from '../../src/server/sheets/apply-plan';
import { newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { DIST } from '../dist';
import { inExecution } from '../in-execution';
import type { BenchAction, BenchSize } from '../types';

/** The built-in template grown to `count` steps (its steps repeated, decisions kept pointing back). */
export function templateWithSteps(count: number): SopTemplate {
  const template = structuredClone(PENGUATAN_PUG);
  template.steps = Array.from({ length: count }, (_, i) => {
    const source = PENGUATAN_PUG.steps[i % 10];
    const number = i + 1;
    const shift = number - source.number;
    if (source.kind !== 'decision') return { ...source, number };
    const onApproved =
      source.onApproved === 'end'
        ? number === count
          ? 'end'
          : number + 1
        : (source.onApproved as number) + shift;
    return { ...source, number, onApproved, onRevision: (source.onRevision as number) + shift };
  });
  return template;
}

const sizes: [BenchSize, BenchSize] = [
  { label: '10 langkah', size: { steps: 10 }, state: () => newWorkbookState('Bench') },
  { label: '60 langkah', size: { steps: 60 }, state: () => newWorkbookState('Bench') },
];

/** The same plan written one cell and one property at a time: what the batched writer avoids. */
function naiveApply(sheet: GoogleAppsScript.Spreadsheet.Sheet, plan: SheetPlan): void {
  plan.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.getRange(r + 1, c + 1);
      const style = plan.styles[r][c];
      cell.setValue(value);
      if (style?.background) cell.setBackground(style.background);
      if (style?.fontWeight) cell.setFontWeight(style.fontWeight);
      if (style?.fontColor) cell.setFontColor(style.fontColor);
      if (style?.horizontalAlignment) cell.setHorizontalAlignment(style.horizontalAlignment);
      if (style?.verticalAlignment) cell.setVerticalAlignment(style.verticalAlignment);
      if (style?.wrap !== undefined) cell.setWrap(style.wrap);
    }),
  );
}

function writers(name: string, plans: [SheetPlan, SheetPlan]): BenchAction[] {
  const insert = (plan: SheetPlan) => SpreadsheetApp.getActiveSpreadsheet().insertSheet(plan.sheetName);
  return [
    {
      name: `${name} (plan, batch)`,
      sizes,
      run: (wb, size) => inExecution(wb, () => applyPlan(insert(plans[size]), plans[size])),
    },
    {
      name: `${name} (naif, sel per sel)`,
      sizes,
      // Cell by cell may pass Apps Script's 6 minutes: the row then says where it was stopped.
      run: (wb, size) =>
        inExecution(wb, () => naiveApply(insert(plans[size]), plans[size]), { untilStopped: true }),
    },
  ];
}

const small = templateWithSteps(10);
const large = templateWithSteps(60);
export const planWriterActions: BenchAction[] = [
  ...writers('tulis sheet template', [
    templateSheetPlan(small, 'Template: Bench'),
    templateSheetPlan(large, 'Template: Bench'),
  ]),
  ...writers('tulis sheet SOP', [sopSheetPlan(small, 'SOP: Bench'), sopSheetPlan(large, 'SOP: Bench')]),
];

/** A spreadsheet holding `Template: Bench`, written by the add-in's own template writer. */
export function withTemplateSheet(template: SopTemplate): () => WorkbookState {
  return () => {
    const setup = new Workbench({ state: newWorkbookState('Bench'), distDir: DIST });
    inExecution(setup, () => {
      const plan = templateSheetPlan(template, 'Template: Bench');
      applyPlan(SpreadsheetApp.getActiveSpreadsheet().insertSheet(plan.sheetName), plan);
    });
    return setup.state;
  };
}
