import fc from 'fast-check';
import { CELL_LIMIT } from '../../../src/core/progress/data-cells';
import { fromReplayCell, replayCell, spansOf } from '../../../src/core/progress/replay-cells';
import { RIWAYAT_HEADERS } from '../../../src/core/progress/riwayat-rows';

const SEBELUM = RIWAYAT_HEADERS.indexOf('Sebelum');
const SESUDAH = RIWAYAT_HEADERS.indexOf('Sesudah');
const DATA = RIWAYAT_HEADERS.indexOf('Data');

/** What a rebuild reading the row cell by cell gets: Sebelum and Sesudah blank. */
const replayed = (row: readonly unknown[]) => row.map((v, i) => (i === SEBELUM || i === SESUDAH ? '' : v));

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', '\n', '[1]\n', '"', '\\', '=1+1', "'x"),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);
const row = fc.array(value, { minLength: RIWAYAT_HEADERS.length, maxLength: RIWAYAT_HEADERS.length });

describe('Replay cells', () => {
  test('give back the row’s replayed cells exactly, whatever they hold', () => {
    fc.assert(
      // JSON has no -0, and Data comes back as text: the add-in writes Data as text (JSON or blank),
      // and the replay reads -0 and 0, or 5 and "5", the same way (parseEventRow).
      fc.property(row, (cells) => {
        const back = fromReplayCell(replayCell(cells));
        expect(back).toEqual({
          values: replayed(cells.map((v) => (Object.is(v, -0) ? 0 : v))).map((v, i) =>
            i === DATA ? String(v) : v,
          ),
          needsData: false,
        });
      }),
    );
  });

  test('a Data too long for the cell is left out (read from its column), never cut', () => {
    const cells = [...Array<string>(DATA).fill('x'), 'd'.repeat(CELL_LIMIT - 20)];
    const cell = replayCell(cells);
    expect(cell.length + 1).toBeLessThanOrEqual(CELL_LIMIT);
    expect(fromReplayCell(cell)).toEqual({
      values: [...replayed(cells).slice(0, DATA), ''],
      needsData: true,
    });
    // At the limit with its quote prefix: still whole.
    const fits = [...Array<string>(DATA).fill(''), ''];
    const head = replayCell(fits).length;
    fits[DATA] = 'd'.repeat(CELL_LIMIT - head - 1);
    expect(replayCell(fits).length + 1).toBe(CELL_LIMIT);
    expect(fromReplayCell(replayCell(fits))?.needsData).toBe(false);
  });

  test('anything else in the cell is no Replay cell: the row is read cell by cell', () => {
    for (const cell of [
      '',
      null,
      undefined,
      3,
      true,
      'catatan',
      '[1,2]',
      '[',
      '{"a":1}',
      `[${'"x",'.repeat(10)}{}]`,
    ])
      expect(fromReplayCell(cell)).toBeNull();
    fc.assert(
      fc.property(fc.string(), (text) => {
        const back = fromReplayCell(text);
        if (back) expect(back.values).toHaveLength(RIWAYAT_HEADERS.length);
      }),
    );
  });
});

describe('spansOf', () => {
  test('covers every wanted row, starts and ends on one, merges only gaps up to the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 200 }), fc.nat(20), (wanted, gap) => {
        const spans = spansOf(wanted, gap);
        const covered = new Set(
          spans.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)),
        );
        wanted.forEach((want, i) => want && expect(covered.has(i)).toBe(true));
        for (const [a, b] of spans) expect([wanted[a], wanted[b]]).toEqual([true, true]);
        for (let i = 1; i < spans.length; i++) expect(spans[i][0] - spans[i - 1][1] - 1).toBeGreaterThan(gap);
        for (const [a, b] of spans)
          for (let i = a, run = 0; i <= b; i++) {
            run = wanted[i] ? 0 : run + 1;
            expect(run).toBeLessThanOrEqual(gap);
          }
      }),
    );
  });
});
