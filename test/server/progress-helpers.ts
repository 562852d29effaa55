import type { ActivityView, CreateActivityRequest, LogStepRequest } from '../../src/server/api';
import type { WorkbookState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { columnToLetters } from '../../src/core/plan/a1';
import { typeInto as typeAsPerson } from '../../src/workbench/server/person';
import { inExecution, newWorkbench, runOk } from '../support/workbench';

export const PROGRESS_SHEETS = ['Kegiatan', 'Langkah', 'Riwayat'];

/** A workbench where writing the progress sheets outside the document lock fails. */
export function progressWorkbench(options: { state?: WorkbookState; userEmail?: string } = {}): Workbench {
  const workbench = newWorkbench(options);
  workbench.requireDocumentLockFor(PROGRESS_SHEETS);
  return workbench;
}

export const PUG_ACTIVITY: CreateActivityRequest = {
  name: 'Rapat Koordinasi PUG 2026',
  templateId: 'builtin:penguatan-pug',
  plannedDate: '2026-11-24',
  place: 'Aula DP3ACSKB',
  personInCharge: 'Ana',
};

export function create(workbench: Workbench, request: Partial<CreateActivityRequest> = {}): ActivityView {
  return runOk(workbench, 'createActivity', [{ ...PUG_ACTIVITY, ...request }]).value as ActivityView;
}

export function logOk(workbench: Workbench, request: Partial<LogStepRequest>): ActivityView {
  return runOk(workbench, 'logStep', [{ activityId: 'KGT-0001', ...request }]).value as ActivityView;
}

/** The refusal message of a logStep that must fail. */
export function logError(workbench: Workbench, request: Partial<LogStepRequest>): string {
  const result = workbench.run('logStep', [{ activityId: 'KGT-0001', ...request }]);
  expect(result.ok).toBe(false);
  return String(result.error);
}

/** What getDataRange().getValues() gives for the sheet, or null when it does not exist. */
export function sheetValues(workbench: Workbench, name: string): unknown[][] | null {
  return inExecution(workbench, () => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
    return sheet ? sheet.getDataRange().getValues() : null;
  }).value;
}

/** The three sheets' values, for "nothing was written" checks. */
export function snapshot(workbench: Workbench): Record<string, unknown[][] | null> {
  return Object.fromEntries(PROGRESS_SHEETS.map((name) => [name, sheetValues(workbench, name)]));
}

/** A column of a sheet's rows (header row included) by its header. */
export function column(values: unknown[][], header: string): unknown[] {
  const index = values[0].indexOf(header);
  if (index < 0) throw new Error(`no column "${header}"`);
  return values.map((row) => row[index]);
}

/** Row `row` (1-based) of a sheet as an object keyed by header. */
export function record(values: unknown[][], row: number): Record<string, unknown> {
  return Object.fromEntries(values[0].map((header, c) => [String(header), values[row - 1][c]]));
}

/** Every formula cell of the workbook (there must be none in the progress sheets). */
export function formulas(workbench: Workbench): string[] {
  return workbench.state.sheets.flatMap((sheet) =>
    sheet.rows.flatMap((row) => (row ?? []).flatMap((cell) => (cell?.formula ? [cell.formula] : []))),
  );
}

/** Sets a cell (1-based) of a sheet the way a person typing text would. */
export function typeInto(
  workbench: Workbench,
  sheetName: string,
  row: number,
  col: number,
  value: string,
): void {
  const sheet = workbench.state.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const cells = (sheet.rows[row - 1] ??= []);
  cells[col - 1] = { ...(cells[col - 1] ?? {}), value };
}

/**
 * Types into cells (1-based top-left, a block of rows for a paste) as a person does in Sheets:
 * values parsed as typed, then the script's onEdit(e) runs (src/workbench/server/person.ts).
 */
export function editAsPerson(
  workbench: Workbench,
  sheetName: string,
  row: number,
  col: number,
  values: string | string[][],
): void {
  const block = typeof values === 'string' ? [[values]] : values;
  const range = `${columnToLetters(col)}${row}:${columnToLetters(col + block[0].length - 1)}${row + block.length - 1}`;
  typeAsPerson(workbench, { sheet: sheetName, range, values: block });
}

/** The full PUG run used by several tests: steps 1–10, a Perbaikan on step 2, then done again. */
export const DAY = '2026-11-24';
export function fullRun(workbench: Workbench): void {
  const at = (hhmm: string, day = DAY) => `${day} ${hhmm}`;
  logOk(workbench, { step: 1, action: 'start', at: at('08:00'), person: 'Budi' });
  logOk(workbench, { step: 1, action: 'finish', at: at('08:45'), evidence: 'https://drive.google.com/d/1' });
  logOk(workbench, { step: 2, action: 'start', at: at('09:00') });
  logOk(workbench, { step: 2, action: 'revise', at: at('10:30'), note: 'RKA belum sesuai' });
  logOk(workbench, { step: 1, action: 'start', at: at('11:00') });
  logOk(workbench, { step: 1, action: 'finish', at: at('11:30') });
  logOk(workbench, { step: 2, action: 'start', at: at('13:00') });
  logOk(workbench, { step: 2, action: 'approve', at: at('13:40') });
  const day2 = '2026-11-25';
  logOk(workbench, { step: 3, action: 'start', at: at('08:00', day2) });
  logOk(workbench, { step: 3, action: 'finish', at: at('09:15', day2) });
  logOk(workbench, { step: 4, action: 'start', at: at('09:15', day2) });
  logOk(workbench, { step: 4, action: 'finish', at: at('09:40', day2) });
  logOk(workbench, { step: 5, action: 'start', at: at('10:00', day2) });
  logOk(workbench, { step: 5, action: 'finish', at: at('15:00', day2) });
  logOk(workbench, { step: 6, action: 'start', at: at('15:00', day2) });
  logOk(workbench, { step: 6, action: 'approve', at: at('15:30', day2) });
  logOk(workbench, { step: 7, action: 'start', at: at('08:00', '2026-11-26') });
  logOk(workbench, { step: 7, action: 'finish', at: at('14:00', '2026-11-26') });
  logOk(workbench, { step: 8, action: 'start', at: at('08:00', '2026-11-27') });
  logOk(workbench, { step: 8, action: 'finish', at: at('16:00', '2026-11-27') });
  logOk(workbench, { step: 9, action: 'start', at: at('08:00', '2026-11-30') });
  logOk(workbench, { step: 9, action: 'finish', at: at('15:00', '2026-11-30') });
  logOk(workbench, { step: 10, action: 'start', at: at('09:00', '2026-12-01') });
  logOk(workbench, { step: 10, action: 'approve', at: at('12:00', '2026-12-01') });
}
