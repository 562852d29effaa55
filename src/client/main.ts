import type { StringKey } from '../core/i18n';
import { isLanguage } from '../core/i18n/language';
import type { SidebarState } from '../server/api';
import {
  activitiesComplete,
  hasActivities,
  loadAllActivities,
  renderActivityList,
  renderActivityOutcome,
  renderActivityTemplates,
  setActivities,
  upsertActivity,
  wireActivities,
} from './activities';
import { byId, show, translatePage } from './dom';
import { describeError } from './errors';
import { whenFirstState } from './first-state';
import { tr, useLanguage } from './i18n';
import { buildLayout, TABS, type Tab } from './layout';
import { renderTemplateOutcome, wireTemplateForm } from './new-template';
import {
  participantsShown,
  reloadParticipantSheets,
  renderParticipants,
  setParticipantActivities,
  showHeadline,
  wireParticipants,
} from './participants';
import { callServer } from './server';
import { renderStatus } from './status';
import {
  isActivityOpen,
  openActivity,
  openActivityId,
  renderStepLog,
  showActivity,
  wireStepLog,
} from './step-log';
import { renderTemplates, wireSopPanel } from './templates';

/**
 * Start-up and wiring: the first state comes inside the page ("Buka panel" appends it: no
 * google.script.run before the panel shows) and fills every panel with the strings; "Muat ulang"
 * and the language choice call getSidebarState / setLanguage. Until a state is rendered, the tab
 * strip and the panels stay hidden; the loading line, Info, "Muat ulang" and the language choice
 * are written inline in sidebar.html.
 */

/** Set by the menu "Tambah/Impor peserta" (it comes with the first state). */
let initialTab: string | undefined;
/** Set once the first state arrived: from then on the tab is the person's choice. */
let tabChosen = false;

function showError(error: unknown): void {
  const box = byId('error');
  box.textContent = describeError(error);
  box.hidden = false;
}

function selectTab(tab: Tab, focus = false): void {
  tabChosen = true;
  for (const name of TABS) {
    const button = byId(`tab-${name}`);
    const selected = name === tab;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    show(`panel-${name}`, selected);
    if (selected && focus) button.focus();
  }
  if (tab === 'participants') {
    participantsShown();
    // Its activity choices list every activity: the rest of a first view's list comes now.
    if (!activitiesComplete()) void loadAllActivities();
  }
}

/** `activityTotal`: the full list's length when `state` holds only its newest activities. */
function render(state: SidebarState, preferSheet?: string, activityTotal?: number): void {
  useLanguage(state.language, state.strings);
  translatePage((key) => tr(key as StringKey));
  renderStatus(state);
  renderTemplates(state.templates ?? [], preferSheet);
  renderTemplateOutcome();
  setActivities(state.activities ?? [], activityTotal);
  renderActivityTemplates(state.templates ?? []);
  renderActivityList();
  renderActivityOutcome();
  renderStepLog();
  setParticipantActivities(state.activities ?? []);
  renderParticipants();
  if (!tabChosen)
    selectTab(initialTab === 'participants' ? 'participants' : hasActivities() ? 'activities' : 'sop');
  show('tabs', true);
  show('loading', false);
}

async function load(preferSheet?: string): Promise<void> {
  show('error', false);
  show('loading', true);
  try {
    render(await callServer('getSidebarState'), preferSheet);
    // "Muat ulang" with an activity open brings its steps up to date too.
    if (isActivityOpen() && openActivityId()) await openActivity(openActivityId());
  } catch (error) {
    show('loading', false);
    showError(error);
  }
}

async function changeLanguage(value: string): Promise<void> {
  if (!isLanguage(value)) return;
  try {
    render(await callServer('setLanguage', value));
  } catch (error) {
    showError(error);
  }
}

/** Tabs as WAI-ARIA describes them: click, or arrow keys / Home / End on the tab strip. */
function wireTabs(): void {
  for (const tab of TABS) {
    const button = byId(`tab-${tab}`);
    button.addEventListener('click', () => selectTab(tab));
    button.addEventListener('keydown', (event) => {
      const index = TABS.indexOf(tab);
      const keys: Record<string, number> = {
        ArrowRight: (index + 1) % TABS.length,
        ArrowLeft: (index + TABS.length - 1) % TABS.length,
        Home: 0,
        End: TABS.length - 1,
      };
      if (!(event.key in keys)) return;
      event.preventDefault();
      selectTab(TABS[keys[event.key]], true);
    });
  }
}

function start(): void {
  buildLayout();
  wireTabs();
  wireSopPanel();
  wireTemplateForm((sheetName) => load(sheetName));
  wireActivities({
    open: (id) => void openActivity(id),
    all: (list) => {
      setParticipantActivities(list);
      renderParticipants();
    },
    created: (view) => {
      showActivity(view);
      showHeadline(view.activity.name);
    },
  });
  wireStepLog({
    changed: (item, headline) => {
      upsertActivity(item);
      showHeadline(item.name, false, headline);
    },
    back: (id) => renderActivityList(id),
  });
  wireParticipants();
  byId('refresh').addEventListener('click', () => {
    reloadParticipantSheets();
    void load();
  });
  byId<HTMLSelectElement>('language').addEventListener('change', (event) => {
    void changeLanguage((event.target as HTMLSelectElement).value);
  });
  whenFirstState((embedded) => {
    if (!embedded) return void load();
    initialTab = embedded.tab;
    if (embedded.state) return render(embedded.state, undefined, embedded.activityTotal);
    show('loading', false);
    showError(new Error(embedded.error ?? ''));
  });
}

start();
