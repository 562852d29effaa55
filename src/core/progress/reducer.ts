import { minutesRange } from '../sop/minutes';
import type {
  ActivityEvent,
  ActivityInfo,
  ActivityProgress,
  ActivitySummary,
  ProgressError,
  Result,
  RunStep,
  StepAction,
  StepState,
} from './model';
import { DEFAULT_TIME_ZONE, minutesBetween, toMinute } from '../time';
import { DEFAULT_WORKING_CALENDAR } from '../calendar/defaults';
import type { WorkingCalendar } from '../calendar/model';
import { workingMinutesBetween } from '../calendar/working-minutes';

export type StepEvent = Extract<ActivityEvent, { kind: StepAction }>;

/** A new activity: every step pending. */
export function newProgress(info: ActivityInfo): ActivityProgress {
  return { info, steps: info.steps.map((step) => emptyStep(step.number)) };
}

export function emptyStep(number: number): StepState {
  return {
    number,
    status: 'pending',
    person: '',
    startedAt: '',
    finishedAt: '',
    decision: '',
    revisions: 0,
    reopened: false,
    revisionRequests: 0,
    evidence: '',
    note: '',
    override: false,
    changedBy: '',
    changedAt: '',
  };
}

const fail = (error: ProgressError): Result<never> => ({ ok: false, error });

/**
 * The step state machine. Steps follow the SOP order: a step starts only when every earlier step
 * is done (unless the start is an explicit, recorded override) and finishes only after it
 * started, never before its start time. Decisions end with Sesuai or Perbaikan; Perbaikan needs a
 * note and reopens its target and every step after it; a reopened step that had been worked on
 * counts a revision when it is started again (the deciding step counts its Perbaikan requests).
 */
export function applyStepEvent(progress: ActivityProgress, raw: StepEvent): Result<ActivityProgress> {
  // Minute precision, as the sheets show times: a live view read back from rows equals a rebuild.
  const event = { ...raw, at: toMinute(raw.at), loggedAt: toMinute(raw.loggedAt) };
  const index = progress.info.steps.findIndex((s) => s.number === event.step);
  if (index < 0) return fail({ code: 'unknownStep', step: event.step });
  const run = progress.info.steps[index];
  const current = progress.steps[index];
  if (Number.isNaN(Date.parse(event.at))) return fail({ code: 'badTime', value: event.at });
  // Typed text is trimmed here, as the log is read back trimmed: live and rebuilt rows agree.
  const touched = (step: StepState): StepState => ({
    ...step,
    person: event.person.trim() || step.person,
    evidence: event.evidence.trim() || step.evidence,
    note: event.note.trim() || step.note,
    changedBy: event.by,
    changedAt: event.loggedAt,
  });
  const steps = [...progress.steps];

  if (event.kind === 'start') {
    if (current.status === 'inProgress') return fail({ code: 'alreadyStarted', step: run.number });
    if (current.status === 'done') return fail({ code: 'alreadyDone', step: run.number });
    const earlier = progress.steps
      .slice(0, index)
      .filter((s) => s.status !== 'done')
      .map((s) => s.number);
    if (earlier.length > 0 && !event.override)
      return fail({ code: 'earlierUnfinished', step: run.number, earlier });
    steps[index] = {
      ...touched(current),
      status: 'inProgress',
      startedAt: event.at,
      finishedAt: '',
      decision: run.kind === 'decision' ? current.decision : '',
      override: earlier.length > 0,
      // Redone: a Perbaikan had sent this step back after work on it.
      revisions: current.reopened ? current.revisions + 1 : current.revisions,
      reopened: false,
    };
    return { ok: true, value: { ...progress, steps } };
  }

  if (current.status === 'pending') return fail({ code: 'notStarted', step: run.number });
  if (current.status === 'done') return fail({ code: 'alreadyDone', step: run.number });
  if (Date.parse(event.at) < Date.parse(current.startedAt))
    return fail({ code: 'endBeforeStart', step: run.number, startedAt: current.startedAt, at: event.at });
  if (event.kind === 'finish') {
    if (run.kind === 'decision') return fail({ code: 'useDecision', step: run.number });
    steps[index] = { ...touched(current), status: 'done', finishedAt: event.at };
    return { ok: true, value: { ...progress, steps } };
  }
  if (run.kind !== 'decision') return fail({ code: 'notDecision', step: run.number });
  if (event.kind === 'approve') {
    steps[index] = { ...touched(current), status: 'done', finishedAt: event.at, decision: 'approved' };
    return { ok: true, value: { ...progress, steps } };
  }
  if (event.note.trim() === '') return fail({ code: 'noteRequired', step: run.number });
  steps[index] = {
    ...touched(current),
    status: 'done',
    finishedAt: event.at,
    decision: 'needsRevision',
    revisionRequests: current.revisionRequests + 1,
  };
  const target =
    run.onRevision === undefined || run.onRevision === 'end'
      ? -1
      : progress.info.steps.findIndex((s) => s.number === run.onRevision);
  if (target >= 0) {
    for (let i = target; i < steps.length; i++) {
      const step = steps[i];
      // The deciding step keeps its Perbaikan decision and note in view until it is decided again.
      steps[i] = {
        ...step,
        status: 'pending',
        startedAt: '',
        finishedAt: '',
        decision: i === index ? 'needsRevision' : '',
        override: false,
        reopened: i !== index && (step.reopened || step.status !== 'pending'),
        changedBy: event.by,
        changedAt: event.loggedAt,
      };
    }
  }
  return { ok: true, value: { ...progress, steps } };
}

/** Where the activity stands: status, done %, current step, Perbaikan count. */
export function summarize(progress: ActivityProgress): ActivitySummary {
  const done = progress.steps.filter((s) => s.status === 'done').length;
  const total = progress.steps.length;
  const current = progress.steps.find((s) => s.status !== 'done');
  const started = progress.steps.some((s) => s.status !== 'pending' || s.reopened || s.revisionRequests > 0);
  return {
    status: total > 0 && done === total ? 'done' : started ? 'running' : 'notStarted',
    percent: total === 0 ? 0 : Math.floor((done * 100) / total),
    currentStep: current ? current.number : null,
    revisions: progress.steps.reduce((sum, s) => sum + s.revisionRequests, 0),
  };
}

/** How actual minutes are counted: the office's working calendar in the spreadsheet's zone. */
export interface MinuteCounter {
  calendar: WorkingCalendar;
  timeZone: string;
}

export const DEFAULT_COUNTER: MinuteCounter = {
  calendar: DEFAULT_WORKING_CALENDAR,
  timeZone: DEFAULT_TIME_ZONE,
};

/** Clock minutes of the step's latest run: to its finish, or to `now` while it runs; null before it starts. */
export function clockMinutes(step: StepState, now: string): number | null {
  if (!step.startedAt) return null;
  return minutesBetween(step.startedAt, step.finishedAt || now);
}

/**
 * Working minutes of the step's latest run (the calendar's working hours only: the mutu baku is
 * working time); null before it starts.
 */
export function actualMinutes(
  step: StepState,
  now: string,
  counter: MinuteCounter = DEFAULT_COUNTER,
): number | null {
  if (!step.startedAt) return null;
  return workingMinutesBetween(step.startedAt, step.finishedAt || now, counter.calendar, counter.timeZone);
}

/** Actual minus the standard's upper bound ("420 atau 840" → 840): positive = over the mutu baku. */
export function variance(
  step: StepState,
  run: RunStep,
  now: string,
  counter: MinuteCounter = DEFAULT_COUNTER,
): number | null {
  const actual = actualMinutes(step, now, counter);
  return actual === null ? null : actual - minutesRange(run.minutes).max;
}

/** The actions the SOP allows on a step now; a start past unfinished steps needs an override. */
export function allowedActions(
  progress: ActivityProgress,
  index: number,
): { actions: StepAction[]; startNeedsOverride: boolean } {
  const step = progress.steps[index];
  const run = progress.info.steps[index];
  if (step.status === 'pending') {
    const startNeedsOverride = progress.steps.slice(0, index).some((s) => s.status !== 'done');
    return { actions: ['start'], startNeedsOverride };
  }
  if (step.status === 'inProgress')
    return {
      actions: run.kind === 'decision' ? ['approve', 'revise'] : ['finish'],
      startNeedsOverride: false,
    };
  return { actions: [], startNeedsOverride: false };
}
