/**
 * A hidden sheet the add-in keeps for itself (an index, never shown in a report): inserted at the
 * end, hidden, marked as a register; the person's active sheet is given back (insertSheet activates
 * the new one), as insertRowSheet does. The caller checks first that no sheet has the name: a
 * user's sheet of that name is never taken over.
 */
import { markRegister } from './markers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The columns insertSheet gives a new sheet: writes within them need no grid size asked first. */
export const HIDDEN_SHEET_COLUMNS = 26;

export function insertHiddenSheet(spreadsheet: Spreadsheet, name: string, key: string, kind: string): Sheet {
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  sheet.hideSheet();
  markRegister(sheet, key, kind);
  active.activate();
  return sheet;
}
