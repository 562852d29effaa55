/**
 * Reading only the mapped columns of a register: the blocks cover every mapped column (a gap read
 * along only when cheaper than a round trip), and the joined rows hold each mapped cell where the
 * renumbered mapping says.
 */
import fc from 'fast-check';
import { joinColumnBlocks, mappedColumnBlocks } from '../../../src/core/terpilah/column-blocks';

describe('mappedColumnBlocks (core)', () => {
  test('contiguous columns are one block; the mapping follows the cells joined', () => {
    expect(mappedColumnBlocks({ name: 1, sex: 0, age: 2 }, 1000)).toEqual({
      blocks: [{ first: 0, count: 3 }],
      mapping: { name: 1, sex: 0, age: 2 },
    });
    const split = mappedColumnBlocks({ sex: 4, name: 0, activity: 7 }, 1000);
    expect(split.blocks).toEqual([
      { first: 0, count: 1 },
      { first: 4, count: 1 },
      { first: 7, count: 1 },
    ]);
    expect(split.mapping).toEqual({ name: 0, sex: 1, activity: 2 });
    // A short register: gaps are read along (cheaper than a round trip).
    expect(mappedColumnBlocks({ sex: 4, name: 0 }, 10).blocks).toEqual([{ first: 0, count: 5 }]);
  });

  test('joined rows hold each mapped cell where the new mapping says (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 30 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 2000 }),
        (columns, rows) => {
          const fields = ['name', 'sex', 'nik', 'nip', 'age', 'role', 'regency', 'activity'] as const;
          const mapping = Object.fromEntries(columns.map((c, i) => [fields[i], c]));
          const { blocks, mapping: joined } = mappedColumnBlocks(mapping, rows);
          const row = Array.from({ length: 31 }, (_, c) => `c${c}`);
          const parts = blocks.map((b) => [row.slice(b.first, b.first + b.count)]);
          const [out] = joinColumnBlocks(parts);
          for (const [field, c] of Object.entries(mapping))
            expect(out[joined[field as keyof typeof joined] as number]).toBe(`c${c}`);
          expect(blocks.length).toBeLessThanOrEqual(12);
        },
      ),
    );
  });
});
