/**
 * Working minutes between two instants: the parts of [from, to) that fall in the calendar's
 * working hours of a working day, in the spreadsheet's time zone. Nights, weekends, breaks,
 * holidays and cuti bersama do not count. At most the clock minutes, additive over any split,
 * 0 over a day off (test/core/calendar/working-minutes.test.ts).
 */
import { offsetMinutes } from '../time';
import type { CalendarSettings, WorkingCalendar } from './model';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The intervals of a weekday's hours: [start, breakStart) and [breakEnd, end), empty parts left out. */
function intervals(day: CalendarSettings['week'][number]): [number, number][] {
  if (!day.working || day.end <= day.start) return [];
  const hasBreak = day.breakEnd > day.breakStart && day.breakStart < day.end && day.breakEnd > day.start;
  const parts: [number, number][] = hasBreak
    ? [
        [day.start, Math.max(day.start, day.breakStart)],
        [Math.min(day.end, day.breakEnd), day.end],
      ]
    : [[day.start, day.end]];
  return parts.filter(([a, b]) => b > a).map(([a, b]) => [Math.max(0, a), Math.min(1440, b)]);
}

/** The calendar to count with, from the sheet's settings. */
export function workingCalendar(settings: CalendarSettings): WorkingCalendar {
  const week: [number, number][][] = Array.from({ length: 7 }, () => []);
  for (const day of settings.week) week[day.weekday] = intervals(day);
  const totals = week.map((parts) => parts.reduce((sum, [a, b]) => sum + b - a, 0)).filter((m) => m > 0);
  // The most frequent working day length (the longer on a tie): the default week's is 450.
  const counts = new Map<number, number>();
  for (const m of totals) counts.set(m, (counts.get(m) ?? 0) + 1);
  let dayMinutes = 0;
  for (const [m, n] of counts)
    if (n > (counts.get(dayMinutes) ?? 0) || (n === counts.get(dayMinutes) && m > dayMinutes)) dayMinutes = m;
  const daysOff = new Set(settings.holidays.map((h) => Date.parse(`${h.date}T00:00:00Z`) / DAY_MS));
  return { week, daysOff, dayMinutes };
}

/** Local midnight (epoch ms) of local day number `day` (days since 1970-01-01 on the wall clock). */
function localMidnight(day: number, timeZone: string): number {
  const guess = day * DAY_MS;
  const epoch = guess - offsetMinutes(guess, timeZone) * MINUTE_MS;
  return guess - offsetMinutes(epoch, timeZone) * MINUTE_MS;
}

const localDay = (epoch: number, timeZone: string) =>
  Math.floor((epoch + offsetMinutes(epoch, timeZone) * MINUTE_MS) / DAY_MS);

/** Working milliseconds in [from, to) (epoch ms); 0 when to ≤ from. */
export function workingMs(from: number, to: number, calendar: WorkingCalendar, timeZone: string): number {
  if (!(to > from)) return 0;
  let total = 0;
  const last = localDay(to, timeZone);
  for (let day = localDay(from, timeZone); day <= last; day++) {
    // 1970-01-01 was a Thursday (4).
    const parts = calendar.week[(((day + 4) % 7) + 7) % 7];
    if (parts.length === 0) continue;
    if (calendar.daysOff.has(day)) continue;
    const midnight = localMidnight(day, timeZone);
    for (const [a, b] of parts) {
      const overlap = Math.min(to, midnight + b * MINUTE_MS) - Math.max(from, midnight + a * MINUTE_MS);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Whole working minutes from `from` to `to` (ISO strings), rounded; 0 when unreadable or reversed. */
export function workingMinutesBetween(
  from: string,
  to: string,
  calendar: WorkingCalendar,
  timeZone: string,
): number {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return 0;
  return Math.round(workingMs(a, b, calendar, timeZone) / MINUTE_MS);
}
