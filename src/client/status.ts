import type { SidebarState } from '../server/api';
import { byId, setText } from './dom';
import { tr } from './i18n';

/** The "Info" card: spreadsheet, user, time zone, server time, sheet count, version. */
export function renderStatus(state: SidebarState): void {
  setText('spreadsheet-name', state.spreadsheetName);
  setText('user-email', state.userEmail || tr('userUnknown'));
  setText('time-zone', state.timeZone);
  setText('server-time', state.serverTime.replace('T', ' '));
  setText('sheet-count', String(state.sheetCount));
  setText('version', `v${state.version}`);
  byId<HTMLSelectElement>('language').value = state.language;
  byId('status').hidden = false;
}
