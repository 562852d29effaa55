/**
 * Sheets date and time number formats ("dd/mm/yyyy", "yyyy-mm-dd hh:mm", "d mmmm yyyy"...), the
 * way getDisplayValues and the grid show a date.
 * https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns
 */
import { ENGLISH_NAMES, type DateNames } from './names';
import { zonedParts } from './zones';

const pad = (n: number, w: number): string => String(Math.abs(n)).padStart(w, '0');

interface Token {
  t: string;
  lit?: boolean;
}

/**
 * Literals ("text", \x, other characters) and fields (y…, m…, d…, h…, s…, am/pm). Bracketed tags
 * such as [$-421] or [Red] show nothing; elapsed [h], [mm], [ss] show as h, mm, ss.
 */
function tokenize(format: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      toks.push({ t: format.slice(i + 1, stop), lit: true });
      i = stop + 1;
      continue;
    }
    if (ch === '\\') {
      toks.push({ t: format[i + 1] ?? '', lit: true });
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = format.indexOf(']', i);
      const stop = end < 0 ? format.length : end;
      const inner = format.slice(i + 1, stop).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner)) toks.push({ t: inner });
      i = stop + 1;
      continue;
    }
    const rest = format.slice(i, i + 5).toLowerCase();
    if (rest.startsWith('am/pm') || rest.startsWith('a/p')) {
      toks.push({ t: 'ampm' });
      i += rest.startsWith('am/pm') ? 5 : 3;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ymdhs'.includes(lower)) {
      let n = 1;
      while (format[i + n] && format[i + n].toLowerCase() === lower) n++;
      toks.push({ t: lower.repeat(n) });
      i += n;
      continue;
    }
    toks.push({ t: ch, lit: true });
    i++;
  }
  return toks;
}

/** `m`/`mm` at field k means minutes: right after an hour field or right before a seconds field. */
function isMinute(toks: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    if (toks[j].lit) continue;
    if (toks[j].t.startsWith('h')) return true;
    break;
  }
  for (let j = k + 1; j < toks.length; j++) {
    if (toks[j].lit) continue;
    return toks[j].t.startsWith('s');
  }
  return false;
}

/**
 * The instant `ms` in `tz` written by a Sheets date/time format. Month and day names come from
 * the spreadsheet locale (`names`; English by default).
 */
export function formatSheetsDate(
  ms: number,
  tz: string,
  format: string,
  names: DateNames = ENGLISH_NAMES,
): string {
  const p = zonedParts(ms, tz);
  const toks = tokenize(format);
  const hasAmPm = toks.some((t) => t.t === 'ampm');
  return toks
    .map((tok, k) => {
      if (tok.lit) return tok.t;
      const t = tok.t;
      const n = t.length;
      switch (t[0]) {
        case 'y':
          return n <= 2 ? pad(p.year % 100, 2) : String(p.year);
        case 'm':
          if (n <= 2 && isMinute(toks, k)) return pad(p.minute, n);
          if (n === 1) return String(p.month);
          if (n === 2) return pad(p.month, 2);
          if (n === 3) return names.months[p.month - 1].slice(0, 3);
          if (n === 5) return names.months[p.month - 1][0];
          return names.months[p.month - 1];
        case 'd':
          if (n === 1) return String(p.day);
          if (n === 2) return pad(p.day, 2);
          if (n === 3) return names.days[p.weekday].slice(0, 3);
          return names.days[p.weekday];
        case 'h': {
          const h = hasAmPm ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
          return n === 1 ? String(h) : pad(h, 2);
        }
        case 's':
          return n === 1 ? String(p.second) : pad(p.second, 2);
        default:
          return p.hour < 12 ? 'AM' : 'PM'; // ampm
      }
    })
    .join('');
}

/**
 * Whether a Sheets number format is a date/time format: y, d, h or s (or only m) outside quotes,
 * escapes and bracketed tags ([$Rp], [Red]; elapsed [h] counts).
 */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[ydhs]/i.test(bare) || /^m+$/i.test(bare.trim());
}
