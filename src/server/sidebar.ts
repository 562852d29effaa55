import { translator } from '../core/i18n';
import { VERSION } from '../core/version';
import { getLanguage } from './preferences';

/** Menu "Buka panel": the sidebar, built once from dist/Sidebar.html (not a template: see DESIGN §3). */
export function showSidebar(): void {
  const t = translator(getLanguage());
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t('sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu "Tentang add-on". */
export function showAbout(): void {
  const t = translator(getLanguage());
  const ui = SpreadsheetApp.getUi();
  ui.alert(t('aboutTitle'), t('aboutBody', { version: VERSION }), ui.ButtonSet.OK);
}
