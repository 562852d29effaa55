import { t, type Language } from '../core/i18n';
import { VERSION } from '../core/version';
import { guarded } from './sheets/guard';

/** Menu "Buka panel": the sidebar, built once from dist/Sidebar.html (not a template: see DESIGN §3). */
export function showSidebar(): void {
  guarded((language) => openSidebar(language));
}

/** Menu "Tambah/Impor peserta": the sidebar, opened on its Peserta tab. */
export function menuParticipants(): void {
  guarded((language) => openSidebar(language, 'participants'));
}

/** Menu "Tentang add-on". */
export function showAbout(): void {
  guarded((language) => ({
    title: t(language, 'aboutTitle'),
    message: t(language, 'aboutBody', { version: VERSION }),
  }));
}

/**
 * The sidebar file is served as is (not a template, DESIGN §3); to open it on another tab than the
 * first, one appended line tells it which.
 */
export function openSidebar(language: Language, initialTab?: 'participants'): void {
  const file = HtmlService.createHtmlOutputFromFile('Sidebar');
  const opened = initialTab ? file.append(`<script>window.sopInitialTab = "${initialTab}";</script>`) : file;
  const html = opened.setTitle(t(language, 'sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(html);
}
