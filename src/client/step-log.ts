import type {
  ActivityListItem,
  ActivityView,
  LogStepRequest,
  StepActionName,
  TerpilahHeadline,
} from '../server/api';
import { progressBar } from './activities';
import { byId, h, setText, show } from './dom';
import { describeError } from './errors';
import { tr } from './i18n';
import { actionLabel, rememberedPerson, rememberPerson, type FormError, type OpenForm } from './log-form';
import { callServer } from './server';
import { stepCard, type CardHandlers } from './step-card';
import { addMinutes, isLocalInput, shortDate, toLocalInput } from './time';

/**
 * The open activity: its steps in SOP order (step-card.ts), the actions the server allows on each,
 * and one inline form at a time to log an action (log-form.ts). Every change of state draws the
 * view again from scratch with `draw`, which also says where the focus goes next: drawing replaces
 * the step cards, so the focus is always placed again, and only there.
 */

interface Handlers {
  /** The activity changed (created, logged): the list keeps its copy in step. */
  changed: (item: ActivityListItem, headline?: TerpilahHeadline | null) => void;
  /** "Daftar kegiatan": back to the list, focus on this activity's "Buka". */
  back: (id: string) => void;
}

/**
 * Where the focus goes after drawing: an element of a step's card (by CSS selector); "next", the
 * first action of the step whose turn it is (else the title); "back", the back button.
 */
type Focus = { step: number; selector: string } | 'next' | 'back';

let view: ActivityView | null = null;
/** When `view` arrived (performance.now()): its `now` plus the time elapsed since is "now". */
let viewReceivedAt = 0;
let loadingId = '';
let loadError: unknown = null;
let form: OpenForm | null = null;
let announcement = '';
let handlers: Handlers = { changed: () => undefined, back: () => undefined };

const cardHandlers: CardHandlers = {
  open: (step, action) => openForm(step, action),
  submit: () => void submitForm(),
  cancel: () => closeForm(),
};

export function openActivityId(): string {
  return view?.activity.id ?? loadingId;
}

export function isActivityOpen(): boolean {
  return !byId('activity-view').hidden;
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
  const plannedDate = activity.plannedDate ? shortDate(activity.plannedDate) : '';
  const meta = [activity.templateName, plannedDate, activity.place, activity.personInCharge];
  setText('activity-meta', meta.filter(Boolean).join(' · '));
  const done = steps.filter((step) => step.status === 'done').length;
  const text = tr('sideActProgress', { done, total: steps.length, percent: activity.percent });
  byId('activity-progress').replaceChildren(
    progressBar(activity.percent, text),
    h('span', { class: 'progress-text' }, text),
  );
  byId('step-list').replaceChildren(
    ...steps.map((step) => stepCard(step, activity.currentStep, now, form, cardHandlers)),
  );
}

function stepNode(number: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#step-list [data-step="${number}"]`);
}

/** Draws, then focuses `focus` (the one place that moves the focus in the open activity). */
function draw(focus: Focus): void {
  renderStepLog();
  if (focus === 'back') return byId('back-to-list').focus();
  if (focus !== 'next') return stepNode(focus.step)?.querySelector<HTMLElement>(focus.selector)?.focus();
  const current = view?.activity.currentStep ?? 0;
  const button = stepNode(current)?.querySelector<HTMLElement>('[data-testid="step-action"]');
  (button ?? byId('activity-title')).focus();
  if (button) stepNode(current)?.scrollIntoView({ block: 'nearest' });
}

const inStep = (step: number, testid: string): Focus => ({ step, selector: `[data-testid="${testid}"]` });

function openForm(step: number, action: StepActionName): void {
  if (form?.busy) return;
  if (form?.step === step && form.action === action) return closeForm();
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
  draw(inStep(step, action === 'revise' ? 'log-note' : 'log-time'));
}

function closeForm(): void {
  if (!form || form.busy) return;
  const { step, action } = form;
  form = null;
  draw({ step, selector: `[data-action="${action}"]` });
}

function showFormError(open: OpenForm, error: FormError, testid: string): void {
  open.error = error;
  draw(inStep(open.step, testid));
}

async function submitForm(): Promise<void> {
  if (!form || form.busy || !view) return;
  const open = form;
  const step = view.steps.find((candidate) => candidate.number === open.step);
  const { draft, action } = open;
  if (!isLocalInput(draft.time)) return showFormError(open, { kind: 'badTime' }, 'log-time');
  if (action === 'revise' && !draft.note.trim()) return showFormError(open, { kind: 'needNote' }, 'log-note');
  const needsOverride = action === 'start' && step?.startNeedsOverride === true;
  if (needsOverride && !draft.override) return showFormError(open, { kind: 'needOverride' }, 'log-override');

  const request: LogStepRequest = { activityId: view.activity.id, step: open.step, action };
  if (draft.time !== draft.defaultTime) request.at = draft.time;
  if (draft.person.trim()) request.person = draft.person.trim();
  if (draft.evidence.trim()) request.evidence = draft.evidence.trim();
  if (draft.note.trim()) request.note = draft.note.trim();
  if (needsOverride) request.override = true;

  open.busy = true;
  open.error = null;
  announcement = '';
  draw(inStep(open.step, 'log-submit'));
  try {
    const next = await callServer('logStep', request);
    rememberPerson(draft.person.trim());
    form = null;
    received(next);
    announcement = tr('sideLogSaved', { step: open.step, action: actionLabel(action) });
    handlers.changed(next.activity);
    draw('next');
  } catch (error) {
    open.busy = false;
    open.error = { kind: 'failed', error };
    draw(inStep(open.step, 'log-submit'));
  }
}

function received(next: ActivityView): void {
  view = next;
  viewReceivedAt = performance.now();
}

/** Opens (true) or closes the activity view; closing forgets the activity. */
function showPanel(open: boolean): void {
  if (!open) view = null;
  form = null;
  loadingId = '';
  loadError = null;
  announcement = '';
  show('activity-home', !open);
  show('activity-view', open);
}

/** Shows a view the server just returned (a created activity). */
export function showActivity(next: ActivityView): void {
  showPanel(true);
  received(next);
  announcement = tr('sideActCreated', { name: next.activity.name });
  draw('next');
}

/** "Buka": one call for the view and its headline, then the view. */
export async function openActivity(id: string): Promise<void> {
  if (form?.busy) return;
  if (view?.activity.id !== id) view = null;
  showPanel(true);
  loadingId = id;
  draw('back');
  try {
    const opened = await callServer('openActivity', id);
    if (loadingId !== id) return; // the person went elsewhere meanwhile
    received(opened.view);
    handlers.changed(opened.view.activity, opened.headline);
  } catch (error) {
    if (loadingId !== id) return;
    loadError = error;
  }
  loadingId = '';
  if (view) draw('next');
  else renderStepLog();
}

function back(): void {
  if (form?.busy) return;
  const id = openActivityId();
  showPanel(false);
  renderStepLog();
  handlers.back(id);
}

export function wireStepLog(next: Handlers): void {
  handlers = next;
  byId('back-to-list').addEventListener('click', back);
}
