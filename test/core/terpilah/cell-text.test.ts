import fc from 'fast-check';
import { cellText, cleanText, isBlank, ownCopy, quote, TEXT_CAP } from '../../../src/core/terpilah/cell-text';
import { maskNiksIn } from '../../../src/core/privacy/mask-nik';

describe('cells as text', () => {
  test('an own copy of a text is the same text, of any length', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => ownCopy(text) === text));
    const file = 'No;Nama\n1;Dinas Pendidikan Provinsi\n';
    expect(ownCopy(file.slice(10, 34))).toBe('Dinas Pendidikan Provinsi'.slice(0, 24));
  });
  test('every kind of cell has a text, "" when it has none', () => {
    expect([
      cellText('a '),
      cellText(12.5),
      cellText(Infinity),
      cellText(true),
      cellText(false),
      cellText(null),
      cellText({}),
      cellText(new Date(NaN)),
      cellText(new Date('1990-05-11T17:00:00Z')),
      cellText(new Date('1990-05-11T17:00:00Z'), 'UTC'),
    ]).toEqual(['a ', '12.5', '', 'TRUE', 'FALSE', '', '', '', '1990-05-12', '1990-05-11']);
    expect([isBlank(null), isBlank(undefined), isBlank('  '), isBlank(0), isBlank('x')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  test('clean text is one line, without control characters, capped without splitting an emoji', () => {
    expect(cleanText(' a\u0000b\tc\u200b\nd ')).toBe('a b c d');
    expect(cleanText('x'.repeat(50_000))).toHaveLength(TEXT_CAP);
    expect(cleanText('abc🙂', 4)).toBe('abc');
    expect(cleanText('abcd🙂', 4)).toBe('abcd');
  });

  test('NIKs are masked in free text and in quotes; quotes are short', () => {
    expect(maskNiksIn('NIK 1971 0112 0590 0001, HP 081234567890')).toBe(
      'NIK 1971********0001, HP 081234567890',
    );
    expect(maskNiksIn('x1971011205900001y')).toBe('x1971********0001y');
    expect(quote('1971011205900001')).toBe('"1971********0001"');
    expect(quote('y'.repeat(100))).toBe(`"${'y'.repeat(40)}…"`);
    expect(quote(new Date('1990-05-11T17:00:00Z'), 'UTC')).toBe('"1990-05-11"');
  });
});
