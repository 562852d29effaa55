import type { StringKey } from '../core/i18n';
import type { StepActionName, StepView } from '../server/api';
import { h } from './dom';
import { tr } from './i18n';
import { actionLabel, actionName, logForm, type FormHandlers, type OpenForm } from './log-form';
import { clockText, durationText, isWebLink, shortStamp, standardText, varianceText } from './time';

/**
 * One step of the open activity as a compact card: number, title and status; executors and
 * standard time; what was logged; the actions the server allows; the open form, if it is this
 * step's. Drawn from a StepView alone: the state lives in step-log.ts.
 */

export interface CardHandlers extends FormHandlers {
  open: (step: number, action: StepActionName) => void;
}

function statusChip(step: StepView): HTMLElement {
  const key: StringKey =
    step.status === 'done'
      ? 'sideStepStatusDone'
      : step.status === 'inProgress'
        ? 'sideStepStatusInProgress'
        : 'sideStepStatusPending';
  const decision =
    step.decision === 'approved'
      ? tr('sideStepApproved')
      : step.decision === 'needsRevision'
        ? tr('sideStepNeedsRevision')
        : '';
  const chipClass = step.decision === 'needsRevision' ? 'revise' : step.status;
  return h(
    'span',
    { class: `chip chip-${chipClass}`, testid: 'step-status' },
    decision ? `${tr(key)} · ${decision}` : tr(key),
  );
}

function evidence(text: string): Node | string {
  if (!isWebLink(text)) return text;
  return h('a', { href: text.trim(), target: '_blank', rel: 'noopener noreferrer' }, text);
}

/** "Label: value" lines, only for what the step has; null when it has none. */
function details(step: StepView, now: string): HTMLElement | null {
  const lines: [StringKey, string, Node | string][] = [];
  if (step.startedAt) lines.push(['sideStepStarted', 'step-started', shortStamp(step.startedAt, now)]);
  if (step.finishedAt) lines.push(['sideStepFinished', 'step-finished', shortStamp(step.finishedAt, now)]);
  if (step.actualMinutes !== null) {
    const variance =
      step.variance !== null &&
      h(
        'span',
        { class: step.overdue ? 'variance overdue' : 'variance', testid: 'step-variance' },
        varianceText(step.variance, step.dayMinutes),
      );
    // Clock time beside the working time, only when nights, breaks or days off made them differ.
    const clock =
      step.clockMinutes !== null &&
      step.clockMinutes !== step.actualMinutes &&
      h(
        'span',
        { class: 'muted', testid: 'step-clock', title: tr('sideStepClockTitle') },
        tr('sideStepClock', { duration: clockText(step.clockMinutes) }),
      );
    const value = h(
      'span',
      null,
      h('span', { testid: 'step-actual-minutes' }, durationText(step.actualMinutes, step.dayMinutes)),
      variance && ' ',
      variance,
      clock && ' · ',
      clock,
    );
    lines.push(['sideStepActual', 'step-actual', value]);
  }
  if (step.person) lines.push(['sideStepPerson', 'step-person', step.person]);
  if (step.evidence) lines.push(['sideStepEvidence', 'step-evidence', evidence(step.evidence)]);
  if (step.note) lines.push(['sideStepNote', 'step-note', step.note]);
  if (lines.length === 0) return null;
  return h(
    'dl',
    { class: 'step-details' },
    ...lines.flatMap(([label, testid, value]) => [h('dt', null, tr(label)), h('dd', { testid }, value)]),
  );
}

function meta(step: StepView): HTMLElement {
  const parts = [step.executors.join(', '), standardText(step.standardMinutes)].filter(Boolean);
  // Redone after a Perbaikan; a decision step counts the Perbaikan it asked for.
  const revisions =
    step.revisions > 0 &&
    h(
      'span',
      { class: 'badge', testid: 'step-revisions' },
      tr('sideStepRevisions', { count: step.revisions }),
    );
  const requests =
    step.revisionRequests > 0 &&
    h(
      'span',
      { class: 'badge', testid: 'step-revision-requests', title: tr('sideStepRevisionRequestsTitle') },
      tr('sideStepRevisionRequests', { count: step.revisionRequests }),
    );
  const parallel =
    step.override &&
    h(
      'span',
      { class: 'badge badge-warn', testid: 'step-override', title: tr('sideStepOverrideTitle') },
      tr('sideStepOverride'),
    );
  return h(
    'p',
    { class: 'muted small step-meta' },
    parts.join(' · '),
    revisions && ' ',
    revisions,
    requests && ' ',
    requests,
    parallel && ' ',
    parallel,
  );
}

/** The step's action buttons: the current step's first one stands out, Perbaikan warns. */
function actions(step: StepView, isCurrent: boolean, form: OpenForm | null, on: CardHandlers): HTMLElement {
  return h(
    'div',
    { class: 'step-actions' },
    ...step.actions.map((action) => {
      const chosen = form?.step === step.number && form.action === action;
      const kind = action === 'revise' ? 'warn' : isCurrent && !chosen ? 'primary' : 'secondary';
      return h(
        'button',
        {
          class: `${kind} small-button`,
          type: 'button',
          testid: 'step-action',
          'data-action': action,
          'aria-label': actionName(action, step.number),
          'aria-expanded': String(chosen),
          disabled: form?.busy === true,
          onClick: () => on.open(step.number, action),
        },
        actionLabel(action),
      );
    }),
  );
}

export function stepCard(
  step: StepView,
  current: number | null,
  now: string,
  form: OpenForm | null,
  on: CardHandlers,
): HTMLLIElement {
  const isCurrent = step.number === current;
  return h(
    'li',
    {
      class: `step step-${step.status}${isCurrent ? ' current' : ''}${step.overdue ? ' is-overdue' : ''}`,
      testid: 'step',
      'data-step': step.number,
      'aria-current': isCurrent && 'step',
    },
    h(
      'div',
      { class: 'step-head' },
      h('span', { class: 'step-title', testid: 'step-title' }, `${step.number}. ${step.activity}`),
      statusChip(step),
    ),
    meta(step),
    details(step, now),
    step.actions.length > 0 && actions(step, isCurrent, form, on),
    form?.step === step.number && logForm(step, form, on),
  );
}
