import type { StringKey } from '../core/i18n';
import type { StepActionName, StepView } from '../server/api';
import { h } from './dom';
import { describeError } from './errors';
import { progress } from './form-kit';
import { tr } from './i18n';

/**
 * The inline form that logs one action of one step: time, person, evidence, note, and for a start
 * out of turn the explicit parallel override. What the person typed lives in a Draft, so the form
 * can be drawn again (busy, failed) without losing it.
 */

export interface Draft {
  time: string;
  /** The time the form opened with: an unchanged time is sent as "now" (omitted). */
  defaultTime: string;
  person: string;
  evidence: string;
  note: string;
  override: boolean;
}

export type FormError =
  { kind: 'needNote' } | { kind: 'needOverride' } | { kind: 'badTime' } | { kind: 'failed'; error: unknown };

export interface OpenForm {
  step: number;
  action: StepActionName;
  draft: Draft;
  busy: boolean;
  error: FormError | null;
}

export interface FormHandlers {
  submit: () => void;
  cancel: () => void;
}

const PERSON_KEY = 'sopDataTerpilah.person';
const ACTION_KEYS: Record<StepActionName, StringKey> = {
  start: 'sideStepActionStart',
  finish: 'sideStepActionFinish',
  approve: 'sideStepActionApprove',
  revise: 'sideStepActionRevise',
};

export function actionLabel(action: StepActionName): string {
  return tr(ACTION_KEYS[action]);
}

/** "Mulai langkah 3": the accessible name of an action button and of its form. */
export function actionName(action: StepActionName, step: number): string {
  return tr('sideStepActionLabel', { action: actionLabel(action), step });
}

/** The person of the last entry, offered again in the next form. */
export function rememberedPerson(): string {
  try {
    return window.localStorage.getItem(PERSON_KEY) ?? '';
  } catch {
    return ''; // storage may be blocked in the add-on's sandboxed frame
  }
}

export function rememberPerson(person: string): void {
  try {
    window.localStorage.setItem(PERSON_KEY, person);
  } catch {
    // not remembered: the field is simply empty next time
  }
}

function formErrorText(error: FormError): string {
  if (error.kind === 'needNote') return tr('sideLogNeedNote');
  if (error.kind === 'needOverride') return tr('sideLogNeedOverride');
  if (error.kind === 'badTime') return tr('sideLogBadTime');
  return describeError(error.error);
}

/** A labelled control, with a hint the control is described by. */
function row(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const help = hint ? h('p', { class: 'hint muted', id: `${control.id}-hint` }, hint) : null;
  if (help) control.setAttribute('aria-describedby', help.id);
  return h(
    'div',
    { class: 'log-field' },
    h('label', { class: 'field-label', for: control.id }, label),
    control,
    help,
  );
}

export function logForm(step: StepView, open: OpenForm, on: FormHandlers): HTMLFormElement {
  const { draft, action, busy, error } = open;
  const id = (name: string): string => `log-${step.number}-${name}`;
  const text = (name: 'time' | 'person' | 'evidence' | 'note') => ({
    id: id(name),
    value: draft[name],
    testid: `log-${name}`,
    onInput: (event: Event) => (draft[name] = (event.currentTarget as HTMLInputElement).value),
  });
  const input = (
    name: 'time' | 'person' | 'evidence',
    type: string,
    more: Record<string, string | number | boolean>,
  ) => h('input', { ...text(name), type, autocomplete: 'off', ...more });
  const revise = action === 'revise';
  const note = h('textarea', {
    ...text('note'),
    rows: 2,
    required: revise,
    'aria-invalid': String(error?.kind === 'needNote'),
  });

  const override =
    action === 'start' &&
    step.startNeedsOverride &&
    h(
      'div',
      { class: 'log-field override' },
      h(
        'label',
        { class: 'choice' },
        h('input', {
          id: id('override'),
          type: 'checkbox',
          value: 'on',
          checked: draft.override,
          testid: 'log-override',
          autocomplete: 'off',
          'aria-describedby': id('override-hint'),
          onChange: (event: Event) => (draft.override = (event.currentTarget as HTMLInputElement).checked),
        }),
        h('span', null, tr('sideLogOverride')),
      ),
      h('p', { class: 'hint muted', id: id('override-hint') }, tr('sideLogOverrideHint')),
    );

  return h(
    'form',
    {
      class: 'log-form',
      novalidate: true,
      'aria-label': actionName(action, step.number),
      onSubmit: (event) => {
        event.preventDefault();
        on.submit();
      },
      onKeydown: (event) => {
        if (event.key === 'Escape' && !busy) {
          event.preventDefault();
          on.cancel();
        }
      },
    },
    row(tr('sideLogTime'), input('time', 'datetime-local', { required: true }), tr('sideLogTimeHint')),
    row(tr('sideLogPerson'), input('person', 'text', { maxlength: 100 })),
    row(tr('sideLogEvidence'), input('evidence', 'url', { placeholder: 'https://…' })),
    row(
      revise ? tr('sideLogNoteRequired') : tr('sideLogNote'),
      note,
      revise ? tr('sideLogNoteHint') : undefined,
    ),
    override,
    h(
      'div',
      { class: 'log-buttons' },
      h(
        'button',
        { class: 'primary', type: 'submit', disabled: busy, testid: 'log-submit' },
        tr('sideLogSubmit', { action: actionLabel(action) }),
      ),
      h(
        'button',
        { class: 'secondary', type: 'button', disabled: busy, testid: 'log-cancel', onClick: on.cancel },
        tr('sideLogCancel'),
      ),
    ),
    progress(null, 'sideLogSaving', { hidden: !busy }),
    h(
      'p',
      { class: 'error', role: 'alert', hidden: !error, testid: 'step-error' },
      error && formErrorText(error),
    ),
  );
}
