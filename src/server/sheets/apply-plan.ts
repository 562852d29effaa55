import { rectToA1 } from '../../core/plan/a1';
import type { CellStyle, PlanRect, SheetPlan } from '../../core/plan/plan';
import { asLiteralText } from '../../core/plan/text-safety';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Plural setter per style property; a property no cell uses costs no call. */
const STYLE_SETTERS: {
  key: keyof CellStyle;
  fallback: unknown;
  apply: (range: GoogleAppsScript.Spreadsheet.Range, grid: never[][]) => void;
}[] = [
  { key: 'background', fallback: null, apply: (r, g) => r.setBackgrounds(g) },
  { key: 'fontColor', fallback: null, apply: (r, g) => r.setFontColors(g) },
  { key: 'fontWeight', fallback: null, apply: (r, g) => r.setFontWeights(g) },
  { key: 'fontStyle', fallback: null, apply: (r, g) => r.setFontStyles(g) },
  { key: 'fontSize', fallback: 10, apply: (r, g) => r.setFontSizes(g) },
  { key: 'horizontalAlignment', fallback: null, apply: (r, g) => r.setHorizontalAlignments(g) },
  { key: 'verticalAlignment', fallback: null, apply: (r, g) => r.setVerticalAlignments(g) },
  { key: 'wrap', fallback: false, apply: (r, g) => r.setWraps(g) },
];

/**
 * Writes a plan onto an empty sheet in a fixed number of batched calls: number formats first (so
 * "@" cells keep text), then values, one plural setter per used style property, one RangeList per
 * border spec, one call per merge and validation. The plan's range comes in one RangeList with the
 * ranges to merge; a single rect (a border spec of one rect, a validation) is offset from the
 * plan's range in hand: Range.offset makes no round trip, where getRangeList or getRange would.
 * Strings are written as literal text.
 */
export function applyPlan(sheet: Sheet, plan: SheetPlan): void {
  const rows = plan.values.length;
  const columns = rows > 0 ? plan.values[0].length : 0;
  const whole: PlanRect | null =
    rows > 0 && columns > 0 ? { row: 1, column: 1, numRows: rows, numColumns: columns } : null;
  // The plan's range and every range to merge in one RangeList: one round trip for all (getRanges
  // makes none), then one call per merge.
  const wanted = [...(whole ? [whole] : []), ...plan.merges.map((m) => m.rect)];
  const ranges =
    plan.merges.length > 0
      ? sheet.getRangeList(wanted.map(rectToA1)).getRanges()
      : whole
        ? [sheet.getRange(1, 1, rows, columns)]
        : [];
  const range = whole ? ranges[0] : null;
  const mergeRanges = whole ? ranges.slice(1) : ranges;
  /** The rect as a Range: offset from the plan's range (no round trip), else one getRange. */
  const rangeAt = (rect: PlanRect) =>
    range
      ? range.offset(rect.row - 1, rect.column - 1, rect.numRows, rect.numColumns)
      : sheet.getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
  if (range) {
    const formats = plan.styles.map((row) => row.map((style) => style?.numberFormat ?? 'General'));
    if (formats.some((row) => row.some((f) => f !== 'General'))) range.setNumberFormats(formats);
    range.setValues(
      plan.values.map((row, r) =>
        row.map((value, c) =>
          typeof value === 'string' && formats[r][c] !== '@' ? asLiteralText(value) : value,
        ),
      ),
    );
    for (const setter of STYLE_SETTERS) {
      if (!plan.styles.some((row) => row.some((style) => style?.[setter.key] !== undefined))) continue;
      setter.apply(
        range,
        plan.styles.map((row) => row.map((style) => style?.[setter.key] ?? setter.fallback)) as never[][],
      );
    }
  }
  plan.merges.forEach(({ mode }, i) => {
    if (mode === 'across') mergeRanges[i].mergeAcross();
    else if (mode === 'vertically') mergeRanges[i].mergeVertically();
    else mergeRanges[i].merge();
  });
  for (const { rects, spec } of plan.borders) {
    const flag = (side: boolean | undefined) => (side ? true : null);
    (rects.length === 1 ? rangeAt(rects[0]) : sheet.getRangeList(rects.map(rectToA1))).setBorder(
      flag(spec.top),
      flag(spec.left),
      flag(spec.bottom),
      flag(spec.right),
      flag(spec.vertical),
      flag(spec.horizontal),
      spec.color,
      SpreadsheetApp.BorderStyle[spec.style],
    );
  }
  for (const validation of plan.validations) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(validation.list, true)
      .setAllowInvalid(validation.allowInvalid)
      .setHelpText(validation.helpText)
      .build();
    rangeAt(validation.rect).setDataValidation(rule);
  }
  for (const [run, width] of sizeRuns(plan.columnWidths)) sheet.setColumnWidths(run.start, run.count, width);
  for (const [run, height] of sizeRuns(plan.rowHeights ?? {}))
    sheet.setRowHeights(run.start, run.count, height);
  if (plan.frozenRows > 0) sheet.setFrozenRows(plan.frozenRows);
  if (plan.protection) sheet.protect().setDescription(plan.protection.description).setWarningOnly(true);
  // plan.print is not applied: Apps Script has no print-settings API (orientation, fit to width,
  // repeated rows are chosen in File → Print). Only the .xlsx exports write it.
}

/** Adjacent columns (or rows) of equal size become one setColumnWidths (setRowHeights) call. */
function sizeRuns(sizes: Record<number, number>): [{ start: number; count: number }, number][] {
  const runs: [{ start: number; count: number }, number][] = [];
  for (const index of Object.keys(sizes)
    .map(Number)
    .sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === sizes[index] && last[0].start + last[0].count === index) last[0].count++;
    else runs.push([{ start: index, count: 1 }, sizes[index]]);
  }
  return runs;
}
