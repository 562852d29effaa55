/**
 * "Buka panel" reads only what the panel shows (issue 12): the sheet names once (templates and
 * `Kegiatan` from the same reads), and of `Kegiatan` its last row and the list's 8 columns in one
 * getSheetValues. The state must be the one the former reader gave (every column of every row,
 * `Kegiatan` looked up by name): that reader runs here in-process as the oracle, on workbooks a
 * person has typed into (statuses, numbers, dates, copied Data, blank rows, rows below).
 */
import fc from 'fast-check';
import { VERSION } from '../../src/core/version';
import { KEGIATAN_HEADERS } from '../../src/core/progress/kegiatan-rows';
import { activityListFromRows } from '../../src/core/progress/views';
import type { SidebarState } from '../../src/server/api';
import { getLanguage } from '../../src/server/preferences';
import { registerRows } from '../../src/server/sheets/rows';
import { templateSummaries } from '../../src/server/templates/list';
import type { WorkbookState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { typeInto } from '../../src/workbench/server/person';
import { columnToLetters } from '../../src/core/plan/a1';
import { DIST, inExecution, runOk } from '../support/workbench';
import { create, logOk, progressWorkbench } from './progress-helpers';
import { sheetOf, withSteps, writeTemplateSheet } from './template-helpers';

const WIDTH = KEGIATAN_HEADERS.length;

/** The state as getSidebarState built it before (strings and the clock left out). */
function formerState(workbench: Workbench): Omit<SidebarState, 'strings' | 'serverTime'> {
  const { value } = inExecution(workbench, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const sheets = spreadsheet.getSheets();
    const language = getLanguage();
    return {
      language,
      version: VERSION,
      spreadsheetName: spreadsheet.getName(),
      userEmail: Session.getActiveUser().getEmail(),
      timeZone: spreadsheet.getSpreadsheetTimeZone(),
      sheetCount: sheets.length,
      templates: templateSummaries(spreadsheet, sheets, language),
      activities: activityListFromRows(registerRows(spreadsheet, 'Kegiatan', WIDTH)),
    };
  });
  return JSON.parse(JSON.stringify(value)) as Omit<SidebarState, 'strings' | 'serverTime'>;
}

function stateNow(workbench: Workbench): SidebarState {
  return runOk(workbench, 'getSidebarState').value as SidebarState;
}

const withoutClock = ({ strings: _s, serverTime: _t, ...rest }: SidebarState) => rest;

/** Three activities (one running, one with a Perbaikan), two template sheets (one renamed, marked). */
let base: WorkbookState;
beforeAll(() => {
  const workbench = progressWorkbench({ userEmail: 'ana@dp3acskb.babelprov.go.id' });
  create(workbench, { name: 'Pertama' });
  create(workbench, { name: 'Kedua', plannedDate: '' });
  create(workbench, { name: 'Ketiga' });
  logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
  logOk(workbench, { activityId: 'KGT-0003', step: 1, action: 'start', at: '2026-11-24 08:00' });
  logOk(workbench, { activityId: 'KGT-0003', step: 1, action: 'finish', at: '2026-11-24 09:00' });
  writeTemplateSheet(workbench, withSteps(3, 'Tiga'), 'Template: Tiga');
  runOk(workbench, 'createTemplate', [{ name: 'Ditandai', from: 'blank' }]);
  // Renamed by a person: found by its marker only.
  sheetOf(workbench, 'Template: Ditandai').name = 'SOP Ditandai';
  base = structuredClone(workbench.state);
});

const fresh = () => {
  const workbench = new Workbench({
    state: structuredClone(base),
    distDir: DIST,
    userEmail: 'ana@dp3acskb.babelprov.go.id',
  });
  workbench.requireDocumentLockFor(['Kegiatan', 'Langkah', 'Riwayat']);
  return workbench;
};

/** What a person types into a Kegiatan cell. */
const typed = fc.oneof(
  fc.constantFrom(
    '',
    'Selesai',
    'berjalan',
    'Belum mulai',
    'Entah',
    '50',
    '140',
    '-2',
    '3',
    '007',
    '2026-11-30 10:00',
    '2026-11-01',
    'KGT-0009',
    '{"id":"KGT-0042","steps":[]}',
    '{"id":"KGT-0043","steps":[],"stepsIn":{"row":2}}',
    'bukan json',
  ),
  fc.string({ maxLength: 10 }).filter((s) => !/^[=+\-@']/.test(s)),
);

type Edit =
  | { kind: 'cell'; row: number; column: number; text: string }
  | { kind: 'blank'; row: number }
  | { kind: 'copyData'; from: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('cell' as const),
    row: fc.integer({ min: 2, max: 7 }),
    column: fc.integer({ min: 1, max: WIDTH }),
    text: typed,
  }),
  fc.record({ kind: fc.constant('blank' as const), row: fc.integer({ min: 2, max: 4 }) }),
  fc.record({
    kind: fc.constant('copyData' as const),
    from: fc.integer({ min: 2, max: 4 }),
    to: fc.integer({ min: 2, max: 7 }),
  }),
);

function apply(workbench: Workbench, change: Edit): void {
  const type = (row: number, column: number, values: string[][]) =>
    typeInto(workbench, {
      sheet: 'Kegiatan',
      range: `${columnToLetters(column)}${row}:${columnToLetters(column + values[0].length - 1)}${row}`,
      values,
    });
  if (change.kind === 'cell') type(change.row, change.column, [[change.text]]);
  else if (change.kind === 'blank') type(change.row, 1, [Array.from({ length: WIDTH }, () => '')]);
  else {
    // A person copies an activity's row into another (both Data and Baris Langkah, as text).
    const row = sheetOf(workbench, 'Kegiatan').rows[change.from - 1] ?? [];
    const cells = row.slice(0, WIDTH).map((cell) => String(cell?.value ?? ''));
    const dataAt = KEGIATAN_HEADERS.indexOf('Baris Langkah');
    type(change.to, dataAt + 1, [cells.slice(dataAt, dataAt + 2)]);
  }
}

describe('getSidebarState reads only what the panel shows', () => {
  test('the state is the former one on any Kegiatan a person has typed into', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        const workbench = fresh();
        for (const change of edits) apply(workbench, change);
        const state = stateNow(workbench);
        expect(withoutClock(state)).toEqual(formerState(workbench));
      }),
      { numRuns: 40 },
    );
  });

  test('the base workbook lists its activities and templates (the property compares real content)', () => {
    const state = stateNow(fresh());
    expect(state.activities.map((a) => [a.id, a.status, a.currentStep])).toEqual([
      ['KGT-0003', 'running', 2],
      ['KGT-0002', 'notStarted', 1],
      ['KGT-0001', 'running', 1],
    ]);
    expect(state.templates.map((t) => t.source)).toEqual(['builtin', 'sheet', 'sheet']);
  });

  test('of Kegiatan only its last row and the 8 list columns of its rows are read', () => {
    const workbench = fresh();
    const result = runOk(workbench, 'getSidebarState');
    const sheets = workbench.state.sheets.length;
    // Each sheet's name once, and the marked template's through its marker.
    expect(result.callsByMethod['Sheet.getName']).toBe(sheets + 1);
    expect(result.callsByMethod['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(result.callsByMethod['Sheet.getLastRow']).toBe(1);
    expect(result.callsByMethod['Sheet.getSheetValues']).toBe(1);
    expect(result.callsByMethod['Range.getValues']).toBe(2); // the two template sheets
    const templateCells = workbench.state.sheets
      .filter((s) => s.name.startsWith('Template') || s.name === 'SOP Ditandai')
      .reduce((n, s) => n + s.rows.length * Math.max(...s.rows.map((r) => r?.length ?? 0)), 0);
    expect(result.cellsRead).toBe(3 * 8 + templateCells);
  });
});
