import { DEFAULT_LANGUAGE, t, type Language, type StringKey } from '../core/i18n';

/** The sidebar's current language: the server's choice, set by every SidebarState. */
let language: Language = DEFAULT_LANGUAGE;

export function useLanguage(value: Language): void {
  language = value;
  document.documentElement.lang = value;
}

export function tr(key: StringKey, params?: Record<string, string | number>): string {
  return t(language, key, params);
}
