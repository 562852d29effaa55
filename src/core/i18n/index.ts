import { en, id, type StringKey } from './strings';

export type { StringKey };
export type Language = 'id' | 'en';
export const LANGUAGES: readonly Language[] = ['id', 'en'];
export const DEFAULT_LANGUAGE: Language = 'id';

const tables: Record<Language, Record<StringKey, string>> = { id, en };

/** Reads a stored or requested language code; anything unknown falls back to Indonesian. */
export function toLanguage(value: unknown): Language {
  return value === 'en' ? 'en' : DEFAULT_LANGUAGE;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}

/** The string `key` in `language`, with `{name}` placeholders filled from `params`. */
export function t(language: Language, key: StringKey, params: Record<string, string | number> = {}): string {
  return tables[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language. */
export function translator(
  language: Language,
): (key: StringKey, params?: Record<string, string | number>) => string {
  return (key, params) => t(language, key, params);
}
