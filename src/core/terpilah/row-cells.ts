/**
 * One register row as the field readers see it: its cells by field, the date ages are computed
 * at, the spreadsheet's zone, and where findings go. Readers never index columns themselves, so
 * a reader can be tested with a row of two cells.
 */
import { cleanText, quote, TEXT_CAP } from './cell-text';
import { FIELD_LABELS } from './headers';
import type { ColumnMapping, ParticipantField, QualityCode, QualityFinding } from './model';
import { maskNiksIn } from '../privacy/mask-nik';

export interface RowCells {
  /** The sheet row (1-based), named in every finding. */
  row: number;
  /** ISO date at which ages are computed (the activity's date). */
  reference: string;
  timeZone: string;
  /** Whether the register has a column for the field. */
  has(field: ParticipantField): boolean;
  /** The raw cell; undefined when the field has no column. */
  at(field: ParticipantField): unknown;
  /** The cell as clean text (cleanText), Date cells as their day in the zone. */
  text(field: ParticipantField, cap?: number): string;
  /** A cell quoted in a message: short and NIK-masked. */
  quote(value: unknown): string;
  /** Records a finding "Baris <row>: <text>" (NIK-masked) on the field's column. */
  flag(code: QualityCode, field: ParticipantField | null, text: string): void;
}

export function rowCells(
  values: readonly unknown[],
  columns: ColumnMapping,
  context: { row: number; reference: string; timeZone: string; quality: QualityFinding[] },
): RowCells {
  const { row, reference, timeZone, quality } = context;
  const at = (field: ParticipantField): unknown => {
    const c = columns[field];
    return c === undefined ? undefined : values[c];
  };
  return {
    row,
    reference,
    timeZone,
    has: (field) => columns[field] !== undefined,
    at,
    text: (field, cap = TEXT_CAP) => cleanText(at(field), cap, timeZone),
    quote: (value) => quote(value, timeZone),
    flag: (code, field, text) =>
      quality.push({
        row,
        ...(field ? { column: FIELD_LABELS[field] } : {}),
        code,
        message: maskNiksIn(`Baris ${row}: ${text}`),
      }),
  };
}
