import { t } from '../core/i18n';
import { openSidebar } from './sidebar';
import { guarded, problemsText } from './sheets/guard';
import { hasMarker, TEMPLATE_KEY } from './sheets/markers';
import { TEMPLATE_PREFIX } from './sheets/names';
import { SHEET_ID_PREFIX } from './sheets/template-source';
import { checkTemplateName, createTemplate } from './templates/create';
import { generateSop } from './templates/generate';

/**
 * Menu "Buat SOP": from the active sheet when it is a template sheet; otherwise the sidebar opens
 * so the person chooses a template there.
 */
export function menuCreateSop(): void {
  guarded((language) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = spreadsheet.getActiveSheet();
    const name = sheet.getName();
    if (!name.startsWith(TEMPLATE_PREFIX) && !hasMarker(sheet, TEMPLATE_KEY)) {
      openSidebar(language);
      return;
    }
    const result = generateSop(SHEET_ID_PREFIX + name);
    if (!result.ok) {
      // The revision note cancelled: say so, not "N problems".
      if (result.problems.length === 1 && result.problems[0] === t(language, 'sopRevisionCancelled'))
        return { title: t(language, 'sopRevisionTitle'), message: result.problems[0] };
      const intro = t(language, 'sopProblemsIntro', { template: name, count: result.problems.length });
      return {
        title: t(language, 'sopProblemsTitle'),
        message: problemsText(intro, result.problems, language),
      };
    }
    // The sidebar shows the result in its panel; from the menu a toast says it.
    const { min, max } = result.totalMinutes;
    spreadsheet.toast(
      t(language, 'sopCreatedToast', {
        sheet: result.sheetName,
        steps: result.stepCount,
        minutes: min === max ? `${min}` : `${min}–${max}`,
      }),
      t(language, 'sopCreatedTitle'),
    );
    if (result.renamedBecause)
      return { title: t(language, 'sopCreatedTitle'), message: result.renamedBecause };
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
