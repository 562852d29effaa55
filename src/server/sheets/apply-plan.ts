import { rectToA1 } from '../../core/plan/a1';
import { groupMerges } from '../../core/plan/merge-groups';
import type { CellStyle, PlanRect, SheetPlan } from '../../core/plan/plan';
import { asLiteralText } from '../../core/plan/text-safety';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Plural setter per style property; a property no cell uses costs no call. When the plan's ranges
 * come in a RangeList anyway (see applyPlan), a setter covers only the rect of the cells that use
 * its property: the cells around it are new, their fallback (null, false: Sheets' default) needs
 * no writing, and fewer cells written cost less. Font size keeps the whole plan: its fallback 10
 * is stored as written.
 */
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
 * border spec, one call per merge (continuing bands joined: core/plan/merge-groups.ts) and per
 * validation. The single ranges it needs (the plan's, the style properties' used rects, the
 * merges', a border spec's of one rect, the validations') come in one RangeList. Strings are
 * written as literal text.
 */
export function applyPlan(sheet: Sheet, plan: SheetPlan): void {
  const rows = plan.values.length;
  const columns = rows > 0 ? plan.values[0].length : 0;
  const whole: PlanRect | null =
    rows > 0 && columns > 0 ? { row: 1, column: 1, numRows: rows, numColumns: columns } : null;
  // Merges of one-row (one-column) areas continuing each other: one mergeAcross (mergeVertically).
  const merges = groupMerges(plan.merges);
  const borderRects = plan.borders.filter((b) => b.rects.length === 1).map((b) => b.rects[0]);
  const others = [...merges.map((m) => m.rect), ...borderRects, ...plan.validations.map((v) => v.rect)];
  // A style property's used rect rides along when the RangeList is fetched anyway (free); alone it
  // would cost a RangeList where a getRange does, so then every setter covers the whole plan.
  const styled = whole ? styleRects(plan, whole, others.length > 0) : [];
  // Every single range applyPlan works on (the plan's, the style properties' used rects, each
  // merge's, a border spec's of one rect, each validation's), in this order, in one RangeList: one
  // round trip for all (getRanges makes none), where a getRange each would be one round trip each.
  const singles = [
    ...(whole ? [whole] : []),
    ...styled.flatMap((s) => (s.rect && s.rect !== whole ? [s.rect] : [])),
    ...others,
  ];
  const fetched =
    singles.length > 1
      ? sheet.getRangeList(singles.map(rectToA1)).getRanges()
      : singles.map((r) => sheet.getRange(r.row, r.column, r.numRows, r.numColumns));
  let next = 0;
  /** The next range of `singles`, taken in the same order. */
  const take = () => fetched[next++];
  const range = whole ? take() : null;
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
    for (const { setter, rect } of styled) {
      if (!rect) continue;
      const target = rect === whole ? range : take();
      const grid = plan.styles
        .slice(rect.row - 1, rect.row - 1 + rect.numRows)
        .map((row) =>
          row
            .slice(rect.column - 1, rect.column - 1 + rect.numColumns)
            .map((style) => style?.[setter.key] ?? setter.fallback),
        );
      setter.apply(target, grid as never[][]);
    }
  }
  for (const { mode } of merges) {
    const merged = take();
    if (mode === 'across') merged.mergeAcross();
    else if (mode === 'vertically') merged.mergeVertically();
    else merged.merge();
  }
  for (const { rects, spec } of plan.borders) {
    const flag = (side: boolean | undefined) => (side ? true : null);
    (rects.length === 1 ? take() : sheet.getRangeList(rects.map(rectToA1))).setBorder(
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
    take().setDataValidation(rule);
  }
  for (const [run, width] of sizeRuns(plan.columnWidths)) sheet.setColumnWidths(run.start, run.count, width);
  for (const [run, height] of sizeRuns(plan.rowHeights ?? {}))
    sheet.setRowHeights(run.start, run.count, height);
  if (plan.frozenRows > 0) sheet.setFrozenRows(plan.frozenRows);
  if (plan.protection) sheet.protect().setDescription(plan.protection.description).setWarningOnly(true);
  // plan.print is not applied: Apps Script has no print-settings API (orientation, fit to width,
  // repeated rows are chosen in File → Print). Only the .xlsx exports write it.
}

/**
 * Per style setter, the rect it writes: null when no cell uses the property, `whole` itself when
 * not shrinking, when the property must cover the plan (font size) or its cells span it, else the
 * smallest rect holding every cell that uses it.
 */
function styleRects(
  plan: SheetPlan,
  whole: PlanRect,
  shrink: boolean,
): { setter: (typeof STYLE_SETTERS)[number]; rect: PlanRect | null }[] {
  return STYLE_SETTERS.map((setter) => {
    let [top, bottom, left, right] = [Infinity, -1, Infinity, -1];
    plan.styles.forEach((row, r) =>
      row.forEach((style, c) => {
        if (style?.[setter.key] === undefined) return;
        [top, bottom] = [Math.min(top, r + 1), Math.max(bottom, r + 1)];
        [left, right] = [Math.min(left, c + 1), Math.max(right, c + 1)];
      }),
    );
    if (bottom < 0) return { setter, rect: null };
    const rect = { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 };
    const spans = rect.numRows === whole.numRows && rect.numColumns === whole.numColumns;
    return { setter, rect: !shrink || setter.key === 'fontSize' || spans ? whole : rect };
  });
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
