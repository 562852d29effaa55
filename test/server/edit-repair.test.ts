/**
 * A person's edit of `Peserta` repairs the counts index by block (server/terpilah/block-repair.ts):
 * onEdit marks the blocks of 1,000 rows it touched, and the next click (headline, the add's
 * duplicate check, openActivity) reads only those blocks' rows again. Whatever the edits, the
 * figures equal a full recount of every cell; a mark written while a repair runs leaves its
 * block dirty.
 */
import fc from 'fast-check';
import type { AddParticipantResult, OpenedActivity, TerpilahHeadline } from '../../src/server/api';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { runOk } from '../support/workbench';
import { create } from './progress-helpers';
import { sheetOf } from './template-helpers';
import {
  duplicatesRecounted,
  generatedRegister,
  headlinesRecounted,
  NIK_MAN,
  NIK_WOMAN,
  structural,
  type,
  type Candidate,
} from './terpilah-helpers';

const PESERTA = 'Peserta';
const ASKED = ['Kegiatan 1', 'Kegiatan 2', 'Kegiatan 3', 'Kegiatan 4', 'Rapat PUG', 'Bimtek'];

const headline = (workbench: Workbench, activity: string) =>
  runOk(workbench, 'terpilahHeadline', [activity]).value as TerpilahHeadline;

function expectAllRecounted(workbench: Workbench): void {
  const expected = headlinesRecounted(workbench, ASKED);
  ASKED.forEach((activity, i) => expect(headline(workbench, activity)).toEqual(expected[i]));
}

function measured(workbench: Workbench, fn: string, args: unknown[]) {
  const { value: result, cells } = meterCells(() => runOk(workbench, fn, args));
  return { value: result.value, cells, result };
}

/** Reads of `Peserta`'s blocks: `rows`×5 (Kegiatan … Jenis kelamin). */
const blockReads = (reads: readonly string[]) => reads.filter((r) => /^\d+×5$/.test(r));

/** A fresh headline: the index's row 1 and one mark per 1,000 rows. */
const freshCells = (rows: number) => 26 + Math.ceil(rows / 1000);

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
    type(workbench, PESERTA, 'E1500', [['L']]); // block 1 (rows 1002–2001)
    type(workbench, PESERTA, 'A3600', [['Rapat PUG']]); // block 3
    const repaired = measured(workbench, 'terpilahHeadline', ['Rapat PUG']);
    expect(repaired.value).toEqual(headlinesRecounted(workbench, ['Rapat PUG'])[0]);
    expect(blockReads(repaired.cells.reads)).toEqual(['1000×5', '1000×5']);
    // Row 1 and the marks, the code chunk of rows 2–3 holding both blocks' codes (7,500 rows a
    // chunk), the blocks' rows, row 1 in the lock.
    expect(repaired.cells.read).toBe(freshCells(5000) + 2 + 2 * 5000 + 26);
    expect(measured(workbench, 'terpilahHeadline', ['Rapat PUG']).cells.read).toBe(freshCells(5000));
    expectAllRecounted(workbench);
  });

  test('a paste over a block boundary and a row emptied: adjacent blocks read together; headlines and duplicate answers exact', () => {
    const workbench = generatedRegister(4500);
    headline(workbench, 'Kegiatan 1');
    // Rows 1000–1003: blocks 0 and 1; a paste has no value/oldValue in the event.
    type(workbench, PESERTA, 'A1000:E1003', [
      ['Bimtek', 'Tempel 1', NIK_MAN, '', ''],
      ['Bimtek', 'Tempel 2', '', '', 'P'],
      ['Kegiatan 2', 'Tempel 3', NIK_WOMAN, '', 'L'],
      ['', '', '', '', ''],
    ]);
    type(workbench, PESERTA, 'A3600:N3600', [Array.from({ length: 14 }, () => '')]); // block 3
    const repaired = measured(workbench, 'terpilahHeadline', ['Bimtek']);
    expect(repaired.value).toEqual(headlinesRecounted(workbench, ['Bimtek'])[0]);
    expect(blockReads(repaired.cells.reads)).toEqual(['2000×5', '1000×5']);
    expectAllRecounted(workbench);
    for (const c of [
      { activity: 'Bimtek', name: 'Tempel 1', nik: '', institution: '' },
      { activity: 'Kegiatan 2', name: 'Lain', nik: NIK_MAN, institution: '' },
      { activity: 'Kegiatan 3', name: 'Orang 3598', nik: '', institution: '' }, // the emptied row
    ])
      probe(workbench, c);
    expectAllRecounted(workbench);
  });

  test('the add’s duplicate check after an edit: the edited row found by its new NIK and name; its block is read, not the register', () => {
    const workbench = generatedRegister(3000);
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'C2500', [[`'${NIK_MAN}`]]); // as text: a typed number loses digits
    type(workbench, PESERTA, 'B2500', [['Budi Baru']]); // row 2500: Kegiatan 3
    const asked = { activity: 'Kegiatan 3', name: 'Budi Baru', nik: NIK_MAN, institution: '' };
    const answer = probe(workbench, asked);
    expect((answer.value as AddParticipantResult).duplicateOf).toEqual([2500]);
    expect(blockReads(answer.cells.reads)).toEqual(['1000×5']);
    expect(answer.cells.read).toBeLessThan(1000 * 5 + 1000);
    // Repaired in the add's lock: the next add and headline find the index fresh.
    const next = probe(workbench, { activity: 'Kegiatan 1', name: 'Baru', nik: '', institution: '' });
    expect(blockReads(next.cells.reads)).toEqual([]);
    expect(measured(workbench, 'terpilahHeadline', ['Kegiatan 1']).cells.read).toBe(freshCells(3001));
    expectAllRecounted(workbench);
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
    expect(blockReads(opened.cells.reads)).toEqual(['1000×5']);
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
    expectAllRecounted(workbench);
  });

  test('onEdit writes fresh marks into its blocks’ cells only: no read, one write, whatever the register', () => {
    const workbench = generatedRegister(3000);
    headline(workbench, 'Kegiatan 1');
    const edit = workbench.firePersonEdit({ sheet: PESERTA, range: 'B900:B1100' });
    expect(edit?.ok).toBe(true);
    expect(edit?.callsByMethod).toEqual({
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
      // The edited range's geometry: answered locally.
      'Range.getRow': 1,
      'Range.getLastRow': 1,
      'Range.getSheet': 1,
      'Sheet.getName': 1,
    });
    const index = sheetOf(workbench, '_Indeks Peserta');
    const marks = [4, 5, 6, 7].map((r) => index.rows[r]?.[0]?.value ?? '');
    expect(marks[0]).toMatch(/^m/); // block 0 (rows 2–1001)
    expect(marks[1]).toMatch(/^m/); // block 1
    expect(marks[2]).toBe('');
    // Typed again in the same block: another fresh mark (never the same value twice).
    workbench.firePersonEdit({ sheet: PESERTA, range: 'B950' });
    expect(index.rows[4]?.[0]?.value).not.toBe(marks[0]);
  });
});

describe('a mark written while a repair runs is never lost', () => {
  test('edits after the repair read the rows, before it stores them: their blocks are read again next time', () => {
    const workbench = generatedRegister(3000);
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'E1500', [['L']]); // block 1
    const before = headlinesRecounted(workbench, ['Kegiatan 1'])[0];
    workbench.interleave('lockAcquired', () => {
      type(workbench, PESERTA, 'E1600', [['L']]); // the same block
      type(workbench, PESERTA, 'A2600', [['Kegiatan 1']]); // another
    });
    expect(headline(workbench, 'Kegiatan 1')).toEqual(before);
    const next = measured(workbench, 'terpilahHeadline', ['Kegiatan 1']);
    expect(next.value).toEqual(headlinesRecounted(workbench, ['Kegiatan 1'])[0]);
    expect(next.value).not.toEqual(before);
    expect(blockReads(next.cells.reads)).toEqual(['2000×5']); // blocks 1 and 2
    expect(measured(workbench, 'terpilahHeadline', ['Kegiatan 1']).cells.read).toBe(freshCells(3000));
  });

  test('an edit landing as an add takes its lock: part of the add’s repair (it reads the index in the lock)', () => {
    const workbench = generatedRegister(2500);
    headline(workbench, 'Kegiatan 1');
    type(workbench, PESERTA, 'E100', [['L']]);
    workbench.interleave('lockAcquired', () => type(workbench, PESERTA, 'A1200', [['Bimtek']]));
    const add = measured(workbench, 'addParticipant', [{ name: 'Baru', activity: 'Bimtek', sex: 'P' }]);
    expect(blockReads(add.cells.reads)).toEqual(['2000×5']); // blocks 0 and 1
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

const ROWS = 2300; // three blocks, the last one partly filled
const row = fc.oneof(
  fc.integer({ min: 2, max: ROWS + 1 }),
  fc.constantFrom(2, 1000, 1001, 1002, 2001, 2002, ROWS + 1),
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
      // Activity, name, NIK, NIP, sex of two rows (a block boundary when row is 1001 or 2001).
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
        expectAllRecounted(workbench);
        for (const activity of ['Kegiatan 2', 'Bimtek'])
          for (const name of ['Tempel', 'Budi Baru'])
            probe(workbench, { activity, name, nik: '', institution: '' });
      }),
      { numRuns: 25 },
    );
  });
});
