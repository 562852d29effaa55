/**
 * A person at the spreadsheet, over HTTP, for tests and demos: `POST /api/edit` types into cells,
 * `POST /api/sheets` adds, renames and deletes tabs. Both go through the emulated SpreadsheetApp
 * (Workbench.actAsPerson), so the emulation's parsing, rules and limits apply, but not the
 * add-in's scopes or locks. See README.md, "Workbench HTTP API".
 */
import type { WorkbookState } from '../model';
import type { EditEvent, SheetsRequest } from '../protocol';

export type { SheetsRequest };
import { HttpError, withoutPaths } from './errors';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What the server needs of runtime.ts's Workbench to act as a person. */
export interface PersonActor {
  actAsPerson<T>(act: (app: App) => T): T;
  /** The script's simple onEdit trigger after the edit (runtime.ts); absent: no trigger runs. */
  firePersonEdit?(edit: EditEvent): unknown;
}

export interface EditRequest {
  sheet: string;
  range: string;
  /** What the person types, row by row; "" clears a cell. */
  values: string[][];
}

const OPS = ['add', 'rename', 'delete', 'activate', 'duplicate', 'move'] as const;

const EDIT_SHAPE = '{ "sheet": "<name>", "range": "<A1>", "values": [["…"]] }';
const SHEETS_SHAPE =
  '{ "op": "add" | "rename" | "delete" | "activate" | "duplicate" | "move", "name": "<name>", "newName": "<name>", "index": <n> }';
/** Sheets' refusal to delete the only sheet (Sheets API deleteSheet, same wording in the editor). */
export const LAST_SHEET_MESSAGE = "You can't remove all the sheets in a document.";

function parseObject(text: string, shape: string, allowed: readonly string[]): Record<string, unknown> {
  if (!text.trim()) throw new HttpError(400, `Body must be a JSON object ${shape}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `Bad JSON body: ${(e as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, `Body must be a JSON object ${shape}`);
  }
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key))
      throw new HttpError(400, `Unknown field ${JSON.stringify(key)}: expected ${shape}`);
  }
  return body as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, key: string, nonEmpty: boolean): string {
  const v = body[key];
  if (typeof v !== 'string') throw new HttpError(400, `"${key}" must be a string`);
  if (nonEmpty && !v) throw new HttpError(400, `"${key}" must not be empty`);
  return v;
}

export function parseEditBody(text: string): EditRequest {
  const body = parseObject(text, EDIT_SHAPE, ['sheet', 'range', 'values']);
  const sheet = stringField(body, 'sheet', true);
  const range = stringField(body, 'range', true);
  if (range.includes('!')) {
    throw new HttpError(400, '"range" is A1 notation inside "sheet", without a sheet name (e.g. "B2:C3")');
  }
  const values = body.values;
  const shape = '"values" must be a non-empty array of rows, each a non-empty array of strings';
  if (!Array.isArray(values) || values.length === 0) throw new HttpError(400, shape);
  const width = Array.isArray(values[0]) ? values[0].length : 0;
  for (const [i, row] of values.entries()) {
    if (!Array.isArray(row) || row.length === 0) throw new HttpError(400, shape);
    if (row.length !== width) {
      throw new HttpError(
        400,
        `Every row of "values" must have the same length (row 1 has ${width}, row ${i + 1} has ${row.length})`,
      );
    }
    for (const [j, cell] of row.entries()) {
      if (typeof cell !== 'string') {
        throw new HttpError(
          400,
          `values[${i}][${j}] must be a string (what the person types; "" clears the cell)`,
        );
      }
    }
  }
  return { sheet, range, values: values as string[][] };
}

export function parseSheetsBody(text: string): SheetsRequest {
  const body = parseObject(text, SHEETS_SHAPE, ['op', 'name', 'newName', 'index']);
  const op = OPS.find((o) => o === body.op);
  if (!op) throw new HttpError(400, `"op" must be one of ${OPS.map((o) => `"${o}"`).join(', ')}`);
  if ('index' in body && op !== 'move') throw new HttpError(400, `"index" is only for "op": "move"`);
  if (op === 'move') {
    if ('newName' in body) throw new HttpError(400, `"newName" is only for "op": "rename" or "duplicate"`);
    const index = body.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
      throw new HttpError(400, '"index" must be a whole number ≥ 0 (the new 0-based position)');
    }
    return { op, name: stringField(body, 'name', true), index };
  }
  if (op === 'rename') {
    return { op, name: stringField(body, 'name', true), newName: stringField(body, 'newName', false) };
  }
  if (op === 'duplicate') {
    const name = stringField(body, 'name', true);
    return 'newName' in body ? { op, name, newName: stringField(body, 'newName', false) } : { op, name };
  }
  if ('newName' in body) throw new HttpError(400, `"newName" is only for "op": "rename" or "duplicate"`);
  // An empty name to add is the emulation's to refuse, with Sheets' message.
  return { op, name: stringField(body, 'name', op !== 'add') };
}

/**
 * Runs `act` as the person. The emulation's exceptions (Sheets' refusals, e.g. a size mismatch or
 * a duplicate name) become 400; anything else is a bug of the workbench: 500.
 */
export function asPerson<T>(actor: PersonActor, act: (app: App) => T): T {
  try {
    return actor.actAsPerson(act);
  } catch (e) {
    if (e instanceof HttpError) throw e;
    const err = e as { name?: unknown; message?: unknown };
    const message = err && typeof err.message === 'string' ? err.message : String(e);
    if (err && err.name === 'Exception') throw new HttpError(400, message);
    console.error('Workbench:', e);
    throw new HttpError(500, `Workbench error: ${withoutPaths(message)}`);
  }
}

function sheetNamed(app: App, name: string): Sheet {
  const sheet = app.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new HttpError(404, `No sheet named ${JSON.stringify(name)}`);
  return sheet;
}

/**
 * Types `values` into `range` of `sheet`: each string parsed as Range.setValues parses it. Then
 * the script's onEdit(e) runs, as Sheets runs it after a person's edit, with the value before and
 * after when one cell was edited (https://developers.google.com/apps-script/guides/triggers/events#edit).
 */
export function typeInto(actor: PersonActor, edit: EditRequest): void {
  const event = asPerson(actor, (app): EditEvent => {
    const range = sheetNamed(app, edit.sheet).getRange(edit.range);
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    const before = single ? range.getValue() : '';
    range.setValues(edit.values);
    const after = single ? range.getValue() : '';
    const text = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : String(v));
    return {
      sheet: edit.sheet,
      range: range.getA1Notation(),
      ...(single && text(before) !== undefined ? { oldValue: text(before) } : {}),
      ...(single && text(after) !== undefined ? { value: text(after) } : {}),
    };
  });
  actor.firePersonEdit?.(event);
}

/** The name Sheets' "Duplicate" gives (Indonesian UI): "Salinan X", then "Salinan X 2", … */
export function copyName(state: WorkbookState, name: string): string {
  const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  const first = `Salinan ${name}`;
  if (!taken.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) if (!taken.has(`${first} ${n}`.toLowerCase())) return `${first} ${n}`;
}

/**
 * Duplicates a tab as the person does: a new sheet right after it (through the emulation, so its
 * name rules and cell limit apply) that becomes active, then everything of the original copied
 * into it: cells, formats, sizes, merges, rules, protections, charts and developer metadata, with
 * new ids. Whether Sheets copies developer metadata is not documented; copied (the stricter case
 * for the add-in, whose registers carry markers). Apps Script has Sheet.copyTo(spreadsheet) but it
 * names the copy "Copy of X" at the end; the editor's "Duplikat" is what a person does.
 */
function duplicateSheet(
  actor: PersonActor & { readonly state: WorkbookState },
  name: string,
  newName: string | undefined,
): void {
  const state = actor.state;
  const created = asPerson(actor, (app) => {
    const spreadsheet = app.getActiveSpreadsheet();
    const original = sheetNamed(app, name);
    const copy = spreadsheet.insertSheet(newName ?? copyName(state, name), original.getIndex());
    const target = state.sheets.find((s) => s.sheetId === copy.getSheetId());
    const source = state.sheets.find((s) => s.sheetId === original.getSheetId());
    if (target && source) {
      // The cells of the copy count towards the spreadsheet's limit as Sheets counts them.
      if (source.maxRows > target.maxRows) copy.insertRowsAfter(1, source.maxRows - target.maxRows);
      if (source.maxColumns > target.maxColumns)
        copy.insertColumnsAfter(1, source.maxColumns - target.maxColumns);
    }
    return { sheetId: copy.getSheetId(), sourceId: original.getSheetId() };
  });
  const source = state.sheets.find((s) => s.sheetId === created.sourceId);
  const target = state.sheets.find((s) => s.sheetId === created.sheetId);
  if (!source || !target) throw new HttpError(500, 'Workbench error: the duplicate was not created');
  const { sheetId, name: copyNameGiven } = target;
  const copy = structuredClone(source);
  Object.assign(target, copy, { sheetId, name: copyNameGiven, hidden: false });
  for (const p of target.protections) p.id = `protection-${state.nextId++}`;
  for (const c of target.charts) c.chartId = state.nextId++;
  for (const m of target.developerMetadata) m.id = state.nextId++;
}

/** Adds, renames, deletes, activates, duplicates or moves a tab (see SheetsRequest). */
export function manageSheets(
  actor: PersonActor & { readonly state: WorkbookState },
  request: SheetsRequest,
): void {
  if (request.op === 'duplicate') {
    duplicateSheet(actor, request.name, request.newName);
    return;
  }
  asPerson(actor, (app) => {
    const spreadsheet = app.getActiveSpreadsheet();
    if (request.op === 'add') {
      spreadsheet.insertSheet(request.name, spreadsheet.getNumSheets());
      return;
    }
    const sheet = sheetNamed(app, request.name);
    if (request.op === 'activate') {
      spreadsheet.setActiveSheet(sheet);
      return;
    }
    if (request.op === 'move') {
      spreadsheet.setActiveSheet(sheet);
      spreadsheet.moveActiveSheet(Math.min(request.index, spreadsheet.getNumSheets() - 1) + 1);
      return;
    }
    if (request.op === 'rename') {
      sheet.setName(request.newName);
      return;
    }
    if (spreadsheet.getNumSheets() === 1) throw new HttpError(400, LAST_SHEET_MESSAGE);
    spreadsheet.deleteSheet(sheet);
  });
}
