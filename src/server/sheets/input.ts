/**
 * What the sidebar sends is checked before anything is written: text trimmed and within limits,
 * dates that exist in the calendar. A refusal is a UserError naming the field, never a cut value.
 */
import { t, type Language, type StringKey } from '../../core/i18n';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { UserError } from './errors';

/** Longest text accepted from the sidebar (a cell holds 50,000 characters). */
export const MAX_TEXT = 5000;

/**
 * Sidebar text the add-in keeps in its own sheets (an activity's name, a place, a note): trimmed,
 * at most `max` characters (longer → a message, never cut silently), and a NIK typed inside it
 * masked (UU 27/2022 PDP: only `Peserta` holds NIKs whole), so Riwayat, Kegiatan, Langkah, the
 * reports and every answer derived from it hold the masked text. The language may be a function,
 * read only when the message is needed.
 */
export function typedText(
  value: unknown,
  field: StringKey,
  language: Language | (() => Language),
  max = MAX_TEXT,
): string {
  return maskNiksIn(typedPesertaText(value, field, language, max));
}

/** {@link typedText} as typed, NIKs included: for the participant register `Peserta` only. */
export function typedPesertaText(
  value: unknown,
  field: StringKey,
  language: Language | (() => Language),
  max = MAX_TEXT,
): string {
  const text = asTrimmedText(value);
  if (text.length > max) {
    const lang = typeof language === 'function' ? language() : language;
    throw new UserError(t(lang, 'progressTextTooLong', { field: t(lang, field), length: text.length, max }));
  }
  return text;
}

/** yyyy-mm-dd that exists in the calendar, or "" (no date); anything else is `problem`. */
export function typedDate(value: unknown, problem: StringKey, language: Language | (() => Language)): string {
  const text = asTrimmedText(value);
  if (text === '') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
    throw new UserError(
      t(typeof language === 'function' ? language() : language, problem, { value: text.slice(0, 40) }),
    );
  return text;
}

/** null and undefined are "", anything else its text, trimmed. */
export function asTrimmedText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}
