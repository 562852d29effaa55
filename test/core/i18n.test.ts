import fc from 'fast-check';
import { en, id } from '../../src/core/i18n/strings';
import { isLanguage, t, toLanguage, type StringKey } from '../../src/core/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  test('English has every Indonesian key, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id) as StringKey[])
      expect(placeholders(en[key])).toEqual(placeholders(id[key]));
  });

  test('placeholders are filled, unknown ones left visible', () => {
    expect(t('id', 'errorUnknownLanguage', { value: 'fr' })).toBe(
      'Bahasa tidak dikenal: fr. Pilih "id" atau "en".',
    );
    expect(t('en', 'aboutBody', {})).toContain('{version}');
  });

  test('any stored value maps to a supported language, Indonesian by default', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const language = toLanguage(value);
        expect(isLanguage(language)).toBe(true);
        expect(language).toBe(value === 'en' ? 'en' : 'id');
      }),
    );
  });
});
