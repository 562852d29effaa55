/**
 * Disability of a register row: a yes/no column, the six Washington Group columns, or both. A
 * "yes" from either wins (a severe difficulty is a disability even when the yes/no column says
 * no); then a "no" from either; else unknown.
 */
import { cleanText } from './cell-text';
import { parseDisabilityAnswer, washingtonGroup } from './disability';
import { WG_FIELDS, type ParticipantField } from './model';
import type { ValueSource } from './provenance';
import type { RowCells } from './row-cells';

export function readDisability(cells: RowCells): boolean | null {
  return readDisabilitySourced(cells).value;
}

/** What readDisabilitySourced reads a row with; the normaliser memoises `answer` and lists the columns once. */
export interface DisabilityReaders {
  /** The yes/no column's cell (raw) → its answer. */
  answer: (raw: unknown, cells: RowCells) => boolean | null;
  /** The Washington Group columns the register has; undefined: look them up in the row. */
  wgFields?: readonly ParticipantField[];
}
const DISABILITY_CELLS: DisabilityReaders = {
  answer: (raw, cells) => parseDisabilityAnswer(cleanText(raw, 60, cells.timeZone)),
};

/** readDisability with where the answer came from: the yes/no column, or the Washington Group. */
export function readDisabilitySourced(
  cells: RowCells,
  read: DisabilityReaders = DISABILITY_CELLS,
  /** Filled and returned instead of a new object (the normaliser's, reused row after row). */
  into?: { value: boolean | null; source: ValueSource },
): { value: boolean | null; source: ValueSource } {
  const stated = cells.has('disability') ? read.answer(cells.at('disability'), cells) : null;
  const wgFields = read.wgFields ?? WG_FIELDS.filter((field) => cells.has(field));
  const wg = wgFields.length > 0 ? washingtonGroup(wgFields.map((field) => cells.text(field, 60))) : null;
  const value = stated === true || wg === true ? true : stated === false || wg === false ? false : null;
  const source: ValueSource = value === null ? 'unknown' : stated === value ? 'read' : 'washingtonGroup';
  if (!into) return { value, source };
  into.value = value;
  into.source = source;
  return into;
}
