/**
 * Sheets parses what a script writes as if a person typed it: "=…" becomes a formula, "007" the
 * number 7, "2019-04-15" a date, "TRUE" a boolean. A leading apostrophe keeps the text as typed
 * (it is not part of the value read back). Plans hold text as strings and numbers as numbers, so
 * every string that Sheets would reinterpret is written with that apostrophe.
 * https://support.google.com/docs/answer/3094240 (prefix ' to keep text)
 */
const RISKY_START = /^[=+\-@'\t\r\n]/;
const LOOKS_PARSED =
  /^\s*(?:[-+]?[\d.,]+(?:e[-+]?\d+)?%?|[-+]?\d[\d\s./:-]*|true|false|[$€£¥]\s*[\d.,]+|\d{1,2}\s+(?:jan|feb|mar|apr|may|mei|jun|jul|aug|agu|agt|sep|oct|okt|nov|dec|des)[a-z]*\.?\s+\d{2,4})\s*$/i;

export function needsApostrophe(text: string): boolean {
  return RISKY_START.test(text) || LOOKS_PARSED.test(text);
}

/** The value to write so that `text` is stored and read back exactly as it is. */
export function asLiteralText(text: string): string {
  return text !== '' && needsApostrophe(text) ? `'${text}` : text;
}
