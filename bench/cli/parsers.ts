/**
 * CSV parsers measured for the streaming CLI: throughput on the same file in one run, and
 * agreement with csv-parse (the parser the whole-file reader always used) on the rows messy
 * registers have. A parser that disagrees would change the figures of today's files.
 */
import { createReadStream } from 'node:fs';
import { parse as parseSync } from 'csv-parse/sync';
import { Parser } from 'csv-parse';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { CsvBlocks } from '../../src/cli/csv-range';
import { CSV_OPTIONS } from '../../src/cli/read-file';

export interface ParserFigure {
  name: string;
  version: string;
  ms: number;
  rows: number;
  agreement: string;
}

/** Rows messy registers have: blank lines, quotes, delimiters and line breaks in cells, ragged rows. */
export const MESSY_CASES = [
  'a;b\n1;2\n\n3;4\n',
  'a;b\r\n1;"x;y"\r\n"q""r";2\r\n',
  'a;b\n1;ab"c\n2\n3;4;5\n',
  'a;b\n"multi\nline";2\n',
  ' a ; b \n 1 ; 2 \n',
  'a;b\n1;2',
  'a;b\n;\n;;\n',
  'a;b\n"Siti" Ani;2\n3;4\n',
  'a;b\r\n1;2\n3;4\r\n',
];

type Records = string[][];
const oracle = (text: string): Records => parseSync(text, { delimiter: ';', ...CSV_OPTIONS }) as Records;
/** Trailing blank records are dropped by every reader of the register (toTable). */
const trimmed = (records: Records) => {
  const out = records.map((r) => r.map(String));
  while (out.length > 0 && out[out.length - 1].every((v) => v === '')) out.pop();
  return out;
};

function papaWhole(text: string): Records {
  return Papa.parse<string[]>(text, { delimiter: ';' }).data;
}

function udsvWhole(text: string): Records {
  const parser = initParser(inferSchema(text, { col: ';', header: () => [] }));
  const rows: Records = [];
  parser.chunk<string[]>(text, parser.stringArrs, (row) => {
    rows.push(row as unknown as string[]);
  });
  parser.end();
  return rows;
}

/** As the CLI's byte ranges read (csv-range.ts), the record delimiter the first line ends with. */
function blocksWhole(text: string): Records {
  const records: Records = [];
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  const recordDelimiter = crlf >= 0 && crlf + 1 === lf ? '\r\n' : '\n';
  const blocks = new CsvBlocks({ delimiter: ';', recordDelimiter, start: 0 }, (values) => {
    records.push(values);
  });
  blocks.write(text);
  blocks.end(true);
  return records;
}

function agreement(parse: (text: string) => Records): string {
  let same = 0;
  for (const text of MESSY_CASES) {
    let records: Records;
    try {
      records = parse(text);
    } catch {
      continue;
    }
    if (JSON.stringify(trimmed(records)) === JSON.stringify(trimmed(oracle(text)))) same++;
  }
  return `${same}/${MESSY_CASES.length}`;
}

async function timed(run: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  const rows = await run();
  return { ms: performance.now() - start, rows };
}

const chunks = (path: string) => createReadStream(path, { highWaterMark: 1 << 20, encoding: 'utf8' });

export async function compareParsers(
  path: string,
  versions: Record<string, string>,
): Promise<ParserFigure[]> {
  const figures: ParserFigure[] = [];
  const csvParse = await timed(async () => {
    let rows = 0;
    const parser = chunks(path).pipe(new Parser({ delimiter: ';', ...CSV_OPTIONS }));
    for await (const _record of parser) rows++;
    return rows;
  });
  figures.push({
    name: 'csv-parse (stream)',
    version: versions['csv-parse'],
    ...csvParse,
    agreement: agreement(oracle),
  });
  // As the CLI feeds it (stream-table.ts): 64 KiB chunks, 16 KiB slices, each slice's records
  // read before the next is parsed.
  const sliced = await timed(async () => {
    let rows = 0;
    const parser = new Parser({ delimiter: ';', ...CSV_OPTIONS });
    const read = () => {
      while (parser.read() !== null) rows++;
    };
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16, encoding: 'utf8' })) {
      const text = chunk as string;
      for (let at = 0; at < text.length; at += 1 << 14) {
        parser.write(text.slice(at, at + (1 << 14)));
        read();
      }
    }
    parser.end();
    await new Promise<void>((resolve) => parser.on('end', resolve).on('readable', read));
    return rows;
  });
  figures.push({
    name: 'csv-parse (16 KiB slices, as the CLI)',
    version: versions['csv-parse'],
    ...sliced,
    agreement: agreement(oracle),
  });
  // As the CLI's byte ranges read (csv-range.ts): 64 KiB chunks, pieces of ~8 KiB.
  const pieces = await timed(async () => {
    let rows = 0;
    const blocks = new CsvBlocks({ delimiter: ';', recordDelimiter: '\n', start: 0 }, () => {
      rows++;
    });
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16, encoding: 'utf8' }))
      blocks.write(chunk as string);
    blocks.end(true);
    return rows;
  });
  figures.push({
    name: 'papaparse where no quote, else csv-parse (pieces, as the CLI in ranges)',
    version: `${versions.papaparse} + ${versions['csv-parse']}`,
    ...pieces,
    agreement: agreement(blocksWhole),
  });
  const papa = await timed(
    () =>
      new Promise<number>((resolve, reject) => {
        let rows = 0;
        Papa.parse(chunks(path) as unknown as File, {
          delimiter: ';',
          chunk: (results: Papa.ParseResult<string[]>) => {
            rows += results.data.length;
          },
          complete: () => resolve(rows),
          error: reject,
        });
      }),
  );
  figures.push({
    name: 'papaparse (stream)',
    version: versions.papaparse,
    ...papa,
    agreement: agreement(papaWhole),
  });
  const udsv = await timed(async () => {
    let rows = 0;
    let parser: ReturnType<typeof initParser> | null = null;
    for await (const chunk of chunks(path)) {
      parser ??= initParser(inferSchema(chunk as string, { col: ';' }));
      parser.chunk<string[]>(chunk as string, parser.stringArrs, () => {
        rows++;
      });
    }
    parser?.end();
    return rows + 1;
  });
  figures.push({ name: 'udsv (chunks)', version: versions.udsv, ...udsv, agreement: agreement(udsvWhole) });
  return figures;
}
