/**
 * Reads a participant register from a CSV or XLSX file into raw rows (the first row is the header),
 * with the same value types the add-in reads from a sheet: text as strings, numbers as numbers,
 * dates as Dates. The core then normalises them exactly as it does for a sheet.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
/** exceljs is loaded only for an XLSX file: a CSV run needs none of its ~28 MB. */
const loadExcelJs = async () => (await import('exceljs')).default;

export type RawValue = string | number | boolean | Date;

export interface RawTable {
  /** The first non-empty row of the file (or first worksheet); [] for an empty file. */
  header: RawValue[];
  /** The rows below the header, blank rows kept (so row numbers hold), trailing blank rows dropped. */
  data: RawValue[][];
  /** 1-based row number of data[0] in the file (a CSV record counts as one row, as a spreadsheet shows it). */
  firstRow: number;
  /** What was read, e.g. "CSV (;)" or "XLSX, lembar / sheet \"Peserta\"". */
  source: string;
  /** What the reader had to assume (an encoding other than UTF-8): printed before the report. */
  warnings: string[];
}

export const isBlankRow = (row: readonly RawValue[]): boolean =>
  row.every((v) => v === '' || (typeof v === 'string' && v.trim() === ''));

/** Splits file rows (index 0 = row 1) into header and data. */
export function toTable(rows: RawValue[][], source: string, warnings: string[] = []): RawTable {
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  if (headerIndex < 0) return { header: [], data: [], firstRow: 2, source, warnings };
  let end = rows.length;
  while (end > headerIndex + 1 && isBlankRow(rows[end - 1])) end--;
  return {
    header: rows[headerIndex],
    data: rows.slice(headerIndex + 1, end),
    firstRow: headerIndex + 2,
    source,
    warnings,
  };
}

/** A file that cannot be read as a participant register; the CLI exits with code 2. */
export class ReadError extends Error {}

export async function readTable(path: string): Promise<RawTable> {
  const ext = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReadError(
      code === 'ENOENT'
        ? `Berkas tidak ditemukan / file not found: ${path}`
        : `Berkas tidak dapat dibaca / cannot read file: ${path} (${code ?? (e as Error).message})`,
    );
  }
  if (ext === '.csv' || ext === '.txt') return readCsv(bytes);
  if (ext === '.xlsx') return readXlsx(bytes);
  throw new ReadError(
    `Jenis berkas tidak dikenal / unsupported file type "${ext || '(none)'}": pakai .csv atau .xlsx / use .csv or .xlsx`,
  );
}

/** The delimiter of a CSV: ";" (Excel in Indonesian locale) or "," — whichever the header line has more of, outside quotes. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Signatures of files that are not text, with what to do instead. */
const NOT_TEXT: { magic: number[]; what: string }[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    what: 'berkas ZIP/XLSX, bukan CSV: beri akhiran .xlsx / a ZIP or XLSX file: name it .xlsx',
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'format Excel lama (.xls): simpan sebagai .xlsx atau .csv / old Excel format (.xls): save as .xlsx or .csv',
  },
  {
    magic: [0x25, 0x50, 0x44, 0x46],
    what: 'berkas PDF / a PDF file: ekspor datanya ke .csv / export the data to .csv',
  },
];

/** An encoding decided from a file's first bytes: UTF-16 by BOM or zero bytes, else UTF-8 to try. */
export interface Sniffed {
  encoding: 'UTF-8' | 'UTF-16 LE' | 'UTF-16 BE';
  /** Bytes of BOM to skip before decoding. */
  skip: number;
  /** Whether the encoding was seen (UTF-16) or is only a try (UTF-8, else Windows-1252). */
  sure: boolean;
}

/** How many first bytes sniffEncoding looks at. */
export const SNIFF_BYTES = 4096;

/**
 * The encoding of a CSV from its first bytes (SNIFF_BYTES of them, or the whole file):
 * UTF-16 by its BOM or by the zero bytes of ASCII text, else UTF-8 to try. Binary content is
 * refused with what it looks like, never echoed.
 */
export function sniffEncoding(head: Uint8Array): Sniffed {
  for (const { magic, what } of NOT_TEXT)
    if (magic.every((b, i) => head[i] === b)) throw new ReadError(`Bukan CSV / not a CSV: ${what}.`);
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'UTF-16 LE', skip: 2, sure: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'UTF-16 BE', skip: 2, sure: true };
  const sample = head.subarray(0, SNIFF_BYTES);
  const zeros = [0, 1].map((parity) => sample.filter((b, i) => i % 2 === parity && b === 0).length);
  const half = sample.length / 2;
  if (half >= 2 && zeros[1] > half * 0.6) return { encoding: 'UTF-16 LE', skip: 0, sure: true };
  if (half >= 2 && zeros[0] > half * 0.6) return { encoding: 'UTF-16 BE', skip: 0, sure: true };
  const controls = sample.filter((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d).length;
  if (controls > 0 && controls >= sample.length * 0.05)
    throw new ReadError(
      'Bukan berkas teks / not a text file: isinya biner / its content is binary. Pakai .csv atau .xlsx / use .csv or .xlsx.',
    );
  return { encoding: 'UTF-8', skip: 0, sure: false };
}

/** TextDecoder's label of an encoding name. */
export const DECODER_LABEL: Record<string, string> = {
  'UTF-8': 'utf-8',
  'UTF-16 LE': 'utf-16le',
  'UTF-16 BE': 'utf-16be',
  'Windows-1252': 'windows-1252',
};

/**
 * The text of a CSV file: UTF-8 (with or without BOM), UTF-16 (by its BOM, or by the zero bytes
 * of ASCII text), else Windows-1252 (what Excel writes as "CSV" on Windows), said in a warning.
 * Binary content is refused with what it looks like, never echoed.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  const { encoding, skip, sure } = sniffEncoding(bytes);
  if (sure) return { text: new TextDecoder(DECODER_LABEL[encoding]).decode(bytes.subarray(skip)), encoding };
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''),
      encoding: 'UTF-8',
    };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

/** What the reader says about an encoding other than UTF-8 (printed before the report). */
export function encodingWarnings(encoding: string): string[] {
  if (encoding === 'UTF-8') return [];
  return [
    encoding === 'Windows-1252'
      ? 'Berkas bukan UTF-8: dibaca sebagai Windows-1252 (Latin-1); periksa huruf seperti é / not UTF-8: read as Windows-1252 (Latin-1); check letters such as é. Simpan sebagai "CSV UTF-8" / save as "CSV UTF-8".'
      : `Berkas ${encoding}: dibaca / read as ${encoding}.`,
  ];
}

/** csv-parse's options for every CSV the add-in's tools read (whole file or stream). */
export const CSV_OPTIONS = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
} as const;

/** The records of a CSV file as text, with its delimiter and encoding (shared with the workbench's import). */
export function parseCsv(bytes: Buffer): { records: string[][]; delimiter: ';' | ','; encoding: string } {
  const { text: decoded, encoding } = decodeCsv(bytes);
  const text = decoded.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  try {
    const records = parse(text, { delimiter, ...CSV_OPTIONS }) as string[][];
    return { records, delimiter, encoding };
  } catch (e) {
    throw new ReadError(`CSV tidak dapat dibaca / cannot parse CSV: ${(e as Error).message}`);
  }
}

export function readCsv(bytes: Buffer): RawTable {
  const { records, delimiter, encoding } = parseCsv(bytes);
  return toTable(records, `CSV (${delimiter}, ${encoding})`, encodingWarnings(encoding));
}

/** Every worksheet of an XLSX file with its rows (index 0 = row 1; shared with the workbench's import). */
export async function xlsxSheets(bytes: Buffer): Promise<{ name: string; rows: RawValue[][] }[]> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError(`XLSX tidak dapat dibaca / cannot read XLSX: ${(e as Error).message}`);
  }
  return workbook.worksheets.map((sheet) => {
    const rows: RawValue[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: RawValue[] = [];
      for (let c = 1; c <= width; c++) values.push(cellValue(row.getCell(c)));
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = values;
    });
    return { name: sheet.name, rows };
  });
}

export async function readXlsx(bytes: Buffer): Promise<RawTable> {
  const sheet = (await xlsxSheets(bytes))[0];
  if (!sheet) throw new ReadError('XLSX tanpa lembar kerja / XLSX has no worksheet');
  return toTable(sheet.rows, `XLSX, lembar / sheet "${sheet.name}"`);
}

/** A cell as Sheets' getValues() would give it: numbers, booleans and Dates as such, anything else as its text. */
export function cellValue(cell: ExcelJS.Cell): RawValue {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object' && 'result' in v) {
    // A formula: its cached result.
    const r = (v as ExcelJS.CellFormulaValue).result;
    if (typeof r === 'number' || typeof r === 'boolean' || typeof r === 'string' || r instanceof Date)
      return r;
    return '';
  }
  if (typeof v === 'object' && 'error' in v) return '';
  // Rich text, hyperlinks: the displayed text.
  return cell.text ?? '';
}
