import fc from 'fast-check';
import { alignColumns } from '../../src/cli/print';

/** The first implementation: widths in code points by spreading each string. */
function reference(rows: string[][], separatorAfter: number[] = []): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => [...(row[c] ?? '')].length)));
  const pad = (text: string, c: number) => {
    const gap = ' '.repeat(widths[c] - [...text].length);
    return c === 0 ? text + gap : gap + text;
  };
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const lines: string[] = [];
  rows.forEach((row, r) => {
    lines.push(
      row
        .map((cell, c) => pad(cell, c))
        .join(' | ')
        .trimEnd(),
    );
    if (separatorAfter.includes(r)) lines.push(rule);
  });
  return lines.join('\n');
}

describe('alignColumns', () => {
  test('a surrogate pair counts as one character, as a terminal shows it', () => {
    expect(
      alignColumns(
        [
          ['Kategori', 'L'],
          ['𝐀𝐁', '12'],
        ],
        [0],
      ),
    ).toBe(['Kategori |  L', '---------+---', '𝐀𝐁       | 12'].join('\n'));
  });

  test('the same text as the first implementation, for any cells (rows of any length)', () => {
    // Lone surrogates too (a broken cell of a CSV): each one character, as the spread counts it.
    const lone = fc.constantFrom('\ud800', '\udfff', 'a\ud83d', '\ude00b');
    const cell = fc.oneof(
      lone,
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(6), { maxLength: 3 }),
        (rows, separators) => {
          // Rows as long as the first or shorter: the printout's tables are rectangular.
          const width = rows[0].length;
          const shaped = rows.map((row) => row.slice(0, width));
          expect(alignColumns(shaped, separators)).toBe(reference(shaped, separators));
        },
      ),
    );
  });
});
