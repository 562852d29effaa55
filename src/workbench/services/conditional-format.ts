/**
 * ConditionalFormatRuleBuilder, ConditionalFormatRule and BooleanCondition:
 * https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 * The spec is plain data (model.ts ConditionalRuleSpec); the `when…` shortcuts come from ./criteria.ts.
 */
import type { ConditionalRuleSpec, SheetState } from '../model';
import type { Execution } from './context';
import { unwrap, wrap } from './counter';
import { addCriteriaMethods, WHEN_CRITERIA } from './criteria';
import { BooleanCriteria, enumName } from './enums';
import { normalizeColor } from './grid';
import { make } from './registry';
import { loadArg, rangeArg, storeArg } from './rule-args';

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
    return sheet ? this._st.spec.ranges.map((r) => make.range(this._ctx, sheet, { ...r })) : [];
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
    const rs = (ranges ?? []).map((r) => rangeArg(this._ctx, r, 'Workbench: setRanges needs Ranges'));
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
  /** setBold, setItalic, setUnderline, setStrikethrough: null leaves the font as it is. */
  _font<K extends 'fontWeight' | 'fontStyle' | 'fontLine'>(
    key: K,
    on: boolean | null,
    yes: string,
    no: string,
  ): this {
    (this._st.spec.format as Record<K, string | undefined>)[key] = on === null ? undefined : on ? yes : no;
    return this;
  }
  setBold(bold: boolean | null): this {
    return this._font('fontWeight', bold, 'bold', 'normal');
  }
  setItalic(italic: boolean | null): this {
    return this._font('fontStyle', italic, 'italic', 'normal');
  }
  setUnderline(underline: boolean | null): this {
    return this._font('fontLine', underline, 'underline', 'none');
  }
  setStrikethrough(strike: boolean | null): this {
    return this._font('fontLine', strike, 'line-through', 'none');
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
