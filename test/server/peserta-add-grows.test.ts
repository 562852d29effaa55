/**
 * "Tambah peserta" on a register whose grid is full (no spare row, as a person's sheet is): the
 * grid grows by the row and 100 spare rows formatted like the set-up ones (the "@" text format, every dropdown,
 * the activity list), the row is written through them, and the next adds use the spare rows.
 * The calls are pinned: each one is ~45 ms in Sheets (the sidebar's click has 2 s).
 */
import fc from 'fast-check';
import type { AddParticipantResult, TerpilahHeadline } from '../../src/server/api';
import type { Workbench } from '../../src/workbench/runtime';
import { typeInto } from '../../src/workbench/server/person';
import { STEP_GROW_ROWS } from '../../src/server/sheets/rows';
import { PESERTA_SPEC_HEADERS } from '../support/peserta-spec';
import { newWorkbench, runOk, tripsByMethod } from '../support/workbench';
import { create } from './progress-helpers';
import { sheetOf, valuesOf } from './template-helpers';

const PESERTA = 'Peserta';
const ACTIVITY = 'Rapat PUG';
/** Rows past the set-up ones (2…1000), so every rule on a grown row comes from the growth. */
const TOTAL = 1500;
/** Rows a full grid grows by (writeInGrid): the row written and STEP_GROW_ROWS spare. */
const GROWN = 1 + STEP_GROW_ROWS;
const UMUR = PESERTA_SPEC_HEADERS.indexOf('Umur') + 1;

/** Peserta of TOTAL participants filling its grid, and its counts index built (a headline). */
function fullRegister(withActivities: boolean): Workbench {
  const workbench = newWorkbench();
  workbench.requireDocumentLockFor([PESERTA]);
  if (withActivities) create(workbench, { name: ACTIVITY });
  runOk(workbench, 'addParticipant', [{ name: 'Orang 1', activity: ACTIVITY, sex: 'P' }]);
  const sheet = sheetOf(workbench, PESERTA);
  // Right below the first, in its formats, as bench/seed/participants.ts has them.
  const template = sheet.rows[1];
  sheet.rows.length = 2;
  for (let i = 2; i <= TOTAL; i++)
    sheet.rows.push(
      PESERTA_SPEC_HEADERS.map((header, c) => ({
        value: header === 'Kegiatan' ? ACTIVITY : header === 'Nama' ? `Orang ${i}` : '',
        format: template[c]?.format,
      })),
    );
  sheet.maxRows = TOTAL + 1;
  expect(headline(workbench).participants).toBe(TOTAL);
  return workbench;
}

const headline = (workbench: Workbench) =>
  runOk(workbench, 'terpilahHeadline', [ACTIVITY]).value as TerpilahHeadline;

/** The validation rule's arguments on Peserta at `row`, `column` (1-based), or null. */
function ruleAt(workbench: Workbench, row: number, column: number): string | null {
  const entries = sheetOf(workbench, PESERTA).validations;
  for (let k = entries.length - 1; k >= 0; k--) {
    const r = entries[k].range;
    if (
      row - 1 >= r.row &&
      row - 1 < r.row + r.numRows &&
      column - 1 >= r.column &&
      column - 1 < r.column + r.numColumns
    )
      return JSON.stringify(entries[k].rule);
  }
  return null;
}

/** The cell's number format (the emulation stores Sheets' default as none). */
const formatAt = (workbench: Workbench, row: number, column: number) =>
  sheetOf(workbench, PESERTA).rows[row - 1]?.[column - 1]?.format?.numberFormat ?? 'General';

const add = (workbench: Workbench, request: Record<string, unknown>) => {
  const result = runOk(workbench, 'addParticipant', [request]);
  return { result, value: result.value as AddParticipantResult };
};

const columns = PESERTA_SPEC_HEADERS.map((_, i) => i + 1);

describe('an add on a full grid', () => {
  test('grows it by the row and 100 spare rows formatted like the set-up rows, writes the row, keeps the index exact', () => {
    const workbench = fullRegister(true);
    const grown = Array.from({ length: GROWN }, (_, i) => TOTAL + 2 + i);
    // Nothing there yet: every rule and format checked below comes from this add.
    for (const row of grown) for (const column of columns) expect(ruleAt(workbench, row, column)).toBeNull();
    const { result, value } = add(workbench, { name: 'Baru', activity: ACTIVITY, sex: 'L', age: '30' });
    expect(value.row).toBe(TOTAL + 2);
    const sheet = sheetOf(workbench, PESERTA);
    expect(sheet.maxRows).toBe(TOTAL + 1 + GROWN);
    expect(valuesOf(sheet)[TOTAL + 1]).toEqual([
      ACTIVITY,
      'Baru',
      '',
      '',
      'L',
      '',
      30,
      '',
      '',
      '',
      '',
      '',
      '',
      'panel',
    ]);
    for (const row of grown)
      for (const column of columns) {
        expect([row, column, ruleAt(workbench, row, column)]).toEqual([
          row,
          column,
          ruleAt(workbench, 2, column),
        ]);
        expect([row, column, formatAt(workbench, row, column)]).toEqual([
          row,
          column,
          column === UMUR ? 'General' : '@',
        ]);
      }
    // The activity list is among them (Kegiatan exists), as on the set-up rows.
    expect(ruleAt(workbench, TOTAL + 2 + GROWN - 1, 1)).toContain('Kegiatan');
    expect(headline(workbench).participants).toBe(TOTAL + 1);
    // The growth: one insert, one Range for its formats, one setDataValidations (the activity
    // list's Kegiatan!B2:B read: one getSheetByName and one getRange), the row through that Range.
    expect(trips(result)).toEqual({
      ...SPARE_ROW_TRIPS,
      'Sheet.insertRowsAfter': 1,
      'Spreadsheet.getSheetByName': 3,
      'Sheet.getRange': 4,
      'Range.setNumberFormats': 1,
      'Range.setDataValidations': 1,
    });
    // Round trips above, and free geometry and builder calls (the index read without a Range: 59 → 58).
    expect(result.calls).toBe(58);

    // The next add has a spare row: no growth, three calls for the row.
    const next = add(workbench, { name: 'Lagi', activity: ACTIVITY, sex: 'P' });
    expect(next.value.row).toBe(TOTAL + 3);
    expect(sheetOf(workbench, PESERTA).maxRows).toBe(TOTAL + 1 + GROWN);
    expect(trips(next.result)).toEqual(SPARE_ROW_TRIPS);
    expect(headline(workbench).participants).toBe(TOTAL + 2);
  });

  test('without Kegiatan: the closed dropdowns only, as on the set-up rows', () => {
    const workbench = fullRegister(false);
    const { result } = add(workbench, { name: 'Baru', activity: ACTIVITY, sex: 'L' });
    for (const row of [TOTAL + 2, TOTAL + 1 + GROWN])
      for (const column of columns) expect(ruleAt(workbench, row, column)).toBe(ruleAt(workbench, 2, column));
    expect(ruleAt(workbench, TOTAL + 2, 1)).toBeNull();
    expect(ruleAt(workbench, TOTAL + 2, PESERTA_SPEC_HEADERS.indexOf('Kehadiran') + 1)).toContain('Hadir');
    expect(trips(result)).toMatchObject({ 'Spreadsheet.getSheetByName': 3, 'Sheet.getRange': 3 });
  });
});

/** The calls that cost a round trip (services/latency.ts), by method. */
const trips = tripsByMethod;

/** An add with a spare row below the last and a fresh index: 21 round trips. */
const SPARE_ROW_TRIPS: Record<string, number> = {
  'Properties.getProperty': 2, // the language, the index's secret
  'SpreadsheetApp.getActiveSpreadsheet': 1,
  'Lock.tryLock': 1,
  'Spreadsheet.getSheetByName': 2, // Peserta, the index
  'Sheet.getLastRow': 1,
  'Sheet.getSheetValues': 1, // the index's rows 1–4
  'Sheet.getSheetId': 1,
  'Sheet.getLastColumn': 1,
  'Sheet.getMaxRows': 1,
  'Sheet.getRange': 3, // the row; the index's two writes
  'Range.setNumberFormats': 1,
  'Range.setValues': 3,
  'SpreadsheetApp.flush': 1,
  'Lock.releaseLock': 1,
};

describe('an add after a report', () => {
  test('keeps the tallies with one more write: no grid size asked for it (the index has a new sheet’s columns)', () => {
    const workbench = fullRegister(false);
    runOk(workbench, 'menuTerpilahReport');
    add(workbench, { name: 'Baru', activity: ACTIVITY, sex: 'L' }); // grows the grid: spare rows after it
    const { result } = add(workbench, { name: 'Lagi', activity: ACTIVITY, sex: 'P' });
    expect(trips(result)).toEqual({
      ...SPARE_ROW_TRIPS,
      'Sheet.getRange': 4, // the tallies' row too
      'Range.setValues': 4,
    });
    // Still the tallies of the register as it is now: the next report reads the index only.
    const report = runOk(workbench, 'menuTerpilahReport');
    // One Range read: the tallies' row (row 1 through getSheetValues), no Peserta column.
    expect(report.callsByMethod['Range.getValues']).toBe(1);
    expect(report.callsByMethod['Sheet.getSheetValues']).toBe(1);
  });
});

describe('what the add reads before writing', () => {
  test('a fresh index vouches for the sheet; after a person’s edit of a row too (its block repaired); after a header edit the marker is read', () => {
    const workbench = fullRegister(true);
    const fresh = add(workbench, { name: 'Baru', activity: ACTIVITY, sex: 'L' }).result;
    expect(fresh.callsByMethod['Sheet.getDeveloperMetadata']).toBeUndefined();
    typeInto(workbench, { sheet: PESERTA, range: 'J3', values: [['Staf']] });
    const repaired = add(workbench, { name: 'Lagi', activity: ACTIVITY, sex: 'P' });
    expect(repaired.result.callsByMethod['Sheet.getDeveloperMetadata']).toBeUndefined();
    expect(repaired.value.row).toBe(TOTAL + 3);
    expect(headline(workbench).participants).toBe(TOTAL + 2);
    // The header typed over (the same text): the whole index is stale, the sheet checked again.
    typeInto(workbench, { sheet: PESERTA, range: 'J1', values: [['Jabatan']] });
    const stale = add(workbench, { name: 'Lagi lagi', activity: ACTIVITY, sex: 'P' });
    expect(stale.result.callsByMethod['Sheet.getDeveloperMetadata']).toBe(1);
    expect(stale.value.row).toBe(TOTAL + 4);
    expect(headline(workbench).participants).toBe(TOTAL + 3);
  });

  test('a user’s own sheet named Peserta, counted fresh by the headline, is still refused and left as it was', () => {
    const workbench = newWorkbench();
    const own = [
      ['Kegiatan', 'Nama', 'L/P', 'Catatan'],
      [ACTIVITY, 'Ani', 'P', 'datang terlambat'],
    ];
    workbench.actAsPerson((app) => {
      const sheet = app.getActiveSpreadsheet().insertSheet(PESERTA);
      sheet.getRange(1, 1, 2, 4).setValues(own);
    });
    // The headline reads a user's register too, and keeps an index of it (not of our columns).
    expect(headline(workbench).participants).toBe(1);
    expect(workbench.state.sheets.some((s) => s.name === '_Indeks Peserta')).toBe(true);
    const refused = workbench.run('addParticipant', [{ name: 'Budi', activity: ACTIVITY, sex: 'L' }]);
    expect(refused.ok).toBe(false);
    expect(String(refused.error)).toContain('Sheet "Peserta" sudah ada dengan judul kolom lain');
    expect(valuesOf(sheetOf(workbench, PESERTA))).toEqual(own);
  });

  test('the time zone is read only for a row with a birth date or a NIK (checked against today)', () => {
    const workbench = fullRegister(false);
    const zone = (request: Record<string, unknown>) =>
      add(workbench, { activity: ACTIVITY, sex: 'P', ...request }).result.callsByMethod[
        'Spreadsheet.getSpreadsheetTimeZone'
      ];
    expect(zone({ name: 'Tanpa tanggal', age: '40' })).toBeUndefined();
    expect(zone({ name: 'Dengan NIK', nik: '1904014505800001' })).toBe(1);
    const born = add(workbench, {
      activity: ACTIVITY,
      sex: 'P',
      name: 'Lahir nanti',
      birthDate: '2999-01-01',
    });
    expect(born.result.callsByMethod['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(born.value.warnings?.join(' ')).toContain('2999');
  });
});

const FIRST_OPD = 'Dinas Pertama';

test('whatever is typed, the row written through the grown rows comes back exactly, as text', () => {
  const typed = fc.oneof(
    fc.constantFrom('=1+1', '007', '+62 812 3456', '-5', '@x', '1e3', '2026-11-24', 'TRUE', "'kutip"),
    fc.string({ minLength: 1, maxLength: 40 }),
  );
  fc.assert(
    fc.property(fc.record({ name: typed, institution: typed, position: typed, regency: typed }), (texts) => {
      fc.pre(texts.name.trim() !== '' && texts.institution.trim() !== FIRST_OPD);
      const workbench = newWorkbench();
      // Never a duplicate of the new row (another institution): the add writes.
      runOk(workbench, 'addParticipant', [{ name: 'Pertama', activity: ACTIVITY, institution: FIRST_OPD }]);
      const sheet = sheetOf(workbench, PESERTA);
      sheet.rows.length = 2;
      sheet.maxRows = 2; // full: the add grows the grid
      const { value } = add(workbench, { activity: ACTIVITY, ...texts });
      expect(value.row).toBe(3);
      expect(sheet.maxRows).toBe(2 + GROWN);
      const at = (header: string) => PESERTA_SPEC_HEADERS.indexOf(header as never) + 1;
      const cell = (header: string) => sheet.rows[2]?.[at(header) - 1];
      expect(
        [cell('Nama'), cell('Instansi/OPD'), cell('Jabatan'), cell('Kabupaten/Kota')].map((c) => c?.value),
      ).toEqual([texts.name, texts.institution, texts.position, texts.regency].map((t) => t.trim()));
      for (const header of ['Nama', 'Instansi/OPD', 'Jabatan', 'Kabupaten/Kota'])
        expect(cell(header)?.format?.numberFormat).toBe('@');
    }),
    { numRuns: 40 },
  );
});
