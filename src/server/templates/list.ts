import { t, type Language } from '../../core/i18n';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { PENGUATAN_PUG } from '../../core/sop/builtin-penguatan-pug';
import { HISTORY_LABEL, IDENTITY_LABELS } from '../../core/sop/template-sheet-labels';
import type { SidebarApi, TemplateSummary } from '../api';
import { getLanguage } from '../preferences';
import { sheetNamesWithMarker, TEMPLATE_KEY } from '../sheets/markers';
import { TEMPLATE_PREFIX } from '../sheets/names';
import { BUILTIN_ID, SHEET_ID_PREFIX } from '../sheets/template-source';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The built-in template first, then every template sheet in tab order. */
export const listTemplates: SidebarApi['listTemplates'] = (): TemplateSummary[] =>
  templateSummaries(SpreadsheetApp.getActiveSpreadsheet());

/**
 * Template sheets are found by marker or by the `Template: ` prefix, so a sheet copied from
 * another spreadsheet (no marker) or a duplicated one (marker, other name) is listed either way.
 * Steps are counted from one read without validating: a broken sheet still lists.
 */
export function templateSummaries(
  spreadsheet: Spreadsheet,
  sheets: GoogleAppsScript.Spreadsheet.Sheet[] = spreadsheet.getSheets(),
  language: Language = getLanguage(),
  /** The sheets' names, when the caller has read them (one read per sheet). */
  names: readonly string[] = sheets.map((sheet) => sheet.getName()),
): TemplateSummary[] {
  const summaries: TemplateSummary[] = [
    {
      id: BUILTIN_ID,
      name: t(language, 'builtinTemplateName'),
      source: 'builtin',
      stepCount: PENGUATAN_PUG.steps.length,
    },
  ];
  const marked = sheetNamesWithMarker(spreadsheet, TEMPLATE_KEY);
  for (const [i, sheet] of sheets.entries()) {
    const sheetName = names[i];
    if (!sheetName.startsWith(TEMPLATE_PREFIX) && !marked.has(sheetName)) continue;
    const { name, stepCount } = summarise(sheet.getDataRange().getValues());
    summaries.push({
      id: SHEET_ID_PREFIX + sheetName,
      // Shown in the sidebar: a NIK typed into a template's name is masked (the id stays exact).
      name: maskNiksIn(name || sheetName.replace(TEMPLATE_PREFIX, '')),
      source: 'sheet',
      sheetName,
      stepCount,
    });
  }
  return summaries;
}

const norm = (value: unknown): string =>
  String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const NAME_LABEL = norm(IDENTITY_LABELS.find(([key]) => key === 'namaSop')?.[1]);

/** The SOP name and the number of non-empty rows under the steps header ("No", "Kegiatan"). */
export function summarise(values: unknown[][]): { name: string; stepCount: number } {
  const nameRow = values.find((row) => norm(row[0]) === NAME_LABEL);
  const name = String(nameRow?.[1] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const header = values.findIndex((row) => norm(row[0]) === 'no' && row.some((v) => norm(v) === 'kegiatan'));
  // The steps end where the version history starts.
  const history = values.findIndex((row) => norm(row[0]) === norm(HISTORY_LABEL));
  const end = history > header ? history : values.length;
  const stepCount =
    header < 0 ? 0 : values.slice(header + 1, end).filter((row) => row.some((v) => norm(v) !== '')).length;
  return { name, stepCount };
}
