import type { EmbeddedSidebarState } from '../server/api';

/** The data element "Buka panel" appends (server/sidebar-embed.ts FIRST_STATE_ID). */
const FIRST_STATE_ID = 'sop-first-state';

function read(): EmbeddedSidebarState | null {
  const element = document.getElementById(FIRST_STATE_ID);
  if (!element) return null;
  element.remove(); // read once: "Muat ulang" asks the server, never this old copy
  try {
    return JSON.parse(element.textContent ?? '') as EmbeddedSidebarState;
  } catch {
    return null;
  }
}

/**
 * Hands `use` the state appended after the sidebar's HTML (null when there is none: the page was
 * served without it). The element follows this script, so it is read once the whole document is
 * parsed.
 */
export function whenFirstState(use: (embedded: EmbeddedSidebarState | null) => void): void {
  if (document.readyState !== 'loading') use(read());
  else document.addEventListener('DOMContentLoaded', () => use(read()), { once: true });
}
