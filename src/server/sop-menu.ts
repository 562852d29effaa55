import { t, type Language } from '../core/i18n';
import { getLanguage } from './preferences';
import { showSidebar } from './sidebar';
import { checkTemplateName, createTemplate } from './templates/create';
import { UserError } from './sheets/errors';
import { generateSop } from './templates/generate';
import { hasMarker, SHEET_ID_PREFIX, TEMPLATE_KEY, TEMPLATE_PREFIX } from './templates/markers';

/** The problems alert lists at most this many lines, then "…dan N masalah lainnya". */
export const MAX_ALERT_LINES = 30;

/**
 * Menu "Buat SOP": from the active sheet when it is a template sheet; otherwise the sidebar opens
 * so the person chooses a template there.
 */
export function menuCreateSop(): void {
  guarded((language) => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const name = sheet.getName();
    if (!name.startsWith(TEMPLATE_PREFIX) && !hasMarker(sheet, TEMPLATE_KEY)) {
      showSidebar();
      return;
    }
    const result = generateSop(SHEET_ID_PREFIX + name);
    const ui = SpreadsheetApp.getUi();
    if (!result.ok) {
      ui.alert(
        t(language, 'sopProblemsTitle'),
        problemsText(name, result.problems, language),
        ui.ButtonSet.OK,
      );
    } else if (result.renamedBecause) {
      ui.alert(t(language, 'sopCreatedTitle'), result.renamedBecause, ui.ButtonSet.OK);
    }
  });
}

/** Menu "Template baru…": asks the name, then whether to copy the built-in SOP or start blank. */
export function menuNewTemplate(): void {
  guarded((language) => {
    const ui = SpreadsheetApp.getUi();
    const title = t(language, 'newTemplateTitle');
    const response = ui.prompt(title, t(language, 'newTemplatePrompt'), ui.ButtonSet.OK_CANCEL);
    if (response.getSelectedButton() !== ui.Button.OK) return;
    const name = checkTemplateName(response.getResponseText(), language);
    const seed = ui.alert(title, t(language, 'newTemplateSeedPrompt'), ui.ButtonSet.YES_NO_CANCEL);
    if (seed !== ui.Button.YES && seed !== ui.Button.NO) return;
    const { sheetName } = createTemplate({ name, from: seed === ui.Button.YES ? 'builtin' : 'blank' });
    SpreadsheetApp.getActiveSpreadsheet().toast(
      t(language, 'templateCreatedToast', { sheet: sheetName }),
      title,
    );
  });
}

/** Every located problem in one alert text, capped at MAX_ALERT_LINES lines. */
export function problemsText(template: string, problems: string[], language: Language): string {
  const shown = problems.slice(0, MAX_ALERT_LINES).map((problem) => `• ${problem}`);
  if (problems.length > MAX_ALERT_LINES)
    shown.push(t(language, 'sopProblemsMore', { count: problems.length - MAX_ALERT_LINES }));
  return [t(language, 'sopProblemsIntro', { template, count: problems.length }), ...shown].join('\n');
}

/** Runs a menu handler: a UserError is shown as it is, any other error as "Terjadi kesalahan: …". */
function guarded(body: (language: Language) => void): void {
  let language: Language = 'id';
  try {
    language = getLanguage();
    body(language);
  } catch (error) {
    const message = error instanceof UserError ? error.message : unexpected(error, language);
    const ui = SpreadsheetApp.getUi();
    ui.alert(t(language, 'addonName'), message, ui.ButtonSet.OK);
  }
}

function unexpected(error: unknown, language: Language): string {
  const message =
    error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  return t(language, 'unexpectedError', { message: message.split('\n')[0] });
}
