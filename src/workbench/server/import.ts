/**
 * File → Impor of a CSV into a new sheet, as Sheets does with "Sisipkan sheet baru" and
 * "Konversikan teks menjadi angka, tanggal, dan rumus" (its defaults): the separator detected
 * ("," or ";"), UTF-8 with or without BOM (other encodings as the CLI reads them), every field
 * typed into its cell, so parsed with Sheets' rules for the spreadsheet's locale. The file is read
 * by the CLI's reader (src/cli/read-file.ts, csv-parse); the sheet is made through the emulation
 * (Workbench.actAsPerson), so its name rules and cell limit apply. POST /api/import?name=<sheet>.
 */
import type * as http from 'node:http';
import { parseCsv, ReadError } from '../../cli/read-file';
import { HttpError } from './errors';
import { asPerson, type PersonActor } from './person';

export interface ImportResult {
  sheet: string;
  rows: number;
  columns: number;
  delimiter: ';' | ',';
  encoding: string;
}

/** The request body as bytes (a CSV need not be UTF-8), at most `max` bytes (413 beyond). */
export function readBodyBytes(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > max) {
        failed = true;
        reject(new HttpError(413, `Request body larger than ${max} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
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
  let end = records.length;
  while (end > 0 && records[end - 1].every((v) => v === '')) end--;
  const rows = records.slice(0, end);
  const columns = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values = rows.map((r) => [...r, ...Array<string>(columns - r.length).fill('')]);
  asPerson(actor, (app) => {
    const spreadsheet = app.getActiveSpreadsheet();
    const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
    if (values.length === 0 || columns === 0) return;
    if (values.length > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
    if (columns > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
    sheet.getRange(1, 1, values.length, columns).setValues(values);
  });
  return { sheet: name, rows: values.length, columns, delimiter, encoding };
}
