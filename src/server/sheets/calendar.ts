/**
 * The working calendar (`Kalender Kerja`) as the progress and monitoring features count with it:
 * on the ground floor, so both read it the same way. Without the sheet the defaults apply (Perpres
 * 21/2023 hours, the seeded days off); a sheet with unreadable entries is refused with every
 * problem located, since minutes counted on a guess would be wrong without anyone knowing.
 * Three calls (the sheet, its data range, its values); one when there is no sheet.
 */
import { t, type Language } from '../../core/i18n';
import { DEFAULT_WORKING_CALENDAR } from '../../core/calendar/defaults';
import type { WorkingCalendar } from '../../core/calendar/model';
import { CALENDAR_SHEET_NAME, readCalendarSheet } from '../../core/calendar/sheet';
import { workingCalendar } from '../../core/calendar/working-minutes';
import { UserError } from './errors';
import { problemsText } from './guard';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheet-level developer metadata marking the add-in's `Kalender Kerja`. */
export const CALENDAR_KEY = 'sopTerpilah.calendar';

export function readWorkingCalendar(
  spreadsheet: Spreadsheet,
  timeZone: string,
  language: () => Language,
): WorkingCalendar {
  const sheet = spreadsheet.getSheetByName(CALENDAR_SHEET_NAME);
  if (!sheet) return DEFAULT_WORKING_CALENDAR;
  const values = sheet.getDataRange().getValues();
  const read = readCalendarSheet(values, timeZone);
  if (read.ok) return workingCalendar(read.settings);
  // The language is read only when there is something to say: the usual path costs no call.
  const problems = (readCalendarSheet(values, timeZone, language()) as { problems: string[] }).problems;
  const intro = t(language(), 'calendarProblemsIntro', { count: problems.length });
  throw new UserError(problemsText(intro, problems, language()));
}
