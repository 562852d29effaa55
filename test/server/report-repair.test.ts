/**
 * The report after a person's edit of `Peserta` (server/terpilah/report-repair.ts): onEdit marks
 * the blocks it touched, and the report counts only those blocks' rows again, plus the duplicate
 * groups their rows left or joined. Whatever the edits (duplicates made and undone across blocks,
 * a first spelling changed, sex, role, age, a row emptied), adds and imports between, the report
 * sheet equals the one a full read makes.
 */
import fc from 'fast-check';
import { BLOCK_ROWS as B } from '../../src/core/terpilah/block-counts';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { runOk } from '../support/workbench';
import {
  addFormSheet,
  fullReport,
  generatedRegister,
  headlineOf,
  NIK_MAN,
  NIK_WOMAN,
  reportValues,
  type,
} from './terpilah-helpers';

const PESERTA = 'Peserta';
const INDEX = '_Indeks Peserta';
const FORM = 'Form Responses 1';
const WIDTH = 14;

function report(workbench: Workbench) {
  const { value, cells } = meterCells(() => runOk(workbench, 'menuTerpilahReport'));
  return { values: reportValues(workbench), cells, result: value };
}

/** Reads of whole blocks of `Peserta` (every column). */
const blockReads = (reads: readonly string[]) => reads.filter((r) => r.endsWith(`×${WIDTH}`));

describe('the report after a person’s edit counts only the edited blocks again', () => {
  test('one cell typed: one read of its block’s rows, the index’s rows, nothing else of Peserta; then fresh again', () => {
    const workbench = generatedRegister(5000, true);
    report(workbench); // the first report reads Peserta whole and keeps the tallies
    type(workbench, PESERTA, 'E2601', [['L']]); // block 10, a row without a NIK, a name of its own
    const repaired = report(workbench);
    expect(repaired.values).toEqual(fullReport(workbench));
    expect(blockReads(repaired.cells.reads)).toEqual([`${B}×${WIDTH}`]);
    // Besides that block: only the index (rows 1–4 twice, the marks twice; at most ~40 columns).
    expect(repaired.cells.read - B * WIDTH).toBeLessThan(2 * 4 * 40 + 2 * 25);
    expect(repaired.cells.read).toBeLessThan(B * WIDTH + 500);
    // The repair was stored: the next report reads only the index again.
    const again = report(workbench);
    expect(blockReads(again.cells.reads)).toEqual([]);
    expect(again.cells.read).toBeLessThan(100);
    expect(again.values).toEqual(fullReport(workbench));
  });

  test('an edit, the headline (it repairs the index alone), another edit: the report still counts only the edited blocks', () => {
    const workbench = generatedRegister(3000, true);
    report(workbench);
    type(workbench, PESERTA, 'B800', [['Orang 5']]); // block 3
    headlineOf(workbench, 'Kegiatan 1'); // the index repaired, a new generation: the tallies go on with it
    type(workbench, PESERTA, 'E2000', [['L']]); // block 7
    const repaired = report(workbench);
    expect(repaired.values).toEqual(fullReport(workbench));
    expect(blockReads(repaired.cells.reads)).toEqual([`${B}×${WIDTH}`, `${B}×${WIDTH}`]);
    expect(report(workbench).cells.read).toBeLessThan(100);
  });

  test('the same reads of Peserta and about the same calls at 5,000 and 20,000 participants', () => {
    const [small, large] = [5000, 20_000].map((total) => {
      const workbench = generatedRegister(total, true);
      report(workbench);
      type(workbench, PESERTA, `G${Math.floor(total / 2) + 1}`, [['41']]); // an age typed
      const repaired = report(workbench);
      expect(repaired.values).toEqual(fullReport(workbench));
      return { calls: repaired.result.calls, reads: blockReads(repaired.cells.reads) };
    });
    expect(large.reads).toEqual(small.reads);
    // The index's rows grow wider with the register: one read and one column insert more at most.
    expect(large.calls - small.calls).toBeLessThanOrEqual(3);
  });

  test('a duplicate made across blocks, and undone: the rows of its NIK and name read (their key cells), the findings exact', () => {
    const workbench = generatedRegister(3000, true);
    report(workbench);
    // Row 2 has NIK_WOMAN first; row 2600 (block 10) now repeats it, and repeats row 7's name and institution.
    type(workbench, PESERTA, 'C2600:C2600', [[NIK_WOMAN]]);
    type(workbench, PESERTA, 'A2600:B2600', [['Kegiatan 2', 'Orang 5']]);
    type(workbench, PESERTA, 'I2600', [['OPD 5']]);
    const made = report(workbench);
    expect(made.values).toEqual(fullReport(workbench));
    expect(JSON.stringify(made.values)).toContain('Orang 5');
    expect(blockReads(made.cells.reads)).toEqual([`${B}×${WIDTH}`]);
    // The first row of NIK_WOMAN emptied (block 0): every later one now repeats row 12.
    type(workbench, PESERTA, 'C2', [['']]);
    const moved = report(workbench);
    expect(moved.values).toEqual(fullReport(workbench));
    expect(JSON.stringify(moved.values)).toContain('sama dengan baris 12');
    type(workbench, PESERTA, 'A2600:C2600', [['Kegiatan 3', 'Orang 2598', '']]);
    expect(report(workbench).values).toEqual(fullReport(workbench));
  });

  test('an edit, then an add from the sidebar (it repairs the index in its lock), then the report: only the edited block and the added row’s block read', () => {
    const workbench = generatedRegister(5000, true); // rows 2–5001: blocks 0–19, all full
    report(workbench);
    type(workbench, PESERTA, 'E2601', [['L']]); // block 10
    runOk(workbench, 'addParticipant', [
      {
        name: 'Orang 5',
        activity: 'Kegiatan 2',
        sex: 'P',
        nik: NIK_WOMAN,
        institution: 'OPD 5',
        confirmDuplicate: true,
      },
    ]); // row 5002: block 20, new; a duplicate of rows 2 (NIK) and 7 (name, institution)
    const repaired = report(workbench);
    expect(repaired.values).toEqual(fullReport(workbench));
    // Block 10 whole, block 20 (one row); of Peserta's other rows only key cells (the duplicate's groups).
    expect(blockReads(repaired.cells.reads)).toEqual([`${B}×${WIDTH}`, `1×${WIDTH}`]);
    // Stored: the next report reads only the index again.
    const again = report(workbench);
    expect(blockReads(again.cells.reads)).toEqual([]);
    expect(again.cells.read).toBeLessThan(100);
    expect(again.values).toEqual(fullReport(workbench));
  });

  test('an edit makes a duplicate, an add repeats it, the edit undone: the added row repeats nothing', () => {
    const workbench = generatedRegister(1000, true);
    report(workbench);
    type(workbench, PESERTA, 'B300', [['Dup']]); // Kegiatan 3, OPD 4
    runOk(workbench, 'addParticipant', [
      { name: 'Dup', activity: 'Kegiatan 3', sex: 'L', institution: 'OPD 4', confirmDuplicate: true },
    ]); // row 1002: repeats row 300 now
    type(workbench, PESERTA, 'B300', [['Orang 298']]); // back as it was when the tallies were counted
    const repaired = report(workbench);
    expect(repaired.values).toEqual(fullReport(workbench));
    expect(JSON.stringify(repaired.values)).not.toContain('sama dengan baris 300');
  });

  test('an edit, the headline, two adds into the last block and past it, an edit of the added row: the report reads those blocks only', () => {
    const workbench = generatedRegister(B * 4 - 1, true); // rows 2–1000: block 3 has one free row
    report(workbench);
    type(workbench, PESERTA, 'B300', [['Orang 5']]); // block 1
    headlineOf(workbench, 'Kegiatan 1'); // the index repaired alone: the tallies go on lacking block 1
    runOk(workbench, 'addParticipant', [{ name: 'Dup', activity: 'Kegiatan 1', sex: 'L' }]); // row 1001, block 3
    runOk(workbench, 'addParticipant', [
      { name: 'Dup', activity: 'Kegiatan 1', sex: 'P', confirmDuplicate: true },
    ]); // row 1002, block 4
    type(workbench, PESERTA, 'E1001', [['P']]); // the first added row, typed into

    const repaired = report(workbench);
    expect(repaired.values).toEqual(fullReport(workbench));
    expect(JSON.stringify(repaired.values)).toContain('sama dengan baris 1001');
    // Block 1; blocks 3 and 4 in one read (a run).
    expect(blockReads(repaired.cells.reads)).toEqual([`${B}×${WIDTH}`, `${B + 1}×${WIDTH}`]);
    expect(report(workbench).cells.read).toBeLessThan(100);
  });

  test('a first spelling changed (institution, regency), a row emptied, sex, role and age typed', () => {
    const workbench = generatedRegister(1600, true);
    report(workbench);
    type(workbench, PESERTA, 'I2', [['opd   0 ']]); // the first spelling of "OPD 0"
    type(workbench, PESERTA, 'K900', [['kota pangkalpinang']]);
    type(workbench, PESERTA, 'K1200', [['Kota Pangkalpinang']]);
    type(workbench, PESERTA, 'A700:N700', [Array.from({ length: WIDTH }, () => '')]);
    type(workbench, PESERTA, 'E300:H300', [['perempuan', '', '15', 'Narasumber']]);
    expect(report(workbench).values).toEqual(fullReport(workbench));
    // Back: "OPD 0" spelled as before, in a later block too.
    type(workbench, PESERTA, 'I2', [['OPD 0']]);
    type(workbench, PESERTA, 'I1300', [['OPD 0 baru']]);
    expect(report(workbench).values).toEqual(fullReport(workbench));
  });
});

type Step =
  | { kind: 'type'; row: number; column: string; text: string }
  | { kind: 'empty'; row: number }
  | { kind: 'add'; activity: string; sex: string; nik: string; name: string; institution: string }
  | { kind: 'import'; rows: [string, string, string, string][] }
  | { kind: 'headline' }
  | { kind: 'report' }
  /** A person's typing, then an add from the sidebar (the add repairs the index, the tallies lack the edit). */
  | { kind: 'editThenAdd'; steps: [Step, Step] };

const ROWS = 4 * B + 20;
const row = fc.oneof(
  fc.integer({ min: 2, max: ROWS }),
  fc.constantFrom(2, 3, 12, B + 1, B + 2, 2 * B + 1, 3 * B + 2, 4 * B + 1),
);
const ACTS = ['Kegiatan 1', 'Kegiatan 2', 'Rapat PUG', 'kegiatan  1'];
const NAMES = ['Orang 2', 'Orang 5', 'Orang 600', 'Dup', 'dup', ''];
const NIKS = ['', NIK_WOMAN, NIK_MAN, '1904014505'];
const INSTS = ['OPD 1', 'opd  1', 'OPD Baru', 'Dinas 1904014505800001', ''];
const byColumn: Record<string, readonly string[]> = {
  A: ACTS,
  B: NAMES,
  C: NIKS,
  E: ['L', 'P', '', 'perempuan', 'x'],
  F: ['1980-05-05', '', 'kemarin'],
  G: ['17', '45', '130', 'abc', ''],
  H: ['Narasumber', 'Panitia', 'Peserta', ''],
  I: INSTS,
  K: ['Kota Pangkalpinang', 'kota  pangkalpinang', 'Bangka', ''],
  L: ['Ya', 'Tidak', ''],
};
const typed = fc.constantFrom(...Object.keys(byColumn)).chain((column) =>
  fc.record({
    kind: fc.constant('type' as const),
    row,
    column: fc.constant(column),
    text: fc.constantFrom(...byColumn[column]),
  }),
);
const added: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('add' as const),
  activity: fc.constantFrom(...ACTS),
  sex: fc.constantFrom('L', 'P', ''),
  nik: fc.constantFrom('', NIK_WOMAN, NIK_MAN),
  name: fc.constantFrom(...NAMES.filter(Boolean)),
  institution: fc.constantFrom(...INSTS),
});
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: typed },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('empty' as const), row }) },
  { weight: 1, arbitrary: added },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('editThenAdd' as const), steps: fc.tuple(typed, added) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      rows: fc.array(
        fc.tuple(
          fc.constantFrom(...NAMES.filter(Boolean)),
          fc.constantFrom('L', 'P', ''),
          fc.constantFrom('', NIK_WOMAN, NIK_MAN),
          fc.constantFrom(...INSTS),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'headline' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'report' as const }) },
);

function apply(workbench: Workbench, s: Step): void {
  switch (s.kind) {
    case 'type':
      type(workbench, PESERTA, `${s.column}${s.row}`, [[s.text]]);
      return;
    case 'empty':
      type(workbench, PESERTA, `A${s.row}:N${s.row}`, [Array.from({ length: WIDTH }, () => '')]);
      return;
    case 'add':
      workbench.run('addParticipant', [{ ...s, confirmDuplicate: true }]);
      return;
    case 'import':
      addFormSheet(workbench, FORM, s.rows);
      runOk(workbench, 'importParticipants', [
        { sourceSheet: FORM, mapping: { name: 0, sex: 1, nik: 2, institution: 3 }, activity: 'Rapat PUG' },
      ]);
      return;
    case 'headline':
      headlineOf(workbench, 'Kegiatan 1');
      return;
    case 'report':
      expect(report(workbench).values).toEqual(fullReport(workbench));
      return;
    case 'editThenAdd':
      for (const each of s.steps) apply(workbench, each);
  }
}

describe('the repaired report equals a full read (property)', () => {
  test('typing into any column of any block, rows emptied, adds (after typing too), imports, headlines; reports between', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const workbench = generatedRegister(ROWS - 1, true);
        report(workbench);
        for (const s of steps) apply(workbench, s);
        apply(workbench, { kind: 'report' });
        // A whole NIK appears only in Peserta: not in the tallies' blocks or duplicate findings.
        const index = workbench.state.sheets.find((x) => x.name === INDEX);
        const kept = index ? JSON.stringify(index.rows).replace(/[^\d*]/g, '') : '';
        for (const whole of [NIK_WOMAN, NIK_MAN]) expect(kept).not.toContain(whole);
      }),
      { numRuns: 20 },
    );
  });
});
