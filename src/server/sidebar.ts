import { DEFAULT_LANGUAGE, t, type Language } from '../core/i18n';
import { VERSION } from '../core/version';
import type { EmbeddedSidebarState } from './api';
import { guarded } from './sheets/guard';
import { failureText, firstStateElement, firstView } from './sidebar-embed';
import { getSidebarState } from './sidebar-state';

/** Menu "Buka panel": the sidebar, built once from dist/Sidebar.html (not a template: see DESIGN §3). */
export function showSidebar(): void {
  guardedOpen();
}

/** Menu "Tambah/Impor peserta": the sidebar, opened on its Peserta tab. */
export function menuParticipants(): void {
  guardedOpen('participants');
}

/** A failure to open (no Sidebar.html) alerts in the person's language, read only then. */
function guardedOpen(initialTab?: 'participants'): void {
  try {
    openSidebar(DEFAULT_LANGUAGE, initialTab);
  } catch (error) {
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
 * The sidebar file is served as is (not a template, DESIGN §3), with its first state appended
 * (sidebar-embed.ts): the panel renders from this one execution, no google.script.run before it
 * shows. When the state cannot be computed (a broken sheet), the panel still opens and shows the
 * error its first call would have shown. The title follows the state's language (`language`, the
 * caller's, when there is no state).
 */
export function openSidebar(language: Language, initialTab?: 'participants'): void {
  const file = HtmlService.createHtmlOutputFromFile('Sidebar');
  let embedded: EmbeddedSidebarState;
  try {
    embedded = firstView(getSidebarState(), initialTab);
  } catch (error) {
    embedded = { error: failureText(error), ...(initialTab ? { tab: initialTab } : {}) };
  }
  const html = file
    .append(firstStateElement(embedded))
    .setTitle(t(embedded.state?.language ?? language, 'sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(html);
}
