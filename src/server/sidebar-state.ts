import { isLanguage, t } from '../core/i18n';
import { VERSION } from '../core/version';
import type { SidebarApi, SidebarState } from './api';
import { buildMenu } from './menu';
import { getLanguage, saveLanguage } from './preferences';
import { sidebarStrings } from './sidebar-strings';
import { activitiesOf } from './progress/activities';
import { KEGIATAN_SHEET } from './sheets/names';
import { templateSummaries } from './templates/list';

/** The sidebar's first call: everything it shows on load, in one round trip. */
export const getSidebarState: SidebarApi['getSidebarState'] = (): SidebarState => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const sheets = spreadsheet.getSheets();
  // Read once: the templates are found by name, and `Kegiatan` is among them (no getSheetByName).
  const names = sheets.map((sheet) => sheet.getName());
  const language = getLanguage();
  return {
    language,
    version: VERSION,
    spreadsheetName: spreadsheet.getName(),
    userEmail: Session.getActiveUser().getEmail(),
    timeZone,
    serverTime: Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX"),
    sheetCount: sheets.length,
    templates: templateSummaries(spreadsheet, sheets, language, names),
    // Read only: without a `Kegiatan` sheet the list is empty and nothing is created.
    activities: activitiesOf(sheets[names.indexOf(KEGIATAN_SHEET)] ?? null),
    strings: sidebarStrings(language),
  };
};

export const setLanguage: SidebarApi['setLanguage'] = (language: string): SidebarState => {
  if (!isLanguage(language)) throw new Error(t(getLanguage(), 'errorUnknownLanguage', { value: language }));
  saveLanguage(language);
  buildMenu(language); // the menu follows the sidebar's language without reopening the file
  return getSidebarState();
};
