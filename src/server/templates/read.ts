import type { PlanRect } from '../../core/plan/plan';
import { readTemplateSheet, type TemplateReadResult } from '../../core/sop/template-sheet-read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Reads a template back from its sheet with one data range: values, formulas and merged ranges
 * (4 calls, plus 4 per merged range, which is itself a problem to report), then parses in core.
 */
export function readTemplateFromSheet(sheet: Sheet, timeZone: string): TemplateReadResult {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const merges: PlanRect[] = range.getMergedRanges().map((merged) => ({
    row: merged.getRow(),
    column: merged.getColumn(),
    numRows: merged.getNumRows(),
    numColumns: merged.getNumColumns(),
  }));
  return readTemplateSheet({ values, formulas, merges, timeZone });
}
