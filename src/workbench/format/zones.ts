/**
 * Time zones through Intl (any IANA zone, daylight saving included): the wall clock of an instant
 * in a zone, and the instant of a wall clock. Shared by the services, the page and the export;
 * no Node APIs (the page bundles it for the browser).
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

/** The wall clock of the instant `ms` in `tz` (throws a RangeError for a zone Intl does not know). */
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

/** How far the zone's wall clock is ahead of UTC at the instant, in milliseconds (to the second). */
export function tzOffsetMs(ms: number, tz: string): number {
  const p = zonedParts(ms, tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - ms;
}

/** Offset of the zone from UTC at the instant, in minutes (Asia/Jakarta: +420). */
export function tzOffsetMinutes(ms: number, tz: string): number {
  return Math.round(tzOffsetMs(ms, tz) / 60000);
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
