/**
 * What the sidebar shows of activities: plain objects that survive google.script.run (times as
 * "yyyy-mm-dd HH:mm" text in the spreadsheet's zone), computed from the progress state or read
 * from `Kegiatan` rows. server/api.ts re-exports these types for the client.
 */
import { formatMinutes, minutesRange } from '../sop/minutes';
import type { ActivityInfo, ActivityProgress, StepAction } from './model';
import { DEFAULT_WORKING_CALENDAR } from '../calendar/defaults';
import type { WorkingCalendar } from '../calendar/model';
import { actualMinutes, allowedActions, clockMinutes, summarize, type MinuteCounter } from './reducer';
import { ACTIVITY_STATUS_LABELS } from './row-labels';
import { KEGIATAN_HEADERS, parseActivityRow } from './kegiatan-rows';
import { toLocalText } from '../time';

/** One activity (kegiatan) as the list shows it. */
export interface ActivityListItem {
  id: string;
  name: string;
  templateName: string;
  /** yyyy-mm-dd or "". */
  plannedDate: string;
  place: string;
  personInCharge: string;
  status: 'notStarted' | 'running' | 'done';
  percent: number;
  currentStep: number | null;
  revisions: number;
}

export type StepActionName = StepAction;

/** One step of the open activity, ready to show: times are "yyyy-mm-dd HH:mm" in Asia/Jakarta. */
export interface StepView {
  number: number;
  activity: string;
  executors: string[];
  kind: 'process' | 'decision';
  /** As the template says it: "60", "420 atau 840". */
  standardMinutes: string;
  status: 'pending' | 'inProgress' | 'done';
  person: string;
  startedAt: string;
  finishedAt: string;
  /**
   * Working minutes of the latest run (the `Kalender Kerja`'s hours), done or still running
   * (until now); null before the start.
   */
  actualMinutes: number | null;
  /** Clock minutes of the same run (nights, weekends and holidays included). */
  clockMinutes: number | null;
  /** Working actual − the standard's upper bound; positive = over the mutu baku. */
  variance: number | null;
  /** Working minutes of a usual working day: "1 hari" when the sidebar shows a long duration. */
  dayMinutes: number;
  overdue: boolean;
  decision: 'approved' | 'needsRevision' | '';
  /** Times the step was redone after a Perbaikan reopened it. */
  revisions: number;
  /** Decisions: times this step asked for Perbaikan. */
  revisionRequests: number;
  evidence: string;
  note: string;
  override: boolean;
  /** The actions the SOP allows now (start may need an override, see startNeedsOverride). */
  actions: StepActionName[];
  startNeedsOverride: boolean;
}

export interface ActivityView {
  activity: ActivityListItem;
  steps: StepView[];
  /** Now in Asia/Jakarta, "yyyy-mm-ddTHH:mm", the default time of a new log entry. */
  now: string;
}

/** The fields of the list item that come from the activity's identity. */
function identityOf(info: ActivityInfo) {
  const { id, name, templateName, plannedDate, place, personInCharge } = info;
  return { id, name, templateName, plannedDate, place, personInCharge };
}

export function listItem(progress: ActivityProgress): ActivityListItem {
  const { info } = progress;
  const summary = summarize(progress);
  return {
    ...identityOf(info),
    status: summary.status,
    percent: summary.percent,
    currentStep: summary.currentStep,
    revisions: summary.revisions,
  };
}

/** The open activity: every step with its times, minutes against the standard and allowed actions. */
export function activityView(
  progress: ActivityProgress,
  now: string,
  timeZone: string,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): ActivityView {
  const counter: MinuteCounter = { calendar, timeZone };
  const steps = progress.info.steps.map((run, i): StepView => {
    const step = progress.steps[i];
    const actual = actualMinutes(step, now, counter);
    const over = actual === null ? null : actual - minutesRange(run.minutes).max;
    const { actions, startNeedsOverride } = allowedActions(progress, i);
    return {
      number: run.number,
      activity: run.activity,
      executors: [...run.executors],
      kind: run.kind,
      standardMinutes: formatMinutes(run.minutes),
      status: step.status,
      person: step.person,
      startedAt: toLocalText(step.startedAt, timeZone),
      finishedAt: toLocalText(step.finishedAt, timeZone),
      actualMinutes: actual,
      clockMinutes: clockMinutes(step, now),
      variance: over,
      dayMinutes: calendar.dayMinutes,
      overdue: over !== null && over > 0,
      decision: step.decision,
      revisions: step.revisions,
      revisionRequests: step.revisionRequests,
      evidence: step.evidence,
      note: step.note,
      override: step.override,
      actions,
      startNeedsOverride,
    };
  });
  return { activity: listItem(progress), steps, now: toLocalText(now, timeZone).replace(' ', 'T') };
}

const STATUS_BY_LABEL = new Map(
  Object.entries(ACTIVITY_STATUS_LABELS).map(([key, label]) => [label.toLowerCase(), key]),
) as Map<string, ActivityListItem['status']>;
const column = (name: (typeof KEGIATAN_HEADERS)[number]) => KEGIATAN_HEADERS.indexOf(name);
const count = (value: unknown): number => {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
};

/**
 * A `Kegiatan` row as the list shows it, from its identity (Data) and its progress columns
 * (derived from the log, so no `Langkah` read is needed); null for a row that is not an activity.
 */
export function listItemFromRow(values: unknown[]): ActivityListItem | null {
  const parsed = parseActivityRow(values);
  if (!parsed) return null;
  const { info } = parsed;
  const current = Number(values[column('Langkah saat ini')]);
  return {
    ...identityOf(info),
    status: STATUS_BY_LABEL.get(String(values[column('Status')]).trim().toLowerCase()) ?? 'notStarted',
    percent: Math.min(100, count(values[column('Progres (%)')])),
    currentStep: Number.isInteger(current) && current > 0 ? current : null,
    revisions: count(values[column('Perbaikan')]),
  };
}

/** Every activity of the `Kegiatan` data rows, newest first; rows that are not one are left out. */
export function activityListFromRows(rows: unknown[][]): ActivityListItem[] {
  const items: { item: ActivityListItem; createdAt: string }[] = [];
  for (const row of rows) {
    const item = listItemFromRow(row);
    if (item) items.push({ item, createdAt: String(row[column('Dibuat pada')]).replace(' ', 'T') });
  }
  return newestFirst(items);
}

/**
 * The `Kegiatan` columns the list needs, `Status` through `Data` (0-based first, count): the
 * identity comes from `Data`, not from the typed columns before it, so those are never read.
 */
export const LIST_COLUMNS = {
  first: column('Status'),
  count: column('Data') - column('Status') + 1,
} as const;

/**
 * The same list as {@link activityListFromRows}, from the data rows' {@link LIST_COLUMNS} only
 * (one narrower read): the columns left out are ones the list never looks at.
 */
export function activityListFromListColumns(rows: unknown[][]): ActivityListItem[] {
  const before: unknown[] = new Array<unknown>(LIST_COLUMNS.first).fill('');
  return activityListFromRows(rows.map((row) => before.concat(row.slice(0, LIST_COLUMNS.count))));
}

/** Newest first: by creation time, then by id. */
export function newestFirst(items: { item: ActivityListItem; createdAt: string }[]): ActivityListItem[] {
  return items
    .slice()
    .sort(
      (a, b) =>
        Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
        b.item.id.localeCompare(a.item.id, 'en', { numeric: true }),
    )
    .map(({ item }) => item);
}
