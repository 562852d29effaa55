/**
 * Sheets' data validation and conditional format rules as exceljs rules: lists, number and date
 * comparisons, custom formulas. A rule without a straightforward xlsx equivalent is skipped with
 * the reason (a string), which the export lists in its notes.
 */
import type ExcelJS from 'exceljs';
import type { ConditionalRuleSpec, DataValidationSpec } from '../model';
import { asDate } from './excel-grid';
import { toConditionalStyle } from './xlsx-format';

/** Sheets' number comparisons; the same names serve validations and "cellIs" conditional rules. */
const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

const DATE_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  DATE_BETWEEN: 'between',
  DATE_NOT_BETWEEN: 'notBetween',
  DATE_EQUAL_TO: 'equal',
  DATE_AFTER: 'greaterThan',
  DATE_ON_OR_AFTER: 'greaterThanOrEqual',
  DATE_BEFORE: 'lessThan',
  DATE_ON_OR_BEFORE: 'lessThanOrEqual',
};

const TWO_ARGUMENTS = new Set<string>(['between', 'notBetween']);

/** A Sheets validation rule → exceljs; a string says why it was skipped. */
export function toDataValidation(rule: DataValidationSpec): ExcelJS.DataValidation | string {
  const common: Partial<ExcelJS.DataValidation> = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
  };
  if (rule.helpText) {
    common.showInputMessage = true;
    common.prompt = rule.helpText;
  }
  const args = rule.args;
  const criteria = rule.criteria.toUpperCase();

  if (criteria === 'VALUE_IN_LIST') {
    // Apps Script's criteria values are [values[], showDropdown]; accept a bare list too.
    const values = (Array.isArray(args[0]) ? args[0] : args).map((v) => String(v));
    // An inline list is one quoted, comma-separated string of at most 255 characters; items cannot
    // contain commas. A longer list would need a helper range, which this export does not create.
    if (values.length === 0) return 'empty list';
    if (values.some((v) => v.includes(','))) return 'a list item contains a comma';
    const list = `"${values.join(',').replace(/"/g, '""')}"`;
    if (list.length > 257) return 'list longer than 255 characters';
    return { ...common, type: 'list', formulae: [list] };
  }
  if (criteria === 'VALUE_IN_RANGE') {
    const ref = args[0];
    if (typeof ref === 'string' && ref.length > 0)
      return { ...common, type: 'list', formulae: [ref.replace(/^=/, '')] };
    return 'source range not given in A1 notation';
  }
  if (criteria === 'CUSTOM_FORMULA') {
    const formula = args[0];
    if (typeof formula !== 'string' || formula === '') return 'no formula';
    return { ...common, type: 'custom', formulae: [formula.replace(/^=/, '')] };
  }
  const numberOp = NUMBER_OPERATORS[criteria];
  if (numberOp) {
    const n = TWO_ARGUMENTS.has(numberOp) ? 2 : 1;
    const nums = args.slice(0, n);
    if (nums.length < n || !nums.every((a) => typeof a === 'number' && Number.isFinite(a)))
      return 'non-numeric bounds';
    return { ...common, type: 'decimal', operator: numberOp, formulae: nums };
  }
  const dateOp = DATE_OPERATORS[criteria];
  if (dateOp) {
    const n = TWO_ARGUMENTS.has(dateOp) ? 2 : 1;
    const dates = args.slice(0, n).map(asDate);
    // Relative dates (today, past week, ...) have no fixed bound in xlsx.
    if (dates.length < n || dates.some((d) => d === undefined)) return 'relative or missing date';
    return { ...common, type: 'date', operator: dateOp, formulae: dates };
  }
  // CHECKBOX, TEXT_CONTAINS, TEXT_IS_VALID_EMAIL/URL, DATE_IS_VALID_DATE, ...: not mapped.
  return 'no straightforward xlsx equivalent';
}

function formulaArg(a: unknown): string | undefined {
  if (typeof a === 'number' && Number.isFinite(a)) return String(a);
  if (typeof a === 'string' && a !== '') return a.startsWith('=') ? a.slice(1) : a;
  return undefined;
}

/** A Sheets conditional rule → exceljs; a string says why it was skipped. */
export function toConditionalRule(
  rule: ConditionalRuleSpec,
  priority: number,
): ExcelJS.ConditionalFormattingRule | string {
  const style = toConditionalStyle(rule.format);
  const type = rule.condition.type.toUpperCase();
  const args = rule.condition.args;
  if (type === 'CUSTOM_FORMULA') {
    const formula = typeof args[0] === 'string' ? args[0].replace(/^=/, '') : '';
    if (!formula) return 'no formula';
    return { type: 'expression', priority, formulae: [formula], style };
  }
  const operator = NUMBER_OPERATORS[type];
  if (operator) {
    const n = operator === 'between' || operator === 'notBetween' ? 2 : 1;
    const formulae = args.slice(0, n).map(formulaArg);
    if (formulae.length < n || formulae.some((f) => f === undefined)) return 'missing bounds';
    // exceljs types list only four operators but writes any ST_ConditionalFormattingOperator.
    return { type: 'cellIs', priority, operator: operator as ExcelJS.CellIsOperators, formulae, style };
  }
  // TEXT_*, DATE_*, gradients, blank checks...: not mapped.
  return 'no straightforward xlsx equivalent';
}
