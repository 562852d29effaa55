/**
 * Register cells as text. A cell may hold anything getValues() or a file reader returns — text,
 * numbers, booleans, Dates, null, formulas as text, 50,000 characters, emoji, HTML — and is read
 * defensively: never throws, and what has no text is "".
 */
import { DEFAULT_TIME_ZONE, isoDateInZone } from '../time';
import { maskNiksIn } from '../privacy/mask-nik';

/** Text fields are trimmed and capped at this many characters. */
export const TEXT_CAP = 200;

export function isBlank(v: unknown): boolean {
  if (typeof v !== 'string') return v === null || v === undefined;
  // A printable ASCII first character is no white space: the cell is not blank (most cells).
  const first = v.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return v.trim() === '';
}

/** A cell as plain text (not yet trimmed); "" for what has no text. */
export function cellText(v: unknown, timeZone = DEFAULT_TIME_ZONE): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // Dates are calendar days in the spreadsheet's zone, not UTC (midnight in Jakarta is the previous UTC day).
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : isoDateInZone(v, timeZone);
  return '';
}

/** Text that cleanText returns as it is: no control or zero-width characters, single inner spaces. */
// eslint-disable-next-line no-control-regex
const CLEAN = /^(?:[^\s\u0000-\u001f\u007f\u200b]+(?: [^\s\u0000-\u001f\u007f\u200b]+)*)?$/;

/**
 * CLEAN for plain ASCII, by character codes (most cells): printable, single inner spaces, none at
 * either end. undefined when a character is not ASCII: CLEAN decides.
 */
function isCleanAscii(v: string): boolean | undefined {
  const last = v.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = v.charCodeAt(i);
    if (c > 0x7e) return undefined;
    if (c > 0x20) continue;
    if (c < 0x20 || i === 0 || i === last || v.charCodeAt(i - 1) === 0x20) return false;
  }
  return true;
}

/** Trimmed, one-line, control characters removed, at most `cap` characters. */
export function cleanText(v: unknown, cap = TEXT_CAP, timeZone = DEFAULT_TIME_ZONE): string {
  // Most cells are clean already (words and single spaces): nothing to replace.
  if (typeof v === 'string' && v.length <= cap && (isCleanAscii(v) ?? CLEAN.test(v))) return v;
  if (v === undefined || v === null) return '';
  let text = cellText(v, timeZone);
  // Cut long cells before the regexes run: a 50,000-character cell costs nothing more than a short one.
  if (text.length > cap * 4) text = text.slice(0, cap * 4);
  text = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200b\ufeff]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > cap) {
    text = text.slice(0, cap);
    // Never end on half of a surrogate pair (an emoji cut in two).
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
  }
  return text;
}

/**
 * A string that shares no memory with another. A file reader's fields are slices of the text they
 * were parsed from (V8 slices strings of 13 characters or more): one kept slice keeps all that
 * text alive (a few thousand kept cells held ~50 MB of a file's text). A slice of a flat copy
 * keeps only the copy. Shorter strings are copies already.
 */
export const ownCopy = (text: string): string => (text.length < 13 ? text : (text + ' ').slice(0, -1));

/** A cell quoted in a message: short, NIK-masked (before the cut: never half a NIK left whole). */
export function quote(v: unknown, timeZone = DEFAULT_TIME_ZONE): string {
  const text = maskNiksIn(cleanText(v, 240, timeZone));
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
