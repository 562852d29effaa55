/**
 * CsvBlocks (csv-range.ts) — pieces without a quote read by papaparse, the others by csv-parse,
 * a piece ending inside quotes read again with more text — against csv-parse reading the whole
 * text at once with the same options: on generated messy CSV (stray and doubled quotes, quoted
 * delimiters and line breaks, CR and CRLF, BOMs, blank lines, short and long rows, non-ASCII and
 * astral characters), in chunks and pieces of any size, the same records in the same order (so
 * the same row numbers), a quote left open reported as such, and every checkpoint a byte offset
 * a fresh parser starts at to read the records after it.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CsvBlocks, RangeFallback } from '../../src/cli/csv-range';
import { CSV_OPTIONS } from '../../src/cli/read-file';

const FIELD_CHARS = ['a', 'B', ' ', 'é', '😀', '\uFEFF', '"', ';', ',', '\r', '\n', 'x y', '0'];

const field = fc.oneof(
  fc
    .array(fc.constantFrom(...FIELD_CHARS.filter((c) => c !== '"')), { maxLength: 6 })
    .map((cs) => cs.join('')),
  fc.array(fc.constantFrom(...FIELD_CHARS), { maxLength: 6 }).map((cs) => cs.join('')),
  // A quoted field, its quotes doubled; sometimes with text after the closing quote (stray).
  fc
    .tuple(fc.array(fc.constantFrom(...FIELD_CHARS), { maxLength: 5 }), fc.constantFrom('', '', 'Ani'))
    .map(([cs, after]) => `"${cs.join('').replace(/"/g, '""')}"${after}`),
);

const csv = fc
  .tuple(
    fc.constantFrom(';', ','),
    fc.constantFrom('\n', '\r\n'),
    fc.array(fc.array(field, { minLength: 0, maxLength: 5 }), { maxLength: 40 }),
    fc.boolean(),
  )
  .map(([delimiter, recordDelimiter, rows, trailing]) => ({
    delimiter: delimiter as ';' | ',',
    recordDelimiter,
    text: rows.map((r) => r.join(delimiter)).join(recordDelimiter) + (trailing ? recordDelimiter : ''),
  }));

const options = (delimiter: string, recordDelimiter: string) => ({
  ...CSV_OPTIONS,
  bom: false,
  delimiter,
  record_delimiter: recordDelimiter,
});

function whole(text: string, delimiter: string, recordDelimiter: string): string[][] | 'open' {
  try {
    return parse(text, options(delimiter, recordDelimiter)) as string[][];
  } catch (e) {
    if ((e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return 'open';
    throw e;
  }
}

/** The text through CsvBlocks in chunks cut at `cuts`, with pieces of `piece` characters. */
function blocks(text: string, delimiter: ';' | ',', recordDelimiter: string, cuts: number[], piece: number) {
  const records: string[][] = [];
  const reader = new CsvBlocks(
    { delimiter, recordDelimiter, start: 0 },
    (values, local) => {
      expect(local).toBe(records.length + 1);
      records.push(values);
    },
    piece,
  );
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let at = 0;
  for (const point of [...points, text.length]) {
    // Never between a surrogate pair's halves (the decoder never cuts one).
    const end = point > at && /[\uD800-\uDBFF]/.test(text[point - 1] ?? '') ? point + 1 : point;
    if (end > at) reader.write(text.slice(at, end));
    at = Math.max(at, end);
  }
  try {
    return { records, ended: reader.end(true), reader };
  } catch (e) {
    if (e instanceof RangeFallback) return { records, ended: 'open' as const, reader };
    throw e;
  }
}

describe('CsvBlocks', () => {
  test('reads the records csv-parse reads from the whole text, in any chunks and pieces', () => {
    fc.assert(
      fc.property(
        csv,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 64 }),
        ({ delimiter, recordDelimiter, text }, cuts, piece) => {
          const expected = whole(text, delimiter, recordDelimiter);
          const got = blocks(text, delimiter, recordDelimiter, cuts, piece);
          if (expected === 'open') {
            expect(got.ended).toBe('open');
            return;
          }
          expect(got.ended).toBe(true);
          expect(got.records).toEqual(expected);
          // Every checkpoint: a fresh parser at its byte offset reads the records after it.
          const bytes = Buffer.from(text);
          const { checkpoints } = got.reader;
          for (let c = 0; c < checkpoints.length; c += 2) {
            const after = parse(bytes.subarray(checkpoints[c + 1]), options(delimiter, recordDelimiter));
            expect(after).toEqual(expected.slice(checkpoints[c]));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('papaparse reads the pieces without a quote, csv-parse the others', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `${i};Peserta ${i};Dinas é ${i % 7}`);
    const text = rows.join('\n') + '\n' + '1;"Siti ""Ani""";"a\nb"\n' + rows.join('\n') + '\n';
    const got = blocks(text, ';', '\n', [100, 5000], 256);
    expect(got.records).toEqual(whole(text, ';', '\n'));
    expect(got.reader.fast).toBeGreaterThan(10);
    expect(got.reader.slow).toBeGreaterThan(0);
    expect(got.reader.slow).toBeLessThan(3);
  });

  test('a range that ends inside a quoted field is no record boundary; at the end of the file, an error', () => {
    const reader = new CsvBlocks({ delimiter: ';', recordDelimiter: '\n', start: 0 }, () => undefined);
    reader.write('a;b\nc;"open\nquote\n');
    expect(reader.end(false)).toBe(false);
    const last = new CsvBlocks({ delimiter: ';', recordDelimiter: '\n', start: 0 }, () => undefined);
    last.write('a;b\nc;"open\nquote\n');
    expect(() => last.end(true)).toThrow(RangeFallback);
  });
});
