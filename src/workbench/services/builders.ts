/**
 * Builders and the objects they build:
 * DataValidationBuilder/DataValidation https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * ConditionalFormatRuleBuilder/ConditionalFormatRule/BooleanCondition https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 * EmbeddedChartBuilder/EmbeddedChart https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * Specs are plain data (model.ts); a Range argument is stored as { sheet, rect }.
 */
import type { ChartSpec, ConditionalRuleSpec, DataValidationSpec, GridRect, SheetState } from '../model';
import type { Execution } from './context';
import { unwrap, wrap } from './counter';
import { addCriteriaMethods, REQUIRE_CRITERIA, WHEN_CRITERIA } from './criteria';
import {
  BooleanCriteria,
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  DataValidationCriteria,
  enumName,
} from './enums';
import { normalizeColor } from './grid';
import { checkValueList } from './limits';
import { newRange, RangeImpl } from './range';
import { isDate } from '../format/display';

interface RangeRef {
  sheet: string;
  rect: GridRect;
}

function isRangeRef(v: unknown): v is RangeRef {
  return !!v && typeof v === 'object' && 'sheet' in v && 'rect' in v;
}

function rangeRef(ctx: Execution, v: unknown): RangeRef {
  const r = unwrap(v);
  if (!(r instanceof RangeImpl)) throw ctx.exception('Workbench: expected a Range');
  return { sheet: r._sheet.name, rect: { ...r._rect } };
}

function rangeFromRef(ctx: Execution, ref: RangeRef): unknown {
  const sheet = ctx.state.sheets.find((s) => s.name === ref.sheet);
  return sheet ? newRange(ctx, sheet, { ...ref.rect }) : null;
}

/** Store a criteria argument: Dates copied, Ranges as refs, arrays copied. */
function storeArg(ctx: Execution, v: unknown): unknown {
  if (isDate(v)) return new Date(v.getTime());
  if (unwrap(v) instanceof RangeImpl) return rangeRef(ctx, v);
  if (Array.isArray(v)) return v.map((x) => storeArg(ctx, x));
  return v;
}

/** Give a stored argument back to the script. */
function loadArg(ctx: Execution, v: unknown): unknown {
  if (isDate(v)) return ctx.date(v.getTime());
  if (isRangeRef(v)) return rangeFromRef(ctx, v);
  if (Array.isArray(v)) return v.map((x) => loadArg(ctx, x));
  return v;
}

// ---- data validation ------------------------------------------------------------------

export function newDataValidation(
  ctx: Execution,
  spec: DataValidationSpec,
): GoogleAppsScript.Spreadsheet.DataValidation {
  return wrap(
    ctx,
    'DataValidation',
    new DataValidationImpl(ctx, spec),
  ) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
}

export function newDataValidationBuilder(ctx: Execution, spec?: DataValidationSpec): unknown {
  return wrap(ctx, 'DataValidationBuilder', new DataValidationBuilderImpl(ctx, spec));
}

export class DataValidationImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _spec: DataValidationSpec,
  ) {}
  getCriteriaType(): unknown {
    return DataValidationCriteria[this._spec.criteria as keyof typeof DataValidationCriteria];
  }
  getCriteriaValues(): unknown[] {
    return this._spec.args.map((a) => loadArg(this._ctx, a));
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this._spec.helpText ?? null;
  }
  copy(): unknown {
    return newDataValidationBuilder(this._ctx, structuredClone(this._spec));
  }
}

class DataValidationBuilderImpl {
  _spec: DataValidationSpec;
  constructor(
    readonly _ctx: Execution,
    spec?: DataValidationSpec,
  ) {
    this._spec = spec ?? { criteria: '', args: [], allowInvalid: true };
  }
  _set(criteria: string, args: unknown[]): this {
    this._spec.criteria = criteria;
    this._spec.args = args.map((a) => storeArg(this._ctx, a));
    return this;
  }
  build(): unknown {
    if (!this._spec.criteria)
      throw this._ctx.exception('You must specify a criteria for the data validation rule.');
    return newDataValidation(this._ctx, structuredClone(this._spec));
  }
  copy(): unknown {
    return newDataValidationBuilder(this._ctx, structuredClone(this._spec));
  }
  getCriteriaType(): unknown {
    return DataValidationCriteria[this._spec.criteria as keyof typeof DataValidationCriteria] ?? null;
  }
  getCriteriaValues(): unknown[] {
    return this._spec.args.map((a) => loadArg(this._ctx, a));
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this._spec.helpText ?? null;
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this._spec.allowInvalid = !!allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): this {
    this._spec.helpText = String(helpText);
    return this;
  }
  withCriteria(criteria: unknown, args: unknown[]): this {
    return this._set(enumName(criteria), args ?? []);
  }
  requireCheckbox(...values: unknown[]): this {
    return this._set('CHECKBOX', values);
  }
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values)) throw this._ctx.exception('Workbench: requireValueInList needs an array');
    checkValueList(this._ctx, values);
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true): this {
    return this._set('VALUE_IN_RANGE', [range, showDropdown]);
  }
}
addCriteriaMethods(DataValidationBuilderImpl, 'require', REQUIRE_CRITERIA, (b, criterion, args) =>
  b._set(criterion, args),
);

// ---- conditional formatting ------------------------------------------------------------

interface RuleState {
  spec: ConditionalRuleSpec;
  sheet: SheetState | null;
}

export function newConditionalFormatRule(
  ctx: Execution,
  spec: ConditionalRuleSpec,
  sheet: SheetState | null,
): unknown {
  return wrap(ctx, 'ConditionalFormatRule', new ConditionalFormatRuleImpl(ctx, { spec, sheet }));
}

export function newConditionalFormatRuleBuilder(ctx: Execution, st?: RuleState): unknown {
  return wrap(
    ctx,
    'ConditionalFormatRuleBuilder',
    new ConditionalFormatRuleBuilderImpl(
      ctx,
      st ?? { spec: { ranges: [], condition: { type: '', args: [] }, format: {} }, sheet: null },
    ),
  );
}

class BooleanConditionImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _spec: ConditionalRuleSpec,
  ) {}
  getCriteriaType(): unknown {
    return BooleanCriteria[this._spec.condition.type as keyof typeof BooleanCriteria];
  }
  getCriteriaValues(): unknown[] {
    return this._spec.condition.args.map((a) => loadArg(this._ctx, a));
  }
  getBackground(): string | null {
    return this._spec.format.background ?? null;
  }
  getFontColor(): string | null {
    return this._spec.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this._spec.format.fontWeight ? this._spec.format.fontWeight === 'bold' : null;
  }
  getItalic(): boolean | null {
    return this._spec.format.fontStyle ? this._spec.format.fontStyle === 'italic' : null;
  }
  getUnderline(): boolean | null {
    return this._spec.format.fontLine ? this._spec.format.fontLine === 'underline' : null;
  }
  getStrikethrough(): boolean | null {
    return this._spec.format.fontLine ? this._spec.format.fontLine === 'line-through' : null;
  }
}

export class ConditionalFormatRuleImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _st: RuleState,
  ) {}
  getBooleanCondition(): unknown {
    return this._st.spec.condition.type
      ? wrap(this._ctx, 'BooleanCondition', new BooleanConditionImpl(this._ctx, this._st.spec))
      : null;
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): unknown[] {
    const sheet = this._st.sheet;
    return sheet ? this._st.spec.ranges.map((r) => newRange(this._ctx, sheet, { ...r })) : [];
  }
  copy(): unknown {
    return newConditionalFormatRuleBuilder(this._ctx, {
      spec: structuredClone(this._st.spec),
      sheet: this._st.sheet,
    });
  }
}

class ConditionalFormatRuleBuilderImpl extends ConditionalFormatRuleImpl {
  _when(type: string, args: unknown[]): this {
    this._st.spec.condition = { type, args: args.map((a) => storeArg(this._ctx, a)) };
    return this;
  }
  build(): unknown {
    if (!this._st.spec.condition.type)
      throw this._ctx.exception('Workbench: a conditional format rule needs a condition');
    return newConditionalFormatRule(this._ctx, structuredClone(this._st.spec), this._st.sheet);
  }
  setRanges(ranges: unknown[]): this {
    const impls = (ranges ?? []).map((r) => unwrap(r));
    if (!impls.every((r) => r instanceof RangeImpl))
      throw this._ctx.exception('Workbench: setRanges needs Ranges');
    const rs = impls as RangeImpl[];
    this._st.spec.ranges = rs.map((r) => ({ ...r._rect }));
    this._st.sheet = rs[0]?._sheet ?? this._st.sheet;
    return this;
  }
  setBackground(color: string | null): this {
    this._st.spec.format.background = normalizeColor(color);
    return this;
  }
  setFontColor(color: string | null): this {
    this._st.spec.format.fontColor = normalizeColor(color);
    return this;
  }
  setBold(bold: boolean | null): this {
    this._st.spec.format.fontWeight = bold === null ? undefined : bold ? 'bold' : 'normal';
    return this;
  }
  setItalic(italic: boolean | null): this {
    this._st.spec.format.fontStyle = italic === null ? undefined : italic ? 'italic' : 'normal';
    return this;
  }
  setUnderline(underline: boolean | null): this {
    this._st.spec.format.fontLine = underline === null ? undefined : underline ? 'underline' : 'none';
    return this;
  }
  setStrikethrough(strike: boolean | null): this {
    this._st.spec.format.fontLine = strike === null ? undefined : strike ? 'line-through' : 'none';
    return this;
  }
  withCriteria(criteria: unknown, args: unknown[]): this {
    return this._when(enumName(criteria), args ?? []);
  }
}
addCriteriaMethods(ConditionalFormatRuleBuilderImpl, 'when', WHEN_CRITERIA, (b, criterion, args) =>
  b._when(criterion, args),
);

/** The spec behind a rule object given to Sheet.setConditionalFormatRules. */
export function ruleSpec(ctx: Execution, rule: unknown): ConditionalRuleSpec {
  const impl = unwrap(rule);
  if (!(impl instanceof ConditionalFormatRuleImpl) || impl instanceof ConditionalFormatRuleBuilderImpl) {
    throw ctx.exception('Workbench: setConditionalFormatRules needs built ConditionalFormatRule objects');
  }
  return structuredClone(impl._st.spec);
}

// ---- charts ---------------------------------------------------------------------------

export function newChartBuilder(ctx: Execution, sheet: SheetState, spec?: ChartSpec): unknown {
  return wrap(
    ctx,
    'EmbeddedChartBuilder',
    new EmbeddedChartBuilderImpl(
      ctx,
      sheet,
      spec ?? {
        chartId: -1,
        type: '',
        ranges: [],
        position: { row: 0, column: 0, offsetX: 0, offsetY: 0 },
        options: {},
        settings: {},
      },
    ),
  );
}

export function newEmbeddedChart(ctx: Execution, sheet: SheetState, spec: ChartSpec): unknown {
  return wrap(ctx, 'EmbeddedChart', new EmbeddedChartImpl(ctx, sheet, spec));
}

export class EmbeddedChartImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
    readonly _spec: ChartSpec,
  ) {}
  getChartId(): number | null {
    return this._spec.chartId >= 0 ? this._spec.chartId : null;
  }
  getId(): string {
    return `u${this._spec.chartId}`;
  }
  getType(): string {
    return this._spec.type;
  }
  getRanges(): unknown[] {
    return this._spec.ranges.map((r) => rangeFromRef(this._ctx, r)).filter((r) => r !== null);
  }
  getOptions(): unknown {
    const options = this._spec.options;
    return wrap(this._ctx, 'ChartOptions', {
      get: (key: string): unknown => {
        let v: unknown = options;
        for (const part of String(key).split('.'))
          v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
        return v === undefined ? null : structuredClone(v);
      },
      getOrDefault: (key: string): unknown =>
        options[key] === undefined ? null : structuredClone(options[key]),
    });
  }
  getContainerInfo(): unknown {
    const p = this._spec.position;
    return wrap(this._ctx, 'ContainerInfo', {
      getAnchorRow: () => p.row + 1,
      getAnchorColumn: () => p.column + 1,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    });
  }
  getNumHeaders(): number {
    return (this._spec.settings.numHeaders as number | undefined) ?? -1;
  }
  getMergeStrategy(): unknown {
    const s = this._spec.settings.mergeStrategy as keyof typeof ChartMergeStrategy | undefined;
    return ChartMergeStrategy[s ?? 'MERGE_COLUMNS'];
  }
  getHiddenDimensionStrategy(): unknown {
    const s = this._spec.settings.hiddenDimensionStrategy as
      keyof typeof ChartHiddenDimensionStrategy | undefined;
    return ChartHiddenDimensionStrategy[s ?? 'IGNORE_BOTH'];
  }
  getTransposeRowsAndColumns(): boolean {
    return !!this._spec.settings.transposeRowsAndColumns;
  }
  modify(): unknown {
    return newChartBuilder(this._ctx, this._sheet, structuredClone(this._spec));
  }
}

class EmbeddedChartBuilderImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
    readonly _spec: ChartSpec,
  ) {}
  build(): unknown {
    return newEmbeddedChart(this._ctx, this._sheet, structuredClone(this._spec));
  }
  addRange(range: unknown): this {
    this._spec.ranges.push(rangeRef(this._ctx, range));
    return this;
  }
  removeRange(range: unknown): this {
    const ref = rangeRef(this._ctx, range);
    this._spec.ranges = this._spec.ranges.filter(
      (r) => !(r.sheet === ref.sheet && JSON.stringify(r.rect) === JSON.stringify(ref.rect)),
    );
    return this;
  }
  clearRanges(): this {
    this._spec.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return this._spec.ranges.map((r) => rangeFromRef(this._ctx, r)).filter((r) => r !== null);
  }
  getChartType(): unknown {
    return ChartType[this._spec.type as keyof typeof ChartType] ?? null;
  }
  setChartType(type: unknown): this {
    this._spec.type = enumName(type);
    return this;
  }
  _as(type: keyof typeof ChartType): this {
    this._spec.type = type;
    return this;
  }
  asAreaChart(): this {
    return this._as('AREA');
  }
  asBarChart(): this {
    return this._as('BAR');
  }
  asColumnChart(): this {
    return this._as('COLUMN');
  }
  asComboChart(): this {
    return this._as('COMBO');
  }
  asHistogramChart(): this {
    return this._as('HISTOGRAM');
  }
  asLineChart(): this {
    return this._as('LINE');
  }
  asPieChart(): this {
    return this._as('PIE');
  }
  asScatterChart(): this {
    return this._as('SCATTER');
  }
  asTableChart(): this {
    return this._as('TABLE');
  }
  /** setPosition(anchorRowPos, anchorColPos, offsetX, offsetY), 1-based anchors. */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this._spec.position = {
      row: anchorRowPos - 1,
      column: anchorColPos - 1,
      offsetX: offsetX ?? 0,
      offsetY: offsetY ?? 0,
    };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this._spec.options[String(option)] = structuredClone(value);
    return this;
  }
  setNumHeaders(headers: number): this {
    this._spec.settings.numHeaders = headers;
    return this;
  }
  setMergeStrategy(strategy: unknown): this {
    this._spec.settings.mergeStrategy = enumName(strategy);
    return this;
  }
  setHiddenDimensionStrategy(strategy: unknown): this {
    this._spec.settings.hiddenDimensionStrategy = enumName(strategy);
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this._spec.settings.transposeRowsAndColumns = !!transpose;
    return this;
  }
  // Typed-builder conveniences (EmbeddedBarChartBuilder etc.), stored as Charts options.
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  setStacked(): this {
    this._spec.settings.stacked = true;
    return this.setOption('isStacked', true);
  }
  setColors(colors: string[]): this {
    return this.setOption('colors', colors);
  }
  setLegendPosition(position: unknown): this {
    return this.setOption('legend', { position: enumName(position).toLowerCase() });
  }
  setXAxisTitle(title: string): this {
    this._spec.options.hAxis = { ...(this._spec.options.hAxis as object), title };
    return this;
  }
  setYAxisTitle(title: string): this {
    this._spec.options.vAxis = { ...(this._spec.options.vAxis as object), title };
    return this;
  }
  setDimensions(width: number, height: number): this {
    this._spec.options.width = width;
    this._spec.options.height = height;
    return this;
  }
}

/** The spec behind a chart given to insertChart/updateChart/removeChart. */
export function chartSpec(ctx: Execution, chart: unknown): ChartSpec {
  const impl = unwrap(chart);
  if (!(impl instanceof EmbeddedChartImpl))
    throw ctx.exception('Workbench: expected an EmbeddedChart (call build())');
  return impl._spec;
}
