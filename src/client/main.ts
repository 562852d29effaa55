import { DEFAULT_LANGUAGE, isLanguage, t, type Language, type StringKey } from '../core/i18n';
import type { SidebarState } from '../server/api';
import { byId, setText, translatePage } from './dom';
import { callServer } from './server';

let language: Language = DEFAULT_LANGUAGE;

function translate(key: string): string {
  return t(language, key as StringKey);
}

function showError(error: unknown): void {
  // Apps Script prefixes server errors with their type ("Error: …", "Exception: …"): staff need the message only.
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /^(?:Error|Exception|TypeError):\s*/,
    '',
  );
  const box = byId('error');
  box.textContent = `${translate('errorPrefix')}: ${message}`;
  box.hidden = false;
}

function render(state: SidebarState): void {
  language = state.language;
  document.documentElement.lang = language;
  translatePage(translate);
  setText('spreadsheet-name', state.spreadsheetName);
  setText('user-email', state.userEmail || translate('userUnknown'));
  setText('time-zone', state.timeZone);
  setText('server-time', state.serverTime.replace('T', ' '));
  setText('sheet-count', String(state.sheetCount));
  setText('version', `v${state.version}`);
  byId<HTMLSelectElement>('language').value = state.language;
  byId('status').hidden = false;
  byId('loading').hidden = true;
}

async function load(): Promise<void> {
  byId('error').hidden = true;
  byId('loading').hidden = false;
  try {
    render(await callServer('getSidebarState'));
  } catch (error) {
    byId('loading').hidden = true;
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
  translatePage(translate);
  byId('refresh').addEventListener('click', () => void load());
  byId<HTMLSelectElement>('language').addEventListener('change', (event) => {
    void changeLanguage((event.target as HTMLSelectElement).value);
  });
  void load();
}

start();
