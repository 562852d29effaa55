import { t, type Language, type StringKey } from '../core/i18n';
import type { SidebarStrings } from './api';

/**
 * { key: the client's name for it } for every key src/client names, written into dist/Code.js by
 * scripts/build.mjs (scripts/sidebar-strings.mjs): the sidebar's bundle carries no strings.
 */
declare const SIDEBAR_STRING_NAMES: Readonly<Record<StringKey, string>>;

/** The sidebar's own strings in `language`, placeholders left for the client to fill. */
export function sidebarStrings(language: Language): SidebarStrings {
  const strings: SidebarStrings = {};
  for (const [key, name] of Object.entries(SIDEBAR_STRING_NAMES))
    strings[name] = t(language, key as StringKey);
  return strings;
}
