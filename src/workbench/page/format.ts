/**
 * Display text of a cell value, the way Sheets shows it: by its number format when it has one,
 * else numbers plain, booleans TRUE/FALSE and Dates as d/M/yyyy HH:mm (d/M/yyyy at midnight),
 * in the spreadsheet's time zone.
 */
import type { CellValue } from '../model';

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(d: Date, timeZone: string): DateParts {
  let f = partFormatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
        hourCycle: 'h23',
      });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hourCycle: 'h23' });
    }
    partFormatters.set(timeZone, f);
  }
  const get = (type: string): string => f.formatToParts(d).find((p) => p.type === type)?.value ?? '0';
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: Math.max(0, days.indexOf(get('weekday'))),
  };
}

const MONTHS = [
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
const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** True when a number format shows a date or a time. */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return !/[#0?@]/.test(bare) && /[dyhms]/i.test(bare);
}

type Token = { kind: 'lit'; text: string } | { kind: 'field'; text: string };

function tokenizeDate(fmt: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      out.push({ kind: 'lit', text: fmt.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? fmt.length : end + 1;
    } else if (ch === '\\' && i + 1 < fmt.length) {
      out.push({ kind: 'lit', text: fmt[i + 1] });
      i += 2;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i);
      i = end < 0 ? fmt.length : end + 1;
    } else if (/am\/pm/i.test(fmt.slice(i, i + 5))) {
      out.push({ kind: 'field', text: 'AM/PM' });
      i += 5;
    } else if (/[dmyhs]/i.test(ch)) {
      let j = i;
      while (j < fmt.length && fmt[j].toLowerCase() === ch.toLowerCase()) j++;
      out.push({ kind: 'field', text: fmt.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return out;
}

export function formatDate(d: Date, fmt: string, timeZone: string): string {
  if (Number.isNaN(d.getTime())) return '#VALUE!';
  const p = partsIn(d, timeZone);
  const tokens = tokenizeDate(fmt);
  const fields = tokens.filter((t) => t.kind === 'field').map((t) => t.text.toLowerCase());
  const twelve = fields.includes('am/pm');
  let fieldIndex = -1;
  return tokens
    .map((t) => {
      if (t.kind === 'lit') return t.text;
      fieldIndex++;
      const lower = t.text.toLowerCase();
      const n = t.text.length;
      switch (lower[0]) {
        case 'y':
          return n <= 2 ? pad(p.year % 100) : String(p.year);
        case 'd':
          if (n >= 4) return WEEKDAYS[p.weekday];
          if (n === 3) return WEEKDAYS[p.weekday].slice(0, 3);
          return n === 2 ? pad(p.day) : String(p.day);
        case 'h': {
          const h = twelve ? p.hour % 12 || 12 : p.hour;
          return n >= 2 ? pad(h) : String(h);
        }
        case 's':
          return n >= 2 ? pad(p.second) : String(p.second);
        case 'a':
          return p.hour < 12 ? 'AM' : 'PM';
        case 'm': {
          // "m" is minutes right after an hour or right before seconds, otherwise the month.
          const prev = fields[fieldIndex - 1] ?? '';
          const next = fields[fieldIndex + 1] ?? '';
          const minute = n <= 2 && (prev.startsWith('h') || next.startsWith('s'));
          if (minute) return n === 2 ? pad(p.minute) : String(p.minute);
          if (n >= 4) return MONTHS[p.month - 1];
          if (n === 3) return MONTHS[p.month - 1].slice(0, 3);
          return n === 2 ? pad(p.month) : String(p.month);
        }
        default:
          return t.text;
      }
    })
    .join('');
}

/** A number by a Sheets number format section such as "#,##0.00", "0%", "[$Rp] #,##0". */
export function formatNumber(n: number, fmt: string): string {
  const sections = splitSections(fmt);
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) {
    section = sections[2];
  }
  // literal prefix/suffix around the digit placeholders
  const lit = (s: string): string =>
    s
      .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, '$1')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/"([^"]*)"/g, '$1')
      .replace(/\\(.)/g, '$1')
      .replace(/_./g, ' ')
      .replace(/\*./g, '');
  const body = /[#0?][#0?,.]*/.exec(
    section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, (m) => '\u0000'.repeat(m.length)),
  );
  if (!body) return lit(section).replace('@', String(n));
  const prefix = lit(section.slice(0, body.index));
  const suffix = lit(section.slice(body.index + body[0].length));
  const percent = (prefix + suffix).includes('%');
  if (percent) value *= 100;
  const pattern = body[0];
  const dot = pattern.indexOf('.');
  const decPart = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  const minDec = (decPart.match(/0/g) ?? []).length;
  const maxDec = decPart.length;
  const intPart = dot < 0 ? pattern : pattern.slice(0, dot);
  const grouping = /[#0?],[#0?]/.test(intPart);
  const trailingCommas = (/,+$/.exec(intPart)?.[0].length ?? 0) * 3;
  if (trailingCommas) value /= 10 ** trailingCommas;
  const minInt = (intPart.match(/0/g) ?? []).length;
  let text = Math.abs(value).toLocaleString('en-US', {
    minimumFractionDigits: minDec,
    maximumFractionDigits: maxDec,
    useGrouping: grouping,
    minimumIntegerDigits: Math.max(1, minInt),
  });
  if (minInt === 0 && text.startsWith('0') && text.length > 1 && text[1] === '.') text = text.slice(1);
  const sign = value < 0 && sections.length === 1 && Math.abs(value) > 0 ? '-' : '';
  return sign + prefix + text + suffix;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Days since 1899-12-30 (Sheets' serial date) as a Date. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

export function formatValue(
  value: CellValue | null | undefined,
  numberFormat: string | undefined,
  timeZone: string,
): string {
  if (value === null || value === undefined || value === '') return '';
  const fmt = numberFormat && numberFormat !== 'General' ? numberFormat : '';
  if (value instanceof Date) {
    if (fmt && isDateFormat(fmt)) return formatDate(value, fmt, timeZone);
    const p = partsIn(value, timeZone);
    const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
    return formatDate(value, midnight ? 'd/M/yyyy' : 'd/M/yyyy HH:mm', timeZone);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '#NUM!';
    // Sheets shows at most 15 significant digits: 0.1 + 0.2 is 0.3
    if (!fmt || fmt === '@') return String(Number(value.toPrecision(15)));
    try {
      if (isDateFormat(fmt)) return formatDate(serialToDate(value), fmt, 'UTC');
      return formatNumber(value, fmt);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
