/**
 * Activity runs (kegiatan) of an SOP and the progress of their steps.
 *
 * The event log (`Riwayat`) is the source of truth: every action appends one event. The step
 * rows (`Langkah`) and the progress columns of `Kegiatan` are derived from it by the same pure
 * reducer, whether live (one event applied to the activity's current rows) or rebuilt from
 * scratch, so the two always agree.
 */
import type { StandardMinutes, StepKind, StepTarget } from '../sop/model';

/** A step as the activity froze it from its template when it was created. */
export interface RunStep {
  number: number;
  activity: string;
  executors: string[];
  kind: StepKind;
  minutes: StandardMinutes;
  onApproved?: StepTarget;
  onRevision?: StepTarget;
}

export interface ActivityInfo {
  /** "KGT-0001"-style id, unique in the spreadsheet. */
  id: string;
  name: string;
  templateId: string;
  templateName: string;
  /** The template's version (its "Riwayat versi") when the activity was created; absent before versions. */
  templateVersion?: number;
  /** ISO date (yyyy-mm-dd) or "". */
  plannedDate: string;
  place: string;
  personInCharge: string;
  createdBy: string;
  /** ISO date-time with offset, e.g. 2026-11-24T09:30:00+07:00. */
  createdAt: string;
  steps: RunStep[];
}

export type StepStatus = 'pending' | 'inProgress' | 'done';
export type Decision = 'approved' | 'needsRevision';

/** One `Langkah` row: everything the reducer needs to go on from here. */
export interface StepState {
  number: number;
  status: StepStatus;
  /** The staff member who did the step (typed in the sidebar), "" if none. */
  person: string;
  /** ISO date-times with offset of the latest run of the step, "" if not yet. */
  startedAt: string;
  finishedAt: string;
  decision: Decision | '';
  /**
   * How many times the step was redone: started again after a Perbaikan reopened it. A step that
   * a Perbaikan resets before it was ever started has nothing redone and counts nothing.
   */
  revisions: number;
  /**
   * True from a Perbaikan that reset the step after it was started (or done) until it is started
   * again, when `revisions` grows. Never set on the deciding step (it counts revisionRequests).
   */
  reopened: boolean;
  /** Decisions only: how many times this step asked for Perbaikan. */
  revisionRequests: number;
  evidence: string;
  note: string;
  /** True when the latest start skipped the SOP order on purpose. */
  override: boolean;
  changedBy: string;
  changedAt: string;
}

export interface ActivityProgress {
  info: ActivityInfo;
  steps: StepState[];
}

export type StepAction = 'start' | 'finish' | 'approve' | 'revise';

/** One `Riwayat` row. */
export type ActivityEvent =
  | {
      kind: 'create';
      /** Unique event id (e.g. a UUID). */
      id: string;
      /** When it was logged (now), ISO with offset. */
      loggedAt: string;
      by: string;
      activity: ActivityInfo;
    }
  | {
      kind: StepAction;
      id: string;
      loggedAt: string;
      by: string;
      activityId: string;
      step: number;
      /** When it happened: now by default, earlier when back-logged. ISO with offset. */
      at: string;
      person: string;
      evidence: string;
      /** Required for "revise" (Perbaikan). */
      note: string;
      /** "start" only: start although an earlier step is unfinished. */
      override: boolean;
    };

/** Why an action is refused; rendered in plain Indonesian by describeProgressError. */
export type ProgressError =
  | { code: 'unknownActivity'; activityId: string }
  | { code: 'unknownStep'; step: number }
  | { code: 'badTime'; value: string }
  | { code: 'alreadyStarted'; step: number }
  | { code: 'alreadyDone'; step: number }
  | { code: 'notStarted'; step: number }
  | { code: 'endBeforeStart'; step: number; startedAt: string; at: string }
  | { code: 'earlierUnfinished'; step: number; earlier: number[] }
  | { code: 'notDecision'; step: number }
  | { code: 'useDecision'; step: number }
  | { code: 'noteRequired'; step: number }
  | { code: 'duplicateActivity'; activityId: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProgressError };

/** Where an activity stands, for `Kegiatan` and the sidebar. */
export interface ActivitySummary {
  status: 'notStarted' | 'running' | 'done';
  /** Done steps ÷ all steps × 100, rounded down. */
  percent: number;
  /** The first step in SOP order that is not done; null when all are. */
  currentStep: number | null;
  revisions: number;
}
