/**
 * Disability of a register row: a yes/no column, the six Washington Group columns, or both. A
 * "yes" from either wins (a severe difficulty is a disability even when the yes/no column says
 * no); then a "no" from either; else unknown.
 */
import { parseDisabilityAnswer, washingtonGroup } from './disability';
import { WG_FIELDS } from './model';
import type { ValueSource } from './provenance';
import type { RowCells } from './row-cells';

export function readDisability(cells: RowCells): boolean | null {
  return readDisabilitySourced(cells).value;
}

/** readDisability with where the answer came from: the yes/no column, or the Washington Group. */
export function readDisabilitySourced(cells: RowCells): { value: boolean | null; source: ValueSource } {
  const stated = cells.has('disability') ? parseDisabilityAnswer(cells.text('disability', 60)) : null;
  const wgFields = WG_FIELDS.filter((field) => cells.has(field));
  const wg = wgFields.length > 0 ? washingtonGroup(wgFields.map((field) => cells.text(field, 60))) : null;
  const value = stated === true || wg === true ? true : stated === false || wg === false ? false : null;
  const source: ValueSource = value === null ? 'unknown' : stated === value ? 'read' : 'washingtonGroup';
  return { value, source };
}
