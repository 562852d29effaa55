import type { StringKey } from '../core/i18n';
import { fill, type Language } from '../core/i18n/language';
import type { SidebarStrings } from '../server/api';

/**
 * The sidebar's strings in the person's language: the server's choice, sent with every
 * SidebarState (the bundle carries no string table). Until the first state arrives there are
 * none: the panels are hidden then, and sidebar.html holds its few visible texts inline.
 */
let strings: SidebarStrings = {};

export function useLanguage(language: Language, table: SidebarStrings): void {
  strings = table;
  document.documentElement.lang = language;
}

/** Whether a state brought the strings (before that, only sidebar.html's inline texts). */
export function hasStrings(): boolean {
  return Object.keys(strings).length > 0;
}

/** The string `key` with its placeholders filled; a key the state lacks shows as itself. */
export function tr(key: StringKey, params?: Record<string, string | number>): string {
  const text = strings[key];
  return text === undefined ? key : fill(text, params);
}
