import type { ActivityEvent, ActivityInfo, StepAction } from '../../../src/core/progress/model';
import { eventRow } from '../../../src/core/progress/riwayat-rows';
import type { RowValue } from '../../../src/core/progress/row-labels';
import { PENGUATAN_PUG } from '../../../src/core/sop/builtin-penguatan-pug';

export const TZ = 'Asia/Jakarta';

/** An activity running the built-in Penguatan PUG. */
export function pugActivity(id = 'KGT-0001', name = 'Rapat koordinasi PUG triwulan I'): ActivityInfo {
  return {
    id,
    name,
    templateId: 'builtin:penguatan-pug',
    templateName: 'Penguatan PUG',
    plannedDate: '2026-12-01',
    place: 'Aula DP3ACSKB',
    personInCharge: 'Ani',
    createdBy: 'staf@dp3acskb.babelprov.go.id',
    createdAt: '2026-11-24T08:00:00+07:00',
    steps: PENGUATAN_PUG.steps.map(
      ({ number, activity, executors, kind, minutes, onApproved, onRevision }) => ({
        number,
        activity,
        executors,
        kind,
        minutes,
        ...(kind === 'decision' ? { onApproved, onRevision } : {}),
      }),
    ),
  };
}

let counter = 0;
export function createEvent(activity: ActivityInfo): ActivityEvent {
  return {
    kind: 'create',
    id: `ev-${++counter}`,
    loggedAt: activity.createdAt,
    by: activity.createdBy,
    activity,
  };
}

export function stepEvent(
  activityId: string,
  kind: StepAction,
  step: number,
  at: string,
  extra: Partial<{ person: string; evidence: string; note: string; override: boolean; by: string }> = {},
): Extract<ActivityEvent, { kind: StepAction }> {
  return {
    kind,
    id: `ev-${++counter}`,
    loggedAt: at,
    by: extra.by ?? 'staf@dp3acskb.babelprov.go.id',
    activityId,
    step,
    at,
    person: extra.person ?? '',
    evidence: extra.evidence ?? '',
    note: extra.note ?? '',
    override: extra.override ?? false,
  };
}

/** "2026-11-24T" + hh:mm + "+07:00" */
export const at = (hhmm: string, day = 24) => `2026-11-${day}T${hhmm}:00+07:00`;

/** Riwayat rows as the server appends them, with a clock per activity. */
export class Log {
  rows: RowValue[][] = [];
  private clock = new Map<string, number>();

  create(info: ActivityInfo): this {
    this.rows.push(eventRow(createEvent(info), '', info.name));
    this.clock.set(info.id, Date.parse(info.createdAt));
    return this;
  }

  /** Logs an action `after` minutes after the activity's previous one. */
  act(id: string, kind: StepAction, step: number, after = 0, note = ''): this {
    const time = (this.clock.get(id) ?? 0) + after * 60000;
    this.clock.set(id, time);
    const iso = new Date(time).toISOString().replace('.000Z', 'Z');
    this.rows.push(eventRow(stepEvent(id, kind, step, iso, { note }), '', ''));
    return this;
  }

  /** Start, then after `minutes` finish (or decide). */
  run(id: string, step: number, minutes: number, end: StepAction = 'finish', note = ''): this {
    return this.act(id, 'start', step, 5).act(id, end, step, minutes, note);
  }
}
