import type { EmbeddedSidebarState, SidebarState } from './api';

/** The id of the data element the client reads its first state from (src/client/first-state.ts). */
export const FIRST_STATE_ID = 'sop-first-state';

/**
 * The Kegiatan list's first view: the newest this many activities (about 200 bytes each); the
 * rest come on demand ("Tampilkan semua", the Peserta tab), as listActivities gives them.
 */
export const FIRST_VIEW_ACTIVITIES = 100;

/**
 * Characters that could end the script element or start markup (`<`, `>`, `&`), end a JavaScript
 * line (U+2028, U+2029), or start a comment to HtmlService's inline-script processing (`/`,
 * DESIGN §3): each becomes its JSON escape, which JSON.parse turns back into the same character.
 */
const UNSAFE = /[<>&/\u2028\u2029]/g;
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '/': '\\u002f',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON that cannot break out of a script element: no `<`, `>`, `&`, `/`, U+2028 or U+2029 left. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (c) => ESCAPES[c]);
}

/**
 * The element appended to the sidebar's HTML. HtmlOutput.append does not escape ("Use this only
 * for content from a trusted source, because it is not escaped",
 * https://developers.google.com/apps-script/reference/html/html-output#append(String)): the state
 * holds user text (activity, template and sheet names), so it goes in as script-safe JSON in a
 * data block (type application/json: never run, read with JSON.parse).
 */
export function firstStateElement(embedded: EmbeddedSidebarState): string {
  return `<script type="application/json" id="${FIRST_STATE_ID}">${scriptSafeJson(embedded)}</script>`;
}

/** The state as the first view needs it: the newest FIRST_VIEW_ACTIVITIES activities, and their total. */
export function firstView(state: SidebarState, tab?: 'participants'): EmbeddedSidebarState {
  const activityTotal = state.activities.length;
  const activities = state.activities.slice(0, FIRST_VIEW_ACTIVITIES);
  return { state: { ...state, activities }, activityTotal, ...(tab ? { tab } : {}) };
}

/** The failure as google.script.run hands it to a failure handler: "<name>: <message>". */
export function failureText(error: unknown): string {
  if (error instanceof Error) return `${error.name || 'Error'}: ${error.message}`;
  return String(error);
}
