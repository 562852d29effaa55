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
import { minutesBetween, toMinute } from '../time';

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
 * note and reopens its target and every step after it, counting a revision on each.
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
        revisions: step.revisions + 1,
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
  const started = progress.steps.some((s) => s.status !== 'pending' || s.revisions > 0);
  return {
    status: total > 0 && done === total ? 'done' : started ? 'running' : 'notStarted',
    percent: total === 0 ? 0 : Math.floor((done * 100) / total),
    currentStep: current ? current.number : null,
    revisions: progress.steps.reduce((sum, s) => sum + s.revisionRequests, 0),
  };
}

/** Minutes of the step's latest run: to its finish, or to `now` while it runs; null before it starts. */
export function actualMinutes(step: StepState, now: string): number | null {
  if (!step.startedAt) return null;
  return minutesBetween(step.startedAt, step.finishedAt || now);
}

/** Actual minus the standard's upper bound ("420 atau 840" → 840): positive = over the mutu baku. */
export function variance(step: StepState, run: RunStep, now: string): number | null {
  const actual = actualMinutes(step, now);
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
