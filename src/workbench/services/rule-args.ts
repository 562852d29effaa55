/**
 * How builders keep their criteria arguments: Dates copied, Ranges as { sheet, rect } (specs are
 * plain data, model.ts), arrays copied; and how they give them back to the script.
 */
import type { GridRect } from '../model';
import { isDate } from '../format/display';
import type { Execution } from './context';
import { unwrap } from './counter';
import { RangeBase } from './range-base';
import { make } from './registry';

export interface RangeRef {
  sheet: string;
  rect: GridRect;
}

function isRangeRef(v: unknown): v is RangeRef {
  return !!v && typeof v === 'object' && 'sheet' in v && 'rect' in v;
}

/** The Range behind a script's argument; anything else throws `message`. */
export function rangeArg(ctx: Execution, v: unknown, message = 'Workbench: expected a Range'): RangeBase {
  const r = unwrap(v);
  if (!(r instanceof RangeBase)) throw ctx.exception(message);
  return r;
}

export function rangeRef(ctx: Execution, v: unknown): RangeRef {
  const r = rangeArg(ctx, v);
  return { sheet: r._sheet.name, rect: { ...r._rect } };
}

export function rangeFromRef(ctx: Execution, ref: RangeRef): unknown {
  const sheet = ctx.state.sheets.find((s) => s.name === ref.sheet);
  return sheet ? make.range(ctx, sheet, { ...ref.rect }) : null;
}

/** Store a criteria argument: Dates copied, Ranges as refs, arrays copied. */
export function storeArg(ctx: Execution, v: unknown): unknown {
  if (isDate(v)) return new Date(v.getTime());
  if (unwrap(v) instanceof RangeBase) return rangeRef(ctx, v);
  if (Array.isArray(v)) return v.map((x) => storeArg(ctx, x));
  return v;
}

/** Give a stored argument back to the script. */
export function loadArg(ctx: Execution, v: unknown): unknown {
  if (isDate(v)) return ctx.date(v.getTime());
  if (isRangeRef(v)) return rangeFromRef(ctx, v);
  if (Array.isArray(v)) return v.map((x) => loadArg(ctx, x));
  return v;
}
