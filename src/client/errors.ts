import { hasStrings, tr } from './i18n';

/** The prefix when no state brought the strings yet (the first state failed): both languages. */
const FALLBACK_PREFIX = 'Terjadi kesalahan / Something went wrong';

/**
 * The text to show for a failed server call. Apps Script prefixes server errors with their type
 * ("Error: …", "Exception: …", "TypeError: …"): staff need the message only. The server throws a
 * plain Error (or its UserError) only with a message written for staff, so that one shows as it
 * is; anything else (a failed service, a bug, a missing function) is introduced as
 * "Terjadi kesalahan: …".
 */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\w*(?:Error|Exception)):\s*/.exec(text);
  const message = match ? text.slice(match[0].length) : text;
  const forStaff = match?.[1] === 'Error' || match?.[1] === 'UserError';
  const prefix = hasStrings() ? tr('errorPrefix') : FALLBACK_PREFIX;
  return forStaff ? message : `${prefix}: ${message}`;
}
