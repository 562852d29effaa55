/**
 * A person's edit of `Peserta` repairs the counts index by block (server/terpilah/block-repair.ts):
 * onEdit marks the blocks of BLOCK_ROWS (500) rows it touched, and the next click (headline, the add's
 * duplicate check, openActivity) reads only those blocks' rows again. Whatever the edits, the
 * figures equal a full recount of every cell; a mark written while a repair runs leaves its
 * block dirty.
 */
import fc from 'fast-check';
import { BLOCK_ROWS as B } from '../../src/core/terpilah/block-counts';
import type { AddParticipantResult, OpenedActivity } from '../../src/server/api';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { runOk } from '../support/workbench';
import { create } from './progress-helpers';
import { sheetOf } from './template-helpers';
import {
  duplicatesRecounted,
  expectHeadlinesRecounted,
  generatedRegister,
  headlineOf as headline,
  headlinesRecounted,
  NIK_MAN,
  NIK_WOMAN,
  pesertaWithRows,
  structural,
  type,
  type Candidate,
} from './terpilah-helpers';

const PESERTA = 'Peserta';
const ASKED = ['Kegiatan 1', 'Kegiatan 2', 'Kegiatan 3', 'Kegiatan 4', 'Rapat PUG', 'Bimtek'];

function measured(workbench: Workbench, fn: string, args: unknown[]) {
  const { value: result, cells } = meterCells(() => runOk(workbench, fn, args));
  return { value: result.value, cells, result };
}

/** Reads of `Peserta`'s blocks: `rows`×5 (Kegiatan … Jenis kelamin). */
const blockReads = (reads: readonly string[]) => reads.filter((r) => /^\d+×5$/.test(r));

/** A fresh headline: the index's row 1. */
const FRESH_CELLS = 26;
/** After a person's edit (the flag changed), the marks too: one per block. */
const marks = (rows: number) => Math.ceil(rows / B);
/** A repair's read in the lock: A1:D4 of the index (its generation, the blocks' code chunk, the tallies' head). */
const IN_LOCK = 4 * 4;
/** One read of `blocks` consecutive blocks' rows, A:E. */
const rowsOf = (blocks: number) => `${blocks * B}×5`;

/** The form asked to add `c`: its question names exactly the rows a full recount finds. */
function probe(workbench: Workbench, c: Candidate) {
  const expected = duplicatesRecounted(workbench, c);
  const run = measured(workbench, 'addParticipant', [{ ...c, sex: 'P' }]);
  const value = run.value as AddParticipantResult;
  if (expected) expect(value.duplicateOf).toEqual(expected);
  else expect(value.row).toBeGreaterThan(1);
  return run;
}

describe('a person’s edit repairs the index by block', () => {
  test('cells typed in two blocks: the next headline reads those two blocks only, and equals a full recount', () => {
    const workbench = generatedRegister(5000);
    headline(workbench, 'Kegiatan 1'); // the index is built
    type(workbench, PESERTA, 'E1500', [['L']]); // block 5 (rows 1252–1501)
    type(workbench, PESERTA, 'A3600', [['Rapat PUG']]); // block 14
    const repaired = measured(workbench, 'terpilahHeadline', ['Rapat PUG']);
    expect(repaired.value).toEqual(headlinesRecounted(workbench, ['Rapat PUG'])[0]);
    expect(blockReads(repaired.cells.reads)).toEqual([rowsOf(1), rowsOf(1)]);
    // Row 1 and the marks, the blocks' rows, then in the lock A1:D4 of the index (its
    // generation, the code chunk holding both blocks' codes: 7,500 rows a chunk, A4).
    expect(repaired.cells.read).toBe(FRESH_CELLS + marks(5000) + 2 * 5 * B + IN_LOCK);
    expect(measured(workbench, 'terpilahHeadline', ['Rapat PUG']).cells.read).toBe(FRESH_CELLS);
    expectHeadlinesRecounted(workbench, ASKED);
  });

  test('a paste over a block boundary and a row emptied: adjacent blocks read together; headlines and duplicate answers exact', () => {
    const workbench = generatedRegister(4500);
    headline(workbench, 'Kegiatan 1');
    // Rows 1000–1003: blocks 3 and 4; a paste has no value/oldValue in the event.
    type(workbench, PESERTA, 'A1000:E1003', [
      ['Bimtek', 'Tempel 1', NIK_MAN, '', ''],
      ['Bimtek', 'Tempel 2', '', '', 'P'],
      ['Kegiatan 2', 'Tempel 3', NIK_WOMAN, '', 'L'],
      ['', '', '', '', ''],
    ]);
    type(workbench, PESERTA, 'A3600:N3600', [Array.from({ length: 14 }, () => '')]); // block 14
    const repaired = measured(workbench, 'terpilahHeadline', ['Bimtek']);
    expect(repaired.value).toEqual(headlinesRecounted(workbench, ['Bimtek'])[0]);
    expect(blockReads(repaired.cells.reads)).toEqual([rowsOf(2), rowsOf(1)]);
    expectHeadlinesRecounted(workbench, ASKED);
    for (const c of [
      { activity: 'Bimtek', name: 'Tempel 1', nik: '', institution: '' },
      { activity: 'Kegiatan 2', name: 'Lain', nik: NIK_MAN, institution: '' },
      { activity: 'Kegiatan 3', name: 'Orang 3598', nik: '', institution: '' }, // the emptied row
    ])
      probe(workbench, c);
    expectHeadlinesRecounted(workbench, ASKED);
  });

  test('the add’s duplicate check after an edit: the edited row found by its new NIK and name; its block is read, not the register', () => {
    const workbench = generatedRegister(3000);
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'C2500', [[`'${NIK_MAN}`]]); // as text: a typed number loses digits
    type(workbench, PESERTA, 'B2500', [['Budi Baru']]); // row 2500: Kegiatan 3
    const asked = { activity: 'Kegiatan 3', name: 'Budi Baru', nik: NIK_MAN, institution: '' };
    const answer = probe(workbench, asked);
    expect((answer.value as AddParticipantResult).duplicateOf).toEqual([2500]);
    expect(blockReads(answer.cells.reads)).toEqual([rowsOf(1)]);
    expect(answer.cells.read).toBeLessThan(5 * B + 1000);
    // Repaired in the add's lock: the next add and headline find the index fresh.
    const next = probe(workbench, { activity: 'Kegiatan 1', name: 'Baru', nik: '', institution: '' });
    expect(blockReads(next.cells.reads)).toEqual([]);
    expect(measured(workbench, 'terpilahHeadline', ['Kegiatan 1']).cells.read).toBe(FRESH_CELLS);
    expectHeadlinesRecounted(workbench, ASKED);
  });

  test('openActivity after an edit has its headline at once: the block repaired', () => {
    const workbench = generatedRegister(2000);
    create(workbench, { name: 'Kegiatan 1' });
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'A700', [['Kegiatan 1']]);
    const opened = measured(workbench, 'openActivity', ['KGT-0001']);
    expect((opened.value as OpenedActivity).headline).toEqual(
      headlinesRecounted(workbench, ['Kegiatan 1'])[0],
    );
    expect(blockReads(opened.cells.reads)).toEqual([rowsOf(1)]);
    expect(opened.cells.written).toBe(0); // it only reads: the next click stores the repair
  });

  test('rows deleted, then a row typed at the bottom (the last row as counted again): the whole index recounted, exact', () => {
    const workbench = generatedRegister(1500);
    sheetOf(workbench, PESERTA).maxRows = 2000; // blank rows below, as a person has them
    headline(workbench, 'Kegiatan 1');
    structural(workbench, (sheet) => sheet.deleteRows(300, 2)); // every row below moves up
    type(workbench, PESERTA, 'A1500:E1501', [
      ['Kegiatan 1', 'Baru 1', '', '', 'P'],
      ['Kegiatan 1', 'Baru 2', '', '', 'L'],
    ]);
    expect(sheetOf(workbench, PESERTA).rows).toHaveLength(1501); // the last row counted
    const recounted = measured(workbench, 'terpilahHeadline', ['Kegiatan 1']);
    expect(recounted.value).toEqual(headlinesRecounted(workbench, ['Kegiatan 1'])[0]);
    expect(recounted.cells.read).toBeGreaterThan(6 * 1500);
    // Editing the last row itself is taken the same way (it may be such a row).
    type(workbench, PESERTA, 'E1501', [['P']]);
    expect(measured(workbench, 'terpilahHeadline', ['Kegiatan 1']).cells.read).toBeGreaterThan(6 * 1500);
    expectHeadlinesRecounted(workbench, ASKED);
  });

  test('the header typed over, or the index sheet edited: the whole index is stale, one recount', () => {
    const workbench = generatedRegister(1500);
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'A1', [['Kegiatan']]);
    const recounted = measured(workbench, 'terpilahHeadline', ['Kegiatan 1']);
    expect(recounted.cells.read).toBeGreaterThan(6 * 1500);
    expect(blockReads(recounted.cells.reads)).toEqual([]);
    type(workbench, '_Indeks Peserta', 'A5', [['x']]); // a mark typed by hand
    expect(measured(workbench, 'terpilahHeadline', ['Kegiatan 1']).cells.read).toBeGreaterThan(6 * 1500);
    expectHeadlinesRecounted(workbench, ASKED);
  });

  test('onEdit writes fresh marks into its blocks’ cells, then the flag: no read of the index, whatever the register', () => {
    const workbench = generatedRegister(3000);
    headline(workbench, 'Kegiatan 1');
    const edit = workbench.firePersonEdit({ sheet: PESERTA, range: 'B900:B1100' });
    expect(edit?.ok).toBe(true);
    expect(edit?.callsByMethod).toEqual({
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getSheetValues': 1, // A1: the index's signature (a user's sheet is never written)
      'Sheet.getRange': 2,
      'Range.setValues': 1, // the marks
      'Range.setValue': 1, // then the flag
      'Sheet.getLastRow': 1, // Peserta's: the edit is above its last row
      // The edited range's geometry: answered locally.
      'Range.getRow': 1,
      'Range.getLastRow': 2,
      'Range.getSheet': 2,
      'Sheet.getName': 1,
    });
    const index = sheetOf(workbench, '_Indeks Peserta');
    const cell = (row: number, column = 1) => index.rows[row - 1]?.[column - 1]?.value ?? '';
    // Blocks 3 and 4 (rows 752–1251): marks in A8 and A9.
    const before = [7, 8, 9, 10].map((row) => cell(row));
    expect(before).toEqual(['', expect.stringMatching(/^m/), expect.stringMatching(/^m/), '']);
    const flag = cell(1, 3);
    expect(flag).toMatch(/^m/);
    // Typed again in the same block: another fresh mark and flag (never the same value twice).
    workbench.firePersonEdit({ sheet: PESERTA, range: 'B950' });
    expect(cell(8)).not.toBe(before[1]);
    expect(cell(9)).toBe(before[2]);
    expect(cell(1, 3)).not.toBe(flag);
  });
});

describe('a mark written while a repair runs is never lost', () => {
  test('edits after the repair read the rows, before it stores them: their blocks are read again next time', () => {
    const workbench = generatedRegister(3000);
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'E1500', [['L']]); // block 5
    const before = headlinesRecounted(workbench, ['Kegiatan 1'])[0];
    workbench.interleave('lockAcquired', () => {
      type(workbench, PESERTA, 'E1450', [['L']]); // the same block
      type(workbench, PESERTA, 'A2600', [['Kegiatan 1']]); // another (block 10)
    });
    expect(headline(workbench, 'Kegiatan 1')).toEqual(before);
    const next = measured(workbench, 'terpilahHeadline', ['Kegiatan 1']);
    expect(next.value).toEqual(headlinesRecounted(workbench, ['Kegiatan 1'])[0]);
    expect(next.value).not.toEqual(before);
    expect(blockReads(next.cells.reads)).toEqual([rowsOf(1), rowsOf(1)]); // blocks 5 and 10
    expect(measured(workbench, 'terpilahHeadline', ['Kegiatan 1']).cells.read).toBe(FRESH_CELLS);
  });

  test('an edit landing as an add takes its lock: part of the add’s repair (it reads the index in the lock)', () => {
    const workbench = generatedRegister(2500);
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'E100', [['L']]);
    workbench.interleave('lockAcquired', () => type(workbench, PESERTA, 'A300', [['Bimtek']]));
    const add = measured(workbench, 'addParticipant', [{ name: 'Baru', activity: 'Bimtek', sex: 'P' }]);
    expect(blockReads(add.cells.reads)).toEqual([rowsOf(2)]); // blocks 0 and 1
    const next = measured(workbench, 'terpilahHeadline', ['Bimtek']);
    expect(next.value).toEqual(headlinesRecounted(workbench, ['Bimtek'])[0]);
    expect(blockReads(next.cells.reads)).toEqual([]);
  });
});

type Step =
  | { kind: 'type'; row: number; column: 'A' | 'B' | 'C' | 'D' | 'E' | 'I' | 'J'; text: string }
  | { kind: 'paste'; row: number; text: string }
  | { kind: 'empty'; row: number }
  | { kind: 'add'; activity: string; sex: string; nik: string }
  | { kind: 'delete'; row: number }
  | { kind: 'header' }
  | { kind: 'headline'; activity: string }
  | { kind: 'probe'; candidate: Candidate };

const ROWS = 2300; // five blocks, the last one partly filled
const row = fc.oneof(
  fc.integer({ min: 2, max: ROWS + 1 }),
  fc.constantFrom(2, B + 1, B + 2, 2 * B + 1, 2 * B + 2, 4 * B + 1, ROWS + 1),
);
const text = fc.constantFrom(
  ...ASKED,
  'L',
  'P',
  'perempuan',
  'x',
  '',
  NIK_WOMAN,
  NIK_MAN,
  'Orang 5',
  'Budi Baru',
  '198001012005011001',
);
const candidate: fc.Arbitrary<Candidate> = fc.record({
  activity: fc.constantFrom(...ASKED),
  // Names only an edit brings (Tempel, Budi Baru), names an edit may take away (Orang …).
  name: fc.constantFrom('Orang 3', 'Orang 1500', 'Orang 5', 'Budi Baru', 'Tempel', 'Tempel'),
  nik: fc.constantFrom('', '', NIK_WOMAN, NIK_MAN),
  institution: fc.constant(''),
});
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      row,
      column: fc.constantFrom(
        'A' as const,
        'B' as const,
        'C' as const,
        'D' as const,
        'E' as const,
        'I' as const,
        'J' as const,
      ),
      text,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paste' as const), row, text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('empty' as const), row }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      activity: fc.constantFrom(...ASKED),
      sex: fc.constantFrom('L', 'P', ''),
      nik: fc.constantFrom('', NIK_WOMAN, NIK_MAN),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), row }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'header' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('headline' as const), activity: fc.constantFrom(...ASKED) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('probe' as const), candidate }) },
);

function apply(workbench: Workbench, s: Step, n: number): void {
  const { rows, maxRows } = sheetOf(workbench, PESERTA);
  const last = rows.length;
  // A person types inside the grid only (rows deleted shrink it).
  if ('row' in s && s.row + (s.kind === 'paste' ? 1 : 0) > maxRows) return;
  switch (s.kind) {
    case 'type':
      type(workbench, PESERTA, `${s.column}${s.row}`, [[s.text]]);
      return;
    case 'paste':
      // Activity, name, NIK, NIP, sex of two rows (a block boundary when row is B + 1…).
      type(workbench, PESERTA, `A${s.row}:E${s.row + 1}`, [
        [s.text, 'Tempel', NIK_WOMAN, '', 'P'],
        ['Kegiatan 2', 'Budi Baru', '', '', s.text],
      ]);
      return;
    case 'empty':
      if (s.row <= last)
        type(workbench, PESERTA, `A${s.row}:N${s.row}`, [Array.from({ length: 14 }, () => '')]);
      return;
    case 'add':
      runOk(workbench, 'addParticipant', [
        { name: `Orang ${n}`, activity: s.activity, sex: s.sex, nik: s.nik, confirmDuplicate: true },
      ]);
      return;
    case 'delete':
      if (s.row < last) structural(workbench, (sheet) => sheet.deleteRows(s.row, 1));
      return;
    case 'header':
      type(workbench, PESERTA, 'E1', [['Jenis kelamin']]);
      return;
    case 'headline': {
      const expected = headlinesRecounted(workbench, [s.activity])[0];
      expect(headline(workbench, s.activity)).toEqual(expected);
      return;
    }
    case 'probe':
      probe(workbench, s.candidate);
  }
}

describe('index-derived figures equal a full recount after any sequence of edits, adds and clicks', () => {
  test('typing, pasting over block boundaries, rows emptied and deleted, header edits, adds; headlines and the form’s duplicate answers (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
        const workbench = generatedRegister(ROWS);
        headline(workbench, 'Kegiatan 1');
        steps.forEach((s, n) => apply(workbench, s, n));
        expectHeadlinesRecounted(workbench, ASKED);
        for (const activity of ['Kegiatan 2', 'Bimtek'])
          for (const name of ['Tempel', 'Budi Baru'])
            probe(workbench, { activity, name, nik: '', institution: '' });
      }),
      { numRuns: 25 },
    );
  });
});

describe('a register in a person’s own columns (no duplicate codes kept)', () => {
  test('its edits repair by block too: the mapped columns of the block read, the headline exact', () => {
    const header = ['Nama', 'Jenis kelamin', 'NIK', 'Kegiatan'];
    const rows = Array.from({ length: 1200 }, (_, i) => [
      `Orang ${i}`,
      i % 3 ? 'P' : 'L',
      i % 10 ? '' : NIK_WOMAN,
      `Kegiatan ${(i % 4) + 1}`,
    ]);
    const workbench = pesertaWithRows(rows);
    sheetOf(workbench, PESERTA).rows[0] = header.map((value) => ({ value }));
    const ownRows = sheetOf(workbench, PESERTA).rows;
    for (const row of ownRows) row.length = header.length;
    expect(headline(workbench, 'Kegiatan 1')).toEqual(headlinesRecounted(workbench, ['Kegiatan 1'])[0]);
    type(workbench, PESERTA, 'D700:D701', [['Kegiatan 1'], ['Kegiatan 1']]);
    const repaired = measured(workbench, 'terpilahHeadline', ['Kegiatan 1']);
    expect(repaired.value).toEqual(headlinesRecounted(workbench, ['Kegiatan 1'])[0]);
    // The header (its mapping), then the block's rows of the columns counted (sex, NIK and
    // activity: B:D; the name is only for codes): no recount.
    expect(repaired.cells.reads).toEqual(['1×26', '5×1', '1×4', `${B}×3`, '1×4']);
    expectHeadlinesRecounted(workbench, ASKED);
  });
});
