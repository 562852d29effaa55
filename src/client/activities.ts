import type { ActivityListItem, ActivityView, CreateActivityRequest, TemplateSummary } from '../server/api';
import { byId, fillSelect, h, setText, show } from './dom';
import { describeError } from './errors';
import { tr } from './i18n';
import { callServer } from './server';
import { builtinLabel } from './templates';
import { shortDate } from './time';

/**
 * The "Kegiatan" list: a status filter, one card per activity with its progress and a "Buka"
 * button, and the "Kegiatan baru" form. The list is kept here from the sidebar state and updated
 * from every ActivityView the server returns, so it never needs a call of its own; only when the
 * first state brought just the newest activities, the rest come with one listActivities call
 * ("Tampilkan semua", a filter, the Peserta tab).
 */

type Filter = 'all' | ActivityListItem['status'];
type Outcome = { kind: 'failed'; error: unknown } | { kind: 'noName' } | { kind: 'noTemplate' };

let activities: ActivityListItem[] = [];
let templates: TemplateSummary[] = [];
let busy = false;
let outcome: Outcome | null = null;
let openActivity: (id: string) => void = () => undefined;
/** How many activities the first state left out (0: the list is whole). */
let missing = 0;
let loadingAll: Promise<void> | null = null;
let allLoadFailed: unknown = null;
let onAll: (list: ActivityListItem[]) => void = () => undefined;

const filterSelect = (): HTMLSelectElement => byId<HTMLSelectElement>('activity-filter');
const nameInput = (): HTMLInputElement => byId<HTMLInputElement>('new-activity-name');
const templateSelect = (): HTMLSelectElement => byId<HTMLSelectElement>('new-activity-template');

export function hasActivities(): boolean {
  return activities.length > 0;
}

/** The list from the sidebar state (newest first, as the server sends it), of `total` in all. */
export function setActivities(list: ActivityListItem[], total = list.length): void {
  activities = list.slice();
  missing = Math.max(0, total - list.length);
}

export function activitiesComplete(): boolean {
  return missing === 0;
}

/** The whole list, once (listActivities), when the first state brought only the newest. */
export function loadAllActivities(): Promise<void> {
  if (missing === 0) return Promise.resolve();
  loadingAll ??= callServer('listActivities').then(
    (list) => {
      setActivities(list);
      allLoadFailed = null;
      onAll(list);
      renderActivityList();
    },
    (error: unknown) => {
      allLoadFailed = error;
      loadingAll = null;
      renderActivityList();
    },
  );
  return loadingAll;
}

/** Puts an activity the server just returned at its place (new ones first). */
export function upsertActivity(item: ActivityListItem): void {
  const index = activities.findIndex((activity) => activity.id === item.id);
  if (index >= 0) activities[index] = item;
  else activities.unshift(item);
}

export function progressText(item: ActivityListItem): string {
  return item.currentStep === null
    ? tr('sideActAllDone', { percent: item.percent })
    : tr('sideActAtStep', { step: item.currentStep, percent: item.percent });
}

/** A thin bar with role="progressbar"; the visible text goes next to it. */
export function progressBar(percent: number, label: string): HTMLElement {
  const fill = h('div', { class: 'bar-fill' });
  // Through the CSSOM, not a style attribute: a content security policy may refuse inline styles.
  fill.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  return h(
    'div',
    {
      class: 'bar',
      role: 'progressbar',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-valuenow': percent,
      'aria-label': label,
    },
    fill,
  );
}

function statusLabel(status: ActivityListItem['status']): string {
  if (status === 'done') return tr('sideActFilterDone');
  return status === 'running' ? tr('sideActFilterRunning') : tr('sideActFilterNotStarted');
}

function itemCard(item: ActivityListItem): HTMLLIElement {
  const meta = [item.templateName, item.plannedDate ? shortDate(item.plannedDate) : tr('sideActNoDate')]
    .concat(item.place ? [item.place] : [])
    .join(' · ');
  const revisions =
    item.revisions > 0 &&
    h(
      'span',
      { class: 'badge', testid: 'activity-revisions' },
      tr('sideActRevisions', { count: item.revisions }),
    );
  const text = progressText(item);
  const open = h(
    'button',
    {
      type: 'button',
      class: 'secondary small-button',
      testid: 'open-activity',
      'aria-label': tr('sideActOpenLabel', { name: item.name }),
      onClick: () => openActivity(item.id),
    },
    tr('sideActOpen'),
  );
  return h(
    'li',
    { class: `activity status-${item.status}`, testid: 'activity-item', 'data-id': item.id },
    h(
      'div',
      { class: 'activity-head' },
      h('span', { testid: 'activity-name' }, item.name),
      h('span', { class: `chip chip-${item.status}`, testid: 'activity-status' }, statusLabel(item.status)),
    ),
    h('p', { class: 'muted small' }, meta, revisions && ' ', revisions),
    h(
      'div',
      { class: 'activity-foot' },
      h(
        'div',
        { class: 'activity-progress' },
        progressBar(item.percent, text),
        h('span', { testid: 'activity-item-progress' }, text),
      ),
      open,
    ),
  );
}

function currentFilter(): Filter {
  const value = filterSelect().value;
  return value === 'notStarted' || value === 'running' || value === 'done' ? value : 'all';
}

/** Draws the list as the filter asks; `focusId` puts the focus on that activity's "Buka". */
export function renderActivityList(focusId?: string): void {
  const filter = currentFilter();
  const shown = activities.filter((item) => filter === 'all' || item.status === filter);
  byId('activity-list').replaceChildren(...shown.map(itemCard));
  const empty = byId('no-activities');
  empty.textContent = activities.length === 0 ? tr('sideActNone') : tr('sideActNoneFiltered');
  empty.hidden = shown.length > 0;
  show('activity-more', missing > 0);
  setText(
    'activity-more-text',
    allLoadFailed
      ? describeError(allLoadFailed)
      : tr('sideActShowingNewest', { shown: activities.length, total: activities.length + missing }),
  );
  if (focusId) {
    const card = Array.from(
      document.querySelectorAll<HTMLElement>('#activity-list [data-testid="activity-item"]'),
    ).find((node) => node.dataset.id === focusId);
    card?.querySelector<HTMLButtonElement>('button')?.focus();
  }
}

function templateLabel(template: TemplateSummary): string {
  return template.source === 'builtin' ? builtinLabel(template.name) : template.name;
}

/** The form's SOP choice: the server's order, keeping the current choice when it is still there. */
export function renderActivityTemplates(list: TemplateSummary[]): void {
  templates = list;
  fillSelect(
    templateSelect(),
    list.map((template) => ({ value: template.id, label: templateLabel(template) })),
  );
  updateControls();
}

function updateControls(): void {
  byId<HTMLButtonElement>('create-activity').disabled = busy;
  templateSelect().disabled = busy || templates.length === 0;
  for (const id of ['new-activity-name', 'new-activity-date', 'new-activity-place', 'new-activity-pic']) {
    byId<HTMLInputElement>(id).readOnly = busy;
  }
  show('activity-create-progress', busy);
}

/** Shows the last failure of the form in the current language. */
export function renderActivityOutcome(): void {
  show('activity-create-error', outcome !== null);
  nameInput().setAttribute('aria-invalid', String(outcome?.kind === 'noName'));
  if (!outcome) return;
  setText(
    'activity-create-error',
    outcome.kind === 'noName'
      ? tr('sideActNameRequired')
      : outcome.kind === 'noTemplate'
        ? tr('sideActTemplateRequired')
        : describeError(outcome.error),
  );
}

async function create(onCreated: (view: ActivityView) => void): Promise<void> {
  if (busy) return;
  const request: CreateActivityRequest = {
    name: nameInput().value.trim(),
    templateId: templateSelect().value,
    plannedDate: byId<HTMLInputElement>('new-activity-date').value,
    place: byId<HTMLInputElement>('new-activity-place').value.trim(),
    personInCharge: byId<HTMLInputElement>('new-activity-pic').value.trim(),
  };
  outcome = !request.name ? { kind: 'noName' } : !request.templateId ? { kind: 'noTemplate' } : null;
  renderActivityOutcome();
  if (outcome) {
    (outcome.kind === 'noName' ? nameInput() : templateSelect()).focus();
    return;
  }
  busy = true;
  updateControls();
  let view: ActivityView | null = null;
  try {
    view = await callServer('createActivity', request);
  } catch (error) {
    outcome = { kind: 'failed', error };
  }
  busy = false;
  updateControls();
  renderActivityOutcome();
  if (!view) {
    nameInput().focus();
    return;
  }
  byId<HTMLFormElement>('new-activity-form').reset();
  if (templates.some((template) => template.id === request.templateId)) {
    templateSelect().value = request.templateId;
  }
  upsertActivity(view.activity);
  renderActivityList();
  onCreated(view);
}

/** Wires the filter, the form, and what "Buka" and a created activity lead to. */
export function wireActivities(handlers: {
  open: (id: string) => void;
  created: (view: ActivityView) => void;
  /** The whole list arrived (after a first view of the newest only). */
  all: (list: ActivityListItem[]) => void;
}): void {
  openActivity = handlers.open;
  onAll = handlers.all;
  // A filter over part of the list would miss activities: the rest comes first.
  filterSelect().addEventListener('change', () =>
    missing > 0 ? void loadAllActivities() : renderActivityList(),
  );
  byId('activity-show-all').addEventListener('click', () => void loadAllActivities());
  byId<HTMLFormElement>('new-activity-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void create(handlers.created);
  });
}
