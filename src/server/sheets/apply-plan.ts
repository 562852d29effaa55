import { rectToA1 } from '../../core/plan/a1';
import { joinBorderRuns } from '../../core/plan/border-runs';
import { groupMerges } from '../../core/plan/merge-groups';
import type { CellStyle, PlanRect, SheetPlan } from '../../core/plan/plan';
import { sizeStrokes } from '../../core/plan/size-strokes';
import { asLiteralText } from '../../core/plan/text-safety';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

type Styles = (CellStyle | null)[][];

/** A plural setter of one style property: `fallback` (Sheets' default) where a cell has none. */
const plain =
  <K extends keyof CellStyle>(key: K, fallback: unknown, set: (range: Range, grid: never[][]) => void) =>
  (range: Range, styles: Styles) =>
    set(range, styles.map((row) => row.map((style) => style?.[key] ?? fallback)) as never[][]);

/**
 * The text styles of a grid: one built TextStyle per distinct combination (builders cost no round
 * trip; their calls grow with the distinct styles, never with the cells), an attribute set only
 * where the plan sets it —
 * the font size everywhere once any cell has one (its fallback 10 stored as written, as
 * setFontSizes did). Written only onto a new sheet, where an unset attribute is Sheets' default.
 */
function textStyles(styles: Styles, withSize: boolean): GoogleAppsScript.Spreadsheet.TextStyle[][] {
  const built = new Map<string, GoogleAppsScript.Spreadsheet.TextStyle>();
  return styles.map((row) =>
    row.map((style) => {
      const size = withSize ? (style?.fontSize ?? 10) : undefined;
      const { fontWeight: weight, fontStyle: slant, fontColor: color } = style ?? {};
      const key = JSON.stringify([weight, slant, color, size]);
      let text = built.get(key);
      if (!text) {
        const builder = SpreadsheetApp.newTextStyle();
        if (weight !== undefined) builder.setBold(weight === 'bold');
        if (slant !== undefined) builder.setItalic(slant === 'italic');
        if (color !== undefined) builder.setForegroundColor(color);
        if (size !== undefined) builder.setFontSize(size);
        built.set(key, (text = builder.build()));
      }
      return text;
    }),
  );
}

interface StyleSetter {
  /** The plan's style properties it writes. */
  keys: (keyof CellStyle)[];
  /** Once this property is used, the setter covers the whole plan (its fallback is stored as written). */
  whole?: keyof CellStyle;
  apply: (range: Range, styles: Styles, used: Set<keyof CellStyle>) => void;
}

/**
 * Plural setter per style property; a property no cell uses costs no call. When the plan's ranges
 * come in a RangeList anyway (see applyPlan), a setter covers only the rect of the cells that use
 * its property: the cells around it are new, their fallback (null, false: Sheets' default) needs
 * no writing, and fewer cells written cost less. Font size keeps the whole plan: its fallback 10
 * is stored as written.
 */
const SINGLE_SETTERS: StyleSetter[] = [
  { keys: ['background'], apply: plain('background', null, (r, g) => r.setBackgrounds(g)) },
  { keys: ['fontColor'], apply: plain('fontColor', null, (r, g) => r.setFontColors(g)) },
  { keys: ['fontWeight'], apply: plain('fontWeight', null, (r, g) => r.setFontWeights(g)) },
  { keys: ['fontStyle'], apply: plain('fontStyle', null, (r, g) => r.setFontStyles(g)) },
  { keys: ['fontSize'], whole: 'fontSize', apply: plain('fontSize', 10, (r, g) => r.setFontSizes(g)) },
  {
    keys: ['horizontalAlignment'],
    apply: plain('horizontalAlignment', null, (r, g) => r.setHorizontalAlignments(g)),
  },
  {
    keys: ['verticalAlignment'],
    apply: plain('verticalAlignment', null, (r, g) => r.setVerticalAlignments(g)),
  },
  { keys: ['wrap'], apply: plain('wrap', false, (r, g) => r.setWraps(g)) },
];

const TEXT_KEYS: (keyof CellStyle)[] = ['fontColor', 'fontWeight', 'fontStyle', 'fontSize'];

/** Weight, slant, colour and size in one setTextStyles, where a setter each would be a round trip each. */
const TEXT_SETTER: StyleSetter = {
  keys: TEXT_KEYS,
  whole: 'fontSize',
  apply: (r, styles, used) => r.setTextStyles(textStyles(styles, used.has('fontSize'))),
};

/** How applyPlan writes (the sheet comes out the same either way). */
export interface ApplyOptions {
  /**
   * The text properties in one setTextStyles when two or more are used: a round trip or more
   * saved, at a few free builder calls per distinct style (calls then vary with the styles used).
   */
  textStyles?: boolean;
}

/**
 * The setters of a plan: with `textStyles`, the text properties in one setTextStyles when two or
 * more are used (one round trip instead of several), else each its own setter.
 */
function settersFor(plan: SheetPlan, options: ApplyOptions): StyleSetter[] {
  if (!options.textStyles) return SINGLE_SETTERS;
  const used = TEXT_KEYS.filter((key) =>
    plan.styles.some((row) => row.some((style) => style?.[key] !== undefined)),
  );
  if (used.length < 2) return SINGLE_SETTERS;
  const rest = SINGLE_SETTERS.filter((setter) => !TEXT_KEYS.includes(setter.keys[0]));
  return [rest[0], TEXT_SETTER, ...rest.slice(1)];
}

/**
 * Writes a plan onto an empty sheet in a fixed number of batched calls: the calls the server
 * answers first (RangeLists, protect), then number formats (so "@" cells keep text), values, one
 * plural setter per used style group, one setBorder per border spec, one call per merge
 * (continuing bands joined: core/plan/merge-groups.ts) and per validation, the sizes — one run of
 * queued writes, one round trip (services/latency.ts WRITE_CACHE). The single ranges it needs (the
 * plan's, the style properties' used rects, the merges', a border spec's of one rect, the
 * validations') come in one RangeList. Strings are written as literal text.
 */
export function applyPlan(sheet: Sheet, plan: SheetPlan, options: ApplyOptions = {}): void {
  const rows = plan.values.length;
  const columns = rows > 0 ? plan.values[0].length : 0;
  const whole: PlanRect | null =
    rows > 0 && columns > 0 ? { row: 1, column: 1, numRows: rows, numColumns: columns } : null;
  // Merges of one-row (one-column) areas continuing each other: one mergeAcross (mergeVertically).
  const merges = groupMerges(plan.merges);
  // Consecutive border entries of one colour and style regrouped where that saves a round trip
  // (core/plan/border-runs.ts): every cell side ends the same.
  const borders = joinBorderRuns(plan.borders);
  const borderRects = borders.filter((b) => b.rects.length === 1).map((b) => b.rects[0]);
  const others = [...merges.map((m) => m.rect), ...borderRects, ...plan.validations.map((v) => v.rect)];
  // A style property's used rect rides along when the RangeList is fetched anyway (free); alone it
  // would cost a RangeList where a getRange does, so then every setter covers the whole plan.
  const styled = whole ? styleRects(plan, settersFor(plan, options), whole, others.length > 0) : [];
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
  // The RangeLists of border entries of several rects, and the protection, before the first
  // write: each is answered by the server, which commits Apps Script's write cache first (a round
  // trip more per write run it cuts); after them every write, merge and size rides one run.
  const borderLists = borders.map(({ rects }) =>
    rects.length === 1 ? null : sheet.getRangeList(rects.map(rectToA1)),
  );
  const protection = plan.protection ? sheet.protect() : null;
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
    for (const { setter, rect, used } of styled) {
      if (!rect) continue;
      const target = rect === whole ? range : take();
      const grid = plan.styles
        .slice(rect.row - 1, rect.row - 1 + rect.numRows)
        .map((row) => row.slice(rect.column - 1, rect.column - 1 + rect.numColumns));
      setter.apply(target, grid, used);
    }
  }
  for (const { mode } of merges) {
    const merged = take();
    if (mode === 'across') merged.mergeAcross();
    else if (mode === 'vertically') merged.mergeVertically();
    else merged.merge();
  }
  borders.forEach(({ spec }, i) => {
    const flag = (side: boolean | undefined) => (side ? true : null);
    (borderLists[i] ?? take()).setBorder(
      flag(spec.top),
      flag(spec.left),
      flag(spec.bottom),
      flag(spec.right),
      flag(spec.vertical),
      flag(spec.horizontal),
      spec.color,
      SpreadsheetApp.BorderStyle[spec.style],
    );
  });
  for (const validation of plan.validations) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(validation.list, true)
      .setAllowInvalid(validation.allowInvalid)
      .setHelpText(validation.helpText)
      .build();
    take().setDataValidation(rule);
  }
  // Widths and heights in the fewest calls (core/plan/size-strokes.ts): a size over several runs
  // first, the others on top.
  for (const { start, count, size } of sizeStrokes(plan.columnWidths))
    sheet.setColumnWidths(start, count, size);
  for (const { start, count, size } of sizeStrokes(plan.rowHeights ?? {}))
    sheet.setRowHeights(start, count, size);
  if (plan.frozenRows > 0) sheet.setFrozenRows(plan.frozenRows);
  if (protection && plan.protection)
    protection.setDescription(plan.protection.description).setWarningOnly(true);
  // plan.print is not applied: Apps Script has no print-settings API (orientation, fit to width,
  // repeated rows are chosen in File → Print). Only the .xlsx exports write it.
}

/**
 * Per style setter, the rect it writes and the properties of its group some cell uses: null when
 * none, `whole` itself when not shrinking, when the group must cover the plan (a used font size)
 * or its cells span it, else the smallest rect holding every cell that uses one of them.
 */
function styleRects(
  plan: SheetPlan,
  setters: StyleSetter[],
  whole: PlanRect,
  shrink: boolean,
): { setter: StyleSetter; rect: PlanRect | null; used: Set<keyof CellStyle> }[] {
  return setters.map((setter) => {
    let [top, bottom, left, right] = [Infinity, -1, Infinity, -1];
    const used = new Set<keyof CellStyle>();
    plan.styles.forEach((row, r) =>
      row.forEach((style, c) => {
        const keys = setter.keys.filter((key) => style?.[key] !== undefined);
        if (keys.length === 0) return;
        keys.forEach((key) => used.add(key));
        [top, bottom] = [Math.min(top, r + 1), Math.max(bottom, r + 1)];
        [left, right] = [Math.min(left, c + 1), Math.max(right, c + 1)];
      }),
    );
    if (bottom < 0) return { setter, rect: null, used };
    const rect = { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 };
    const spans = rect.numRows === whole.numRows && rect.numColumns === whole.numColumns;
    const mustCover = setter.whole !== undefined && used.has(setter.whole);
    return { setter, rect: !shrink || mustCover || spans ? whole : rect, used };
  });
}
