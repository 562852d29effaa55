import { fill, type Language } from './language';
import { en, id, type StringKey } from './strings';

export type { StringKey };
export { DEFAULT_LANGUAGE, LANGUAGES, fill, isLanguage, toLanguage, type Language } from './language';

const tables: Record<Language, Record<StringKey, string>> = { id, en };

/** The string `key` in `language`, with `{name}` placeholders filled from `params`. */
export function t(language: Language, key: StringKey, params: Record<string, string | number> = {}): string {
  return fill(tables[language][key], params);
}

/** A translator bound to one language. */
export function translator(
  language: Language,
): (key: StringKey, params?: Record<string, string | number>) => string {
  return (key, params) => t(language, key, params);
}
