/**
 * DataValidationBuilder and DataValidation:
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * The spec is plain data (model.ts DataValidationSpec); the criteria shortcuts come from ./criteria.ts.
 */
import type { DataValidationSpec } from '../model';
import type { Execution } from './context';
import { unwrap, wrap } from './counter';
import { addCriteriaMethods, REQUIRE_CRITERIA } from './criteria';
import { DataValidationCriteria, enumName } from './enums';
import { checkValueList } from './limits';
import { typeName } from './range-base';
import { loadArg, storeArg } from './rule-args';

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
  copy(): unknown {
    return newDataValidationBuilder(this._ctx, structuredClone(this._spec));
  }
}

class DataValidationBuilderImpl extends DataValidationImpl {
  constructor(ctx: Execution, spec?: DataValidationSpec) {
    super(ctx, spec ?? { criteria: '', args: [], allowInvalid: true });
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

/** The spec of a built rule given to Range.setDataValidation(s) (a copy); anything else throws. */
export function validationSpec(ctx: Execution, rule: unknown): DataValidationSpec {
  const impl = unwrap(rule);
  if (!(impl instanceof DataValidationImpl) || impl instanceof DataValidationBuilderImpl) {
    throw ctx.exception(
      `The parameters (${typeName(rule)}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`,
    );
  }
  return structuredClone(impl._spec);
}
