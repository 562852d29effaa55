/**
 * Numbers as Sheets shows them: the automatic ("General") format and number format patterns
 * ("#,##0.00", "0%", "0.00E+00", "\"Rp\"#,##0", "0;0", "[$Rp] #,##0"), with the separators of the
 * spreadsheet locale ("the actual rendering of the format depends on the spreadsheet's locale":
 * https://developers.google.com/sheets/api/guides/formats#number_format_patterns).
 */
import type { LocaleRules } from './locale';

export const PLAIN_TEXT = '@';
/** What getNumberFormat reports for a cell with the automatic ("General") format. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

/**
 * The number format stored for setNumberFormat(s): "General" (any case) and "" are the automatic
 * format, which getNumberFormat reports as {@link DEFAULT_NUMBER_FORMAT}.
 */
export function storedNumberFormat(format: unknown): string | undefined {
  if (format === null || format === undefined || format === '') return undefined;
  const s = String(format);
  return s.toLowerCase() === 'general' ? undefined : s;
}

/** Sheets keeps 15 significant digits of a number typed as text, and shows at most 15. */
export function toSheetsNumber(n: number): number {
  if (Number.isInteger(n) && n < 1e15 && n > -1e15) return n;
  if (!Number.isFinite(n) || n === 0) return n;
  return Number(n.toPrecision(15));
}

/** Swap "." and "," for a locale whose decimal separator is ",". */
function localized(s: string, r: LocaleRules): string {
  return r.decimal === '.' ? s : s.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

/** The automatic format: up to 15 significant digits, scientific from 1e15 on. */
function general(n: number, r: LocaleRules): string {
  if (Math.abs(n) >= 1e15)
    return localized(n.toExponential(5).toUpperCase().replace(/E\+?/, 'E+').replace('E+-', 'E-'), r);
  return localized(String(toSheetsNumber(n)), r);
}

/** The sections of a format ("positive;negative;zero;text"), split at ";" outside quotes. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      cur += ch + format[++i];
    } else if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Quoted text, escapes and bracketed tags blanked out, so that only pattern characters remain. */
const masked = (s: string): string => s.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, (m) => '\u0000'.repeat(m.length));

/** The text a literal part of a section shows: quotes and escapes resolved, [$Rp-421] → Rp. */
const literal = (s: string): string =>
  s
    .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, ' ')
    .replace(/\*./g, '');

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

/** The digits of a non-negative value by a pattern such as "#,##0.00", "0.0,," or "0.00E+00". */
function digits(value: number, pattern: string): string {
  const sci = /0(?:\.(0+))?E\+(0+)/i.exec(pattern);
  if (sci) {
    const [mant, ex] = value.toExponential(sci[1]?.length ?? 0).split('e');
    const e = Number(ex);
    return `${mant}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(sci[2].length, '0')}`;
  }
  const dot = pattern.indexOf('.');
  const int = dot < 0 ? pattern : pattern.slice(0, dot);
  const frac = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  // Commas at the end of the integer part divide by a thousand each ("0.0,," shows millions).
  const scaled = value / 1000 ** (/,+$/.exec(int)?.[0].length ?? 0);
  let s = scaled.toFixed(count(frac, /[0#?]/g));
  const optional = count(frac, /[#?]/g);
  if (optional) s = s.replace(/0+$/, (z) => z.slice(0, Math.max(0, z.length - optional))).replace(/\.$/, '');
  if (count(int, /0/g) === 0 && s.startsWith('0') && s !== '0') s = s.slice(1);
  if (/[#0?],[#0?]/.test(int)) {
    const [whole, part] = s.split('.');
    s = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (part !== undefined ? `.${part}` : '');
  }
  return s;
}

/**
 * A number by its cell's number format (none, the default and "@" show the automatic format).
 * A negative number takes the second section when there is one (and then no minus sign), zero
 * the third.
 */
export function formatNumber(n: number, format: string | undefined, r: LocaleRules): string {
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === PLAIN_TEXT) return general(n, r);
  const sections = splitSections(format);
  let section = sections[0];
  let value = n;
  let sign = n < 0;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
    sign = false;
  } else if (n === 0 && sections.length > 2) section = sections[2];
  const body = /[#0?][#0?,.]*(?:E\+[0#]+)?/i.exec(masked(section));
  if (!body) return literal(section).replace('@', general(n, r));
  const before = section.slice(0, body.index);
  const after = section.slice(body.index + body[0].length);
  if (masked(before + after).includes('%')) value *= 100;
  const shown = localized(digits(Math.abs(value), body[0]), r);
  return (sign ? '-' : '') + literal(before) + shown + literal(after);
}
