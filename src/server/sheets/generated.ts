/**
 * Generated sheets (an SOP, a report): written complete under a temporary name, marked, and only
 * then put in place of the add-in's previous sheet of that name. A user's own sheet of that name
 * is never touched: the new sheet takes the first free `<name> (n)` instead. A generated sheet
 * never holds a NIK whole (an SOP from a template someone typed one into, a report): every text
 * cell passes through maskNiksIn (the name comes masked from sheetNameFor).
 */
import type { SheetPlan } from '../../core/plan/plan';
import { fitSheetName, numberedSheetName } from '../../core/plan/sheet-name';
import { maskNiksDeep } from '../../core/privacy/mask-nik';
import { applyPlan, type ApplyOptions } from './apply-plan';
import { GENERATED_KEY, markerContent, markGenerated, type GeneratedMarker } from './markers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A new sheet has 1000 rows and 26 columns; a bigger plan grows it first. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

export interface Target {
  /** The name the sheet gets. */
  name: string;
  /** The add-in's sheet of that name, replaced; null when the name is free. */
  previous: Sheet | null;
  /** The preferred name when a user's own sheet holds it (and `name` is numbered), else null. */
  userSheet: string | null;
  /** The previous sheet's marker content (1 call, asked only by who needs it), null without one. */
  previousMarker: () => GeneratedMarker | null;
}

/**
 * Where the sheet goes: the preferred name when free or the add-in's own sheet (replaced), else the
 * first `<name> (n)` that is free or the add-in's. One lookup per name tried, 1 call per marker
 * check plus 1 per metadata entry; the marker's content is read only when asked (previousMarker).
 */
export function targetSheet(spreadsheet: Spreadsheet, preferred: string): Target {
  for (let n = 1; ; n++) {
    const name = numberedSheetName(preferred, n);
    const existing = spreadsheet.getSheetByName(name);
    const marker = existing?.getDeveloperMetadata().find((metadata) => metadata.getKey() === GENERATED_KEY);
    if (!existing || marker)
      return {
        name,
        previous: existing,
        userSheet: n === 1 ? null : preferred,
        previousMarker: () => (marker ? markerContent(marker) : null),
      };
  }
}

/**
 * A new sheet of `name` when no sheet has it (a lookup and an insert), else null — null too when
 * someone inserted one of that name between the two: Sheets refuses a second sheet of one name, so
 * a free name is taken atomically, without the document lock.
 */
export function insertIfFree(spreadsheet: Spreadsheet, name: string): Sheet | null {
  if (spreadsheet.getSheetByName(name)) return null;
  try {
    return spreadsheet.insertSheet(name);
  } catch {
    return null; // taken meanwhile: the caller goes the locked way, which finds it
  }
}

/**
 * Builds the sheet complete under a temporary name at the position of the sheet it replaces,
 * then deletes the previous one and takes its name (a new sheet takes its free name at once). Until the previous sheet is deleted, any
 * failure removes the new sheet: nothing half-written is left behind.
 */
export function writeReplacing(
  spreadsheet: Spreadsheet,
  typedPlan: SheetPlan,
  previous: Sheet | null,
  templateId: string,
  marker: Pick<GeneratedMarker, 'templateHash' | 'version'> = {},
  apply: ApplyOptions = {},
  inserted?: Sheet,
): Sheet {
  // The name comes from sheetNameFor (masked already) and must stay the one targetSheet chose.
  const plan: SheetPlan = { ...typedPlan, values: maskNiksDeep(typedPlan.values) };
  // Only a sheet replacing another needs a temporary name; a free name is taken at once (one
  // setName less), and a failure deletes the new sheet all the same.
  // `inserted`: the new sheet insertIfFree made under the plan's name (no previous one).
  const sheet =
    inserted ??
    (previous
      ? spreadsheet.insertSheet(
          fitSheetName(plan.sheetName, ` ~baru${Date.now().toString(36).slice(-6)}`),
          previous.getIndex() - 1,
        )
      : spreadsheet.insertSheet(plan.sheetName));
  let previousDeleted = false;
  try {
    const rows = plan.values.length;
    const columns = rows > 0 ? plan.values[0].length : 0;
    if (rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, rows - NEW_SHEET_ROWS);
    if (columns > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, columns - NEW_SHEET_COLUMNS);
    applyPlan(sheet, plan, apply);
    markGenerated(sheet, templateId, marker);
    if (previous) {
      spreadsheet.deleteSheet(previous);
      previousDeleted = true;
      sheet.setName(plan.sheetName);
    }
  } catch (error) {
    // Once the previous sheet is gone the new one is the only copy: it stays (complete, marked).
    if (!previousDeleted) spreadsheet.deleteSheet(sheet);
    throw error;
  }
  return sheet;
}
