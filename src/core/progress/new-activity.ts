/** What a new activity (kegiatan) is made of besides what the person typed: its id and its steps. */
import type { SopTemplate } from '../sop/model';
import type { RunStep } from './model';

/** The template's steps as the activity freezes them (a later edit of the template changes nothing). */
export function runSteps(template: SopTemplate): RunStep[] {
  return template.steps.map((step) => ({
    number: step.number,
    activity: step.activity,
    executors: [...step.executors],
    kind: step.kind,
    minutes: { text: step.minutes.text, values: [...step.minutes.values] },
    ...(step.kind === 'decision' ? { onApproved: step.onApproved, onRevision: step.onRevision } : {}),
  }));
}

/** The next "KGT-nnnn" after every id in the first cell of each row; other ids are ignored. */
export function nextActivityId(ids: unknown[][]): string {
  let max = 0;
  for (const [id] of ids) {
    const m = /^KGT-(\d+)$/.exec(String(id).trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `KGT-${String(max + 1).padStart(4, '0')}`;
}
