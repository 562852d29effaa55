/**
 * Menu "Kalender Kerja": creates the working calendar with its defaults (Perpres 21/2023 hours,
 * the seeded days off marked "periksa"), or, when it exists, adds the seeded dates it lacks while
 * keeping the office's week and every date it has. The new sheet is built complete under a
 * temporary name and only then takes the place of the old one: nothing is ever half-written.
 * A sheet of that name that is not a working calendar is left alone.
 */
import { t, type Language } from '../../core/i18n';
import { DEFAULT_CALENDAR_SETTINGS } from '../../core/calendar/defaults';
import {
  CALENDAR_SHEET_NAME,
  calendarSheetPlan,
  isCalendarSheet,
  mergeSeed,
  readCalendarSheet,
} from '../../core/calendar/sheet';
import { fitSheetName } from '../../core/plan/sheet-name';
import { applyPlan } from '../sheets/apply-plan';
import { CALENDAR_KEY } from '../sheets/calendar';
import { UserError } from '../sheets/errors';
import { guarded, problemsText } from '../sheets/guard';
import { withDocumentLock } from '../sheets/lock';
import { markRegister } from '../sheets/markers';

export function menuWorkingCalendar(): void {
  guarded((language) => {
    const message = seedWorkingCalendar(language);
    SpreadsheetApp.getActiveSpreadsheet().toast(message, t(language, 'calendarTitle'));
  }, 'calendarTitle');
}

/** Creates or reseeds the sheet and activates it; the toast's text. */
export function seedWorkingCalendar(language: Language): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  return withDocumentLock(language, () => {
    const previous = spreadsheet.getSheetByName(CALENDAR_SHEET_NAME);
    let existing = null;
    if (previous) {
      const values = previous.getDataRange().getValues();
      if (!isCalendarSheet(values)) throw new UserError(t(language, 'calendarNotOurs'));
      const read = readCalendarSheet(values, timeZone, language);
      if (!read.ok) {
        const intro = t(language, 'calendarProblemsIntro', { count: read.problems.length });
        throw new UserError(problemsText(intro, read.problems, language));
      }
      existing = read.settings;
    }
    const { settings, added, kept } = mergeSeed(existing, DEFAULT_CALENDAR_SETTINGS);
    const temporary = fitSheetName(CALENDAR_SHEET_NAME, ` ~baru${Date.now().toString(36).slice(-6)}`);
    const sheet = previous
      ? spreadsheet.insertSheet(temporary, previous.getIndex() - 1)
      : spreadsheet.insertSheet(temporary, spreadsheet.getNumSheets());
    try {
      applyPlan(sheet, calendarSheetPlan(settings, temporary));
      markRegister(sheet, CALENDAR_KEY, 'calendar');
      if (previous) spreadsheet.deleteSheet(previous);
    } catch (error) {
      spreadsheet.deleteSheet(sheet);
      throw error;
    }
    sheet.setName(CALENDAR_SHEET_NAME);
    sheet.activate();
    return previous
      ? t(language, 'calendarUpdatedToast', { added, kept })
      : t(language, 'calendarCreatedToast', { count: added });
  });
}
