import { formatNumberId } from '../format';
import { formatMinutes, minutesRange } from '../sop/minutes';
import type { ActivityEvent, ActivityProgress, ActivitySummary } from './model';
import { applyStepEvent, newProgress, summarize } from './reducer';
import { joinContinuations, parseEventRow } from './riwayat-rows';
import { sopGroupName } from './sop-version';
import { minutesBetween, toMinute } from '../time';
import { DEFAULT_WORKING_CALENDAR } from '../calendar/defaults';
import type { WorkingCalendar } from '../calendar/model';
import { workingMinutesBetween } from '../calendar/working-minutes';

/**
 * SOP monitoring (Permenpan RB 35/2012, "formulir monitoring"): replays the event log (`Riwayat`)
 * through the same reducer as live logging and measures every step of every SOP across its
 * activities.
 *
 * Definitions (all per SOP and step number):
 * - a *run* is a start followed by the step's finish, Sesuai or Perbaikan in the same activity; a
 *   step redone after a Perbaikan is a new run. A start that a Perbaikan resets before it ends is
 *   no run. Events the state machine refuses (and unreadable rows) are skipped and counted.
 * - *actual minutes* of a run: working minutes from start to end (the `Kalender Kerja`'s hours,
 *   as the mutu baku is working time), both at minute precision.
 * - a run is *within the standard* when actual ≤ the upper bound of the standard that the run's
 *   own activity froze ("420 atau 840" → 840).
 * - *revisions* = Perbaikan decisions taken on the step + times a Perbaikan elsewhere sent the step
 *   back to be redone (it was started or done and became pending again). Steps that a Perbaikan
 *   resets before they ever started are not counted: nothing of theirs is redone.
 * - step names and standards shown are the latest activity's (the template may have changed).
 */

export interface StepMonitoring {
  number: number;
  /** Step text (Prosedur) of the latest activity that has this step. */
  activity: string;
  /** The standard as shown ("60", "420 atau 840") and its upper bound in minutes. */
  standardText: string;
  standardMax: number;
  /** Completed runs across all activities. */
  runs: number;
  /** Actual (working) minutes of each run, in log order. */
  actuals: number[];
  median: number | null;
  /** Median clock minutes of the runs (nights, weekends, days off included). */
  clockMedian: number | null;
  max: number | null;
  /** Runs within their standard; runs − within = overruns. */
  within: number;
  /** within ÷ runs × 100, rounded down (so 100 only when every run is within); null without runs. */
  percentWithin: number | null;
  /** Perbaikan decisions taken on this step. */
  revisionDecisions: number;
  /** Times a Perbaikan sent this step back to be redone. */
  reopened: number;
  revisions: number;
  /** Activities in which the step completed at least once. */
  activities: number;
  form: MonitoringForm;
}

/** One row of the official monitoring form, prefilled; Paraf penilai stays blank (signed on paper). */
export interface MonitoringForm {
  assessment: 'good' | 'notGood' | '';
  note: string;
  action: string;
}

export interface SopMonitoring {
  templateName: string;
  activities: { total: number; done: number; running: number; notStarted: number };
  steps: StepMonitoring[];
}

export interface MonitoringReport {
  sops: SopMonitoring[];
  /** Non-blank log rows read, and those skipped: unreadable, or refused by the state machine. */
  rows: number;
  unreadable: number;
  refused: number;
}

export const ACTION_OVERRUN = 'Tinjau waktu baku atau beban kerja pelaksana.';
export const ACTION_REVISION = 'Perjelas persyaratan/kelengkapan langkah.';
export const NEVER_RUN = 'Belum pernah dilaksanakan.';

interface StepAccumulator {
  actuals: number[];
  clock: number[];
  within: number;
  revisionDecisions: number;
  reopened: number;
  activities: Set<string>;
}

interface SopAccumulator {
  templateName: string;
  activityIds: string[];
  steps: Map<number, StepAccumulator>;
}

/**
 * The monitoring report from `Riwayat` rows (header excluded). Activities are grouped by the
 * template name their create event froze; SOPs and steps come out in order (SOP name, step number).
 */
export function monitorFromLog(
  rows: unknown[][],
  timeZone: string,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): MonitoringReport {
  const activities = new Map<string, ActivityProgress>();
  const sops = new Map<string, SopAccumulator>();
  const report = { rows: 0, unreadable: 0, refused: 0 };

  const stepOf = (sop: SopAccumulator, number: number): StepAccumulator => {
    let step = sop.steps.get(number);
    if (!step) {
      step = { actuals: [], clock: [], within: 0, revisionDecisions: 0, reopened: 0, activities: new Set() };
      sop.steps.set(number, step);
    }
    return step;
  };

  for (const { values } of joinContinuations(rows, 0)) {
    if (values.every((v) => v === '' || v === null || v === undefined)) continue;
    report.rows++;
    const parsed = parseEventRow(values, timeZone);
    if (!parsed.ok) {
      report.unreadable++;
      continue;
    }
    const event: ActivityEvent = parsed.event;
    if (event.kind === 'create') {
      if (activities.has(event.activity.id)) {
        report.refused++;
        continue;
      }
      activities.set(event.activity.id, newProgress(event.activity));
      const name = sopGroupName(event.activity);
      let sop = sops.get(name);
      if (!sop) sops.set(name, (sop = { templateName: name, activityIds: [], steps: new Map() }));
      sop.activityIds.push(event.activity.id);
      for (const step of event.activity.steps) stepOf(sop, step.number);
      continue;
    }
    const before = activities.get(event.activityId);
    const result = before ? applyStepEvent(before, event) : null;
    if (!before || !result || !result.ok) {
      report.refused++;
      continue;
    }
    const after = result.value;
    activities.set(event.activityId, after);
    if (event.kind === 'start') continue;
    const sop = sops.get(sopGroupName(before.info)) as SopAccumulator;
    const index = before.info.steps.findIndex((s) => s.number === event.step);
    const step = stepOf(sop, event.step);
    const actual = workingMinutesBetween(
      before.steps[index].startedAt,
      toMinute(event.at),
      calendar,
      timeZone,
    );
    step.actuals.push(actual);
    step.clock.push(minutesBetween(before.steps[index].startedAt, toMinute(event.at)));
    if (actual <= minutesRange(before.info.steps[index].minutes).max) step.within++;
    step.activities.add(event.activityId);
    if (event.kind !== 'revise') continue;
    step.revisionDecisions++;
    before.steps.forEach((old, i) => {
      const now = after.steps[i];
      if (i !== index && old.status !== 'pending' && now.status === 'pending' && now.reopened)
        stepOf(sop, old.number).reopened++;
    });
  }

  const result: SopMonitoring[] = [...sops.values()]
    .sort((a, b) => a.templateName.localeCompare(b.templateName, 'id'))
    .map((sop) => {
      const progress = sop.activityIds.map((id) => activities.get(id) as ActivityProgress);
      const status = progress.map((p): ActivitySummary['status'] => summarize(p).status);
      // The latest activity that has a step gives its text and standard.
      const latest = new Map<number, ActivityProgress['info']['steps'][number]>();
      for (const p of progress) for (const step of p.info.steps) latest.set(step.number, step);
      const steps = [...sop.steps.entries()]
        .sort(([a], [b]) => a - b)
        .map(([number, acc]) => stepMonitoring(number, acc, latest.get(number)));
      return {
        templateName: sop.templateName,
        activities: {
          total: status.length,
          done: status.filter((s) => s === 'done').length,
          running: status.filter((s) => s === 'running').length,
          notStarted: status.filter((s) => s === 'notStarted').length,
        },
        steps,
      };
    });
  return { sops: result, ...report };
}

function stepMonitoring(
  number: number,
  acc: StepAccumulator,
  run: ActivityProgress['info']['steps'][number] | undefined,
): StepMonitoring {
  const standardText = run ? formatMinutes(run.minutes) : '';
  const standardMax = run ? minutesRange(run.minutes).max : 0;
  const runs = acc.actuals.length;
  const revisions = acc.revisionDecisions + acc.reopened;
  const stats = {
    number,
    activity: run?.activity ?? '',
    standardText,
    standardMax,
    runs,
    actuals: acc.actuals,
    median: median(acc.actuals),
    clockMedian: median(acc.clock),
    max: runs > 0 ? Math.max(...acc.actuals) : null,
    within: acc.within,
    percentWithin: runs > 0 ? Math.floor((acc.within * 100) / runs) : null,
    revisionDecisions: acc.revisionDecisions,
    reopened: acc.reopened,
    revisions,
    activities: acc.activities.size,
  };
  return { ...stats, form: prefill(stats) };
}

/** The official form's row: Penilaian, Catatan and Tindakan as a first draft for the assessor. */
export function prefill(step: Omit<StepMonitoring, 'form'>): MonitoringForm {
  const revisionText = [
    step.revisionDecisions > 0 ? `${formatNumberId(step.revisionDecisions)} kali Perbaikan.` : '',
    step.reopened > 0 ? `Dikerjakan ulang ${formatNumberId(step.reopened)} kali karena Perbaikan.` : '',
  ].filter(Boolean);
  if (step.runs === 0) return { assessment: '', note: [NEVER_RUN, ...revisionText].join(' '), action: '' };
  const overruns = step.runs - step.within;
  const standard = `mutu baku ${step.standardText} menit`;
  const figures = `(median ${formatNumberId(step.median ?? 0)}, maks ${formatNumberId(step.max ?? 0)})`;
  const timing =
    overruns > 0
      ? `${formatNumberId(overruns)} dari ${formatNumberId(step.runs)} pelaksanaan melebihi ${standard} ${figures}.`
      : step.runs === 1
        ? `1 pelaksanaan, sesuai ${standard} ${figures}.`
        : `${formatNumberId(step.runs)} pelaksanaan, semua sesuai ${standard} ${figures}.`;
  const actions = [overruns > 0 ? ACTION_OVERRUN : '', step.revisions > 0 ? ACTION_REVISION : ''];
  return {
    assessment: overruns === 0 && step.revisions === 0 ? 'good' : 'notGood',
    note: [timing, ...revisionText].join(' '),
    action: actions.filter(Boolean).join(' '),
  };
}

/** The middle value (mean of the two middle ones for an even count); null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
