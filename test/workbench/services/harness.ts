import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newWorkbookState } from '../../../src/workbench/model';
import type { WorkbookState } from '../../../src/workbench/model';
import { Workbench } from '../../../src/workbench/runtime';

export type SA = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** A workbench over a fresh workbook, with a temp dist folder holding the given files. */
export function makeBench(
  files: Record<string, string> = {},
  state: WorkbookState = newWorkbookState('Uji'),
) {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(distDir, name), text);
  const wb = new Workbench({ state, distDir });
  return { wb, state, distDir };
}

/** Begin an in-process execution and return its globals typed as Apps Script's. */
export function begin(wb: Workbench, opts?: Parameters<Workbench['beginExecution']>[0]) {
  const { globals, finish } = wb.beginExecution(opts);
  return {
    SpreadsheetApp: globals.SpreadsheetApp as SA,
    Charts: globals.Charts as GoogleAppsScript.Charts.Charts,
    PropertiesService: globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService,
    LockService: globals.LockService as GoogleAppsScript.Lock.LockService,
    Utilities: globals.Utilities as GoogleAppsScript.Utilities.Utilities,
    Session: globals.Session as GoogleAppsScript.Base.Session,
    HtmlService: globals.HtmlService as GoogleAppsScript.HTML.HtmlService,
    globals,
    finish,
  };
}

/** A sheet of a fresh workbench, ready for range tests. */
export function freshSheet() {
  const bench = makeBench();
  const g = begin(bench.wb);
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  return { ...bench, ...g, sheet, model: bench.state.sheets[0] };
}
