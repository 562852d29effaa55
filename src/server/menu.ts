import { DEFAULT_LANGUAGE, translator, type Language } from '../core/i18n';
import { getLanguage } from './preferences';

/**
 * Builds the add-on menu. In AuthMode.NONE (add-on installed but not yet used in this document)
 * only the menu may be built, so nothing else is read there: not even the language preference.
 * https://developers.google.com/apps-script/reference/script/auth-mode
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const language = e && e.authMode === ScriptApp.AuthMode.NONE ? DEFAULT_LANGUAGE : getLanguage();
  buildMenu(language);
}

/** Installing from the Marketplace runs onInstall, not onOpen: build the menu right away. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function buildMenu(language: Language): void {
  const t = translator(language);
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t('menuOpenPanel'), 'showSidebar')
    .addItem(t('menuCreateSop'), 'menuCreateSop')
    .addItem(t('menuNewTemplate'), 'menuNewTemplate')
    .addItem(t('menuRebuildProgress'), 'menuRebuildProgress')
    .addItem(t('menuWorkingCalendar'), 'menuWorkingCalendar')
    .addItem(t('menuMonitoringReport'), 'menuMonitoringReport')
    .addItem(t('menuParticipants'), 'menuParticipants')
    .addItem(t('menuTerpilahReport'), 'menuTerpilahReport')
    .addItem(t('menuGroupInstitutions'), 'menuGroupInstitutions')
    .addItem(t('menuSatuDataExport'), 'menuSatuDataExport')
    .addItem(t('menuSelfCheck'), 'menuSelfCheck')
    .addSeparator()
    .addItem(t('menuAbout'), 'showAbout')
    .addToUi();
}
