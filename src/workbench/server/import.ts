/**
 * File → Impor of a CSV into a new sheet, as Sheets does with "Sisipkan sheet baru" and
 * "Konversikan teks menjadi angka, tanggal, dan rumus" (its defaults): the separator detected
 * ("," or ";"), UTF-8 with or without BOM (other encodings as the CLI reads them), every field
 * typed into its cell, so parsed with Sheets' rules for the spreadsheet's locale. The file is read
 * by the CLI's reader (src/cli/read-file.ts, csv-parse); the sheet is made through the emulation
 * (Workbench.actAsPerson), so its name rules and cell limit apply. POST /api/import?name=<sheet>.
 * An .xlsx (known by its ZIP signature) is read with exceljs: {@link importXlsx}.
 */
import { parseCsv, ReadError, xlsxSheets, type RawValue } from '../../cli/read-file';
import { HttpError } from './errors';
import { asPerson, type PersonActor } from './person';

export interface ImportResult {
  sheet: string;
  rows: number;
  columns: number;
  delimiter: ';' | ',';
  encoding: string;
}

export { readBodyBytes } from './requests';

/** A ZIP file (an .xlsx) by its signature. */
export const isXlsx = (bytes: Buffer): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The worksheets of an .xlsx (read before the write, which waits in the server's queue). */
export async function readXlsxSheets(bytes: Buffer): Promise<{ name: string; rows: RawValue[][] }[]> {
  try {
    const sheets = await xlsxSheets(bytes);
    if (sheets.length === 0) throw new ReadError('XLSX tanpa lembar kerja / XLSX has no worksheet');
    return sheets;
  } catch (e) {
    if (e instanceof ReadError) throw new HttpError(400, e.message);
    throw e;
  }
}

/**
 * Imports an .xlsx's worksheets as new sheets at the end: one worksheet → sheet `name`, several
 * → `<name> - <worksheet>` each. Values keep their types (numbers, booleans, dates; text stays
 * text, never parsed); a formula comes in as its last computed result, and formats are not
 * imported (Sheets keeps both: this import is simpler than Sheets'). The first new sheet becomes
 * the active sheet.
 */
export function importXlsx(
  actor: PersonActor,
  name: string,
  sheets: { name: string; rows: RawValue[][] }[],
): ImportResult[] {
  const tables = sheets.map((ws) => ({
    name: sheets.length === 1 ? name : `${name} - ${ws.name}`,
    values: ws.rows.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v))),
  }));
  return asPerson(actor, (app) => {
    const spreadsheet = app.getActiveSpreadsheet();
    const results = tables.map((t) => {
      const values = padded(t.values, '' as RawValue);
      writeNewSheet(spreadsheet, t.name, values);
      return { sheet: t.name, rows: values.length, columns: values[0]?.length ?? 0 };
    });
    const first = spreadsheet.getSheetByName(tables[0].name);
    if (first) spreadsheet.setActiveSheet(first);
    return results.map((r) => ({ ...r, delimiter: ',' as const, encoding: 'XLSX' }));
  });
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows of equal width (the widest), trailing blank rows dropped. */
function padded<T>(rows: T[][], blank: T): T[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((v) => v === blank)) end--;
  const kept = rows.slice(0, end);
  const columns = kept.reduce((m, r) => Math.max(m, r.length), 0);
  if (columns === 0) return [];
  return kept.map((r) => [...r, ...Array<T>(columns - r.length).fill(blank)]);
}

/** A new sheet at the end holding `values` (grown to fit them). */
function writeNewSheet(spreadsheet: Spreadsheet, name: string, values: unknown[][]): void {
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  const columns = values[0]?.length ?? 0;
  if (values.length === 0 || columns === 0) return;
  if (values.length > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  if (columns > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  sheet.getRange(1, 1, values.length, columns).setValues(values);
}

/** Imports the CSV `bytes` into a new sheet `name` at the end, which becomes the active sheet. */
export function importCsv(actor: PersonActor, name: string, bytes: Buffer): ImportResult {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(bytes);
  } catch (e) {
    if (e instanceof ReadError) throw new HttpError(400, e.message);
    throw e;
  }
  const { records, delimiter, encoding } = parsed;
  const values = padded(records, '');
  asPerson(actor, (app) => writeNewSheet(app.getActiveSpreadsheet(), name, values));
  return { sheet: name, rows: values.length, columns: values[0]?.length ?? 0, delimiter, encoding };
}
