/**
 * What a sheet's rules say about one cell, for the grid: the conditional format that applies
 * (simple rules only: the workbench does not evaluate formulas) and the protection over it.
 */
import type { Cell, CellFormat, ConditionalRuleSpec, GridRect, ProtectionSpec } from '../model';

export const inRect = (r: GridRect, row: number, col: number): boolean =>
  row >= r.row && row < r.row + r.numRows && col >= r.column && col < r.column + r.numColumns;

export function isBlank(c: Cell | null | undefined): boolean {
  return !c || c.value === '' || c.value === null || c.value === undefined;
}

/** The first format of a simple (non-formula) conditional rule that matches a value. */
export function conditionalFormat(
  rules: ConditionalRuleSpec[],
  row: number,
  col: number,
  cell: Cell | null,
): CellFormat | null {
  for (const rule of rules) {
    if (!rule.ranges.some((r) => inRect(r, row, col))) continue;
    if (matches(rule.condition, cell)) return rule.format;
  }
  return null;
}

function matches(cond: { type: string; args: unknown[] }, cell: Cell | null): boolean {
  const v = cell?.value;
  const blank = isBlank(cell);
  const num = typeof v === 'number' ? v : NaN;
  const a = Number(cond.args[0]);
  const b = Number(cond.args[1]);
  const text = v === undefined || v === null ? '' : String(v).toLowerCase();
  const arg = String(cond.args[0] ?? '').toLowerCase();
  switch (cond.type) {
    case 'CELL_EMPTY':
      return blank;
    case 'CELL_NOT_EMPTY':
      return !blank;
    case 'NUMBER_GREATER_THAN':
      return num > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num >= a;
    case 'NUMBER_LESS_THAN':
      return num < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num <= a;
    case 'NUMBER_EQUAL_TO':
      return num === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(num) && num !== a;
    case 'NUMBER_BETWEEN':
      return num >= Math.min(a, b) && num <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN':
      return !Number.isNaN(num) && (num < Math.min(a, b) || num > Math.max(a, b));
    case 'TEXT_CONTAINS':
      return !blank && text.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg);
    case 'TEXT_STARTS_WITH':
      return !blank && text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return !blank && text.endsWith(arg);
    case 'TEXT_EQUAL_TO':
      return text === arg;
    default:
      return false; // custom formulas and dates are not evaluated by the workbench
  }
}

export function protectionAt(protections: ProtectionSpec[], row: number, col: number): ProtectionSpec | null {
  for (const p of protections) {
    if (p.type === 'RANGE' && p.range && inRect(p.range, row, col)) return p;
    if (p.type === 'SHEET' && !(p.unprotected ?? []).some((u) => inRect(u, row, col))) return p;
  }
  return null;
}
