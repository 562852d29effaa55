/**
 * Every menu handler runs inside `guarded`: whatever it throws becomes one alert, worded one way,
 * never Apps Script's bare "An error occurred" with a stack. A handler may also end by returning
 * the alert it wants shown (a report, a list of problems).
 */
import { DEFAULT_LANGUAGE, t, type Language, type StringKey } from '../../core/i18n';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { getLanguage } from '../preferences';
import { errorMessage } from './errors';

/** A problems alert lists at most this many lines, then "…dan N masalah lainnya". */
export const MAX_ALERT_LINES = 30;

export interface MenuAlert {
  title: string;
  message: string;
}

/**
 * Runs a menu handler in the user's language (Indonesian when the preference cannot be read: the
 * menu must still answer). An error is shown under `errorTitle`, "SOP & Data Terpilah" by default.
 */
export function guarded(
  body: (language: Language) => MenuAlert | void,
  errorTitle: StringKey = 'addonName',
): void {
  const language = languageOrDefault();
  let shown: MenuAlert | void;
  try {
    shown = body(language);
  } catch (error) {
    shown = { title: t(language, errorTitle), message: errorMessage(error, language) };
  }
  if (shown) showAlert(shown);
}

function languageOrDefault(): Language {
  try {
    return getLanguage();
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/**
 * One OK alert, a NIK in it masked; without the UI scope (a trigger, the editor) the execution log
 * gets the text.
 */
function showAlert(alert: MenuAlert): void {
  const title = maskNiksIn(alert.title);
  const message = maskNiksIn(alert.message);
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch {
    console.log(message);
  }
}

/** `intro`, then one "• problem" line each, capped at MAX_ALERT_LINES with "…dan N lainnya". */
export function problemsText(intro: string, problems: string[], language: Language): string {
  const shown = problems.slice(0, MAX_ALERT_LINES).map((problem) => `• ${problem}`);
  if (problems.length > MAX_ALERT_LINES)
    shown.push(t(language, 'sopProblemsMore', { count: problems.length - MAX_ALERT_LINES }));
  return [intro, ...shown].join('\n');
}
