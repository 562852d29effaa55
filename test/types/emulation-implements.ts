/**
 * Type test: the workbench's emulated classes implement the @types/google-apps-script interfaces
 * they stand for. Compiled by `tsc --noEmit -p tsconfig.json` (part of `npm run typecheck`), never
 * run; a mismatch fails the compilation and names the method, the emulation's signature and the
 * interface's.
 *
 * For every method an emulated class defines (names starting with "_" are internal and invisible
 * to scripts, see counter.ts), the interface must have a method of that name, and the emulation's
 * signature must be assignable to every overload of it, checked strictly: parameters
 * contravariantly (the emulation accepts whatever Apps Script accepts), the return covariantly
 * (an emulated class counts as the interface it stands for, since wrap() hands the script a Proxy
 * of it and returns that Proxy for `this`). Methods that deliberately differ are listed per class with
 * a reason; a listed method that no longer differs (or no longer exists) fails too, so the lists
 * only shrink.
 *
 * Not covered: the emulated objects built as object literals (SpreadsheetApp, Session, Ui, Lock,
 * Properties, Utilities, …) and the classes the workbench does not export (MenuImpl, RangeListImpl,
 * ProtectionImpl, DeveloperMetadataImpl, the builders): their factories are typed `unknown`.
 * `any` in the typings (e.g. Range.setValue(value: any)) accepts any emulation type.
 */
import type { ConditionalFormatRuleImpl } from '../../src/workbench/services/conditional-format';
import type { DataValidationImpl } from '../../src/workbench/services/validation';
import type { EmbeddedChartImpl } from '../../src/workbench/services/embedded-chart';
import type { HtmlOutputImpl } from '../../src/workbench/services/html-service';
import type { RangeImpl } from '../../src/workbench/services/range';
import type { SheetImpl } from '../../src/workbench/services/sheet';
import type { SpreadsheetImpl } from '../../src/workbench/services/spreadsheet';

import S = GoogleAppsScript.Spreadsheet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

// ---- the mechanics ------------------------------------------------------------------------------

/** An emulated class as the interface it stands for (also inside arrays and unions). */
type AsGas<T> = T extends RangeImpl
  ? S.Range
  : T extends SheetImpl
    ? S.Sheet
    : T extends SpreadsheetImpl
      ? S.Spreadsheet
      : T extends HtmlOutputImpl
        ? HtmlOutput
        : T extends DataValidationImpl
          ? S.DataValidation
          : T extends EmbeddedChartImpl
            ? S.EmbeddedChart
            : T extends ConditionalFormatRuleImpl
              ? S.ConditionalFormatRule
              : T extends readonly (infer E)[]
                ? AsGas<E>[]
                : T;

type AsGasFn<F> = F extends (...args: infer A) => infer R ? (...args: A) => AsGas<R> : never;

/** A function type per overload (up to 10; fewer repeat one): function types compare strictly. */
type Fn<A, R> = (...args: A extends unknown[] ? A : never) => R;
type Overloads<T> = T extends {
  (...a: infer A1): infer R1;
  (...a: infer A2): infer R2;
  (...a: infer A3): infer R3;
  (...a: infer A4): infer R4;
  (...a: infer A5): infer R5;
  (...a: infer A6): infer R6;
  (...a: infer A7): infer R7;
  (...a: infer A8): infer R8;
  (...a: infer A9): infer R9;
  (...a: infer A10): infer R10;
}
  ? Fn<A1, R1> &
      Fn<A2, R2> &
      Fn<A3, R3> &
      Fn<A4, R4> &
      Fn<A5, R5> &
      Fn<A6, R6> &
      Fn<A7, R7> &
      Fn<A8, R8> &
      Fn<A9, R9> &
      Fn<A10, R10>
  : never;

/**
 * The methods a script can call. `toString` is left out everywhere: every Apps Script object has
 * one (it gives the class name, as the emulation's does), but the typings do not list Object's
 * members.
 */
type MethodNames<C> = {
  [K in keyof C]-?: K extends `_${string}` | 'toString'
    ? never
    : C[K] extends (...args: never[]) => unknown
      ? K
      : never;
}[keyof C];

type Problem<C, G, K extends keyof C> = K extends keyof G
  ? [AsGasFn<C[K]>] extends [Overloads<G[K]>]
    ? never
    : { emulation: C[K]; appsScript: G[K] }
  : 'not in the interface';

/** Every method of C that does not implement G's method of the same name, with both signatures. */
export type Mismatches<C, G> = {
  [K in MethodNames<C> as Problem<C, G, K> extends never ? never : K]: Problem<C, G, K>;
};

/**
 * `true` when C implements G except for the methods listed in E (method → reason), each of which
 * must be one C defines and must really differ; otherwise the offending method names, which
 * `Expect` shows in the compiler's message (`Mismatches<C, G>[name]` gives both signatures).
 */
type Implements<C, G, E extends { [K in MethodNames<C>]?: Reason } = Record<never, Reason>> = [
  keyof Omit<Mismatches<C, G>, keyof E>,
] extends [never]
  ? [Exclude<keyof E, keyof Mismatches<C, G>>] extends [never]
    ? true
    : { listedButNotDiffering: Exclude<keyof E, keyof Mismatches<C, G>> }
  : { differing: Exclude<keyof Mismatches<C, G>, keyof E> };
type Expect<T extends true> = T;

// ---- the reasons --------------------------------------------------------------------------------

/**
 * Returns an emulated object (or an enum value) from a factory typed `unknown`, mostly because the
 * class is not exported; at run time it is the wrapped emulation of the right class. Fix by typing
 * the factory with the Apps Script interface, as newRange and newSheet are.
 */
type UntypedResult = 'untyped result';

/**
 * Typed `string` where the typings have a union of literals ("bold" | "normal", …); at run time the
 * emulation returns one of those literals. (Range's format getters and plural setters are built
 * from a table in services/range-formats.ts and typed by the interface itself, so they need no
 * exception here.)
 */
type WiderString = 'wider string';

/**
 * Parameters typed narrower than Apps Script's: the typings allow null entries (null resets the
 * format) or a null timeout; the emulation handles null at run time, its declared types omit it.
 */
type NullParameter = 'null parameter';

/** Range.setTextRotation(rotation: TextRotation): only the degrees overload is emulated. */
type PartlyEmulated = 'partly emulated';

/**
 * Returns null where the typings say non-null: HtmlOutput.getWidth/getHeight before a size is set,
 * DataValidation.getHelpText without help text. Which one real Apps Script gives is not verified:
 * see docs/FIDELITY.md before relying on either.
 */
type NullWhenUnset = 'null when unset';

/**
 * EmbeddedChart.getId and getType: older Apps Script API (listed by older interface definitions),
 * in neither today's reference nor @types. The emulation keeps them; scripts typed against @types
 * cannot call them.
 */
type OlderApi = 'older API';

type Reason = UntypedResult | WiderString | NullParameter | PartlyEmulated | NullWhenUnset | OlderApi;

// ---- the checks ---------------------------------------------------------------------------------

export type RangeImplementsRange = Expect<
  Implements<
    RangeImpl,
    S.Range,
    {
      getDataValidation: UntypedResult;
      getDataValidations: UntypedResult;
      setTextRotation: PartlyEmulated;
    }
  >
>;

export type SheetImplementsSheet = Expect<
  Implements<
    SheetImpl,
    S.Sheet,
    {
      protect: UntypedResult;
      createDeveloperMetadataFinder: UntypedResult;
      getDeveloperMetadata: UntypedResult;
      getParent: UntypedResult;
      getRangeList: UntypedResult;
      getProtections: UntypedResult;
      newChart: UntypedResult;
      getCharts: UntypedResult;
      getConditionalFormatRules: UntypedResult;
    }
  >
>;

export type SpreadsheetImplementsSpreadsheet = Expect<
  Implements<
    SpreadsheetImpl,
    S.Spreadsheet,
    {
      createDeveloperMetadataFinder: UntypedResult;
      getDeveloperMetadata: UntypedResult;
      getRange: UntypedResult;
      getRangeList: UntypedResult;
      getDataRange: UntypedResult;
      getProtections: UntypedResult;
      getActiveRange: UntypedResult;
      toast: NullParameter;
    }
  >
>;

export type HtmlOutputImplementsHtmlOutput = Expect<
  Implements<HtmlOutputImpl, HtmlOutput, { getWidth: NullWhenUnset; getHeight: NullWhenUnset }>
>;

export type DataValidationImplementsDataValidation = Expect<
  Implements<
    DataValidationImpl,
    S.DataValidation,
    { copy: UntypedResult; getCriteriaType: UntypedResult; getHelpText: NullWhenUnset }
  >
>;

export type ConditionalFormatRuleImplementsConditionalFormatRule = Expect<
  Implements<
    ConditionalFormatRuleImpl,
    S.ConditionalFormatRule,
    { copy: UntypedResult; getBooleanCondition: UntypedResult; getRanges: UntypedResult }
  >
>;

export type EmbeddedChartImplementsEmbeddedChart = Expect<
  Implements<
    EmbeddedChartImpl,
    S.EmbeddedChart,
    {
      getRanges: UntypedResult;
      getOptions: UntypedResult;
      getContainerInfo: UntypedResult;
      getMergeStrategy: UntypedResult;
      getHiddenDimensionStrategy: UntypedResult;
      modify: UntypedResult;
      getId: OlderApi;
      getType: OlderApi;
    }
  >
>;
