/**
 * Sheets parses what a script writes as if a person typed it, by the spreadsheet's locale: "=…"
 * becomes a formula, "007" the number 7, "2019-04-15", "April 2024" or "15/04" a date, "9:30 PM"
 * a time, "Rp 100", "(100)" and "50 %" numbers, "1/2" a date or a fraction, "TRUE" a boolean —
 * and the exact rules per locale are not documented. A leading apostrophe keeps the text exactly
 * as typed, and is not part of the value read back (https://support.google.com/docs/answer/3094240).
 * So every non-empty string written to a cell without the "@" (plain text) format gets one:
 * guessing which strings Sheets would convert is how "April 2024" used to become a date.
 */

/** The value to write so that `text` is stored and read back exactly as it is. */
export function asLiteralText(text: string): string {
  return text === '' ? text : `'${text}`;
}
