/**
 * The sheet `Satu Data: <kegiatan|Semua kegiatan>`: a title, the metadata block (label | value),
 * then the table (header + one row per dimension value). Regenerated whole; values are plain:
 * the sheet writer (applyPlan) keeps text Sheets would reinterpret ("19.01", "2026", "0-4")
 * literal, so codes and periods stay text and counts are numbers.
 */
import type { CellStyle, PlanRect, SheetPlan } from '../plan/plan';
import { GridBuilder } from '../plan/plan';
import { reportPlan } from '../plan/report-plan';
import { HEADER } from '../plan/styles';
import type { MetadataElement } from './satu-data-metadata';
import { SATU_DATA_COLUMNS, satuDataCells, type SatuDataRow } from './satu-data';

export const SATU_DATA_PREFIX = 'Satu Data: ';
export const SATU_DATA_TITLE = 'DATA TERPILAH — FORMAT SATU DATA INDONESIA';
export const METADATA_TITLE = 'METADATA';
export const TABLE_TITLE = 'DATA';

const WIDTHS = [90, 170, 80, 200, 130, 230, 80, 80, 90, 80];
const COUNT: CellStyle = { horizontalAlignment: 'right', numberFormat: '#,##0' };
const LABEL: CellStyle = { fontWeight: 'bold', verticalAlignment: 'top' };
const VALUE: CellStyle = { wrap: false, verticalAlignment: 'top' };
const SECTION: CellStyle = { fontWeight: 'bold', fontSize: 12, background: '#dbe8f7' };

/** Where the table starts: tests and readers find the header row by it. */
export interface SatuDataLayout {
  plan: SheetPlan;
  /** 1-based row of the table's header. */
  headerRow: number;
}

export function satuDataSheetPlan(
  sheetName: string,
  metadata: readonly MetadataElement[],
  rows: readonly SatuDataRow[],
): SatuDataLayout {
  const grid = new GridBuilder(SATU_DATA_COLUMNS.length);
  const tables: PlanRect[] = [];
  grid.set(1, 1, SATU_DATA_TITLE, { fontWeight: 'bold', fontSize: 14 });
  grid.set(3, 1, METADATA_TITLE, SECTION);
  grid.style(3, 2, SECTION, 1, SATU_DATA_COLUMNS.length - 1);
  metadata.forEach((element, i) => {
    grid.set(4 + i, 1, element.label, LABEL);
    grid.set(4 + i, 3, element.value, VALUE);
  });
  const sectionRow = 4 + metadata.length + 1;
  grid.set(sectionRow, 1, TABLE_TITLE, SECTION);
  grid.style(sectionRow, 2, SECTION, 1, SATU_DATA_COLUMNS.length - 1);
  const headerRow = sectionRow + 1;
  SATU_DATA_COLUMNS.forEach((header, c) => grid.set(headerRow, c + 1, header, HEADER));
  rows.forEach((row, i) =>
    satuDataCells(row).forEach((value, c) => grid.set(headerRow + 1 + i, c + 1, value, c >= 6 ? COUNT : {})),
  );
  tables.push({ row: headerRow, column: 1, numRows: rows.length + 1, numColumns: SATU_DATA_COLUMNS.length });
  const built = grid.build();
  return {
    plan: reportPlan({
      sheetName,
      values: built.values,
      styles: built.styles,
      tables,
      widths: WIDTHS,
      description:
        'Data terpilah format Satu Data: dibuat add-on SOP & Data Terpilah dari data peserta; dibuat ulang dari menu.',
    }),
    headerRow,
  };
}
