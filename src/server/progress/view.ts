/**
 * What the sidebar shows of activities: plain objects that survive google.script.run (times as
 * "yyyy-mm-dd HH:mm" text in the spreadsheet's zone), computed from the core's progress state.
 */
import type { ActivityInfo, ActivityProgress } from '../../core/progress/model';
import { actualMinutes, allowedActions, summarize, variance } from '../../core/progress/reducer';
import { KEGIATAN_HEADERS, parseActivityRow } from '../../core/progress/kegiatan-rows';
import { ACTIVITY_STATUS_LABELS } from '../../core/progress/row-labels';
import { toLocalText } from '../../core/time';
import { formatMinutes } from '../../core/sop/minutes';
import type { ActivityListItem, ActivityView, StepView } from '../api';

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
export function activityView(progress: ActivityProgress, now: string, timeZone: string): ActivityView {
  const steps = progress.info.steps.map((run, i): StepView => {
    const step = progress.steps[i];
    const over = variance(step, run, now);
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
      actualMinutes: actualMinutes(step, now),
      variance: over,
      overdue: over !== null && over > 0,
      decision: step.decision,
      revisions: step.revisions,
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
