import fc from 'fast-check';
import { asLiteralText } from '../../../src/core/plan/text-safety';
import { coerceInput } from '../../../src/workbench/services/typed-input';

/** Strings Sheets converts (by the id_ID or en_US locale), and plain ones: all must stay text. */
const SAMPLES = [
  '=SUM(A1:A3)',
  '+628123',
  '-5',
  '@user',
  "'quoted",
  '\tTAB',
  '\rCR',
  '007',
  '3201234567890123',
  '1.5',
  '1.234,5',
  '12%',
  '50 %',
  '2019-04-15',
  '15/04/2019',
  '1/2',
  'April 2024',
  '15 April',
  '1 April 2019',
  '9:30 PM',
  '10am',
  '(100)',
  'Rp 100',
  '$100',
  'TRUE',
  'false',
  '0E0',
  '1e3',
  '2.5E-3',
  'Penguatan PUG',
  '420 atau 840',
  'Dra. SUSANTI, MAP',
  'NIP. 19650713 199203 2 002',
  '<b>x</b>',
  '👩‍💼 Peserta',
];

describe('asLiteralText', () => {
  test.each(SAMPLES)('%p is written with an apostrophe and reads back as it is', (text) => {
    expect(asLiteralText(text)).toBe(`'${text}`);
    for (const locale of ['id_ID', 'en_US'])
      expect(coerceInput(asLiteralText(text), undefined, 'Asia/Jakarta', locale)).toEqual({ value: text });
  });

  test('the empty string stays empty (a blank cell)', () => expect(asLiteralText('')).toBe(''));

  test('property: any string reads back exactly, never a number, date, boolean or formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const stored = coerceInput(asLiteralText(text), 'General', 'Asia/Jakarta', 'id_ID');
        expect(stored).toEqual({ value: text });
      }),
    );
  });
});
