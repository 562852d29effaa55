import type { ParticipantField, QualityFinding } from '../../../src/core/terpilah/model';
import { rowCells, type RowCells } from '../../../src/core/terpilah/row-cells';

export const MALE_NIK = '1971011205900001'; // Pangkalpinang, born 12-05-1990, L
export const FEMALE_NIK = '1971015205900002'; // born 12-05-1990, P (day + 40)
export const FEMALE_NIP = '199005122015032001'; // born 1990-05-12, P
export const MALE_NIP = '196507131992031002'; // born 1965-07-13, L

/** One register row with a column per given field (in the order given), as a reader sees it. */
export function cellsOf(
  values: Partial<Record<ParticipantField, unknown>>,
  options: { row?: number; reference?: string; timeZone?: string } = {},
): { cells: RowCells; quality: QualityFinding[] } {
  const fields = Object.keys(values) as ParticipantField[];
  const quality: QualityFinding[] = [];
  const cells = rowCells(
    fields.map((field) => values[field]),
    Object.fromEntries(fields.map((field, i) => [field, i])),
    {
      row: options.row ?? 7,
      reference: options.reference ?? '2024-06-01',
      timeZone: options.timeZone ?? 'Asia/Jakarta',
      quality,
    },
  );
  return { cells, quality };
}

export const codes = (quality: QualityFinding[]) => quality.map((q) => q.code);
