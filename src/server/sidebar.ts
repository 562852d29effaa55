import { DEFAULT_LANGUAGE, LANGUAGES, t, type Language } from '../core/i18n';
import { VERSION } from '../core/version';
import { guarded } from './sheets/guard';

/** Menu "Buka panel": the sidebar, built once from dist/Sidebar.html (not a template: see DESIGN §3). */
export function showSidebar(): void {
  guardedOpen();
}

/** Menu "Tambah/Impor peserta": the sidebar, opened on its Peserta tab. */
export function menuParticipants(): void {
  guardedOpen('participants');
}

/**
 * The panel's title reads the same in every language, so opening it needs no preference read
 * (a Properties round trip, before the sidebar's own first call reads it anyway). Were the
 * title ever translated, the language is read first, as any menu does.
 */
const TITLE_IN_EVERY_LANGUAGE = LANGUAGES.every(
  (language) => t(language, 'sidebarTitle') === t(DEFAULT_LANGUAGE, 'sidebarTitle'),
);

function guardedOpen(initialTab?: 'participants'): void {
  if (!TITLE_IN_EVERY_LANGUAGE) return guarded((language) => openSidebar(language, initialTab));
  try {
    openSidebar(DEFAULT_LANGUAGE, initialTab);
  } catch (error) {
    // The alert still speaks the person's language: the preference is read only now.
    guarded(() => {
      throw error;
    });
  }
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
