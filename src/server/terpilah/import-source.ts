/**
 * Reading an import's source (a form's responses, a list made by hand): the header row, found in
 * the first rows, and the cells of the columns the import needs — the mapped ones, then those its
 * earlier fingerprints name (core/terpilah/import-fingerprint.ts) — never a form's Timestamp or
 * unmapped answers otherwise. A few calls whatever the rows: one RangeList of column blocks.
 */
import { t, type Language } from '../../core/i18n';
import { columnToLetters } from '../../core/plan/a1';
import { checkedMapping, findHeaderRow, type ImportSource } from '../../core/terpilah/import';
import { mappedColumns } from '../../core/terpilah/import-fingerprint';
import type { ColumnMapping } from '../../core/terpilah/model';
import { CELLS_PER_ROUND_TRIP, rowBlocks, type RowBlock } from '../../core/terpilah/read-plan';
import { UserError } from '../sheets/errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The header is looked for in the source's first rows (core findHeaderRow's search). */
const HEADER_ROWS = 10;

/** A source being imported: its data rows, holding the cells of the columns read so far. */
export interface SourceRead {
  name: string;
  sheet: Sheet;
  mapping: ColumnMapping;
  /** Columns of the source's data range. */
  width: number;
  /** The sheet row (1-based) of rows[0], below the header row. */
  firstRow: number;
  /** One per data row, `width` cells: "" where a column was not read. */
  rows: unknown[][];
  read: Set<number>;
}

/**
 * The source's header row (found in the first rows) and the cells of its mapped columns.
 * `beforeReading`: given the source's rows and the columns to read before any cell is read (the
 * size guard throws there).
 */
export function readSource(
  sheet: Sheet,
  name: string,
  requestedMapping: unknown,
  language: Language,
  beforeReading: (rows: number, columns: number) => void = () => undefined,
): SourceRead {
  const data = sheet.getDataRange();
  const lastRow = data.getNumRows();
  const width = data.getNumColumns();
  const mapping = checkedMapping(requestedMapping, width);
  const columns = mappedColumns(mapping);
  beforeReading(lastRow, columns.length);
  const headerRows = Math.min(lastRow, HEADER_ROWS);
  // The header rows and the mapped columns in one getRangeList (the mapped columns from row 1: the
  // header's rows among them cost a few cells, a separate list a round trip) — or, for a small
  // source, every cell in one read, which then costs less than the round trips it saves.
  const blocks = rowBlocks(columns, lastRow);
  const blockCells = headerRows * width + blocks.reduce((n, block) => n + block.count, 0) * lastRow;
  const whole = width * lastRow <= blockCells + (1 + blocks.length) * CELLS_PER_ROUND_TRIP;
  const ranges = whole
    ? [data]
    : sheet
        .getRangeList([`A1:${columnToLetters(width)}${headerRows}`, ...blocks.map(columnsA1(lastRow))])
        .getRanges();
  const first = ranges[0].getValues();
  const { headerIndex } = headerOf(name, first.slice(0, headerRows), language);
  const firstRow = headerIndex + 2;
  const rows = Array.from({ length: Math.max(0, lastRow - firstRow + 1) }, () =>
    new Array<unknown>(width).fill(''),
  );
  const source: SourceRead = { name, sheet, mapping, width, firstRow, rows, read: new Set() };
  if (whole) fillColumns(source, { first: 0, count: width }, first);
  else blocks.forEach((block, i) => fillColumns(source, block, ranges[i + 1].getValues()));
  return source;
}

/** Reads more columns of the source into its rows (none: no call). */
export function readColumns(source: SourceRead, columns: number[]): void {
  if (columns.length === 0 || source.rows.length === 0) return;
  const lastRow = source.firstRow + source.rows.length - 1;
  const blocks = rowBlocks(columns, lastRow);
  const ranges = source.sheet.getRangeList(blocks.map(columnsA1(lastRow))).getRanges();
  blocks.forEach((block, i) => fillColumns(source, block, ranges[i].getValues()));
}

/** "B1:G50001": columns block.first… from row 1 to `lastRow`. */
const columnsA1 =
  (lastRow: number) =>
  (block: RowBlock): string =>
    `${columnToLetters(block.first + 1)}1:${columnToLetters(block.first + block.count)}${lastRow}`;

/** A block's values (read from row 1) into the source's rows, at their column index. */
function fillColumns(source: SourceRead, block: RowBlock, values: unknown[][]): void {
  const skip = source.firstRow - 1;
  for (let r = 0; r < source.rows.length; r++) {
    const from = values[skip + r];
    const row = source.rows[r];
    for (let k = 0; k < block.count; k++) row[block.first + k] = from[k];
  }
  for (let k = 0; k < block.count; k++) source.read.add(block.first + k);
}

/** The first recognisable header row among `values`, or a refusal saying what was found. */
export function headerOf(name: string, values: unknown[][], language: Language): ImportSource {
  const found = findHeaderRow(name, values);
  if ('notFound' in found)
    throw new UserError(
      t(language, 'importHeaderNotRecognised', {
        sheet: name,
        found: found.notFound || t(language, 'importFoundNothing'),
      }),
    );
  return found;
}
