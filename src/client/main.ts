import { isLanguage, type StringKey } from '../core/i18n';
import type { SidebarState } from '../server/api';
import { byId, show, translatePage } from './dom';
import { describeError } from './errors';
import { tr, useLanguage } from './i18n';
import { renderTemplateOutcome, wireTemplateForm } from './new-template';
import { callServer } from './server';
import { renderStatus } from './status';
import { renderTemplates, wireSopPanel } from './templates';

/** Start-up and wiring: one getSidebarState call fills every panel. */

function showError(error: unknown): void {
  const box = byId('error');
  box.textContent = describeError(error);
  box.hidden = false;
}

function render(state: SidebarState, preferSheet?: string): void {
  useLanguage(state.language);
  translatePage((key) => tr(key as StringKey));
  renderStatus(state);
  renderTemplates(state.templates ?? [], preferSheet);
  renderTemplateOutcome();
  show('loading', false);
}

async function load(preferSheet?: string): Promise<void> {
  show('error', false);
  show('loading', true);
  try {
    render(await callServer('getSidebarState'), preferSheet);
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

function start(): void {
  translatePage((key) => tr(key as StringKey));
  wireSopPanel();
  wireTemplateForm((sheetName) => load(sheetName));
  byId('refresh').addEventListener('click', () => void load());
  byId<HTMLSelectElement>('language').addEventListener('change', (event) => {
    void changeLanguage((event.target as HTMLSelectElement).value);
  });
  void load();
}

start();
