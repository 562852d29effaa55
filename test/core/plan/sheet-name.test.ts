import fc from 'fast-check';
import {
  cutWhole,
  fitSheetName,
  MAX_SHEET_NAME,
  numberedSheetName,
  sheetNameFor,
} from '../../../src/core/plan/sheet-name';

const LONG_TITLE =
  'Rapat Koordinasi Penguatan Pengarusutamaan Gender (PUG) bagi Perangkat Daerah se-Provinsi Kepulauan Bangka Belitung Tahun Anggaran 2026';

describe('sheet names within Sheets’ 100 characters', () => {
  test('a long activity title: the report name is cut to 100, and so is "(2)"', () => {
    const name = sheetNameFor('Laporan Data Terpilah: ', LONG_TITLE);
    expect(name).toHaveLength(100);
    expect(name.startsWith('Laporan Data Terpilah: Rapat Koordinasi')).toBe(true);
    const second = numberedSheetName(name, 2);
    expect(second.length).toBeLessThanOrEqual(100);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(numberedSheetName(name, 1)).toBe(name);
  });

  test('short names are kept; spaces and line breaks become one space', () => {
    expect(sheetNameFor('SOP: ', '  Penguatan\n  PUG ')).toBe('SOP: Penguatan PUG');
    expect(numberedSheetName('SOP: Penguatan PUG', 3)).toBe('SOP: Penguatan PUG (3)');
  });

  test('no half emoji: a cut never splits a surrogate pair or leaves a joiner or modifier', () => {
    const family = '👩‍👩‍👧';
    const base = 'x'.repeat(97) + family; // the family starts at 97 and does not fit
    const cut = fitSheetName(base);
    expect(cut).toBe('x'.repeat(97));
    expect(fitSheetName('x'.repeat(98) + '👍🏽')).toBe('x'.repeat(98));
    expect(fitSheetName('x'.repeat(96) + '👍🏽')).toBe('x'.repeat(96) + '👍🏽');
    expect(fitSheetName('x'.repeat(98) + '🇮🇩🇮🇩')).toBe('x'.repeat(98));
    expect(fitSheetName('x'.repeat(96) + '🇮🇩🇮🇩')).toBe('x'.repeat(96) + '🇮🇩');
    expect(fitSheetName('x'.repeat(99) + 'e\u0301')).toBe('x'.repeat(99));
    expect(fitSheetName('x'.repeat(99) + '😀')).toBe('x'.repeat(99));
  });

  test('property: any prefix, name and number give a whole-character name of at most 100', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.string({ unit: 'grapheme', maxLength: 150 }),
        fc.integer({ min: 1, max: 10000 }),
        (prefix, name, n) => {
          const result = numberedSheetName(sheetNameFor(prefix, name), n);
          expect(result.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
          // Well-formed UTF-16: no lone surrogate.
          expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(result)).toBe(
            false,
          );
          expect(/[\ud800-\udbff]$/.test(result)).toBe(false);
          if (n > 1) expect(result.endsWith(` (${n})`)).toBe(true);
        },
      ),
    );
  });
});

describe('cutWhole: a value cut to a cell’s 50,000 characters keeps whole characters', () => {
  test('an emoji straddling the limit goes whole', () => {
    const text = 'a'.repeat(49999) + '😀' + 'b';
    expect(cutWhole(text, 50000)).toBe('a'.repeat(49999));
    expect(cutWhole('a'.repeat(49998) + '😀b', 50000)).toBe('a'.repeat(49998) + '😀');
    expect(cutWhole('kurang', 50000)).toBe('kurang');
  });
});
