/**
 * Language codes and placeholder filling, without the string tables: the sidebar imports this
 * (its strings come from the server with every SidebarState), the server through ./index.
 */
export type Language = 'id' | 'en';
export const LANGUAGES: readonly Language[] = ['id', 'en'];
export const DEFAULT_LANGUAGE: Language = 'id';

/** Reads a stored or requested language code; anything unknown falls back to Indonesian. */
export function toLanguage(value: unknown): Language {
  return value === 'en' ? 'en' : DEFAULT_LANGUAGE;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}

/** `text` with its `{name}` placeholders filled from `params` (unknown ones stay as written). */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
