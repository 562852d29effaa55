import { t } from '../../core/i18n';
import { sheetNameFor } from '../../core/plan/sheet-name';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { totalMinutes } from '../../core/sop/minutes';
import { sopSheetPlan } from '../../core/sop/sop-sheet';
import type { GenerateSopResult, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { targetSheet, writeReplacing } from '../sheets/generated';
import { withDocumentLock } from '../sheets/lock';
import { SOP_PREFIX } from '../sheets/names';
import { resolveTemplate } from '../sheets/template-source';

/**
 * "Buat SOP": reads and validates the template, then writes `SOP: <nama>` in the official layout
 * in a fixed number of calls. Any problem → every located message and nothing written. The new
 * sheet is built complete under a temporary name, marked, and only then replaces the add-in's
 * previous sheet of that name; a user's own sheet of that name is never touched.
 */
export const generateSop: SidebarApi['generateSop'] = (templateId: string): GenerateSopResult => {
  const language = getLanguage();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const resolved = resolveTemplate(spreadsheet, String(templateId ?? ''), language);
  // Problems quote the template's cells: a NIK typed there is masked in the sidebar's list.
  if (!resolved.template) return { ok: false, problems: resolved.problems.map(maskNiksIn) };
  const { template } = resolved;

  return withDocumentLock(language, () => {
    const preferred = sheetNameFor(SOP_PREFIX, template.identity.namaSop);
    const { name, previous, userSheet } = targetSheet(spreadsheet, preferred);
    // insertSheet made the new sheet the active one: no activate() call needed.
    writeReplacing(spreadsheet, sopSheetPlan(template, name), previous, String(templateId));
    const total = totalMinutes(template.steps);
    const minutes = total.min === total.max ? `${total.min}` : `${total.min}–${total.max}`;
    spreadsheet.toast(
      t(language, 'sopCreatedToast', { sheet: name, steps: template.steps.length, minutes }),
      t(language, 'sopCreatedTitle'),
    );
    return {
      ok: true,
      sheetName: name,
      stepCount: template.steps.length,
      totalMinutes: total,
      ...(userSheet
        ? { renamedBecause: t(language, 'sopRenamedBecause', { sheet: userSheet, newSheet: name }) }
        : {}),
    };
  });
};
