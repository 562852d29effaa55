/**
 * The Satu Data export as files (the CLI's `--satu-data <dir>`): the table as CSV (RFC 4180,
 * comma, CRLF, UTF-8 with a BOM so Excel reads "–" right) and its metadata as JSON — the open,
 * machine-readable formats Satu Data's interoperability principle asks for. A text cell starting
 * with = + - @ gets a leading apostrophe so a spreadsheet opening the CSV shows it rather than
 * running it as a formula (OWASP "CSV injection").
 */
import { SATU_DATA_COLUMNS, satuDataCells, type SatuDataRow } from './satu-data';
import { SATU_DATA_VARIABLES, STANDARDS, type MetadataElement } from './satu-data-metadata';

export const CSV_FILE = 'satu-data.csv';
export const METADATA_FILE = 'satu-data.metadata.json';

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function satuDataCsv(rows: readonly SatuDataRow[]): string {
  const lines = [SATU_DATA_COLUMNS.map(csvField).join(',')];
  for (const row of rows) lines.push(satuDataCells(row).map(csvField).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function satuDataMetadataJson(metadata: readonly MetadataElement[], rowCount: number): string {
  return (
    JSON.stringify(
      {
        standar: STANDARDS,
        berkasData: CSV_FILE,
        jumlahBaris: rowCount,
        metadata: Object.fromEntries(metadata.map((m) => [m.key, m.value])),
        label: Object.fromEntries(metadata.map((m) => [m.key, m.label])),
        variabel: SATU_DATA_VARIABLES,
      },
      null,
      2,
    ) + '\n'
  );
}
