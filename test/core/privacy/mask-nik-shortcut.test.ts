/**
 * maskNiksIn skips texts with no 16 digits in one stretch of digits, separators and spaces
 * (every finding message of a register): the same text as looking at every run (maskRuns).
 */
import fc from 'fast-check';
import { maskNiksIn, maskRuns } from '../../../src/core/privacy/mask-nik';

/** Digits, every separator and space RUN knows, "*", letters and punctuation that end a run. */
const CHARS = [
  ...'0123456789012345678901234567890123456789',
  ...' ./_-*:;,a\t\n',
  '\u00a0',
  '\u200b',
  '\u2060',
  '\ufeff',
  '\u2010',
  '\u2015',
  '\u2212',
  '\u3000',
  'é',
];

const text = fc.oneof(
  fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((c) => c.join('')),
  fc
    .tuple(
      fc.integer({ min: 1, max: 9_999_999 }),
      fc.stringMatching(/^\d{16}$/),
      fc.integer({ min: 1, max: 999 }),
    )
    .map(
      ([row, nik, other]) =>
        `Baris ${row}: NIK ${nik.slice(0, 4)}********${nik.slice(12)} sama dengan baris ${other}.`,
    ),
  fc.string({ maxLength: 40 }),
  // A NIK-like 16 digits with separators (or none) between any of them.
  fc
    .tuple(
      fc.constantFrom('19', '31', '51', '99'),
      fc.stringMatching(/^\d{14}$/),
      fc.array(fc.constantFrom(' ', '-', '.', '\u00a0', '', '', ''), { minLength: 15, maxLength: 15 }),
      fc.constantFrom('', 'x', ' 7', '*'),
    )
    .map(([province, rest, seps, end]) => {
      const digits = province + rest;
      let out = '';
      for (let i = 0; i < 16; i++) out += digits[i] + (i < 15 ? seps[i] : '');
      return `NIK ${out}${end}`;
    }),
);

describe('maskNiksIn shortcut', () => {
  test('the same text as every run looked at', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(maskNiksIn(t)).toBe(maskRuns(t));
      }),
      { numRuns: 3000 },
    );
  });

  test('a NIK split by spaces and dashes is still masked', () => {
    expect(maskNiksIn('NIK 1971 0142-0590 0001 ok')).toBe(maskRuns('NIK 1971 0142-0590 0001 ok'));
    expect(maskNiksIn('NIK 1971 0142-0590 0001 ok')).not.toContain('0142');
  });
});
