/**
 * Instants in a time zone, for every feature: the step log's times (ISO 8601 with the
 * spreadsheet's offset, "2026-11-24T09:30:00+07:00", shown as local "yyyy-mm-dd HH:mm") and the
 * calendar day a Date cell falls on. Offsets come from Intl, so any IANA zone works (Asia/Jakarta
 * has no DST, others may), asked once per zone and UTC day; the wall clock is then arithmetic.
 * No imports and no Apps Script globals: the workbench may use this module too.
 */

/** The office's zone: what the CLI and tests assume when no spreadsheet tells otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/**
 * The wall clock of an instant. en-US with h23: midnight is "00", not "24". Exported so the
 * self-check probes exactly these options.
 */
export const WALL_CLOCK_OPTIONS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

/**
 * The calendar day of an instant, with en-CA (its parts are already yyyy, mm, dd): what the
 * self-check probes. isoDateInZone itself now derives the day from the cached offset.
 */
export const CALENDAR_DAY_OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
};

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK_OPTIONS, timeZone });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * The zone's offset at `epoch` from Intl, in milliseconds to the second (old local mean times
 * such as Jakarta's +07:07:12 before 1924 are not whole minutes): one formatToParts, the costly part.
 */
function exactOffsetMs(epoch: number, timeZone: string): number {
  const fields = formatter(timeZone).formatToParts(new Date(epoch));
  const p: Record<string, number> = {};
  for (const f of fields) if (f.type !== 'literal') p[f.type] = Number(f.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epoch / 1000) * 1000;
}

const DAY_MS = 86_400_000;
/**
 * Offsets per zone and UTC day: a day whose start and end have the same offset has it all day
 * (zones change offset at most once a day), so one Intl call serves every instant of the day —
 * a rebuild of 20,000 events then formats times with arithmetic. A day with a change (null) is
 * asked exactly per instant.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();
/** The largest |epoch| a Date holds (ECMA-262 TimeClip). */
const MAX_EPOCH = 8.64e15;

function offsetMs(epoch: number, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(epoch / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    // The day's ends, within what a Date can hold (its last day ends at 8.64e15 ms).
    const first = Math.max(day * DAY_MS, -MAX_EPOCH);
    const last = Math.min(day * DAY_MS + DAY_MS - 1000, MAX_EPOCH);
    const start = exactOffsetMs(first, timeZone);
    offset = start === exactOffsetMs(last, timeZone) ? start : null;
    days.set(day, offset);
  }
  return offset ?? exactOffsetMs(epoch, timeZone);
}

/** The zone's offset from UTC at `epoch`, in minutes (Asia/Jakarta: 420). */
export function offsetMinutes(epoch: number, timeZone: string): number {
  return Math.round(offsetMs(epoch, timeZone) / 60000);
}

/** The wall clock of an instant in a zone, by arithmetic on the (cached) offset. */
function parts(
  epoch: number,
  timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const local = new Date(Math.floor(epoch / 1000) * 1000 + offsetMs(epoch, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "2026-11-24T09:30:00+07:00" for an instant in a zone. */
export function toIsoInZone(epoch: number, timeZone: string): string {
  const p = parts(epoch, timeZone);
  const offset = offsetMinutes(epoch, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/**
 * ISO date of the calendar day `date` falls on in `timeZone`: a Date cell at midnight in Jakarta
 * is that day, not the previous UTC day.
 */
export function isoDateInZone(date: Date, timeZone: string): string {
  const p = parts(date.getTime(), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-11-24 09:30" as shown in sheets and the sidebar. */
export function toLocalText(iso: string, timeZone: string): string {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) return '';
  const p = parts(epoch, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a time as staff or sheets give it — ISO with offset, local "yyyy-mm-dd HH:mm[:ss]" (with
 * a space or a T) in `timeZone`, or a Date cell — as ISO with the zone's offset; null if unreadable.
 */
export function parseTime(value: unknown, timeZone: string): string | null {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : toIsoInZone(value.getTime(), timeZone);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (ISO_WITH_OFFSET.test(text)) {
    const epoch = Date.parse(text);
    return Number.isNaN(epoch) ? null : toIsoInZone(epoch, timeZone);
  }
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > new Date(Date.UTC(year, month, 0)).getUTCDate() ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offset at the wall-clock time: one correction is exact away from DST jumps.
  let epoch = guess - offsetMinutes(guess, timeZone) * 60000;
  epoch = guess - offsetMinutes(epoch, timeZone) * 60000;
  return toIsoInZone(epoch, timeZone);
}

/** Whole minutes from `from` to `to` (ISO strings), rounded. */
export function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 60000);
}

/** The same instant without seconds: "2026-11-24T09:30:45+07:00" → "2026-11-24T09:30:00+07:00". */
export function toMinute(iso: string): string {
  // The usual shape ("…T09:30:45+07:00"): no regex (a rebuild calls this twice per event).
  if (iso.length === 25 && iso[16] === ':' && (iso[19] === '+' || iso[19] === '-'))
    return iso[17] === '0' && iso[18] === '0' ? iso : `${iso.slice(0, 17)}00${iso.slice(19)}`;
  return iso.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, '$1:00$2');
}
