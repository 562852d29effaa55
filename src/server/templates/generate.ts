import { t, type Language } from '../../core/i18n';
import { fitSheetName, numberedSheetName } from '../../core/plan/sheet-name';
import { sopSheetPlan } from '../../core/sop/sop-sheet';
import type { SheetPlan } from '../../core/plan/plan';
import { PENGUATAN_PUG } from '../../core/sop/builtin-penguatan-pug';
import { totalMinutes } from '../../core/sop/minutes';
import type { SopTemplate } from '../../core/sop/model';
import { describeProblem, type Problem } from '../../core/sop/problems';
import { validateTemplate } from '../../core/sop/validate';
import type { GenerateSopResult, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { applyPlan } from '../sheets/apply-plan';
import { withDocumentLock } from '../sheets/lock';
import { readTemplateFromSheet } from './read';
import {
  BUILTIN_ID,
  GENERATED_KEY,
  hasMarker,
  markGenerated,
  SHEET_ID_PREFIX,
  SOP_PREFIX,
  sheetNameFor,
} from './markers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A new sheet has 1000 rows and 26 columns; a bigger plan grows it first. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

/**
 * "Buat SOP": reads and validates the template, then writes `SOP: <nama>` in the official layout
 * in a fixed number of calls. Any problem → every located message and nothing written. The new
 * sheet is built complete under a temporary name, marked, and only then replaces the add-in's
 * previous sheet of that name; a user's own sheet of that name is never touched.
 */
export const generateSop: SidebarApi['generateSop'] = (templateId: string): GenerateSopResult => {
  const language = getLanguage();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const resolved = resolveTemplate(spreadsheet, String(templateId ?? ''), language);
  if (!resolved.template) return { ok: false, problems: resolved.problems };
  const { template } = resolved;

  return withDocumentLock(language, () => {
    const preferred = sheetNameFor(SOP_PREFIX, template.identity.namaSop);
    const { name, previous, userSheet } = targetSheet(spreadsheet, preferred);
    // insertSheet made the new sheet the active one: no activate() call needed.
    writeReplacing(spreadsheet, sopSheetPlan(template, name), previous, String(templateId));
    const total = totalMinutes(template.steps);
    const minutes = total.min === total.max ? `${total.min}` : `${total.min}–${total.max}`;
    spreadsheet.toast(
      t(language, 'sopCreatedToast', { sheet: name, steps: template.steps.length, minutes }),
      t(language, 'sopCreatedTitle'),
    );
    return {
      ok: true,
      sheetName: name,
      stepCount: template.steps.length,
      totalMinutes: total,
      ...(userSheet
        ? { renamedBecause: t(language, 'sopRenamedBecause', { sheet: userSheet, newSheet: name }) }
        : {}),
    };
  });
};

type Resolved = { template: SopTemplate; problems: [] } | { template: null; problems: string[] };

/**
 * The built-in template, or the one read back from its sheet, validated either way; problems
 * come back as located messages in the user's language.
 */
export function resolveTemplate(spreadsheet: Spreadsheet, templateId: string, language: Language): Resolved {
  const located = (problems: Problem[]): Resolved => ({
    template: null,
    problems: problems.map((problem) => describeProblem(problem, language)),
  });
  if (templateId === BUILTIN_ID) {
    const problems = validateTemplate(PENGUATAN_PUG);
    return problems.length ? located(problems) : { template: PENGUATAN_PUG, problems: [] };
  }
  const sheet = templateId.startsWith(SHEET_ID_PREFIX)
    ? spreadsheet.getSheetByName(templateId.slice(SHEET_ID_PREFIX.length))
    : null;
  if (!sheet) return { template: null, problems: [t(language, 'templateUnknown', { value: templateId })] };
  const read = readTemplateFromSheet(sheet, spreadsheet.getSpreadsheetTimeZone());
  if (read.problems.length > 0 || !read.template) return located(read.problems);
  return { template: read.template, problems: [] };
}

/**
 * Where the SOP goes: the preferred name when free or the add-in's own sheet (replaced), else the
 * first `<name> (n)` that is free or the add-in's. One lookup per name tried, 3 calls per marker check.
 */
export function targetSheet(
  spreadsheet: Spreadsheet,
  preferred: string,
): { name: string; previous: Sheet | null; userSheet: string | null } {
  for (let n = 1; ; n++) {
    const name = numberedSheetName(preferred, n);
    const existing = spreadsheet.getSheetByName(name);
    if (!existing || hasMarker(existing, GENERATED_KEY))
      return { name, previous: existing, userSheet: n === 1 ? null : preferred };
  }
}

/**
 * Builds the sheet complete under a temporary name at the position of the sheet it replaces,
 * then deletes the previous one and takes its name. Until the previous sheet is deleted, any
 * failure removes the new sheet: nothing half-written is left behind.
 */
export function writeReplacing(
  spreadsheet: Spreadsheet,
  plan: SheetPlan,
  previous: Sheet | null,
  templateId: string,
): Sheet {
  const temporary = fitSheetName(plan.sheetName, ` ~baru${Date.now().toString(36).slice(-6)}`);
  const sheet = previous
    ? spreadsheet.insertSheet(temporary, previous.getIndex() - 1)
    : spreadsheet.insertSheet(temporary);
  let previousDeleted = false;
  try {
    const rows = plan.values.length;
    const columns = rows > 0 ? plan.values[0].length : 0;
    if (rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, rows - NEW_SHEET_ROWS);
    if (columns > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, columns - NEW_SHEET_COLUMNS);
    applyPlan(sheet, plan);
    markGenerated(sheet, templateId);
    if (previous) {
      spreadsheet.deleteSheet(previous);
      previousDeleted = true;
    }
    sheet.setName(plan.sheetName);
  } catch (error) {
    // Once the previous sheet is gone the new one is the only copy: it stays (complete, marked).
    if (!previousDeleted) spreadsheet.deleteSheet(sheet);
    throw error;
  }
  return sheet;
}
