/**
 * Where an SOP template comes from: the built-in one, or a `Template: <nama>` sheet read back and
 * parsed by core. Both "Buat SOP" and a new activity start from a template id resolved here.
 */
import { t, type Language } from '../../core/i18n';
import type { PlanRect } from '../../core/plan/plan';
import { PENGUATAN_PUG } from '../../core/sop/builtin-penguatan-pug';
import type { SopTemplate } from '../../core/sop/model';
import { describeProblem, type Problem } from '../../core/sop/problems';
import { readTemplateSheet, type TemplateReadResult } from '../../core/sop/template-sheet-read';
import { validateTemplate } from '../../core/sop/validate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The template id of the built-in SOP; a sheet's template id is SHEET_ID_PREFIX + its name. */
export const BUILTIN_ID = 'builtin:penguatan-pug';
export const SHEET_ID_PREFIX = 'sheet:';

export type ResolvedTemplate =
  { template: SopTemplate; problems: [] } | { template: null; problems: string[] };

/**
 * The built-in template, or the one read back from its sheet, validated either way; problems
 * come back as located messages in the user's language.
 */
export function resolveTemplate(
  spreadsheet: Spreadsheet,
  templateId: string,
  languageOf: Language | (() => Language),
): ResolvedTemplate {
  // A getter is asked only for a message: a template that reads cleanly needs no language.
  const language = () => (typeof languageOf === 'function' ? languageOf() : languageOf);
  const located = (problems: Problem[]): ResolvedTemplate => {
    const lang = language();
    return { template: null, problems: problems.map((problem) => describeProblem(problem, lang)) };
  };
  if (templateId === BUILTIN_ID) {
    const problems = validateTemplate(PENGUATAN_PUG);
    return problems.length ? located(problems) : { template: PENGUATAN_PUG, problems: [] };
  }
  const sheet = templateId.startsWith(SHEET_ID_PREFIX)
    ? spreadsheet.getSheetByName(templateId.slice(SHEET_ID_PREFIX.length))
    : null;
  if (!sheet) return { template: null, problems: [t(language(), 'templateUnknown', { value: templateId })] };
  const read = readTemplateFromSheet(sheet, () => spreadsheet.getSpreadsheetTimeZone());
  if (read.problems.length > 0 || !read.template) return located(read.problems);
  return { template: read.template, problems: [] };
}

/**
 * Reads a template back from its sheet with one data range: values, formulas and merged ranges
 * (4 calls, plus 4 per merged range, which is itself a problem to report), then parses in core.
 * The time zone (one call) is asked only when a cell holds a date: text dates need none.
 */
export function readTemplateFromSheet(sheet: Sheet, timeZone: () => string): TemplateReadResult {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const hasDate = values.some((row) => row.some((value) => value instanceof Date));
  const formulas = range.getFormulas();
  const merges: PlanRect[] = range.getMergedRanges().map((merged) => ({
    row: merged.getRow(),
    column: merged.getColumn(),
    numRows: merged.getNumRows(),
    numColumns: merged.getNumColumns(),
  }));
  return readTemplateSheet({ values, formulas, merges, ...(hasDate ? { timeZone: timeZone() } : {}) });
}
