/**
 * The report over every activity from the index's tallies (server/terpilah/report-tallies.ts):
 * whatever happens to `Peserta` — the add-in's adds and imports, a person's typing (onEdit), rows
 * deleted or inserted, the index edited, an activity given a date — the report sheet equals the
 * one a full read of `Peserta` makes; a fresh report reads a few cells whatever the size. With
 * an `Instansi` sheet (institutions grouped: "Kelompokkan instansi", then its rows typed by hand)
 * the tallies are regrouped from Peserta's institution column, and the sheet is still the full read's.
 */
import fc from 'fast-check';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { newWorkbench, runOk } from '../support/workbench';
import { create } from './progress-helpers';
import { valuesOf } from './template-helpers';
import {
  addFormSheet,
  ACTIVITIES,
  NIK_MAN,
  NIK_WOMAN,
  fullReport,
  generatedRegister,
  pesertaRow,
  pesertaWithRows,
  reportValues,
  structural,
  type,
  TYPED,
} from './terpilah-helpers';

const PESERTA = 'Peserta';
const INDEX = '_Indeks Peserta';
const INSTANSI = 'Instansi';
const FORM = 'Form Responses 1';

/** Runs the menu report; returns its sheet's values and the cells it read. */
function report(workbench: Workbench): { values: unknown[][]; read: number } {
  const { cells } = meterCells(() => runOk(workbench, 'menuTerpilahReport'));
  return { values: reportValues(workbench), read: cells.read };
}

const lastRow = (workbench: Workbench) => {
  const sheet = workbench.state.sheets.find((s) => s.name === PESERTA);
  return sheet ? sheet.rows.length : 0;
};

type Step =
  | { kind: 'add'; activity: string; sex: string; nik: string; name: string; institution: string }
  | { kind: 'import'; activity: string; rows: [string, string, string, string][] }
  | { kind: 'type'; row: number; column: 'A' | 'B' | 'C' | 'E' | 'I'; text: string }
  | { kind: 'delete'; row: number; count: number }
  | { kind: 'insert'; row: number; count: number }
  | { kind: 'index'; cell: string; text: string }
  | { kind: 'dated'; activity: string }
  | { kind: 'headline'; activity: string }
  | { kind: 'group'; button: 'YES' | 'NO' }
  | { kind: 'instansi'; cell: string; text: string }
  | { kind: 'report' };

const name = fc.constantFrom('Ana', 'ana', 'Budi', 'Budi  ', 'Cici', '!!');
const nik = fc.constantFrom('', '', NIK_WOMAN, NIK_MAN, '1904014505', '9904014505800001');
const institution = fc.constantFrom(
  '',
  'OPD A',
  'opd  a',
  'Dinas 1904014505800001',
  'Dinkes',
  'Dinas Kesehatan',
  'Tidak diketahui',
);
const text = fc.constantFrom(...TYPED, 'DINKES', 'Tidak diketahui');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    activity: fc.constantFrom(...ACTIVITIES),
    sex: fc.constantFrom('L', 'P', ''),
    nik,
    name,
    institution,
  }),
  fc.record({
    kind: fc.constant('import' as const),
    activity: fc.constantFrom(...ACTIVITIES),
    rows: fc.array(fc.tuple(name, fc.constantFrom('L', 'P', 'Perempuan', '', 'x'), nik, institution), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({
    kind: fc.constant('type' as const),
    row: fc.integer({ min: 1, max: 14 }),
    column: fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'E' as const, 'I' as const),
    text,
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    row: fc.integer({ min: 2, max: 12 }),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    row: fc.integer({ min: 2, max: 12 }),
    count: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('index' as const),
    cell: fc.constantFrom('A1', 'C1', 'A2', 'A4', 'B4'),
    text: fc.constantFrom('', 'x', '{}', 'k000000'),
  }),
  fc.record({ kind: fc.constant('dated' as const), activity: fc.constantFrom(...ACTIVITIES) }),
  fc.record({ kind: fc.constant('headline' as const), activity: fc.constantFrom(...ACTIVITIES) }),
  fc.record({ kind: fc.constant('group' as const), button: fc.constantFrom('YES' as const, 'NO' as const) }),
  fc.record({
    kind: fc.constant('instansi' as const),
    cell: fc.constantFrom('A2', 'B2', 'C2', 'A3', 'B3', 'C3'),
    text: fc.constantFrom('', 'Dinas Kesehatan', 'OPD A', 'Dinkes', 'Ditolak', 'Usulan', 'Tidak diketahui'),
  }),
  fc.constant({ kind: 'report' as const }),
  fc.constant({ kind: 'report' as const }),
);

function apply(workbench: Workbench, s: Step, n: number): void {
  switch (s.kind) {
    case 'add':
      // The form refuses what it cannot take (a NIK of 10 digits): then nothing is added.
      workbench.run('addParticipant', [
        {
          name: `${s.name}`,
          activity: s.activity,
          sex: s.sex,
          nik: s.nik,
          institution: s.institution,
          confirmDuplicate: true,
        },
      ]);
      return;
    case 'import':
      addFormSheet(
        workbench,
        FORM,
        s.rows.map(([who, sex, id, inst]) => [n % 2 ? who : `${who} ${n}`, sex, id, inst]),
      );
      runOk(workbench, 'importParticipants', [
        { sourceSheet: FORM, mapping: { name: 0, sex: 1, nik: 2, institution: 3 }, activity: s.activity },
      ]);
      return;
    case 'type':
      type(workbench, PESERTA, `${s.column}${s.row}`, [[s.text]]);
      return;
    // Rows deleted or inserted fire no trigger: the index sees them by the last row, so a delete
    // and an insert with no click between them look like no change at all (the headline's index
    // has the same limit: register-counts.test.ts clicks after every step). Here the sidebar's
    // headline is clicked after each.
    case 'delete':
      if (lastRow(workbench) >= s.row + s.count)
        structural(workbench, (sheet) => sheet.deleteRows(s.row, s.count));
      runOk(workbench, 'terpilahHeadline', ['Rapat PUG']);
      return;
    case 'insert':
      if (lastRow(workbench) >= s.row)
        structural(workbench, (sheet) => sheet.insertRowsBefore(s.row, s.count));
      runOk(workbench, 'terpilahHeadline', ['Rapat PUG']);
      return;
    case 'index':
      if (workbench.state.sheets.some((x) => x.name === INDEX)) type(workbench, INDEX, s.cell, [[s.text]]);
      return;
    case 'dated':
      // An activity planned in Kegiatan: its participants' ages are computed at its date.
      create(workbench, { name: s.activity, plannedDate: '2001-06-01' });
      return;
    case 'headline':
      runOk(workbench, 'terpilahHeadline', [s.activity]);
      return;
    case 'group':
      // Its dialog answered; with nothing to suggest it only says so.
      workbench.run('menuGroupInstitutions', [], { answers: [{ button: s.button }] });
      return;
    case 'instansi':
      if (workbench.state.sheets.some((x) => x.name === INSTANSI))
        type(workbench, INSTANSI, s.cell, [[s.text]]);
      return;
    case 'report':
      expect(report(workbench).values).toEqual(fullReport(workbench));
  }
}

const start = () =>
  pesertaWithRows([
    pesertaRow('Rapat PUG', 'P', '', 'Ana', 'OPD A'),
    pesertaRow('Bimtek', '', NIK_MAN, 'Budi'),
    pesertaRow('Rapat PUG', '', NIK_WOMAN, 'ana', 'opd a'),
    pesertaRow('Rapat PUG', 'L', NIK_MAN, 'Dedi'),
  ]);

describe('the report from the tallies equals the report from a full read', () => {
  test('adds, imports, typing (onEdit), rows deleted and inserted, the index edited, activities dated, headlines, institutions grouped (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
        const workbench = start();
        apply(workbench, { kind: 'report' }, 0);
        steps.forEach((s, n) => apply(workbench, s, n + 1));
        apply(workbench, { kind: 'report' }, steps.length + 1);
        // A whole NIK appears only in Peserta: not in the tallies' labels or findings either.
        const index = workbench.state.sheets.find((x) => x.name === INDEX);
        const kept = index ? JSON.stringify(valuesOf(index)).replace(/[^\d*]/g, '') : '';
        for (const whole of [NIK_WOMAN, NIK_MAN]) expect(kept).not.toContain(whole);
      }),
      { numRuns: 40 },
    );
  });

  test('after adds and an import the report reads only the index, and is the full read’s', () => {
    const workbench = start();
    report(workbench); // reads Peserta, stores the tallies
    runOk(workbench, 'addParticipant', [
      { name: 'Ana', activity: 'Rapat PUG', sex: 'P', nik: NIK_WOMAN, confirmDuplicate: true },
    ]);
    addFormSheet(workbench, FORM, [
      ['Budi', 'L', NIK_MAN, ''],
      ['ana', 'P', '', 'OPD A'],
      ['Eka', 'x', '1904014505', ''],
    ]);
    runOk(workbench, 'importParticipants', [
      { sourceSheet: FORM, mapping: { name: 0, sex: 1, nik: 2, institution: 3 }, activity: 'Rapat PUG' },
    ]);
    const fresh = report(workbench);
    expect(fresh.values).toEqual(fullReport(workbench));
    // The duplicates of the appended rows are listed, with the rows they repeat.
    const text = JSON.stringify(fresh.values);
    expect(text).toContain('sama dengan baris 4'); // NIK_WOMAN first in row 4
    expect(text).toContain('sama dengan baris 3'); // NIK_MAN first in row 3
    // Row 1 and row 4 of the index, Kegiatan's absence: no Peserta column.
    expect(fresh.read).toBeLessThan(2 * 26 + 14);
  });

  test('a person’s edit: the next report counts its block again (the register is one block here) and is right', () => {
    const workbench = start();
    report(workbench);
    type(workbench, PESERTA, 'E2', [['L']]);
    const stale = report(workbench);
    expect(stale.values).toEqual(fullReport(workbench));
    expect(stale.read).toBeGreaterThan(13 * 4);
    expect(report(workbench).read).toBeLessThan(2 * 26 + 14);
  });
});

describe('with an Instansi sheet a fresh report reads the institution column, not Peserta', () => {
  test('the full read’s sheet, one cell a row; after a person’s edit of Peserta or of Instansi too', () => {
    const workbench = start();
    const spellings = ['Dinkes', 'DINKES', 'Dinas Kesehatan', 'OPD A', 'opd  a', 'Dinas Sosial Kota X', ''];
    addFormSheet(
      workbench,
      FORM,
      Array.from({ length: 60 }, (_, i) => [
        `Orang ${i}`,
        i % 3 ? 'P' : 'L',
        '',
        spellings[i % spellings.length],
      ]),
    );
    runOk(workbench, 'importParticipants', [
      { sourceSheet: FORM, mapping: { name: 0, sex: 1, nik: 2, institution: 3 }, activity: 'Bimtek' },
    ]);
    workbench.run('menuGroupInstitutions', [], { answers: [{ button: 'NO' }] });
    expect(workbench.state.sheets.some((x) => x.name === INSTANSI)).toBe(true);
    const rows = lastRow(workbench);
    const first = report(workbench); // reads Peserta whole, stores the tallies
    expect(first.read).toBeGreaterThanOrEqual(13 * (rows - 1));
    expect(first.values).toEqual(fullReport(workbench));
    const text = JSON.stringify(first.values);
    expect(text).toContain('Dinas Kesehatan');
    expect(text).toContain('belum dikelompokkan');
    const again = report(workbench);
    expect(again.values).toEqual(first.values);
    // The index's rows 1 and 4, the Instansi sheet, Peserta's header and its institution column.
    const instansi = valuesOf(workbench.state.sheets.find((x) => x.name === INSTANSI)!);
    const instansiRows = instansi.filter((line) => line.some((v) => v !== '')).length;
    const fromColumn = 2 * 26 + instansiRows * 3 + 14 + (rows - 1);
    expect(again.read).toBe(fromColumn);
    // The office confirms a spelling: the next report groups it, still from the column.
    type(workbench, INSTANSI, 'C2', [['Dikonfirmasi']]);
    const confirmed = report(workbench);
    expect(confirmed.values).toEqual(fullReport(workbench));
    expect(confirmed.read).toBe(fromColumn);
    // A person types an institution into Peserta: its block is counted again, then regrouped.
    type(workbench, PESERTA, 'I3', [['Dinkes']]);
    expect(report(workbench).values).toEqual(fullReport(workbench));
  });

  test('the Instansi sheet is looked up and read once a report, from the tallies or not', () => {
    const workbench = start();
    // "Tidak diketahui" as an alias: the tallies count its row as unknown, grouping names it, so
    // the column cannot tell and the report reads Peserta whole.
    runOk(workbench, 'addParticipant', [
      { name: 'Eka', activity: 'Bimtek', sex: 'P', institution: 'Tidak diketahui', confirmDuplicate: true },
    ]);
    workbench.run('menuGroupInstitutions', [], { answers: [{ button: 'NO' }] });
    report(workbench); // the tallies kept
    const withoutInstansi = () => {
      const state = structuredClone(workbench.state);
      state.sheets = state.sheets.filter((x) => x.name !== INSTANSI);
      return runOk(newWorkbench({ state }), 'menuTerpilahReport').callsByMethod;
    };
    const plain = withoutInstansi();
    // From the tallies: Peserta's header and institution column, and the Instansi sheet's one read.
    const fromTallies = runOk(workbench, 'menuTerpilahReport').callsByMethod;
    expect(fromTallies['Spreadsheet.getSheetByName']).toBe(plain['Spreadsheet.getSheetByName']);
    expect(fromTallies['Sheet.getDataRange']).toBe((plain['Sheet.getDataRange'] ?? 0) + 1);
    expect(fromTallies['Sheet.getSheetValues']).toBe((plain['Sheet.getSheetValues'] ?? 0) + 2);
    type(workbench, INSTANSI, 'A2:C2', [['Dinas Tanpa Nama', 'Tidak diketahui', 'Dikonfirmasi']]);
    const whole = runOk(workbench, 'menuTerpilahReport');
    expect(reportValues(workbench)).toEqual(fullReport(workbench));
    expect(whole.cellsRead).toBeGreaterThan(13 * (lastRow(workbench) - 1));
    expect(whole.callsByMethod['Spreadsheet.getSheetByName']).toBe(plain['Spreadsheet.getSheetByName']);
    expect(whole.callsByMethod['Sheet.getDataRange']).toBe((plain['Sheet.getDataRange'] ?? 0) + 1);
  });
});

describe('a fresh report reads the index, not Peserta', () => {
  const register = (total: number) => generatedRegister(total, true);

  test('the same calls and cells at 1,000 and 20,000 participants; the first report reads Peserta once', () => {
    const [small, large] = [1000, 20_000].map((total) => {
      const workbench = register(total);
      const first = meterCells(() => runOk(workbench, 'menuTerpilahReport'));
      expect(first.cells.read).toBeGreaterThanOrEqual(13 * total);
      const { value: again, cells } = meterCells(() => runOk(workbench, 'menuTerpilahReport'));
      expect(reportValues(workbench)).toEqual(fullReport(workbench));
      return { calls: again.callsByMethod, read: cells.read };
    });
    expect(large.calls).toEqual(small.calls);
    expect(large.read).toBe(small.read);
    expect(large.read).toBeLessThan(100);
  });
});
