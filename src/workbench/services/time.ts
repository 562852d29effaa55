/**
 * Time-zone arithmetic through Intl (works for any IANA zone, DST included) and the two date
 * pattern languages the services need: Java SimpleDateFormat (Utilities.formatDate) and
 * Sheets number formats (getDisplayValues).
 */

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(tz, f);
  }
  return f;
}

/** Whether Intl knows the IANA zone. */
export function isValidTimeZone(tz: string): boolean {
  try {
    partsFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(ms: number, tz: string): ZonedParts {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(tz).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const year = p.year;
  const weekday = new Date(Date.UTC(year, p.month - 1, p.day)).getUTCDay();
  return {
    year,
    month: p.month,
    day: p.day,
    hour: p.hour === 24 ? 0 : p.hour,
    minute: p.minute,
    second: p.second,
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday,
  };
}

/** Offset of the zone from UTC at the instant, in minutes (Asia/Jakarta: +420). */
export function tzOffsetMinutes(ms: number, tz: string): number {
  const p = zonedParts(ms, tz);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return Math.round((wall - ms) / 60000);
}

/** The instant at which the wall clock of `tz` shows the given time. */
export function zonedToUtc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
  tz = 'UTC',
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let ms = wall - tzOffsetMinutes(wall, tz) * 60000;
  const second_ = wall - tzOffsetMinutes(ms, tz) * 60000;
  if (second_ !== ms) ms = second_;
  return ms;
}

/** Month and weekday names as Sheets displays them (English, Indonesian). */
export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const ID_MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
export const ID_DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = EN_MONTHS;
const DAYS = EN_DAYS;

const pad = (n: number, w: number): string => String(Math.abs(n)).padStart(w, '0');

function offsetString(min: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (min === 0 && style !== 'Z') return 'Z';
  const sign = min < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(min) / 60), 2);
  const m = pad(Math.abs(min) % 60, 2);
  if (style === 'X1') return sign + h + (m === '00' ? '' : m);
  if (style === 'X3') return `${sign}${h}:${m}`;
  return sign + h + m;
}

function zoneName(ms: number, tz: string, long: boolean): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: long ? 'long' : 'short' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName');
  return part ? part.value : tz;
}

/**
 * java.text.SimpleDateFormat, as Utilities.formatDate uses it (English names).
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html
 */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const p = zonedParts(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D': {
        const doy = (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000 + 1;
        out += pad(doy, n);
        break;
      }
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetString(tzOffsetMinutes(ms, tz), 'Z');
        break;
      case 'X':
        out += offsetString(tzOffsetMinutes(ms, tz), n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
      case 'z':
        out += zoneName(ms, tz, n >= 4);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Milliseconds for a Sheets serial number (days since 1899-12-30) read as wall time in tz. */
export function serialToMs(serial: number, tz: string): number {
  const wall = Math.round((serial - 25569) * 86400000);
  const d = new Date(wall);
  return zonedToUtc(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
    tz,
  );
}

/**
 * A Sheets date/time number format ("dd/mm/yyyy", "yyyy-mm-dd hh:mm", "d mmmm yyyy"...).
 * `m`/`mm` mean minutes right after an hour token or right before a seconds token. Month and
 * day names come from the spreadsheet locale (`names`; English by default).
 * https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns
 */
export function formatSheetsDate(
  ms: number,
  tz: string,
  format: string,
  names: { months: readonly string[]; days: readonly string[] } = { months: MONTHS, days: DAYS },
): string {
  const p = zonedParts(ms, tz);
  type Tok = { t: string; lit?: boolean };
  const toks: Tok[] = [];
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
    const rest = format.slice(i).toLowerCase();
    if (rest.startsWith('am/pm') || rest.startsWith('a/p')) {
      const len = rest.startsWith('am/pm') ? 5 : 3;
      toks.push({ t: 'ampm' });
      i += len;
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
  const hasAmPm = toks.some((t) => t.t === 'ampm');
  const isMinute = (k: number): boolean => {
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
  };
  return toks
    .map((tok, k) => {
      if (tok.lit) return tok.t;
      const t = tok.t;
      const n = t.length;
      switch (t[0]) {
        case 'y':
          return n <= 2 ? pad(p.year % 100, 2) : String(p.year);
        case 'm':
          if (n <= 2 && isMinute(k)) return pad(p.minute, n);
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
        case 'a':
          return p.hour < 12 ? 'AM' : 'PM';
        default:
          return t;
      }
    })
    .join('');
}

/** Whether a Sheets number format is a date/time format (has y, d, h or s outside quotes). */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ydhs]/i.test(bare) || /^m+$/i.test(bare.trim());
}
