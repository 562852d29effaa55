/**
 * The criteria shortcuts of DataValidationBuilder (`require…`) and ConditionalFormatRuleBuilder
 * (`when…`) as tables: method name after the prefix → criterion, and how many arguments it keeps.
 */
import { defineMethod } from './methods';

type Entry = readonly [name: string, criterion: string, arity: number];

/** Shortcuts both builders have. */
const COMMON: readonly Entry[] = [
  ['DateAfter', 'DATE_AFTER', 1],
  ['DateBefore', 'DATE_BEFORE', 1],
  ['DateEqualTo', 'DATE_EQUAL_TO', 1],
  ['FormulaSatisfied', 'CUSTOM_FORMULA', 1],
  ['NumberBetween', 'NUMBER_BETWEEN', 2],
  ['NumberEqualTo', 'NUMBER_EQUAL_TO', 1],
  ['NumberGreaterThan', 'NUMBER_GREATER_THAN', 1],
  ['NumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 1],
  ['NumberLessThan', 'NUMBER_LESS_THAN', 1],
  ['NumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 1],
  ['NumberNotBetween', 'NUMBER_NOT_BETWEEN', 2],
  ['NumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', 1],
  ['TextContains', 'TEXT_CONTAINS', 1],
  ['TextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', 1],
  ['TextEqualTo', 'TEXT_EQUAL_TO', 1],
];

/** DataValidationBuilder.require… (requireCheckbox and requireValueIn… are methods of their own). */
export const REQUIRE_CRITERIA: readonly Entry[] = [
  ...COMMON,
  ['Date', 'DATE_IS_VALID_DATE', 0],
  ['DateBetween', 'DATE_BETWEEN', 2],
  ['DateNotBetween', 'DATE_NOT_BETWEEN', 2],
  ['DateOnOrAfter', 'DATE_ON_OR_AFTER', 1],
  ['DateOnOrBefore', 'DATE_ON_OR_BEFORE', 1],
  ['TextIsEmail', 'TEXT_IS_VALID_EMAIL', 0],
  ['TextIsUrl', 'TEXT_IS_VALID_URL', 0],
];

/** ConditionalFormatRuleBuilder.when… */
export const WHEN_CRITERIA: readonly Entry[] = [
  ...COMMON,
  ['CellEmpty', 'CELL_EMPTY', 0],
  ['CellNotEmpty', 'CELL_NOT_EMPTY', 0],
  ['TextEndsWith', 'TEXT_ENDS_WITH', 1],
  ['TextStartsWith', 'TEXT_STARTS_WITH', 1],
];

/**
 * Adds a `prefix + name` method per entry to a builder class; it calls `set(builder, criterion,
 * args)` with exactly `arity` arguments (missing ones undefined, extra ones dropped).
 */
export function addCriteriaMethods<B extends object>(
  cls: { prototype: B },
  prefix: 'require' | 'when',
  entries: readonly Entry[],
  set: (builder: B, criterion: string, args: unknown[]) => B,
): void {
  for (const [name, criterion, arity] of entries) {
    defineMethod(cls, prefix + name, function (...args) {
      return set(
        this,
        criterion,
        Array.from({ length: arity }, (_, i) => args[i]),
      );
    });
  }
}
