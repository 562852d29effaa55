import type { StringKey } from '../core/i18n';
import type { ActivityListItem, ActivityView, LogStepRequest, StepActionName, StepView } from '../server/api';
import { progressBar } from './activities';
import { byId, element, setText, show } from './dom';
import { describeError } from './errors';
import { tr } from './i18n';
import { callServer } from './server';
import {
  addMinutes,
  isLocalInput,
  isWebLink,
  minutesText,
  shortDate,
  shortStamp,
  standardText,
  toLocalInput,
  varianceText,
} from './time';

/**
 * The open activity: its steps in SOP order as compact cards, the actions the server allows on
 * each, and one inline form at a time to log an action (time, person, evidence, note, override).
 * Every successful action returns the whole ActivityView, which is drawn again from scratch.
 */

interface Draft {
  time: string;
  /** The time the form opened with: an unchanged time is sent as "now" (omitted). */
  defaultTime: string;
  person: string;
  evidence: string;
  note: string;
  override: boolean;
}

type FormError =
  { kind: 'needNote' } | { kind: 'needOverride' } | { kind: 'badTime' } | { kind: 'failed'; error: unknown };

interface OpenForm {
  step: number;
  action: StepActionName;
  draft: Draft;
  busy: boolean;
  error: FormError | null;
}

interface Handlers {
  /** The activity changed (created, logged): the list keeps its copy in step. */
  changed: (item: ActivityListItem) => void;
  /** "Daftar kegiatan": back to the list, focus on this activity's "Buka". */
  back: (id: string) => void;
}

const PERSON_KEY = 'sopDataTerpilah.person';
const ACTION_KEYS: Record<StepActionName, StringKey> = {
  start: 'sideStepActionStart',
  finish: 'sideStepActionFinish',
  approve: 'sideStepActionApprove',
  revise: 'sideStepActionRevise',
};

let view: ActivityView | null = null;
/** When `view` arrived (performance.now()): its `now` plus the time elapsed since is "now". */
let viewReceivedAt = 0;
let loadingId = '';
let loadError: unknown = null;
let form: OpenForm | null = null;
let announcement = '';
let handlers: Handlers = { changed: () => undefined, back: () => undefined };

function rememberedPerson(): string {
  try {
    return window.localStorage.getItem(PERSON_KEY) ?? '';
  } catch {
    return ''; // storage may be blocked in the add-on's sandboxed frame
  }
}

function rememberPerson(person: string): void {
  try {
    window.localStorage.setItem(PERSON_KEY, person);
  } catch {
    // not remembered: the field is simply empty next time
  }
}

export function openActivityId(): string {
  return view?.activity.id ?? loadingId;
}

export function isActivityOpen(): boolean {
  return !byId('activity-view').hidden;
}

function actionLabel(action: StepActionName): string {
  return tr(ACTION_KEYS[action]);
}

function node(tag: keyof HTMLElementTagNameMap, className: string, text = '', testId?: string): HTMLElement {
  const created = element(tag, text, testId);
  if (className) created.className = className;
  return created;
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
  return node(
    'span',
    `chip chip-${chipClass}`,
    decision ? `${tr(key)} · ${decision}` : tr(key),
    'step-status',
  );
}

/** "Label: value" lines, only for what the step has. */
function details(step: StepView, now: string): HTMLElement {
  const list = node('dl', 'step-details');
  const add = (label: string, value: Node | string, testId?: string): void => {
    const term = node('dt', '', label);
    const description = document.createElement('dd');
    if (testId) description.dataset.testid = testId;
    description.append(value);
    list.append(term, description);
  };
  if (step.startedAt) add(tr('sideStepStarted'), shortStamp(step.startedAt, now), 'step-started');
  if (step.finishedAt) add(tr('sideStepFinished'), shortStamp(step.finishedAt, now), 'step-finished');
  if (step.actualMinutes !== null) {
    const value = document.createElement('span');
    value.append(minutesText(step.actualMinutes));
    if (step.variance !== null) {
      const variance = node(
        'span',
        step.overdue ? 'variance overdue' : 'variance',
        varianceText(step.variance),
      );
      variance.dataset.testid = 'step-variance';
      value.append(' ', variance);
    }
    add(tr('sideStepActual'), value, 'step-actual');
  }
  if (step.person) add(tr('sideStepPerson'), step.person, 'step-person');
  if (step.evidence) {
    let evidence: Node = document.createTextNode(step.evidence);
    if (isWebLink(step.evidence)) {
      const link = document.createElement('a');
      link.href = step.evidence.trim();
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = step.evidence;
      evidence = link;
    }
    add(tr('sideStepEvidence'), evidence, 'step-evidence');
  }
  if (step.note) add(tr('sideStepNote'), step.note, 'step-note');
  return list;
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const wrapper = node('div', 'log-field');
  const caption = node('label', 'field-label', label);
  (caption as HTMLLabelElement).htmlFor = control.id;
  wrapper.append(caption, control);
  if (hint) {
    const help = node('p', 'hint muted', hint);
    help.id = `${control.id}-hint`;
    control.setAttribute('aria-describedby', help.id);
    wrapper.append(help);
  }
  return wrapper;
}

function input(id: string, type: string, value: string, testId: string): HTMLInputElement {
  const control = document.createElement('input');
  control.id = id;
  control.type = type;
  control.value = value;
  control.dataset.testid = testId;
  control.autocomplete = 'off';
  return control;
}

function formErrorText(error: FormError): string {
  if (error.kind === 'needNote') return tr('sideLogNeedNote');
  if (error.kind === 'needOverride') return tr('sideLogNeedOverride');
  if (error.kind === 'badTime') return tr('sideLogBadTime');
  return describeError(error.error);
}

function logForm(step: StepView, open: OpenForm): HTMLFormElement {
  const { draft, action } = open;
  const prefix = `log-${step.number}`;
  const box = document.createElement('form');
  box.className = 'log-form';
  box.noValidate = true;
  box.setAttribute(
    'aria-label',
    tr('sideStepActionLabel', { action: actionLabel(action), step: step.number }),
  );

  const time = input(`${prefix}-time`, 'datetime-local', draft.time, 'log-time');
  time.required = true;
  time.addEventListener('input', () => (draft.time = time.value));
  const person = input(`${prefix}-person`, 'text', draft.person, 'log-person');
  person.maxLength = 100;
  person.addEventListener('input', () => (draft.person = person.value));
  const evidence = input(`${prefix}-evidence`, 'url', draft.evidence, 'log-evidence');
  evidence.placeholder = 'https://…';
  evidence.addEventListener('input', () => (draft.evidence = evidence.value));
  const note = document.createElement('textarea');
  note.id = `${prefix}-note`;
  note.rows = 2;
  note.value = draft.note;
  note.dataset.testid = 'log-note';
  note.addEventListener('input', () => (draft.note = note.value));
  const revise = action === 'revise';
  if (revise) note.required = true;
  note.setAttribute('aria-invalid', String(open.error?.kind === 'needNote'));

  box.append(
    field(tr('sideLogTime'), time, tr('sideLogTimeHint')),
    field(tr('sideLogPerson'), person),
    field(tr('sideLogEvidence'), evidence),
    field(
      revise ? tr('sideLogNoteRequired') : tr('sideLogNote'),
      note,
      revise ? tr('sideLogNoteHint') : undefined,
    ),
  );

  if (action === 'start' && step.startNeedsOverride) {
    const override = input(`${prefix}-override`, 'checkbox', 'on', 'log-override');
    override.checked = draft.override;
    override.addEventListener('change', () => (draft.override = override.checked));
    const label = node('label', 'choice');
    label.append(override, node('span', '', tr('sideLogOverride')));
    const hint = node('p', 'hint muted', tr('sideLogOverrideHint'));
    hint.id = `${prefix}-override-hint`;
    override.setAttribute('aria-describedby', hint.id);
    const wrapper = node('div', 'log-field override');
    wrapper.append(label, hint);
    box.append(wrapper);
  }

  const submit = node(
    'button',
    'primary',
    tr('sideLogSubmit', { action: actionLabel(action) }),
    'log-submit',
  );
  (submit as HTMLButtonElement).type = 'submit';
  (submit as HTMLButtonElement).disabled = open.busy;
  const cancel = node('button', 'secondary', tr('sideLogCancel'), 'log-cancel');
  (cancel as HTMLButtonElement).type = 'button';
  (cancel as HTMLButtonElement).disabled = open.busy;
  cancel.addEventListener('click', () => closeForm());
  const buttons = node('div', 'log-buttons');
  buttons.append(submit, cancel);
  box.append(buttons);

  const progress = node('p', 'progress');
  progress.setAttribute('role', 'status');
  progress.hidden = !open.busy;
  progress.append(node('span', 'spinner'), node('span', '', tr('sideLogSaving')));
  progress.firstElementChild?.setAttribute('aria-hidden', 'true');
  box.append(progress);

  const error = node('p', 'error', open.error ? formErrorText(open.error) : '', 'step-error');
  error.setAttribute('role', 'alert');
  error.hidden = !open.error;
  box.append(error);

  box.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitForm();
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !open.busy) {
      event.preventDefault();
      closeForm();
    }
  });
  return box;
}

function stepCard(step: StepView, current: number | null, now: string): HTMLLIElement {
  const card = document.createElement('li');
  const isCurrent = step.number === current;
  card.className = `step step-${step.status}${isCurrent ? ' current' : ''}${step.overdue ? ' is-overdue' : ''}`;
  card.dataset.testid = 'step';
  card.dataset.step = String(step.number);
  if (isCurrent) card.setAttribute('aria-current', 'step');

  const head = node('div', 'step-head');
  head.append(node('span', 'step-title', `${step.number}. ${step.activity}`, 'step-title'), statusChip(step));

  const meta = node('p', 'muted small step-meta');
  const parts = [step.executors.join(', '), standardText(step.standardMinutes)].filter(Boolean);
  meta.append(parts.join(' · '));
  if (step.revisions > 0) {
    meta.append(
      ' ',
      node('span', 'badge', tr('sideStepRevisions', { count: step.revisions }), 'step-revisions'),
    );
  }
  if (step.override) {
    const parallel = node('span', 'badge badge-warn', tr('sideStepOverride'), 'step-override');
    parallel.title = tr('sideStepOverrideTitle');
    meta.append(' ', parallel);
  }
  card.append(head, meta);

  const info = details(step, now);
  if (info.childElementCount > 0) card.append(info);

  if (step.actions.length > 0) {
    const actions = node('div', 'step-actions');
    for (const action of step.actions) {
      const chosen = form?.step === step.number && form.action === action;
      const button = node(
        'button',
        `${action === 'revise' ? 'warn' : isCurrent && !chosen ? 'primary' : 'secondary'} small-button`,
        actionLabel(action),
        'step-action',
      ) as HTMLButtonElement;
      button.type = 'button';
      button.dataset.action = action;
      button.setAttribute(
        'aria-label',
        tr('sideStepActionLabel', { action: actionLabel(action), step: step.number }),
      );
      button.setAttribute('aria-expanded', String(chosen));
      button.disabled = form?.busy === true;
      button.addEventListener('click', () => openForm(step.number, action));
      actions.append(button);
    }
    card.append(actions);
  }
  if (form?.step === step.number) card.append(logForm(step, form));
  return card;
}

/** Draws the open activity from `view` (or its loading / failed state). */
export function renderStepLog(): void {
  show('activity-loading', loadingId !== '' && !view);
  const failed = byId('activity-load-error');
  failed.hidden = loadError === null;
  failed.textContent = loadError === null ? '' : describeError(loadError);
  setText('activity-announce', announcement);
  if (!view) {
    setText('activity-title', '');
    setText('activity-meta', '');
    byId('activity-progress').replaceChildren();
    byId('step-list').replaceChildren();
    return;
  }
  const { activity, steps, now } = view;
  setText('activity-title', activity.name);
  setText(
    'activity-meta',
    [
      activity.templateName,
      activity.plannedDate ? shortDate(activity.plannedDate) : '',
      activity.place,
      activity.personInCharge,
    ]
      .filter(Boolean)
      .join(' · '),
  );
  const done = steps.filter((step) => step.status === 'done').length;
  const text = tr('sideActProgress', { done, total: steps.length, percent: activity.percent });
  byId('activity-progress').replaceChildren(
    progressBar(activity.percent, text),
    node('span', 'progress-text', text),
  );
  byId('step-list').replaceChildren(...steps.map((step) => stepCard(step, activity.currentStep, now)));
}

function stepNode(number: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#step-list [data-step="${number}"]`);
}

/** After an action: the first action of the step whose turn it is now, else the title. */
function focusNext(): void {
  const current = view?.activity.currentStep;
  const button = current
    ? stepNode(current)?.querySelector<HTMLButtonElement>('[data-testid="step-action"]')
    : null;
  if (button) {
    button.focus();
    stepNode(current ?? 0)?.scrollIntoView({ block: 'nearest' });
    return;
  }
  byId('activity-title').focus();
}

function openForm(step: number, action: StepActionName): void {
  if (form?.busy) return;
  if (form?.step === step && form.action === action) {
    closeForm();
    return;
  }
  const elapsed = Math.floor((performance.now() - viewReceivedAt) / 60_000);
  const defaultTime = addMinutes(toLocalInput(view?.now ?? ''), elapsed);
  const keep = form?.step === step ? form.draft : null;
  form = {
    step,
    action,
    busy: false,
    error: null,
    draft: {
      time: keep?.time ?? defaultTime,
      defaultTime: keep?.defaultTime ?? defaultTime,
      person: keep?.person ?? rememberedPerson(),
      evidence: keep?.evidence ?? '',
      note: keep?.note ?? '',
      override: false,
    },
  };
  announcement = '';
  renderStepLog();
  const target = action === 'revise' ? 'log-note' : 'log-time';
  stepNode(step)?.querySelector<HTMLElement>(`[data-testid="${target}"]`)?.focus();
}

function closeForm(): void {
  if (!form || form.busy) return;
  const { step, action } = form;
  form = null;
  renderStepLog();
  stepNode(step)?.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus();
}

function showFormError(error: FormError, focusTestId: string): void {
  if (!form) return;
  form.error = error;
  renderStepLog();
  stepNode(form.step)?.querySelector<HTMLElement>(`[data-testid="${focusTestId}"]`)?.focus();
}

async function submitForm(): Promise<void> {
  if (!form || form.busy || !view) return;
  const open = form;
  const step = view.steps.find((candidate) => candidate.number === open.step);
  const { draft, action } = open;
  if (!isLocalInput(draft.time)) return showFormError({ kind: 'badTime' }, 'log-time');
  if (action === 'revise' && !draft.note.trim()) return showFormError({ kind: 'needNote' }, 'log-note');
  const needsOverride = action === 'start' && step?.startNeedsOverride === true;
  if (needsOverride && !draft.override) return showFormError({ kind: 'needOverride' }, 'log-override');

  const request: LogStepRequest = { activityId: view.activity.id, step: open.step, action };
  if (draft.time !== draft.defaultTime) request.at = draft.time;
  if (draft.person.trim()) request.person = draft.person.trim();
  if (draft.evidence.trim()) request.evidence = draft.evidence.trim();
  if (draft.note.trim()) request.note = draft.note.trim();
  if (needsOverride) request.override = true;

  open.busy = true;
  open.error = null;
  announcement = '';
  renderStepLog();
  stepNode(open.step)?.querySelector<HTMLElement>('[data-testid="log-submit"]')?.focus();
  try {
    const next = await callServer('logStep', request);
    rememberPerson(draft.person.trim());
    form = null;
    view = next;
    viewReceivedAt = performance.now();
    announcement = tr('sideLogSaved', { step: open.step, action: actionLabel(action) });
    handlers.changed(next.activity);
    renderStepLog();
    focusNext();
  } catch (error) {
    open.busy = false;
    open.error = { kind: 'failed', error };
    renderStepLog();
    stepNode(open.step)?.querySelector<HTMLElement>('[data-testid="log-submit"]')?.focus();
  }
}

function showPanel(open: boolean): void {
  show('activity-home', !open);
  show('activity-view', open);
}

/** Shows a view the server just returned (a created activity). */
export function showActivity(next: ActivityView): void {
  view = next;
  viewReceivedAt = performance.now();
  loadingId = '';
  loadError = null;
  form = null;
  announcement = tr('sideActCreated', { name: next.activity.name });
  showPanel(true);
  renderStepLog();
  focusNext();
}

/** "Buka": one getActivity call, then the view. */
export async function openActivity(id: string): Promise<void> {
  if (form?.busy) return;
  const again = view?.activity.id === id;
  if (!again) view = null;
  form = null;
  loadingId = id;
  loadError = null;
  announcement = '';
  showPanel(true);
  renderStepLog();
  byId('back-to-list').focus();
  try {
    const next = await callServer('getActivity', id);
    if (loadingId !== id) return; // the person went elsewhere meanwhile
    view = next;
    viewReceivedAt = performance.now();
    handlers.changed(next.activity);
  } catch (error) {
    if (loadingId !== id) return;
    loadError = error;
  }
  loadingId = '';
  renderStepLog();
  if (view) focusNext();
}

function back(): void {
  if (form?.busy) return;
  const id = openActivityId();
  view = null;
  form = null;
  loadingId = '';
  loadError = null;
  announcement = '';
  showPanel(false);
  renderStepLog();
  handlers.back(id);
}

export function wireStepLog(next: Handlers): void {
  handlers = next;
  byId('back-to-list').addEventListener('click', back);
}
