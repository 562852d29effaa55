/**
 * Constructors of the emulated objects that others lower down hand out: a Range gives its Sheet,
 * a Sheet its Spreadsheet, a Protection, a rule or a chart its Ranges, developer metadata its
 * Sheet or Spreadsheet. range.ts, sheet.ts and spreadsheet.ts register theirs here when they load,
 * so the imports between the services run one way only: spreadsheet → sheet → range → the rest.
 * (globals.ts loads them all before a script runs.)
 */
import type { GridRect, SheetState } from '../model';
import type { Execution } from './context';

export interface Factories {
  range(ctx: Execution, sheet: SheetState, rect: GridRect): GoogleAppsScript.Spreadsheet.Range;
  sheet(ctx: Execution, sheet: SheetState): GoogleAppsScript.Spreadsheet.Sheet;
  spreadsheet(ctx: Execution): GoogleAppsScript.Spreadsheet.Spreadsheet;
}

const registered: Partial<Factories> = {};

export function register(factories: Partial<Factories>): void {
  Object.assign(registered, factories);
}

function registeredFactory<K extends keyof Factories>(kind: K): Factories[K] {
  const factory = registered[kind];
  if (!factory) throw new Error(`Workbench: services/${kind}.ts is not loaded`);
  return factory;
}

/** The registered constructors. */
export const make: Factories = {
  range: (ctx, sheet, rect) => registeredFactory('range')(ctx, sheet, rect),
  sheet: (ctx, sheet) => registeredFactory('sheet')(ctx, sheet),
  spreadsheet: (ctx) => registeredFactory('spreadsheet')(ctx),
};
