/**
 * The counts index behind the sidebar's headline (server/terpilah/register-counts.ts): whatever
 * happens to `Peserta` — the add-in's adds and imports, a person's typing (which fires onEdit, as
 * in Sheets), rows deleted or inserted, edits elsewhere, the index itself edited — the headline
 * equals a full recount of every cell. A fresh index costs the same few calls and cells at any
 * register size; a stale one is recounted once.
 */
import fc from 'fast-check';
import type { AddParticipantResult, OpenedActivity } from '../../src/server/api';
import { BLOCK_ROWS } from '../../src/core/terpilah/block-counts';
import { newSheetState, type Cell } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { newWorkbench, runOk } from '../support/workbench';
import { create } from './progress-helpers';
import { sheetOf, valuesOf } from './template-helpers';
import {
  ACTIVITIES,
  duplicatesRecounted,
  expectHeadlinesRecounted,
  headlineOf as headline,
  headlineRecounted,
  NIK_MAN,
  NIK_WOMAN,
  generatedRegister,
  pesertaRow,
  pesertaWithRows,
  structural,
  type,
  TYPED,
  type Candidate,
} from './terpilah-helpers';

const PESERTA = 'Peserta';
const INDEX = '_Indeks Peserta';
const FORM = 'Form Responses 1';
type Value = Cell['value'];

const ASKED = ['Rapat PUG', 'Bimtek', 'rapat pug', 'Sosialisasi 1904014505800001', 'Tidak ada'];

function addFormSheet(workbench: Workbench, rows: Value[][]): void {
  const existing = workbench.state.sheets.findIndex((s) => s.name === FORM);
  if (existing >= 0) workbench.state.sheets.splice(existing, 1);
  const sheet = newSheetState(workbench.state.nextId++, FORM);
  sheet.rows = [['Nama', 'L/P', 'NIK'], ...rows].map((row) => row.map((value) => ({ value })));
  workbench.state.sheets.push(sheet);
}

const hasPeserta = (workbench: Workbench) => workbench.state.sheets.some((x) => x.name === PESERTA);
const lastRow = (workbench: Workbench) =>
  hasPeserta(workbench) ? sheetOf(workbench, PESERTA).rows.length : 0;

type Step =
  | { kind: 'add'; activity: string; sex: string; nik: string }
  | { kind: 'import'; activity: string; rows: [string, string, string][] }
  | { kind: 'type'; row: number; column: 'A' | 'B' | 'C' | 'E' | 'I'; text: string }
  | { kind: 'typeBlock'; row: number; text: string }
  | { kind: 'delete'; row: number; count: number }
  | { kind: 'insert'; row: number; count: number }
  | { kind: 'elsewhere'; text: string }
  | { kind: 'index'; cell: string; text: string }
  | { kind: 'probe'; candidate: Candidate }
  | { kind: 'deleteSheet'; name: 'Peserta' | '_Indeks Peserta' };

const candidate: fc.Arbitrary<Candidate> = fc.record({
  activity: fc.constantFrom(...ACTIVITIES),
  name: fc.constantFrom('Ana', 'ana', 'Orang 0', 'Orang 1', 'Orang 2', 'Tempel', 'Budi 1', 'Bimtek', 'Baru'),
  nik: fc.constantFrom('', '', NIK_WOMAN, NIK_MAN),
  institution: fc.constantFrom('', 'OPD A', 'opd a'),
});

/** Asks the form to add the candidate: its question names exactly the rows a full recount finds. */
function probe(workbench: Workbench, c: Candidate): void {
  const expected = duplicatesRecounted(workbench, c);
  const result = runOk(workbench, 'addParticipant', [{ ...c, sex: 'P' }]).value as AddParticipantResult;
  if (expected) expect(result.duplicateOf).toEqual(expected);
  else expect(result.row).toBeGreaterThan(1);
}

const text = fc.constantFrom(...TYPED, 'x');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    activity: fc.constantFrom(...ACTIVITIES),
    sex: fc.constantFrom('L', 'P', ''),
    nik: fc.constantFrom('', NIK_WOMAN, NIK_MAN),
  }),
  fc.record({
    kind: fc.constant('import' as const),
    activity: fc.constantFrom(...ACTIVITIES),
    rows: fc.array(
      fc.tuple(
        fc.constantFrom('Ani', 'Budi', 'Cici'),
        fc.constantFrom('L', 'P', 'Perempuan', ''),
        fc.constantFrom('', NIK_WOMAN),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  }),
  fc.record({
    kind: fc.constant('type' as const),
    row: fc.integer({ min: 1, max: 14 }),
    column: fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'E' as const, 'I' as const),
    text,
  }),
  fc.record({ kind: fc.constant('typeBlock' as const), row: fc.integer({ min: 2, max: 14 }), text }),
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
  fc.record({ kind: fc.constant('elsewhere' as const), text }),
  fc.record({
    kind: fc.constant('index' as const),
    cell: fc.constantFrom('C1', 'D1', 'A2', 'A3'),
    text: fc.constantFrom('', 'x', '{}', 'k000000'),
  }),
  fc.record({ kind: fc.constant('probe' as const), candidate }),
  fc.record({
    kind: fc.constant('deleteSheet' as const),
    name: fc.constantFrom('Peserta' as const, '_Indeks Peserta' as const),
  }),
);

function apply(workbench: Workbench, s: Step, n: number): void {
  switch (s.kind) {
    case 'add':
      runOk(workbench, 'addParticipant', [
        { name: `Orang ${n}`, activity: s.activity, sex: s.sex, nik: s.nik, confirmDuplicate: true },
      ]);
      return;
    case 'import':
      addFormSheet(
        workbench,
        s.rows.map(([name, sex, nik]) => [`${name} ${n}`, sex, nik]),
      );
      runOk(workbench, 'importParticipants', [
        { sourceSheet: FORM, mapping: { name: 0, sex: 1, nik: 2 }, activity: s.activity },
      ]);
      return;
    case 'type':
      if (hasPeserta(workbench)) type(workbench, PESERTA, `${s.column}${s.row}`, [[s.text]]);
      return;
    case 'typeBlock':
      // A paste over two rows: activity and name (no value/oldValue in the event).
      if (hasPeserta(workbench))
        type(workbench, PESERTA, `A${s.row}:B${s.row + 1}`, [
          [s.text, 'Tempel'],
          ['Bimtek', s.text],
        ]);
      return;
    case 'delete':
      if (lastRow(workbench) >= s.row + s.count)
        structural(workbench, (sheet) => sheet.deleteRows(s.row, s.count));
      return;
    case 'insert':
      if (lastRow(workbench) >= s.row)
        structural(workbench, (sheet) => sheet.insertRowsBefore(s.row, s.count));
      return;
    case 'elsewhere':
      type(workbench, 'Sheet1', 'A1', [[s.text]]);
      return;
    case 'index':
      if (workbench.state.sheets.some((x) => x.name === INDEX)) type(workbench, INDEX, s.cell, [[s.text]]);
      return;
    case 'probe':
      probe(workbench, s.candidate);
      return;
    case 'deleteSheet':
      // The person deletes the tab (the next add makes a new Peserta: another sheet id).
      workbench.actAsPerson((app) => {
        const spreadsheet = app.getActiveSpreadsheet();
        const sheet = spreadsheet.getSheetByName(s.name);
        if (sheet) spreadsheet.deleteSheet(sheet);
      });
  }
}

describe('the headline equals a full recount after any sequence of changes', () => {
  test('adds, imports, typing and pasting (onEdit), rows deleted and inserted, other sheets, the index edited; headlines and the form’s duplicate answers (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const workbench = pesertaWithRows([
          pesertaRow('Rapat PUG', 'P'),
          pesertaRow('Bimtek', '', NIK_MAN),
          pesertaRow('Rapat PUG', '', NIK_WOMAN),
        ]);
        expectHeadlinesRecounted(workbench, ASKED);
        steps.forEach((s, n) => {
          apply(workbench, s, n);
          expectHeadlinesRecounted(workbench, ASKED);
        });
        if (hasPeserta(workbench))
          probe(workbench, { activity: 'Rapat PUG', name: 'Ana', nik: NIK_WOMAN, institution: '' });
      }),
      { numRuns: 40 },
    );
  });
});

/** The index's block marks a click reads after a person's edit: one per block of BLOCK_ROWS rows. */
const marks = (rows: number) => Math.ceil(rows / BLOCK_ROWS);
/**
 * A recount: the header, six columns whole (activity, name, NIK, NIP, sex, institution), and the
 * index's first row (26 cells) before and in the lock.
 */
const expectRecount = (read: number, rows: number) => expect(read).toBe(14 + 6 * rows + 2 * 26);
/** A fresh headline: the index's first row, whatever the register's size. */
const FRESH_CELLS = 26;
/** A repair's read in the lock: A1:D4 of the index (its generation, the blocks' code chunk, the tallies' head). */
const IN_LOCK = 4 * 4;

describe('when the index is used, and when it is recounted', () => {
  const register = (total: number) => generatedRegister(total);
  const measured = (workbench: Workbench, fn = 'terpilahHeadline', args: unknown[] = ['Kegiatan 1']) => {
    const { value: result, cells } = meterCells(() => runOk(workbench, fn, args));
    return { calls: result.calls, byMethod: result.callsByMethod, cells, value: result.value };
  };

  test('the first headline counts once (four columns) and stores; the next ones read a few cells, at any size', () => {
    const [small, large] = [100, 10_000].map((total) => {
      const workbench = register(total);
      const first = measured(workbench);
      expect(first.value).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
      // Header, then activity, name, NIK, NIP, sex and institution whole; never the other eight.
      expect(first.cells.read).toBe(14 + 6 * total);
      expect(sheetOf(workbench, INDEX).hidden).toBe(true);
      const again = measured(workbench);
      expect(again.value).toEqual(first.value);
      return again;
    });
    expect(large.byMethod).toEqual(small.byMethod);
    expect(large.cells).toEqual(small.cells);
    expect(large.cells.read).toBeLessThanOrEqual(FRESH_CELLS);
    expect(large.cells.written).toBe(0);
    expect(large.calls).toBeLessThanOrEqual(11);
  });

  test('building the index leaves the person on the sheet they were on', () => {
    const workbench = register(100);
    // On Peserta, not the first tab: hiding the new active sheet would fall back to the first.
    const before = sheetOf(workbench, PESERTA).sheetId;
    workbench.state.activeSheetId = before;
    measured(workbench); // the first headline makes the index sheet
    expect(sheetOf(workbench, INDEX).hidden).toBe(true);
    expect(workbench.state.activeSheetId).toBe(before);
  });

  test('openActivity: the view and the headline in one execution, from the index', () => {
    const workbench = register(500);
    create(workbench, { name: 'Kegiatan 1' });
    headline(workbench, 'Kegiatan 1'); // the index is built
    const opened = measured(workbench, 'openActivity', ['KGT-0001']);
    const value = opened.value as OpenedActivity;
    expect(value.view.activity.name).toBe('Kegiatan 1');
    expect(value.headline).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expect(opened.cells.read).toBeLessThan(500);
  });

  test('an add keeps the index fresh: the next headline recounts nothing', () => {
    const workbench = register(1000);
    headline(workbench, 'Kegiatan 1');
    runOk(workbench, 'addParticipant', [{ name: 'Baru', activity: 'Kegiatan 1', sex: 'P' }]);
    const after = measured(workbench);
    expect(after.value).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expect(after.cells.read).toBeLessThanOrEqual(FRESH_CELLS);
  });

  test('a person typing into Peserta makes its block dirty: that block read again, then fresh again', () => {
    const workbench = register(1000);
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'E2', [['P']]);
    const stale = measured(workbench);
    expect(stale.value).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    // Row 1 and the marks (the flag changed), its rows' A:E, then A1:D3 of the index in the lock.
    expect(stale.cells.read).toBe(FRESH_CELLS + marks(1000) + 5 * BLOCK_ROWS + IN_LOCK);
    expect(measured(workbench).cells.read).toBeLessThanOrEqual(FRESH_CELLS);
  });

  test('rows deleted (onEdit does not fire) change the last row: recounted', () => {
    const workbench = register(1000);
    headline(workbench, 'Kegiatan 1');
    structural(workbench, (sheet) => sheet.deleteRows(2, 8));
    const after = measured(workbench);
    expect(after.value).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expectRecount(after.cells.read, 992);
  });

  test('edits elsewhere leave the index fresh; the onEdit trigger costs two calls there', () => {
    const workbench = register(100);
    headline(workbench, 'Kegiatan 1');
    const trigger = workbench.firePersonEdit({ sheet: 'Sheet1', range: 'A1', value: 'x' });
    expect(trigger?.ok).toBe(true);
    expect(trigger?.calls).toBeLessThanOrEqual(2);
    type(workbench, 'Sheet1', 'B2', [['catatan']]);
    expect(measured(workbench).cells.read).toBeLessThanOrEqual(FRESH_CELLS);
  });

  test('"Hitung ulang" recounts whatever the stamp says', () => {
    const workbench = register(100);
    headline(workbench, 'Kegiatan 1');
    const forced = measured(workbench, 'recountTerpilahHeadline');
    expect(forced.value).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expectRecount(forced.cells.read, 100);
  });

  test('an index the person emptied is the add-in’s still (its marker): rewritten, right', () => {
    const workbench = register(100);
    headline(workbench, 'Kegiatan 1');
    type(workbench, INDEX, 'A1:D1', [['', '', '', '']]);
    expect(headline(workbench, 'Kegiatan 1')).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expect(valuesOf(sheetOf(workbench, INDEX))[0][0]).toBe('sopTerpilah.registerCounts/3');
    expect(measured(workbench).cells.read).toBeLessThanOrEqual(FRESH_CELLS);
  });

  test('a user’s own sheet with the index’s name is never written: the headline reads Peserta instead', () => {
    const workbench = register(200);
    const mine = newSheetState(workbench.state.nextId++, INDEX);
    mine.rows = [[{ value: 'punya saya' }]];
    workbench.state.sheets.push(mine);
    const before = JSON.stringify(mine);
    for (let i = 0; i < 2; i++)
      expect(headline(workbench, 'Kegiatan 1')).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    runOk(workbench, 'addParticipant', [{ name: 'Baru', activity: 'Kegiatan 1', sex: 'P' }]);
    expect(headline(workbench, 'Kegiatan 1')).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    // A person's edits of Peserta (onEdit) leave it alone too.
    type(workbench, PESERTA, 'E5', [['L']]);
    type(workbench, PESERTA, 'A1', [['Kegiatan']]);
    expect(headline(workbench, 'Kegiatan 1')).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expect(JSON.stringify(sheetOf(workbench, INDEX))).toBe(before);
  });

  test('a person’s edit while a recount runs is never lost: its block is read again next time', () => {
    const workbench = register(300);
    headline(workbench, 'Kegiatan 1');
    structural(workbench, (sheet) => sheet.deleteRows(250, 1)); // the last row moved: a recount
    // The edit lands after the recount read the register, when it takes the lock to store.
    workbench.interleave('lockAcquired', () => type(workbench, PESERTA, 'E6', [['L']]));
    expect(headline(workbench, 'Kegiatan 1')).not.toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    const next = measured(workbench);
    expect(next.value).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    // Not a recount: the marks, the block's rows (A:E), then A1:D3 of the index in the lock.
    expect(next.cells.read).toBe(FRESH_CELLS + marks(299) + 5 * BLOCK_ROWS + IN_LOCK);
  });

  test('no whole NIK in the index, though one is typed in an activity’s name', () => {
    const workbench = pesertaWithRows([pesertaRow('Sosialisasi 1904014505800001', 'P', NIK_WOMAN)]);
    expect(headline(workbench, 'Sosialisasi 1904014505800001').participants).toBe(1);
    expect(JSON.stringify(valuesOf(sheetOf(workbench, INDEX)))).not.toMatch(/\d{16}/);
  });

  test('the form’s duplicate check from a fresh index: the same calls at 100 and 10,000 rows, only the candidates’ rows read', () => {
    const [small, large] = [100, 10_000].map((total) => {
      const workbench = register(total);
      sheetOf(workbench, PESERTA).maxRows = total + 1001; // room below: no add grows the sheet
      headline(workbench, 'Kegiatan 1');
      // Row 12 (i = 10) has NIK_WOMAN, as every tenth row: ten candidates at 100 rows.
      const asked = { name: 'Orang 10', activity: 'Kegiatan 3', nik: NIK_WOMAN, sex: 'P' };
      const expected = duplicatesRecounted(workbench, { ...asked, institution: '' });
      const result = measured(workbench, 'addParticipant', [asked]);
      expect((result.value as AddParticipantResult).duplicateOf).toEqual(expected);
      const none = measured(workbench, 'addParticipant', [
        { name: 'Baru', activity: 'Kegiatan 1', sex: 'L' },
      ]);
      expect((none.value as AddParticipantResult).row).toBe(total + 2);
      expect(headline(workbench, 'Kegiatan 1')).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
      return none;
    });
    expect(large.byMethod).toEqual(small.byMethod);
    // The index (its first four rows) and no cell of Peserta: no candidate.
    expect(large.cells.read).toBe(4 * 26);
  });

  test('a fresh index that is wrong (another script rewrote a NIK): found out from the rows read, checked by column, made stale', () => {
    const workbench = register(200);
    headline(workbench, 'Kegiatan 1');
    // Not a person's edit: no onEdit (what README lists as not caught).
    structural(workbench, (sheet) => sheet.getRange('C12').setValue('3201010101010001'));
    const asked = { name: 'Lain', activity: 'Kegiatan 2', nik: NIK_WOMAN, sex: 'P' };
    const expected = duplicatesRecounted(workbench, { ...asked, institution: '' });
    const result = runOk(workbench, 'addParticipant', [asked]).value as AddParticipantResult;
    expect(result.duplicateOf).toEqual(expected);
    expect(measured(workbench).value).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expectRecount(measured(workbench, 'recountTerpilahHeadline').cells.read, 200);
  });

  test('no digits run in the index: its codes are letters', () => {
    const workbench = register(2000);
    headline(workbench, 'Kegiatan 1');
    const text = JSON.stringify(valuesOf(sheetOf(workbench, INDEX)));
    expect(text).not.toMatch(/\d{16}/);
    expect(text).not.toContain(NIK_WOMAN.slice(0, 12));
  });

  test('a header typed over (no activity column any more), then an add: nothing counted by the add-in’s columns', () => {
    const workbench = register(50);
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'A1', [['Rapat PUG']]);
    expect(headline(workbench, 'Rapat PUG')).toEqual(headlineRecounted(workbench, 'Rapat PUG'));
    runOk(workbench, 'addParticipant', [{ name: 'Ana', activity: 'Rapat PUG', sex: 'P' }]);
    expect(headline(workbench, 'Rapat PUG')).toEqual(headlineRecounted(workbench, 'Rapat PUG'));
    expect(headline(workbench, 'Rapat PUG').participants).toBe(0);
  });

  test('the first import, which sets up Peserta, starts the index: the first opening has its headline at once', () => {
    const workbench = newWorkbench();
    create(workbench, { name: 'Kegiatan 1' });
    addFormSheet(workbench, [
      ['Ani', 'P', NIK_WOMAN],
      ['Budi', 'L', NIK_MAN],
      ['Citra', 'perempuan', ''],
    ]);
    runOk(workbench, 'importParticipants', [
      { sourceSheet: FORM, mapping: { name: 0, sex: 1, nik: 2 }, activity: 'Kegiatan 1' },
    ]);
    const opened = measured(workbench, 'openActivity', ['KGT-0001']);
    expect((opened.value as OpenedActivity).headline).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expect((opened.value as OpenedActivity).headline?.participants).toBe(3);
    // And it stays exact: an add's duplicate check sees the imported rows through their codes.
    const again = runOk(workbench, 'addParticipant', [
      { name: 'Ani', activity: 'Kegiatan 1', sex: 'P', nik: NIK_WOMAN },
    ]).value as AddParticipantResult;
    expect(again).toMatchObject({ row: 0, duplicateOf: [2] });
    const after = measured(workbench);
    expect(after.value).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expect(after.cells.read).toBeLessThanOrEqual(FRESH_CELLS);
  });

  test('openActivity never waits for a recount: with a stale index its headline is null, read nothing of Peserta', () => {
    const workbench = register(2000);
    create(workbench, { name: 'Kegiatan 1' });
    const opened = measured(workbench, 'openActivity', ['KGT-0001']);
    expect((opened.value as OpenedActivity).headline).toBeNull();
    expect(opened.cells.read).toBeLessThan(2000);
    // The sidebar then asks for the headline: recounted there, and the next opening has it.
    expect(headline(workbench, 'Kegiatan 1')).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    const again = runOk(workbench, 'openActivity', ['KGT-0001']).value as OpenedActivity;
    expect(again.headline).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
  });

  test('the spreadsheet’s time zone changed (dates in activity names read differently): recounted', () => {
    const workbench = register(100);
    headline(workbench, 'Kegiatan 1');
    workbench.state.timeZone = 'Asia/Makassar';
    const after = measured(workbench);
    expect(after.value).toEqual(headlineRecounted(workbench, 'Kegiatan 1'));
    expectRecount(after.cells.read, 100);
  });

  test('the index is no import source', () => {
    const workbench = register(10);
    headline(workbench, 'Kegiatan 1');
    expect(runOk(workbench, 'listImportSheets').value).toEqual(['Sheet1']);
  });
});
