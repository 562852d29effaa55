import fc from 'fast-check';
import {
  BLOCK_ROWS,
  blockOfRow,
  blockRuns,
  blocksOf,
  blockSpan,
  decodeBlocks,
  dirtyBlocks,
  editedBlocks,
  encodeBlocks,
  MAX_MARKED_BLOCKS,
  seenMarks,
  spliceCodes,
  sumBlocks,
} from '../../../src/core/terpilah/block-counts';
import { matchHeaders } from '../../../src/core/terpilah/headers';
import {
  chunksOfBlocks,
  codesOfRows,
  countIntoBlocks,
  countsOfRows,
} from '../../../src/core/terpilah/index-rows';
import { PESERTA_HEADERS } from '../../../src/core/terpilah/peserta';
import { CHUNK_CHARS, CODE_CHARS } from '../../../src/core/terpilah/register-counts';

const MAPPING = matchHeaders([...PESERTA_HEADERS]).mapping;
const NIK_WOMAN = '1904014505800001';

/** A row in Peserta's own columns. */
const row = (activity: string, sex: string, nik = '', name = 'Ana'): unknown[] => {
  const cells: unknown[] = PESERTA_HEADERS.map(() => '');
  cells[0] = activity;
  cells[1] = name;
  cells[2] = nik;
  cells[4] = sex;
  return cells;
};

describe('blocks of Peserta’s rows', () => {
  test('block k holds sheet rows 2 + k·B … 1 + (k + 1)·B; the last one is cut at the last row', () => {
    const B = BLOCK_ROWS;
    expect([blockOfRow(2), blockOfRow(B + 1), blockOfRow(B + 2), blockOfRow(2 * B + 1)]).toEqual([
      0, 0, 1, 1,
    ]);
    expect([blocksOf(0), blocksOf(1), blocksOf(2), blocksOf(B + 1), blocksOf(B + 2)]).toEqual([
      0, 0, 1, 1, 2,
    ]);
    expect(blockSpan(1, B + 100)).toEqual({ first: B + 2, count: 99 });
    expect(blockSpan(0, 5000)).toEqual({ first: 2, count: B });
  });

  test('an edit marks its blocks; the header or too many blocks: null (the whole index stale)', () => {
    expect(editedBlocks(5, 5)).toEqual({ first: 0, count: 1 });
    expect(editedBlocks(BLOCK_ROWS, BLOCK_ROWS + 3)).toEqual({ first: 0, count: 2 });
    expect(editedBlocks(1, 1)).toBeNull();
    expect(editedBlocks(1, 40)).toBeNull();
    const most = 2 + MAX_MARKED_BLOCKS * BLOCK_ROWS - 1;
    expect(editedBlocks(2, most)).toEqual({ first: 0, count: MAX_MARKED_BLOCKS });
    expect(editedBlocks(2, most + 1)).toBeNull();
  });

  test('a block is dirty when its mark differs from the one recorded, whatever the values', () => {
    const seen = seenMarks(['m1', '', 'm3']);
    expect(seen).toEqual({ 0: 'm1', 2: 'm3' });
    expect(dirtyBlocks(seen, ['m1', '', 'm3'], 3)).toEqual([]);
    expect(dirtyBlocks(seen, ['m1', 'm2', 'm4'], 3)).toEqual([1, 2]);
    expect(dirtyBlocks(seen, ['', '', 'm3'], 3)).toEqual([0]); // a mark emptied by hand: dirty too
    expect(dirtyBlocks(seen, ['m1', 'x', 'y', 'z'], 2)).toEqual([1]); // only the register's blocks
  });

  test('blocks encoded and decoded back; sums and broken sets (property)', () => {
    const counts = fc.dictionary(
      fc.constantFrom('A', 'B', 'Rapat', '#h1'),
      fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)).map(([L, P, unknown]) => ({
        participants: L + P + unknown,
        L,
        P,
        unknown,
      })),
    );
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 6 }), (blocks) => {
        const back = decodeBlocks(JSON.parse(JSON.stringify(encodeBlocks(blocks))));
        expect(back?.map((b) => ({ ...b }))).toEqual(blocks);
        const sum = sumBlocks(blocks);
        for (const key of Object.keys(sum))
          expect(sum[key].participants).toBe(blocks.reduce((n, b) => n + (b[key]?.participants ?? 0), 0));
      }),
    );
    expect(decodeBlocks({ k: ['A'], b: [[1, 1, 1, 0, 0]] })).toBeNull(); // no key 1
    expect(decodeBlocks({ k: ['A'], b: [[0, 1, 1, 0, 0, 0, 1, 1, 0, 0]] })).toBeNull(); // A twice
    expect(decodeBlocks({ k: ['A'], b: [[0, 1.5, 1, 0, 0]] })).toBeNull();
    expect(decodeBlocks({ k: ['A'], b: [[0, 1]] })).toBeNull();
    expect(decodeBlocks(null)).toBeNull();
  });

  test('codes spliced in at their rows’ place', () => {
    expect(spliceCodes('aaaaaabbbbbbcccccc', 6, 'xxxxxx')).toBe('aaaaaaxxxxxxcccccc');
  });
});

describe('what the index keeps of rows in hand', () => {
  test('counted into blocks, whole or appended in parts, the same as one count of every row (property)', () => {
    const line = fc
      .tuple(
        fc.constantFrom('A', 'B', '', 'Rapat 1904014505800001'),
        fc.constantFrom('L', 'P', '', 'x'),
        fc.constantFrom('', NIK_WOMAN),
      )
      .map(([activity, sex, nik]) => row(activity, sex, nik));
    fc.assert(
      // A pattern repeated over up to 2,600 rows: registers of up to three blocks.
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 7 }),
        fc.nat(2600),
        fc.nat(2600),
        (pattern, n, cut) => {
          const rows = Array.from({ length: n }, (_, i) => pattern[i % pattern.length]);
          const at = Math.min(cut, rows.length);
          const whole = countIntoBlocks([], rows, 2, MAPPING, 'Asia/Jakarta');
          expect(whole).toHaveLength(blocksOf(rows.length + 1));
          const parts = countIntoBlocks(
            countIntoBlocks([], rows.slice(0, at), 2, MAPPING, 'Asia/Jakarta'),
            rows.slice(at),
            2 + at,
            MAPPING,
            'Asia/Jakarta',
          );
          expect(parts.map((b) => ({ ...b }))).toEqual(whole.map((b) => ({ ...b })));
          expect({ ...sumBlocks(whole) }).toEqual({ ...countsOfRows(rows, MAPPING, 'Asia/Jakarta') });
          whole.forEach((block, k) => {
            const { first, count } = blockSpan(k, rows.length + 1);
            expect({ ...block }).toEqual({
              ...countsOfRows(rows.slice(first - 2, first - 2 + count), MAPPING, 'Asia/Jakarta'),
            });
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  test('no mapping (another register without an activity column): empty blocks for every row', () => {
    const rows = 2 * BLOCK_ROWS + 1; // three blocks
    expect(countIntoBlocks([], new Array<unknown[]>(rows), 2, null, 'Asia/Jakarta')).toEqual([{}, {}, {}]);
  });

  test('codes: six letters a row; the chunks holding some blocks’ codes', () => {
    const codes = codesOfRows([row('A', 'P', NIK_WOMAN), row('', '', '', '')], 'secret');
    expect(codes.nik).toMatch(/^[a-z]{6}------$/);
    expect(codes.name).toMatch(/^[a-z]{6}------$/);
    // 7,500 rows a chunk.
    const chunkOf = (row: number) => Math.floor(((row - 2) * CODE_CHARS) / CHUNK_CHARS);
    const perChunk = CHUNK_CHARS / CODE_CHARS / BLOCK_ROWS; // blocks
    expect(chunksOfBlocks([0], 100_001)).toEqual({ from: 0, to: 0 });
    expect(chunksOfBlocks([perChunk - 1], 100_001)).toEqual({ from: 0, to: 0 });
    expect(chunksOfBlocks([perChunk], 100_001)).toEqual({ from: 1, to: 1 });
    expect(chunksOfBlocks([3, 40], 100_001)).toEqual({ from: 0, to: chunkOf(2 + 41 * BLOCK_ROWS - 1) });
    const last = blocksOf(99_801) - 1;
    expect(chunksOfBlocks([last], 99_801)).toEqual({
      from: chunkOf(2 + last * BLOCK_ROWS),
      to: chunkOf(99_801),
    });
  });
});

describe('blockRuns', () => {
  test('joins consecutive blocks in order, whatever order they come in', () => {
    expect(blockRuns([7, 3, 4, 0, 5])).toEqual([
      { first: 0, count: 1 },
      { first: 3, count: 3 },
      { first: 7, count: 1 },
    ]);
    expect(blockRuns([])).toEqual([]);
  });
});
