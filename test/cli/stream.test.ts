/**
 * The streaming CLI against the whole-file path it replaced (the oracle: readTable → normaliseRows
 * → summariseAll, kept in read-file.ts for the workbench's import): the same tables, the same
 * digest of the findings (per type the count and the first rows: all the stream keeps) and
 * source for generated registers and for fast-check's messy rows in every encoding, read in
 * chunks small enough to cut records, quotes and characters in two. And the reader is a stream:
 * rows arrive while most of the file is still unread.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { HEADER, registerLines, writeRegister } from '../../bench/cli/generate';
import { matchHeaders } from '../../src/core/terpilah/headers';
import { normaliseRows } from '../../src/core/terpilah/normalise';
import { summariseAll } from '../../src/core/terpilah/summaries';
import { findingCount, qualityDigest } from '../../src/core/terpilah/quality-list';
import { reportSheetPlan } from '../../src/core/terpilah/report-sheet';
import type { TerpilahSummary } from '../../src/core/terpilah/model';
import { readTable } from '../../src/cli/read-file';
import { streamTable } from '../../src/cli/stream-table';
import { headerText, summariseFile } from '../../src/cli/summarise-file';
import { jsonSummary, run, toMaskedJson } from '../../src/cli/main';

const DATE = '2024-06-01';
const OPTIONS = { referenceDate: DATE, timeZone: 'Asia/Jakarta' };
let dir: string;
let files = 0;
const file = (ext: string) => join(dir, `f${files++}${ext}`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-stream-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A summary with its findings as their digest: what the streamed and whole-file paths share. */
const comparable = (summaries: TerpilahSummary[]) =>
  summaries.map(({ qualityCounts, ...s }) => ({
    ...s,
    quality: qualityDigest(s.quality, undefined, 'id', qualityCounts),
  }));

/** The whole-file path: what the CLI printed before it streamed. */
async function oracle(path: string) {
  const table = await readTable(path);
  const headers = table.header.map(headerText);
  const matched = matchHeaders(headers);
  const { participants, quality } = normaliseRows(table.data, matched.mapping, {
    ...OPTIONS,
    firstRow: table.firstRow,
  });
  return {
    source: table.source,
    warnings: table.warnings,
    headers,
    recognised: matched.recognised,
    summaries: comparable(matched.recognised ? summariseAll(participants, quality) : []),
    findings: matched.recognised ? quality.length : 0,
    participants: matched.recognised ? participants.length : 0,
  };
}

async function streamed(path: string, chunkSize?: number, sliceChars?: number) {
  const result = await summariseFile(path, OPTIONS, { chunkSize, sliceChars });
  return {
    source: result.found.source,
    warnings: result.found.warnings,
    headers: result.headers,
    recognised: result.matched?.recognised ?? false,
    summaries: comparable(result.summaries),
    findings: result.summaries[0]
      ? findingCount(result.summaries[0].quality, result.summaries[0].qualityCounts)
      : 0,
    participants: result.participants,
  };
}

describe('streaming ringkas = whole-file ringkas', () => {
  test.each([
    [200, 1, 97],
    [3000, 2, 4096],
    [12000, 3, undefined],
  ])('a generated register of %i rows (seed %i, chunks of %s bytes)', async (rows, seed, chunk) => {
    const path = file('.csv');
    await writeRegister(path, rows, seed);
    const expected = await oracle(path);
    expect(expected.participants).toBeGreaterThan(rows * 0.9);
    // More findings than the digest shows: the rest are counted, not kept.
    expect(expected.findings).toBeGreaterThan(rows > 1000 ? 100 : 0);
    expect(await streamed(path, chunk)).toEqual(expected);
  });

  test('the report sheet (--out) of the stream is the whole-file one: same counts, same rows shown', async () => {
    const path = file('.csv');
    await writeRegister(path, 6000, 7);
    const table = await readTable(path);
    const matched = matchHeaders(table.header.map(headerText));
    const { participants, quality } = normaliseRows(table.data, matched.mapping, {
      ...OPTIONS,
      firstRow: table.firstRow,
    });
    const whole = summariseAll(participants, quality);
    const stream = (await summariseFile(path, OPTIONS)).summaries;
    expect(findingCount(stream[0].quality, stream[0].qualityCounts)).toBe(quality.length);
    expect(stream[0].quality.length).toBeLessThan(quality.length); // only the first rows of each type are kept
    const at = '2024-06-01T10:00:00+07:00';
    expect(reportSheetPlan(stream, 'Laporan', at)).toEqual(reportSheetPlan(whole, 'Laporan', at));
  });

  test('the CLI prints the same JSON as the core on the whole file', async () => {
    const path = file('.csv');
    await writeRegister(path, 500, 4);
    let stdout = '';
    const code = await run(['ringkas', path, '--json', '--tanggal', DATE], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      now: () => new Date('2024-06-01T03:00:00Z'),
    });
    expect(code).toBe(0);
    const expected = await oracle(path);
    // NIKs are masked in the JSON: compare with the oracle's masked form.
    const whole = await readTable(path);
    const matched = matchHeaders(whole.header.map(headerText));
    const { participants, quality } = normaliseRows(whole.data, matched.mapping, {
      ...OPTIONS,
      firstRow: whole.firstRow,
    });
    expect(expected.findings).toBeGreaterThan(0);
    expect(JSON.parse(stdout).summaries).toEqual(
      JSON.parse(toMaskedJson(summariseAll(participants, quality).map(jsonSummary))),
    );
  });

  test('an XLSX register streamed gives the whole-file figures', async () => {
    const path = file('.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Peserta');
    sheet.addRow([]);
    sheet.addRow(HEADER);
    let n = 0;
    for (const line of registerLines(400, 5)) {
      const cells: (string | number | Date)[] = line.trimEnd().split(';');
      // As staff keep it: numbers as numbers, some birth dates as dates, a gap now and then.
      if (/^\d+$/.test(String(cells[0]))) cells[0] = Number(cells[0]);
      if (n % 3 === 0 && /^\d{4}-\d{2}-\d{2}$/.test(String(cells[5])))
        cells[5] = new Date(`${String(cells[5])}T00:00:00Z`);
      if (n++ % 50 === 7) sheet.addRow([]);
      sheet.addRow(cells);
    }
    await workbook.xlsx.writeFile(path);
    const expected = await oracle(path);
    expect(expected.participants).toBeGreaterThan(300);
    expect(await streamed(path, 1024)).toEqual(expected);
  });
});

/** Cells staff type, and what breaks CSV readers: quotes, delimiters, line breaks, accents, emoji. */
const CELL = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'L',
    'P',
    'Laki-laki',
    'perempuan',
    'Wanita',
    'x',
    '1971014505900001',
    '1971010112850003',
    '1971 0145 0590 0001',
    '19710145059',
    '1,97101E+15',
    '12/05/1990',
    '1990-05-12',
    '12 Mei 1990',
    'Pangkalpinang, 12 Mei 1990',
    '34',
    '34 tahun',
    '200',
    'Dinas Kesehatan',
    'dinas  kesehatan',
    'Bateng',
    'Kab. Bangka',
    'Ya',
    'Tidak',
    'Narasumber',
    'Kegiatan A',
    'Kegiatan B',
    'André',
    'Café Dinas',
    'Siti "Ani"',
    'a;b',
    'a,b',
    'line\nbreak',
    'crlf\r\nbreak',
    '😀 emoji',
    '\u200b',
  ),
  fc.string({ maxLength: 12 }),
);
const HEADERS = [
  'Kegiatan',
  'Nama',
  'Jenis Kelamin',
  'NIK',
  'Tanggal Lahir',
  'Umur',
  'Instansi',
  'Kabupaten',
];

function csvField(value: string, delimiter: string, quoteAll: boolean): string {
  return quoteAll || /[";,\r\n]/.test(value) || value.includes(delimiter)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'windows-1252'] as const;

function encode(text: string, encoding: (typeof ENCODINGS)[number]): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from('\uFEFF' + text, 'utf8');
  if (encoding === 'utf-16le-bom')
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  // Windows-1252: what latin1 can hold (emoji become "?"), so é is one byte that is not UTF-8.
  // eslint-disable-next-line no-control-regex
  return Buffer.from(text.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1');
}

describe('streaming ringkas on messy rows (fast-check)', () => {
  test('an unrecognised header in a file read whole: the quote left open at its end is still reported', async () => {
    // fast-check's counterexample (seed 1045118173): a blank first line makes "," the delimiter,
    // so the ";" header is one unknown column, and the row `;","` leaves a quote open.
    const path = file('.csv');
    writeFileSync(path, `\n${HEADERS.join(';')}\n;","\n`);
    const settle = <T>(p: Promise<T>) => p.catch((e: Error) => ({ error: e.message }));
    const expected = await settle(oracle(path));
    expect(expected).toEqual({ error: expect.stringContaining('Quote Not Closed') });
    for (const slice of [1, 7, 4096]) expect(await settle(streamed(path, 1, slice))).toEqual(expected);
  });

  test('same source, warnings, tables and findings as the whole-file reader, in any chunking and slicing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(CELL, { minLength: 0, maxLength: HEADERS.length + 2 }), { maxLength: 40 }),
        fc.constantFrom(';', ','),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(...ENCODINGS),
        fc.integer({ min: 1, max: 300 }),
        // Text parsed a few characters at a time: slices cut records, quotes and emoji's halves.
        fc.integer({ min: 1, max: 40 }),
        // Blank lines before the header now and then (they make "," the delimiter, as before).
        fc.oneof(
          { weight: 4, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
        ),
        async (rows, delimiter, quoteAll, newline, encoding, chunkSize, sliceChars, blankLead) => {
          const lines = [
            ...Array.from({ length: blankLead }, () => ''),
            HEADERS.map((h) => csvField(h, delimiter, quoteAll)).join(delimiter),
            ...rows.map((row) => row.map((v) => csvField(v, delimiter, quoteAll)).join(delimiter)),
          ];
          const path = file('.csv');
          writeFileSync(path, encode(lines.join(newline) + newline, encoding));
          const settle = <T>(p: Promise<T>) => p.catch((e: Error) => ({ error: e.message }));
          expect(await settle(streamed(path, chunkSize, sliceChars))).toEqual(await settle(oracle(path)));
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 150) },
    );
  });
});

describe('the reader is a stream', () => {
  test('rows arrive while most of the file is unread, and none is kept by the reader', async () => {
    const path = file('.csv');
    await writeRegister(path, 5000, 6);
    const size = statSync(path).size;
    let bytesRead = 0;
    let rows = 0;
    const readWhenRow: number[] = [];
    const held = new Set<unknown>();
    await streamTable(
      path,
      {
        header: () => true,
        row: (values) => {
          rows++;
          if (rows % 500 === 1) readWhenRow.push(bytesRead);
          // The reader hands each row once and never again: a fresh array every time.
          expect(held.has(values)).toBe(false);
          if (held.size < 10) held.add(values);
        },
        restart: () => undefined,
      },
      { chunkSize: 1024, progress: (read) => (bytesRead = read) },
    );
    expect(rows).toBe(5000);
    // The first row came after about one chunk, not after the whole file.
    expect(readWhenRow[0]).toBeLessThanOrEqual(8192);
    // And the bytes read grow with the rows handed over: row k arrives within a few chunks of its bytes.
    readWhenRow.forEach((read, i) => expect(read).toBeLessThanOrEqual(((i * 500 + 1) / 5000) * size + 8192));
  });

  test('an unrecognised header stops the reading at once', async () => {
    const path = file('.csv');
    writeFileSync(path, 'Foo;Bar\n' + '1;2\n'.repeat(200_000));
    let rows = 0;
    let bytesRead = 0;
    const result = await streamTable(
      path,
      { header: () => false, row: () => rows++, restart: () => undefined },
      { chunkSize: 4096, progress: (read) => (bytesRead = read) },
    );
    expect(result.header).toEqual(['Foo', 'Bar']);
    expect(rows).toBe(0);
    expect(bytesRead).toBeLessThan(statSync(path).size / 10);
  });

  test('a late byte that is not UTF-8 makes the whole file Windows-1252, as the whole-file reader says', async () => {
    const path = file('.csv');
    const text = 'Nama;Jenis Kelamin;Instansi\n' + 'Budi;L;Bappeda\n'.repeat(2000) + 'André;L;Café\n';
    writeFileSync(path, Buffer.from(text, 'latin1'));
    const result = await streamed(path, 512);
    expect(result.source).toBe('CSV (;, Windows-1252)');
    expect(result.participants).toBe(2001);
    expect(result).toEqual(await oracle(path));
  });
});
