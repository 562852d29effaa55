import type { Language } from '../i18n';
import { describeProgressError } from './errors';
import type { ActivityEvent, ActivityProgress } from './model';
import { applyStepEvent, newProgress } from './reducer';
import type { StepsInRiwayat } from './data-cells';
import { activityRow } from './kegiatan-rows';
import { stepRows } from './langkah-rows';
import { joinContinuations, parseEventRow } from './riwayat-rows';
import type { RowValue } from './row-labels';
import { DEFAULT_WORKING_CALENDAR } from '../calendar/defaults';
import type { WorkingCalendar } from '../calendar/model';

export interface RebuildResult {
  activities: ActivityProgress[];
  /** `Kegiatan` and `Langkah` rows (without headers), in creation order. */
  kegiatan: RowValue[][];
  langkah: RowValue[][];
  /** One located message per `Riwayat` row that could not be applied; those rows are skipped. */
  problems: string[];
}

/**
 * "Bangun ulang progres": replays the event log (`Riwayat` rows, header excluded, first data row
 * `firstRow`) through the same reducer as live logging and lays out both derived sheets.
 */
export function rebuildFromLog(
  rows: unknown[][],
  firstRow: number,
  timeZone: string,
  language: Language = 'id',
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): RebuildResult {
  const activities = new Map<string, ActivityProgress>();
  const stepsIn = new Map<string, StepsInRiwayat>();
  const problems: string[] = [];
  const where = (row: number) => (language === 'id' ? `Riwayat baris ${row}` : `Riwayat row ${row}`);
  joinContinuations(rows, firstRow).forEach(({ values, row, parts }) => {
    if (values.every((v) => v === '' || v === null || v === undefined)) return;
    const parsed = parseEventRow(values, timeZone);
    if (!parsed.ok) {
      const what =
        language === 'id'
          ? `kolom "${parsed.column}" tidak terbaca ("${parsed.value}")`
          : `column "${parsed.column}" is unreadable ("${parsed.value}")`;
      problems.push(`${where(row)}: ${what}.`);
      return;
    }
    const error = apply(activities, parsed.event);
    if (error) problems.push(`${where(row)}: ${describeProgressError(error, language)}`);
    else if (parsed.event.kind === 'create')
      stepsIn.set(parsed.event.activity.id, { row, parts, eventId: parsed.event.id });
  });
  return { ...layoutDerived([...activities.values()], timeZone, stepsIn, calendar), problems };
}

function apply(activities: Map<string, ActivityProgress>, event: ActivityEvent) {
  if (event.kind === 'create') {
    if (activities.has(event.activity.id))
      return { code: 'duplicateActivity' as const, activityId: event.activity.id };
    activities.set(event.activity.id, newProgress(event.activity));
    return null;
  }
  const progress = activities.get(event.activityId);
  if (!progress) return { code: 'unknownActivity' as const, activityId: event.activityId };
  const result = applyStepEvent(progress, event);
  if (!result.ok) return result.error;
  activities.set(event.activityId, result.value);
  return null;
}

/**
 * Both derived sheets for these activities: `Langkah` rows grouped per activity in creation order
 * (the `Kegiatan` row records where its group starts, row 2 being the first data row).
 */
export function layoutDerived(
  activities: ActivityProgress[],
  timeZone: string,
  stepsIn: ReadonlyMap<string, StepsInRiwayat> = new Map(),
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): Omit<RebuildResult, 'problems'> {
  const kegiatan: RowValue[][] = [];
  const langkah: RowValue[][] = [];
  for (const progress of activities) {
    kegiatan.push(activityRow(progress, 2 + langkah.length, timeZone, stepsIn.get(progress.info.id) ?? null));
    // Langkah columns depend on `now` only for running steps, whose actual minutes stay blank.
    langkah.push(...stepRows(progress, '', timeZone, calendar));
  }
  return { activities, kegiatan, langkah };
}
