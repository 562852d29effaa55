import type { Cell, SheetState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import type { SopTemplate } from '../../src/core/sop/model';
import { templateSheetPlan } from '../../src/core/sop/template-sheet-plan';
import { applyPlan } from '../../src/server/sheets/apply-plan';
import { inExecution } from '../support/workbench';

export const GENERATED_KEY = 'sopTerpilah.generated';
export const TEMPLATE_KEY = 'sopTerpilah.template';

export function sheetOf(workbench: Workbench, name: string): SheetState {
  const sheet = workbench.state.sheets.find((s) => s.name === name);
  if (!sheet)
    throw new Error(`no sheet "${name}" among ${workbench.state.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

export const sheetNames = (workbench: Workbench): string[] => workbench.state.sheets.map((s) => s.name);

/** The sheet's values as getValues() would give them ("" for blank), trimmed to the data. */
export function valuesOf(sheet: SheetState): unknown[][] {
  const width = Math.max(0, ...sheet.rows.map((row) => (row ? row.length : 0)));
  return sheet.rows.map((row) => Array.from({ length: width }, (_, c) => row?.[c]?.value ?? ''));
}

/** The 0-based row whose column A holds `text`. */
export function rowOf(sheet: SheetState, text: string): number {
  const index = sheet.rows.findIndex((row) => row?.[0]?.value === text);
  if (index < 0) throw new Error(`no row "${text}" in ${sheet.name}`);
  return index;
}

/** Sets a cell (0-based) the way a person typing would: a plain value, no formula. */
export function setCell(
  sheet: SheetState,
  row: number,
  column: number,
  value: Cell['value'],
  formula?: string,
): void {
  while (sheet.rows.length <= row) sheet.rows.push([]);
  const cells = (sheet.rows[row] ??= []);
  while (cells.length <= column) cells.push(null);
  cells[column] = { ...(cells[column] ?? {}), value, ...(formula ? { formula } : {}) };
}

/** The steps header row (0-based) and the column (0-based) of each header. */
export function stepsTable(sheet: SheetState): { header: number; column: (name: string) => number } {
  const header = rowOf(sheet, 'No');
  return {
    header,
    column: (name) => {
      const c = sheet.rows[header].findIndex((cell) => cell?.value === name);
      if (c < 0) throw new Error(`no column "${name}"`);
      return c;
    },
  };
}

/** The built-in template with `count` process steps (cycling through its texts). */
export function withSteps(count: number, name = `${count} langkah`): SopTemplate {
  const template = structuredClone(PENGUATAN_PUG);
  template.identity.namaSop = name;
  template.steps = Array.from({ length: count }, (_, i) => {
    const step = { ...structuredClone(PENGUATAN_PUG.steps[i % 9]), number: i + 1, kind: 'process' as const };
    delete step.onApproved;
    delete step.onRevision;
    return step;
  });
  return template;
}

/** Writes a template sheet as staff could have made it (no marker: found by its name). */
export function writeTemplateSheet(workbench: Workbench, template: SopTemplate, sheetName: string): void {
  inExecution(workbench, () => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(sheetName);
    applyPlan(sheet, templateSheetPlan(template, sheetName));
  });
}
