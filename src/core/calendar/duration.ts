/**
 * A long duration as people say it: "2 hari 3 jam 15 mnt", where a day is the calendar's usual
 * working day (7 jam 30 mnt by default), not 24 hours. Pure and tiny: the sidebar uses it too.
 */

export interface DurationUnits {
  day: string;
  hour: string;
  minute: string;
}

export const DURATION_UNITS_ID: DurationUnits = { day: 'hari', hour: 'jam', minute: 'mnt' };

/** "2 hari 3 jam 15 mnt", "45 mnt", "0 mnt"; the sign is the caller's (abs value shown). */
export function formatDuration(
  minutes: number,
  dayMinutes: number,
  units: DurationUnits = DURATION_UNITS_ID,
): string {
  let rest = Math.round(Math.abs(minutes));
  const days = dayMinutes > 0 ? Math.floor(rest / dayMinutes) : 0;
  rest -= days * dayMinutes;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts = [
    days > 0 ? `${days} ${units.day}` : '',
    hours > 0 ? `${hours} ${units.hour}` : '',
    mins > 0 || (days === 0 && hours === 0) ? `${mins} ${units.minute}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
