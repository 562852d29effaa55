import { t, type Language } from '../../core/i18n';
import { sheetNameFor } from '../../core/plan/sheet-name';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { PENGUATAN_PUG } from '../../core/sop/builtin-penguatan-pug';
import { emptyIdentity, type SopTemplate } from '../../core/sop/model';
import { templateSheetPlan } from '../../core/sop/template-sheet-plan';
import type { CreateTemplateRequest, CreateTemplateResult, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { applyPlan } from '../sheets/apply-plan';
import { UserError } from '../sheets/errors';
import { markTemplate } from '../sheets/markers';
import { TEMPLATE_PREFIX } from '../sheets/names';
import { TEMPLATES_APPLY_OPTIONS } from './apply-options';

export const MAX_TEMPLATE_NAME = 90;

/** The typed name, trimmed and on one line; a clear error when empty or too long. */
export function checkTemplateName(raw: unknown, language: Language): string {
  const name = String(raw ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '') throw new UserError(t(language, 'templateNameEmpty'));
  if (name.length > MAX_TEMPLATE_NAME)
    throw new UserError(t(language, 'templateNameTooLong', { length: name.length, max: MAX_TEMPLATE_NAME }));
  return name;
}

export function blankTemplate(name: string): SopTemplate {
  return {
    identity: emptyIdentity(name),
    roles: [],
    steps: [],
  };
}

/**
 * "Template baru": a `Template: <name>` sheet seeded from the built-in SOP or blank, marked as a
 * template. Refuses an empty or long name and a name whose sheet exists; a failure while writing
 * removes the new sheet.
 */
export const createTemplate: SidebarApi['createTemplate'] = (
  request: CreateTemplateRequest,
): CreateTemplateResult => {
  const language = getLanguage();
  const from = request?.from;
  if (from !== 'builtin' && from !== 'blank')
    throw new UserError(t(language, 'templateSourceUnknown', { value: String(from) }));
  // A NIK typed into the name is masked: the template, its SOPs and their names never hold it whole.
  const name = maskNiksIn(checkTemplateName(request?.name, language));
  const sheetName = sheetNameFor(TEMPLATE_PREFIX, name);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (spreadsheet.getSheetByName(sheetName))
    throw new UserError(t(language, 'templateExists', { sheet: sheetName }));

  const template = from === 'builtin' ? copyOf(PENGUATAN_PUG) : blankTemplate(name);
  template.identity.namaSop = name;
  const plan = templateSheetPlan(template, sheetName);
  // A blank template has no roles yet: an empty dropdown list would be refused by Sheets.
  plan.validations = plan.validations.filter((validation) => validation.list.length > 0);

  const sheet = spreadsheet.insertSheet(sheetName);
  try {
    applyPlan(sheet, plan, TEMPLATES_APPLY_OPTIONS);
    markTemplate(sheet);
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  return { sheetName };
};

function copyOf(template: SopTemplate): SopTemplate {
  return JSON.parse(JSON.stringify(template)) as SopTemplate;
}
