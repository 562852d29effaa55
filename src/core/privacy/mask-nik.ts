/**
 * The one NIK masker. A NIK is personal data (UU 27/2022 PDP): the `Peserta` register keeps it by
 * design, and every other text the add-in or the CLI writes or shows — report cells, findings,
 * previews, errors, sheet names, chart titles, toasts, sidebar answers, CLI text, JSON and .xlsx —
 * passes through {@link maskNiksIn}.
 *
 * The rule, decided by the digits' structure, not by where they stand:
 * - A digit run is digits joined by separators: whitespace (also no-break and zero-width spaces),
 *   or one or two of `. - / _` and the Unicode dashes, with optional whitespace around them.
 *   Commas, colons, `|`, letters and `*` end a run (amounts "1.250.000, 2.500.000", times, tables).
 * - NIK: 16 digits PP KK CC DDMMYY SSSS, PP a Kemendagri province code, DD 01–31 (41–71 for
 *   women), MM 01–12. Found at any position of a run, also when more digits follow (a year).
 *   Every NIK decodeNik accepts has this shape.
 * - A group of exactly 16 digits (no separator inside, no digit glued to it) is masked whatever
 *   its digits: nothing but an identifier is written that way (a NIK with a typo, a KK, a card).
 * - NIP (civil servants, 18 digits: birth YYYYMMDD, appointment YYYYMM at least 15 years later,
 *   sex digit 1 or 2, serial NNN), as whole groups of a run ("NIP. 19650713 199203 2 002"): kept.
 *   A 16-digit window starting inside a NIP is no NIK (a NIP's own first 16 digits never are: its
 *   9th–10th digits, the appointment's century, are 19 or 20, never a month).
 * - Everything else stays as written: phone numbers (+62 812-3456-7890), dates, amounts, NIPs.
 *
 * Masked form: the first and last 4 digits of the NIK, the 8 between as "*", the separators inside
 * it dropped: "1971 0112 0375 0034 2024" → "1971********0034 2024". Every NIK-shaped window of a
 * run keeps at least one "*", so no output holds a NIK's 16 digits in a row.
 */
import { isoDate } from '../dates';

/** Kemendagri province codes (the first two digits of a NIK), Papua's 2022 provinces included. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 93 94 95 96'.split(
    ' ',
  ),
);

const WS = '[\\s\\u200b-\\u200d\\u2060\\ufeff]';
const PUNCT = '[./_\\-\\u2010-\\u2015\\u2212]';
/** Digits joined by separators. Linear: every alternative must end on a digit. */
const RUN = new RegExp(`\\d+(?:(?:${WS}*${PUNCT}{1,2}${WS}*|${WS}+)\\d+)*`, 'g');

/** 16 digits shaped like a NIK: province code, day 01–31 or 41–71, month 01–12. */
export function nikShaped(digits: string): boolean {
  if (!/^\d{16}$/.test(digits) || !PROVINCE_CODES.has(digits.slice(0, 2))) return false;
  const day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  return ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) && month >= 1 && month <= 12;
}

/** 18 digits shaped like a NIP: a real birth date 1900–2099, appointment 15+ years later, sex 1/2. */
export function nipShaped(digits: string): boolean {
  if (!/^\d{18}$/.test(digits)) return false;
  const year = Number(digits.slice(0, 4));
  if (year < 1900 || year > 2099) return false;
  if (!isoDate(year, Number(digits.slice(4, 6)), Number(digits.slice(6, 8)))) return false;
  const appointed = Number(digits.slice(8, 12));
  const month = Number(digits.slice(12, 14));
  if (appointed < year + 15 || appointed > 2099 || month < 1 || month > 12) return false;
  return digits[14] === '1' || digits[14] === '2';
}

/** "1971xxxxxxxx1234" → "1971********1234": the digits of `nik`, the middle ones hidden. */
export function maskNik(nik: string): string {
  const digits = nik.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

/**
 * Whether some stretch of digits, separators and spaces holds 16 digits: only then can a run
 * (RUN: digits, WS and PUNCT only) hold a NIK. A superset of RUN's characters continues a
 * stretch (every control, space and non-ASCII character, . / _ -), so "no" is exact; the
 * findings of a register ("Baris 1234: NIK 1901********1234 sama dengan baris 98") are all "no".
 * A regex rather than a loop over charCodeAt: the CLI masks its whole printout (13.7 MB at 1 M
 * rows), 89 → 62 ms a pass. Linear, at most 16 tries a digit: separators and digits are disjoint.
 */
// eslint-disable-next-line no-control-regex -- controls continue a stretch, as in RUN's \s
const SIXTEEN_DIGITS = /\d(?:[\x00-\x20\x2d-\x2f\x5f\x80-\uffff]*\d){15}/;
const mayHoldNik = (text: string): boolean => SIXTEEN_DIGITS.test(text);

/** `text` with every NIK in it masked (the rule above); anything else unchanged. */
export function maskNiksIn(text: string): string {
  const source = String(text);
  // Most texts hold no 16 digits together: nothing to look at.
  return mayHoldNik(source) ? maskRuns(source) : source;
}

/** maskNiksIn without its shortcut: every run looked at (the reference its tests compare with). */
export function maskRuns(text: string): string {
  const source = String(text);
  return source.replace(RUN, (run: string, offset: number) => {
    const glued = source[offset - 1] === '*' || source[offset + run.length] === '*';
    return maskRun(run, glued);
  });
}

/** Every string inside `value` (arrays and plain objects, deeply) masked; other values as they are. */
export function maskNiksDeep<T>(value: T): T {
  if (typeof value === 'string') return maskNiksIn(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskNiksDeep(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, maskNiksDeep(item)]),
    ) as T;
  return value;
}

/** One digit run: its NIK windows masked. `glued`: a "*" touches it (what an earlier mask left). */
function maskRun(run: string, glued: boolean): string {
  const positions: number[] = [];
  /** [first, end) digit indices of each group (digits with no separator between them). */
  const groups: [number, number][] = [];
  for (let i = 0; i < run.length; i++) {
    if (!isDigitAt(run, i)) continue;
    if (i === 0 || !isDigitAt(run, i - 1)) groups.push([positions.length, positions.length]);
    positions.push(i);
    groups[groups.length - 1][1] = positions.length;
  }
  const n = positions.length;
  if (n < 16) return run;
  const digits = positions.map((p) => run[p]).join('');
  const starts = new Set(groups.map(([first]) => first));
  const ends = new Set(groups.map(([, end]) => end));

  // Windows starting inside a NIP (whole groups, 18 digits) are not NIKs.
  const insideNip = new Uint8Array(n);
  for (const start of starts)
    if (ends.has(start + 18) && nipShaped(digits.slice(start, start + 18)))
      insideNip.fill(1, start, start + 18);

  // Candidates, the most likely first: aligned with the groups at both ends, at the start, at the
  // end, anywhere (digits glued before it). A group of exactly 16 digits is one whatever its
  // digits, unless a "*" touches it (the rest of a longer group an earlier mask broke).
  const bare = new Set(
    groups
      .filter(([first, end], g) => end - first === 16 && !(glued && (g === 0 || g === groups.length - 1)))
      .map(([first]) => first),
  );
  const candidates: { at: number; rank: number }[] = [];
  for (let at = 0; at + 16 <= n; at++)
    if (bare.has(at) || (!insideNip[at] && nikShaped(digits.slice(at, at + 16))))
      candidates.push({ at, rank: (starts.has(at) ? 0 : 2) + (ends.has(at + 16) ? 0 : 1) });
  if (candidates.length === 0) return run;
  candidates.sort((a, b) => a.rank - b.rank || a.at - b.at);

  // A window already holding a hidden digit is broken; any other is masked.
  const hidden = new Uint8Array(n);
  const chosen: number[] = [];
  for (const { at } of candidates) {
    if (hidden.subarray(at, at + 16).some((h) => h === 1)) continue;
    hidden.fill(1, at + 4, at + 12);
    chosen.push(at);
  }

  // Each stretch of masked windows is written as digits and "*" without separators.
  chosen.sort((a, b) => a - b);
  let out = '';
  let copied = 0;
  for (let k = 0; k < chosen.length;) {
    const from = chosen[k];
    let to = from + 16;
    while (++k < chosen.length && chosen[k] < to) to = Math.max(to, chosen[k] + 16);
    out += run.slice(copied, positions[from]);
    for (let d = from; d < to; d++) out += hidden[d] ? '*' : digits[d];
    copied = positions[to - 1] + 1;
  }
  return out + run.slice(copied);
}

function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}
