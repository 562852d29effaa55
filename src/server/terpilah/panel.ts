import { translator } from '../../core/i18n';
import { getLanguage } from '../preferences';

/**
 * Menu "Tambah/Impor peserta": the sidebar, opened on its Peserta tab. The sidebar file is served
 * as is (not a template, DESIGN §3); one appended line tells it which tab to show first.
 */
export function menuParticipants(): void {
  const t = translator(getLanguage());
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append('<script>window.sopInitialTab = "participants";</script>')
    .setTitle(t('sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(html);
}
