import { formatDuration } from '../core/calendar/duration';
import { tr } from './i18n';

/**
 * Times as the sidebar shows and sends them. The server speaks the spreadsheet's wall-clock time
 * (Asia/Jakarta): "yyyy-mm-dd HH:mm" in a StepView, "yyyy-mm-ddTHH:mm" for <input type=datetime-local>
 * and LogStepRequest.at. No Date arithmetic here: the browser's own time zone must not matter.
 */

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const STAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a complete datetime-local value ("2026-11-24T09:30"). */
export function isLocalInput(value: string): boolean {
  return LOCAL_INPUT.test(value);
}

/** A datetime-local value, trimmed to minutes ("…T09:30:00" → "…T09:30"); "" when unreadable. */
export function toLocalInput(value: string): string {
  const match = STAMP.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}` : '';
}

/** A datetime-local value moved by whole minutes (wall-clock arithmetic: no zone is involved). */
export function addMinutes(local: string, minutes: number): string {
  const time = Date.parse(`${local}:00Z`);
  return Number.isNaN(time) ? local : new Date(time + minutes * 60_000).toISOString().slice(0, 16);
}

/** "2026-11-24 09:30" → "24/11 09:30", or "24/11/2025 09:30" when not in `now`'s year. */
export function shortStamp(stamp: string, now: string): string {
  const match = STAMP.exec(stamp);
  if (!match) return stamp;
  const [, year, month, day, hour, minute] = match;
  const date = now.startsWith(year) ? `${day}/${month}` : `${day}/${month}/${year}`;
  return `${date} ${hour}:${minute}`;
}

/** "2026-11-24" → "24/11/2026"; anything else as it is. */
export function shortDate(value: string): string {
  const match = DATE.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** "60" → "60 mnt"; "420 atau 840" → "420 atau 840 mnt" ("420 or 840 min" in English). */
export function standardText(minutes: string): string {
  const joined = minutes
    .trim()
    .split(/\s+atau\s+/i)
    .join(` ${tr('sideStepOr')} `);
  return tr('sideStepMinutes', { minutes: joined });
}

/**
 * Working minutes as people say them: "45 mnt", "2 hari 3 jam 15 mnt" — a day being the
 * calendar's usual working day (`dayMinutes`, 450 by default), not 24 hours.
 */
export function durationText(minutes: number, dayMinutes: number): string {
  return formatDuration(minutes, dayMinutes, {
    day: tr('sideDurationDay'),
    hour: tr('sideDurationHour'),
    minute: tr('sideDurationMinute'),
  });
}

/** Clock minutes, with 24-hour calendar days: "3 hari kalender 18 jam". */
export function clockText(minutes: number): string {
  return formatDuration(minutes, 1440, {
    day: tr('sideDurationCalendarDay'),
    hour: tr('sideDurationHour'),
    minute: tr('sideDurationMinute'),
  });
}

/** "+25 mnt", "−10 mnt", "±0 mnt", "+2 hari 1 jam" (working days of `dayMinutes`). */
export function varianceText(variance: number, dayMinutes = 0): string {
  const sign = variance > 0 ? '+' : variance < 0 ? '−' : '±';
  return `${sign}${durationText(variance, dayMinutes)}`;
}

/** An address worth a link: http(s) only, parseable, no spaces. Anything else shows as text. */
export function isWebLink(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value.trim())) return false;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
