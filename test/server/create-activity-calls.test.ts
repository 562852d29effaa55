/**
 * "Buat kegiatan" in registers an earlier create set up: the round trips are pinned (each one is
 * ~45 ms in Sheets, the sidebar's click has 2 s), they do not grow with the activities, and a
 * full `Langkah` grid grows by 100 spare rows formatted like the set-up ones through one block.
 * Anything unusual (a user's own sheet, a copy without its marker, a missing sheet) takes the
 * full path, which checks, refuses or sets up as before.
 */
import fc from 'fast-check';
import { LANGKAH_COLUMN } from '../../src/core/progress/langkah-rows';
import type { ActivityView } from '../../src/server/api';
import type { Workbench } from '../../src/workbench/runtime';
import { roundTrips, runOk } from '../support/workbench';
import { create, progressWorkbench, PUG_ACTIVITY, record, sheetValues, snapshot } from './progress-helpers';
import { KEGIATAN_SPEC, LANGKAH_SPEC, RIWAYAT_SPEC } from '../../src/server/progress/sheets';
import { sheetOf } from './template-helpers';

/** The built-in SOP's steps: the Langkah rows of one activity. */
const STEPS = 10;

/** The calls that cost a round trip, by method (builders, LockService, offset, geometry are local). */
function trips(result: { callsByMethod: Record<string, number> }): Record<string, number> {
  const local =
    /^(PropertiesService|LockService|User|SpreadsheetApp\.new|DataValidationBuilder|ConditionalFormatRuleBuilder|Range\.(offset|getSheet|getLastRow|getNumRows))/;
  return Object.fromEntries(Object.entries(result.callsByMethod).filter(([method]) => !local.test(method)));
}

/** A create in set-up registers with spare rows: 20 round trips (no marker, language or size read). */
const READY_TRIPS: Record<string, number> = {
  'SpreadsheetApp.getActiveSpreadsheet': 1,
  'Spreadsheet.getSpreadsheetTimeZone': 1,
  'Session.getActiveUser': 1,
  'Lock.tryLock': 1,
  'Spreadsheet.getRange': 3, // each register's grid
  'Range.getValues': 4, // the three header rows, the ids
  'Sheet.getLastRow': 2, // Kegiatan, Langkah
  'Sheet.appendRow': 1, // the event
  'Range.setNumberFormats': 2,
  'Range.setValues': 2,
  'SpreadsheetApp.flush': 1,
  'Lock.releaseLock': 1,
};

const createRun = (workbench: Workbench, name: string) =>
  runOk(workbench, 'createActivity', [{ ...PUG_ACTIVITY, name }]);

/** The Langkah grid cut (as a person deleting empty rows) to the rows in use and `spare` more. */
function fillLangkahGrid(workbench: Workbench, spare = 0): number {
  return workbench.actAsPerson((app) => {
    const sheet = app.getActiveSpreadsheet().getSheetByName('Langkah') as GoogleAppsScript.Spreadsheet.Sheet;
    const last = sheet.getLastRow();
    sheet.deleteRows(last + spare + 1, sheet.getMaxRows() - last - spare);
    return last;
  });
}

/** The validation rule's allowed values on Langkah at `row`, `column` (1-based), or null. */
function listAt(workbench: Workbench, row: number, column: number): unknown {
  const entries = sheetOf(workbench, 'Langkah').validations;
  for (let k = entries.length - 1; k >= 0; k--) {
    const r = entries[k].range;
    const inside =
      row - 1 >= r.row &&
      row - 1 < r.row + r.numRows &&
      column - 1 >= r.column &&
      column - 1 < r.column + r.numColumns;
    if (inside) return entries[k].rule.args[0];
  }
  return null;
}

const formatAt = (workbench: Workbench, row: number, header: keyof typeof LANGKAH_COLUMN) =>
  sheetOf(workbench, 'Langkah').rows[row - 1]?.[LANGKAH_COLUMN[header] - 1]?.format?.numberFormat ??
  'General';

describe('createActivity in set-up registers', () => {
  test('20 round trips, the same with ten times the activities; nothing read that is already known', () => {
    const workbench = progressWorkbench();
    create(workbench);
    const second = createRun(workbench, 'Kedua');
    expect((second.value as ActivityView).activity.id).toBe('KGT-0002');
    expect(trips(second)).toEqual(READY_TRIPS);
    expect(roundTrips(second)).toBe(20);
    for (let i = 3; i <= 20; i++) createRun(workbench, `Kegiatan ${i}`);
    const later = createRun(workbench, 'Kedua puluh satu');
    expect((later.value as ActivityView).activity.id).toBe('KGT-0021');
    expect(trips(later)).toEqual(READY_TRIPS);
    expect(later.calls).toBe(second.calls);
    const kegiatan = sheetValues(workbench, 'Kegiatan') as unknown[][];
    expect(record(kegiatan, 22)).toMatchObject({ ID: 'KGT-0021', 'Baris Langkah': 2 + 20 * STEPS });
  });

  test('a full Langkah grows by what is missing plus 100 rows: formats, both dropdowns, the overdue rule over every row', () => {
    const workbench = progressWorkbench();
    create(workbench);
    const last = fillLangkahGrid(workbench);
    expect(last).toBe(1 + STEPS);
    const result = createRun(workbench, 'Kedua');
    const sheet = sheetOf(workbench, 'Langkah');
    const end = last + STEPS + 100;
    expect(sheet.maxRows).toBe(end);
    const values = sheetValues(workbench, 'Langkah') as unknown[][];
    expect(values.slice(last, last + STEPS).map((row) => row[0])).toEqual(Array(STEPS).fill('KGT-0002'));
    for (const row of [last + 1, last + STEPS, last + STEPS + 1, end]) {
      expect([row, formatAt(workbench, row, 'Catatan'), formatAt(workbench, row, 'Mulai')]).toEqual([
        row,
        '@',
        '@',
      ]);
      expect([row, formatAt(workbench, row, 'Menit aktual')]).toEqual([row, 'General']);
      expect([row, listAt(workbench, row, LANGKAH_COLUMN.Status)]).toEqual([
        row,
        ['Belum', 'Berjalan', 'Selesai'],
      ]);
      expect([row, listAt(workbench, row, LANGKAH_COLUMN.Keputusan)]).toEqual([row, ['Sesuai', 'Perbaikan']]);
      // The columns between the two dropdowns get none, as on the set-up rows.
      expect([row, listAt(workbench, row, LANGKAH_COLUMN.Petugas)]).toEqual([row, null]);
    }
    expect(sheet.conditionalRules).toEqual([
      expect.objectContaining({
        ranges: [{ row: 1, column: LANGKAH_COLUMN['Menit aktual'] - 1, numRows: end - 1, numColumns: 1 }],
      }),
    ]);
    // The growth: one insert, the block's formats (in place of the row's), one setDataValidations,
    // the rule replaced as one.
    expect(trips(result)).toEqual({
      ...READY_TRIPS,
      'Sheet.insertRowsAfter': 1,
      'Range.setDataValidations': 1,
      'Sheet.setConditionalFormatRules': 1,
    });
    // The next create has spare rows again.
    expect(trips(createRun(workbench, 'Ketiga'))).toEqual(READY_TRIPS);
    expect(sheetOf(workbench, 'Langkah').maxRows).toBe(end);
  });

  test('rows that start in the old grid and end past it: the grid grows from the first of them', () => {
    const workbench = progressWorkbench();
    create(workbench);
    const last = fillLangkahGrid(workbench, 3);
    const result = createRun(workbench, 'Kedua');
    const end = last + STEPS + 100;
    expect(sheetOf(workbench, 'Langkah').maxRows).toBe(end);
    const values = sheetValues(workbench, 'Langkah') as unknown[][];
    expect(values.slice(last, last + STEPS).map((row) => row[0])).toEqual(Array(STEPS).fill('KGT-0002'));
    for (let row = last + 1; row <= end; row++) {
      expect([row, formatAt(workbench, row, 'Catatan')]).toEqual([row, '@']);
      expect([row, listAt(workbench, row, LANGKAH_COLUMN.Status)]).toEqual([
        row,
        ['Belum', 'Berjalan', 'Selesai'],
      ]);
    }
    expect(listAt(workbench, last, LANGKAH_COLUMN.Status)).toEqual(['Belum', 'Berjalan', 'Selesai']);
    expect(result.callsByMethod['Sheet.insertRowsAfter']).toBe(1);
  });

  test('typed text written through grown rows comes back exactly (formulas, leading zeros, +62…)', () => {
    const typed = fc.oneof(
      fc.constantFrom('=1+1', '007', '+62 812 3456', '-5', '1e3', "'kutip", '2026-11-24', 'TRUE', ' Ana '),
      fc.string({ minLength: 1, maxLength: 12 }),
    );
    fc.assert(
      fc.property(typed, typed, typed, (name, place, personInCharge) => {
        fc.pre(name.trim() !== '');
        const workbench = progressWorkbench();
        create(workbench);
        fillLangkahGrid(workbench);
        const view = create(workbench, { name, place, personInCharge });
        const row = record(sheetValues(workbench, 'Kegiatan') as unknown[][], 3);
        expect([row['Nama kegiatan'], row.Tempat, row['Penanggung jawab']]).toEqual([
          view.activity.name,
          view.activity.place,
          view.activity.personInCharge,
        ]);
        expect(view.activity.name).toBe(name.trim());
        const langkah = sheetValues(workbench, 'Langkah') as unknown[][];
        expect(langkah.slice(1 + STEPS, 1 + 2 * STEPS).map((r) => r[1])).toEqual(
          Array(STEPS).fill(name.trim()),
        );
      }),
      { numRuns: 15 },
    );
  });
});

describe('createActivity takes the full path for anything unusual', () => {
  test('a copy of the registers that lost its markers: our exact headers are enough, numbering goes on', () => {
    const workbench = progressWorkbench();
    create(workbench);
    for (const name of ['Kegiatan', 'Langkah', 'Riwayat']) sheetOf(workbench, name).developerMetadata = [];
    const result = createRun(workbench, 'Kedua');
    expect((result.value as ActivityView).activity.id).toBe('KGT-0002');
    expect(trips(result)).toEqual(READY_TRIPS);
  });

  test("a user's own Langkah (other headers) is refused with its name and left as it was", () => {
    const workbench = progressWorkbench();
    create(workbench);
    workbench.actAsPerson((app) => {
      const spreadsheet = app.getActiveSpreadsheet();
      spreadsheet.deleteSheet(spreadsheet.getSheetByName('Langkah') as GoogleAppsScript.Spreadsheet.Sheet);
      spreadsheet
        .insertSheet('Langkah')
        .getRange(1, 1, 2, 2)
        .setValues([
          ['Langkah', 'Catatan'],
          ['Siapkan ruangan', 'hari Senin'],
        ]);
    });
    const before = snapshot(workbench);
    const result = workbench.run('createActivity', [{ ...PUG_ACTIVITY, name: 'Kedua' }]);
    expect(result.ok).toBe(false);
    expect(String(result.error)).toContain('Langkah');
    expect(snapshot(workbench)).toEqual(before);
  });

  test('a Riwayat from before the Replay column: the column is taken, as the full path always did', () => {
    const workbench = progressWorkbench();
    create(workbench);
    // As registers made before it: no header there, no cells.
    workbench.actAsPerson((app) => {
      const riwayat = app
        .getActiveSpreadsheet()
        .getSheetByName('Riwayat') as GoogleAppsScript.Spreadsheet.Sheet;
      riwayat.getRange(1, 15, 2, 1).clearContent();
    });
    const result = createRun(workbench, 'Kedua');
    expect((result.value as ActivityView).activity.id).toBe('KGT-0002');
    const riwayat = sheetValues(workbench, 'Riwayat') as unknown[][];
    expect(riwayat[0][14]).toBe('Replay');
    expect(String(riwayat[2][14])).not.toBe('');
    // The next create is back on the ready path.
    expect(trips(createRun(workbench, 'Ketiga'))).toEqual(READY_TRIPS);
  });
});

describe('the first create sets the three registers up', () => {
  test('every column gets its width, neighbours of one width in one call; Data and Cek langkah hidden in one', () => {
    const workbench = progressWorkbench();
    const first = createRun(workbench, 'Pertama');
    let runs = 0;
    for (const spec of [KEGIATAN_SPEC, LANGKAH_SPEC, RIWAYAT_SPEC]) {
      const widths = sheetOf(workbench, spec.name).columnWidths;
      const expected = spec.headers.map((header) => spec.widths[header] ?? undefined);
      expect([spec.name, spec.headers.map((_, c) => widths[c])]).toEqual([spec.name, expected]);
      runs += expected.filter((px, c) => px !== undefined && px !== expected[c - 1]).length;
    }
    // Langkah's Mulai and Selesai (120 px each) are neighbours: one call for both.
    expect(runs).toBe(
      [KEGIATAN_SPEC, LANGKAH_SPEC, RIWAYAT_SPEC].reduce(
        (n, spec) => n + Object.keys(spec.widths).length,
        0,
      ) - 1,
    );
    expect(first.callsByMethod['Sheet.setColumnWidths']).toBe(runs);
    expect(first.callsByMethod['Sheet.setColumnWidth']).toBeUndefined();
    expect(sheetOf(workbench, 'Kegiatan').hiddenColumns).toEqual([13, 14]);
    expect(first.callsByMethod['Sheet.hideColumns']).toBe(3); // Kegiatan's two, Riwayat's Data, its Replay
  });

  test('the three made together: one renamed check, the active sheet read and given back once, tabs at the end', () => {
    const workbench = progressWorkbench();
    workbench.actAsPerson((app) => app.getActiveSpreadsheet().insertSheet('Catatan saya'));
    const first = createRun(workbench, 'Pertama');
    expect(workbench.state.sheets.map((sheet) => sheet.name).slice(-3)).toEqual([
      'Riwayat',
      'Kegiatan',
      'Langkah',
    ]);
    expect(workbench.actAsPerson((app) => app.getActiveSpreadsheet().getActiveSheet().getName())).toBe(
      'Catatan saya',
    );
    expect(first.callsByMethod).toMatchObject({
      'Spreadsheet.createDeveloperMetadataFinder': 1,
      'Spreadsheet.getActiveSheet': 1,
      'Sheet.activate': 1,
      'Spreadsheet.getNumSheets': 1,
      'Spreadsheet.insertSheet': 3,
    });
  });

  test("a user's own Langkah is refused before any register is made", () => {
    const workbench = progressWorkbench();
    workbench.actAsPerson((app) =>
      app
        .getActiveSpreadsheet()
        .insertSheet('Langkah')
        .getRange(1, 1, 1, 2)
        .setValues([['Langkah', 'Catatan']]),
    );
    const names = workbench.state.sheets.map((sheet) => sheet.name);
    const result = workbench.run('createActivity', [{ ...PUG_ACTIVITY, name: 'Pertama' }]);
    expect(result.ok).toBe(false);
    expect(String(result.error)).toContain('Langkah');
    expect(result.callsByMethod['Spreadsheet.insertSheet']).toBeUndefined();
    expect(workbench.state.sheets.map((sheet) => sheet.name)).toEqual(names);
  });
});
