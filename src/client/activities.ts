import type { ActivityListItem, ActivityView, CreateActivityRequest, TemplateSummary } from '../server/api';
import { byId, element, setText, show } from './dom';
import { describeError } from './errors';
import { tr } from './i18n';
import { callServer } from './server';
import { shortDate } from './time';

/**
 * The "Kegiatan" list: a status filter, one card per activity with its progress and a "Buka"
 * button, and the "Kegiatan baru" form. The list is kept here from the sidebar state and updated
 * from every ActivityView the server returns, so it never needs a call of its own.
 */

type Filter = 'all' | ActivityListItem['status'];
type Outcome = { kind: 'failed'; error: unknown } | { kind: 'noName' } | { kind: 'noTemplate' };

let activities: ActivityListItem[] = [];
let templates: TemplateSummary[] = [];
let busy = false;
let outcome: Outcome | null = null;
let openActivity: (id: string) => void = () => undefined;

const filterSelect = (): HTMLSelectElement => byId<HTMLSelectElement>('activity-filter');
const nameInput = (): HTMLInputElement => byId<HTMLInputElement>('new-activity-name');
const templateSelect = (): HTMLSelectElement => byId<HTMLSelectElement>('new-activity-template');

export function hasActivities(): boolean {
  return activities.length > 0;
}

/** The list from the sidebar state (newest first, as the server sends it). */
export function setActivities(list: ActivityListItem[]): void {
  activities = list.slice();
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
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', String(percent));
  bar.setAttribute('aria-label', label);
  const fill = document.createElement('div');
  fill.className = 'bar-fill';
  fill.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  bar.append(fill);
  return bar;
}

function statusLabel(status: ActivityListItem['status']): string {
  if (status === 'done') return tr('sideActFilterDone');
  return status === 'running' ? tr('sideActFilterRunning') : tr('sideActFilterNotStarted');
}

function itemCard(item: ActivityListItem): HTMLLIElement {
  const card = document.createElement('li');
  card.className = `activity status-${item.status}`;
  card.dataset.testid = 'activity-item';
  card.dataset.id = item.id;

  const head = document.createElement('div');
  head.className = 'activity-head';
  head.append(element('span', item.name, 'activity-name'));
  const chip = element('span', statusLabel(item.status), 'activity-status');
  chip.className = `chip chip-${item.status}`;
  head.append(chip);

  const meta = [item.templateName, item.plannedDate ? shortDate(item.plannedDate) : tr('sideActNoDate')]
    .concat(item.place ? [item.place] : [])
    .join(' · ');
  const metaLine = element('p', meta);
  metaLine.className = 'muted small';
  if (item.revisions > 0) {
    const badge = element('span', tr('sideActRevisions', { count: item.revisions }), 'activity-revisions');
    badge.className = 'badge';
    metaLine.append(' ', badge);
  }

  const progress = document.createElement('div');
  progress.className = 'activity-progress';
  const text = progressText(item);
  progress.append(progressBar(item.percent, text), element('span', text, 'activity-item-progress'));
  const open = element('button', tr('sideActOpen'), 'open-activity');
  open.type = 'button';
  open.className = 'secondary small-button';
  open.setAttribute('aria-label', tr('sideActOpenLabel', { name: item.name }));
  open.addEventListener('click', () => openActivity(item.id));

  const foot = document.createElement('div');
  foot.className = 'activity-foot';
  foot.append(progress, open);
  card.append(head, metaLine, foot);
  return card;
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
  if (focusId) {
    const card = Array.from(
      document.querySelectorAll<HTMLElement>('#activity-list [data-testid="activity-item"]'),
    ).find((node) => node.dataset.id === focusId);
    card?.querySelector<HTMLButtonElement>('button')?.focus();
  }
}

function templateLabel(template: TemplateSummary): string {
  if (template.source !== 'builtin') return template.name;
  const marker = tr('sideTemplateBuiltin', { name: '' }).trim();
  return template.name.endsWith(marker) ? template.name : tr('sideTemplateBuiltin', { name: template.name });
}

/** The form's SOP choice: the server's order, keeping the current choice when it is still there. */
export function renderActivityTemplates(list: TemplateSummary[]): void {
  const select = templateSelect();
  const previous = select.value;
  templates = list;
  select.replaceChildren(
    ...list.map((template) => {
      const option = element('option', templateLabel(template));
      option.value = template.id;
      return option;
    }),
  );
  const kept = list.find((template) => template.id === previous) ?? list[0];
  if (kept) select.value = kept.id;
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
}): void {
  openActivity = handlers.open;
  filterSelect().addEventListener('change', () => renderActivityList());
  byId<HTMLFormElement>('new-activity-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void create(handlers.created);
  });
}
