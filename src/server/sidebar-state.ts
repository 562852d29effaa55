import { isLanguage, t } from '../core/i18n';
import { VERSION } from '../core/version';
import type { SidebarApi, SidebarState } from './api';
import { buildMenu } from './menu';
import { getLanguage, saveLanguage } from './preferences';
import { sidebarStrings } from './sidebar-strings';
import { activityList } from './progress/activities';
import { templateSummaries } from './templates/list';

/** The sidebar's first call: everything it shows on load, in one round trip. */
export const getSidebarState: SidebarApi['getSidebarState'] = (): SidebarState => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const sheets = spreadsheet.getSheets();
  const language = getLanguage();
  return {
    language,
    version: VERSION,
    spreadsheetName: spreadsheet.getName(),
    userEmail: Session.getActiveUser().getEmail(),
    timeZone,
    serverTime: Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX"),
    sheetCount: sheets.length,
    templates: templateSummaries(spreadsheet, sheets, language),
    // Read only: without a `Kegiatan` sheet the list is empty and nothing is created.
    activities: activityList(spreadsheet),
    strings: sidebarStrings(language),
  };
};

export const setLanguage: SidebarApi['setLanguage'] = (language: string): SidebarState => {
  if (!isLanguage(language)) throw new Error(t(getLanguage(), 'errorUnknownLanguage', { value: language }));
  saveLanguage(language);
  buildMenu(language); // the menu follows the sidebar's language without reopening the file
  return getSidebarState();
};
