/**
 * Sheet names the add-in makes. Google Sheets refuses a sheet name over 100 characters; the
 * workbench does too (docs/FIDELITY.md). Lengths are counted in UTF-16 code units — an emoji
 * counts 2 — which is never less than Sheets' count, so a name that fits here fits there.
 * A cut never splits a character as a person sees it: not a surrogate pair, nor an emoji with
 * its skin tone or variation selector, nor a joined sequence (👩‍👩‍👧) or a flag (two regional
 * indicators): the whole character goes. No Intl.Segmenter (not documented in Apps Script's V8).
 */
import { maskNiksIn } from '../privacy/mask-nik';

export const MAX_SHEET_NAME = 100;

const CODE_POINT = '(?:[\\ud800-\\udbff][\\udc00-\\udfff]|[^\\ud800-\\udfff])';
/** What extends the character before it: variation selectors, combining marks, skin tones, tags. */
const EXTEND =
  '(?:[\\ufe0e\\ufe0f\\u0300-\\u036f\\u20d0-\\u20ff]|\\ud83c[\\udffb-\\udfff]|\\udb40[\\udc20-\\udc7f])';
const STARTS_INSIDE = new RegExp(`^(?:${EXTEND}|\\u200d)`);
const ENDS_WITH_JOINER = /\u200d$/;
/** The last user-perceived character: a code point, its extenders, and what joiners attach. */
const LAST_CLUSTER = new RegExp(`${CODE_POINT}${EXTEND}*(?:\\u200d(?:${CODE_POINT}${EXTEND}*)?)*$`);
const REGIONAL_INDICATOR = /\ud83c[\udde6-\uddff]/g;

/** Whether cutting `text` at `end` splits a character as a person sees it. */
function splitsCharacter(text: string, end: number): boolean {
  const head = text.slice(0, end);
  const rest = text.slice(end);
  if (STARTS_INSIDE.test(rest) || ENDS_WITH_JOINER.test(head)) return true;
  // A flag is two regional indicators: an odd run before the cut with one after it is half a flag.
  const trailing = /(?:\ud83c[\udde6-\uddff])+$/.exec(head)?.[0] ?? '';
  const run = trailing.match(REGIONAL_INDICATOR)?.length ?? 0;
  return run % 2 === 1 && /^\ud83c[\udde6-\uddff]/.test(rest);
}

/**
 * `text` cut to at most `max` UTF-16 units on a boundary a person sees (the whole character
 * goes). Used for every length limit: sheet names, the 50,000 characters of a cell.
 */
export function cutWhole(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  // Never end on the first half of a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end--;
  const cut = text.slice(0, end);
  return splitsCharacter(text, end) ? cut.replace(LAST_CLUSTER, '') : cut;
}

/** `base` cut so that `base + suffix` has at most 100 characters, then the suffix. */
export function fitSheetName(base: string, suffix = ''): string {
  const room = Math.max(0, MAX_SHEET_NAME - suffix.length);
  if (base.length <= room) return base + suffix;
  return cutWhole(base, room).trimEnd() + suffix.slice(0, MAX_SHEET_NAME);
}

/**
 * A sheet name from a prefix and a typed name: one line, trimmed, a NIK in it masked (before the
 * cut, so no part of one is left whole), within the limit.
 */
export function sheetNameFor(prefix: string, name: string): string {
  return fitSheetName(maskNiksIn(prefix + name.replace(/\s+/g, ' ').trim()));
}

/** The n-th alternative when the name is taken by a user's sheet: "<name> (2)", cut to fit. */
export function numberedSheetName(name: string, n: number): string {
  return n === 1 ? name : fitSheetName(name, ` (${n})`);
}
