/**
 * The CLI writes its output in pieces (a summary at a time, findings in batches) so that output
 * of any length needs no string as long as itself: the pieces joined are the whole-string text
 * (formatReport, toMaskedJson) exactly, NIK masking included.
 */
import { registerLines, HEADER } from '../../bench/cli/generate';
import { matchHeaders } from '../../src/core/terpilah/headers';
import { normaliseRows } from '../../src/core/terpilah/normalise';
import { summariseAll } from '../../src/core/terpilah/summaries';
import { jsonSummary, toMaskedJson, writeMaskedJson } from '../../src/cli/main';
import { formatReport, writeReport } from '../../src/cli/print';

function summaries(rows: number, seed: number) {
  const data = [...registerLines(rows, seed)].map((line) => line.trimEnd().split(';'));
  // Findings repeated on one row (the same text twice) are printed once, as formatReport does.
  const { participants, quality } = normaliseRows(data, matchHeaders(HEADER).mapping, {
    firstRow: 2,
    referenceDate: '2024-06-01',
  });
  return summariseAll(
    participants,
    [...quality, ...quality.slice(0, 3)].sort((a, b) => a.row - b.row),
  );
}

const pieces = (write: (sink: (text: string) => void) => void) => {
  const out: string[] = [];
  write((text) => out.push(text));
  return out;
};

describe('output in pieces', () => {
  test.each([
    [0, 1],
    [30, 2],
    [2500, 3],
  ])('the text report of %i rows is formatReport, in more than one piece', (rows, seed) => {
    const list = summaries(rows, seed);
    const out = pieces((sink) => writeReport(list, sink));
    expect(out.join('')).toBe(formatReport(list));
    expect(out.length).toBeGreaterThan(rows > 1000 ? 5 : 1);
    // No piece holds the whole report.
    if (rows > 1000) expect(Math.max(...out.map((p) => p.length))).toBeLessThan(out.join('').length / 2);
  });

  test.each([
    [0, 1],
    [30, 2],
    [2500, 3],
  ])('the JSON of %i rows is toMaskedJson, in pieces', (rows, seed) => {
    const list = summaries(rows, seed);
    const head = {
      file: 'x.csv',
      source: 'CSV (;, UTF-8)',
      referenceDate: '2024-06-01',
      columns: { unmatched: [] },
    };
    const out = pieces((sink) => writeMaskedJson(head, list, sink));
    expect(out.join('')).toBe(toMaskedJson({ ...head, summaries: list.map(jsonSummary) }) + '\n');
  });

  test('an empty register: no summaries', () => {
    const head = { file: 'x.csv' };
    expect(pieces((sink) => writeMaskedJson(head, [], sink)).join('')).toBe(
      toMaskedJson({ ...head, summaries: [] }) + '\n',
    );
  });
});
