/**
 * The sidebar headline reads only what it shows: the header, the activity column, the sex of the
 * activity's rows and the NIK/NIP of those stating none — never all of `Peserta` — and its
 * figures equal a full recount (every cell read and normalised), also after hand edits.
 */
import fc from 'fast-check';
import type { TerpilahHeadline } from '../../src/server/api';
import { terpilahHeadlineOf } from '../../src/core/terpilah/headline';
import { matchHeaders } from '../../src/core/terpilah/headers';
import { normaliseRows } from '../../src/core/terpilah/normalise';
import { PESERTA_HEADERS } from '../../src/core/terpilah/peserta';
import { summarise } from '../../src/core/terpilah/summaries';
import { toIsoInZone } from '../../src/core/time';
import { newSheetState, type Cell } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { typeInto } from '../../src/workbench/server/person';
import { meterCells } from '../support/cell-meter';
import { newWorkbench, runOk } from '../support/workbench';
import { sheetOf, valuesOf } from './template-helpers';
import { pesertaWithRows } from './terpilah-helpers';

const PESERTA = 'Peserta';
type Value = Cell['value'];

const NIK_WOMAN = '1904014505800001';
const NIK_MAN = '1971011203750002';
const NIP_WOMAN = '198005052006042001';
const NIP_MAN = '197503122000031001';

/** A sheet named `Peserta` staff made by hand: these headers, these rows, no marker. */
function handMade(headers: string[], rows: Value[][]): Workbench {
  const workbench = newWorkbench();
  const sheet = newSheetState(workbench.state.nextId++, PESERTA);
  sheet.rows = [headers, ...rows].map((row) => row.map((value) => ({ value })));
  sheet.maxRows = Math.max(1000, rows.length + 1);
  workbench.state.sheets.push(sheet);
  return workbench;
}

/** The headline as a full recount: every cell of the sheet, normalised, summarised. */
function recount(workbench: Workbench, activity: string): TerpilahHeadline {
  const values = valuesOf(sheetOf(workbench, PESERTA));
  const timeZone = workbench.state.timeZone;
  if (values.length === 0) return terpilahHeadlineOf(summarise([], [], activity || null), activity, 'id');
  const { participants, quality } = normaliseRows(values.slice(1), matchHeaders(values[0]).mapping, {
    firstRow: 2,
    referenceDate: toIsoInZone(Date.now(), timeZone).slice(0, 10),
    timeZone,
  });
  return terpilahHeadlineOf(summarise(participants, quality, activity || null), activity, 'id');
}

const headline = (workbench: Workbench, activity: string) =>
  runOk(workbench, 'terpilahHeadline', [activity]).value as TerpilahHeadline;

/** A register row in PESERTA_HEADERS order. */
function pesertaRow(
  activity: Value,
  sex: Value,
  nik: Value = '',
  nip: Value = '',
  name: Value = 'Ana',
): Value[] {
  const row: Value[] = PESERTA_HEADERS.map(() => '');
  row[0] = activity;
  row[1] = name;
  row[2] = nik;
  row[3] = nip;
  row[4] = sex;
  return row;
}

const ACTIVITIES = ['Rapat PUG', ' Rapat  PUG ', 'Bimtek', '', 'Tanpa nama kegiatan', 'rapat pug'];
const ASKED = ['Rapat PUG', 'Bimtek', 'Tanpa nama kegiatan', '', 'Tidak ada'];
const cell = {
  activity: fc.constantFrom<Value>(...ACTIVITIES, 7),
  sex: fc.constantFrom<Value>('L', 'P', 'p ', 'PEREMPUAN', 'laki2', '', 'x', '  ', 1, true),
  nik: fc.constantFrom<Value>(
    NIK_WOMAN,
    NIK_MAN,
    '',
    '123',
    1971011203750002,
    NIP_MAN,
    'NIK 1904 0145 0580 0001',
  ),
  nip: fc.constantFrom<Value>('', NIP_WOMAN, NIP_MAN, 'bad'),
  name: fc.constantFrom<Value>('Ana', '', 'Budi'),
};
const rowArb = fc
  .record(cell)
  .map(({ activity, sex, nik, nip, name }) => pesertaRow(activity, sex, nik, nip, name));

describe('the headline equals a full recount', () => {
  test('messy registers (property): every activity asked, in the add-in’s register', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const workbench = pesertaWithRows(rows);
        for (const activity of ASKED)
          expect(headline(workbench, activity)).toEqual(recount(workbench, activity));
      }),
      { numRuns: 25 },
    );
  });

  test('a hand-made Peserta with its columns in another order (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.boolean(), (rows, drop) => {
        // Sex, NIK and NIP far apart; maybe no NIP column at all.
        const order = drop ? [4, 1, 0, 2, 6] : [4, 1, 0, 6, 7, 8, 2, 9, 10, 3];
        const workbench = handMade(
          order.map((c) => PESERTA_HEADERS[c]),
          rows.map((row) => order.map((c) => row[c])),
        );
        for (const activity of ASKED)
          expect(headline(workbench, activity)).toEqual(recount(workbench, activity));
      }),
      { numRuns: 15 },
    );
  });

  test('after hand edits in Peserta: a sex changed, an activity renamed, rows deleted and inserted', () => {
    const rows: Value[][] = [];
    for (let i = 0; i < 300; i++)
      rows.push(
        pesertaRow(
          i < 120 ? 'Rapat PUG' : 'Bimtek',
          i % 7 === 0 ? '' : i % 2 ? 'L' : 'P',
          i % 7 ? '' : NIK_WOMAN,
        ),
      );
    const workbench = pesertaWithRows(rows);
    const same = () => expect(headline(workbench, 'Rapat PUG')).toEqual(recount(workbench, 'Rapat PUG'));
    same();
    const edit = (act: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void) =>
      workbench.actAsPerson((app) => {
        const sheet = app.getActiveSpreadsheet().getSheetByName(PESERTA);
        if (!sheet) throw new Error('no Peserta');
        act(sheet);
      });
    // Typing and pasting as a person does (onEdit fires); rows deleted and inserted do not fire it.
    const type = (range: string, values: string[][]) =>
      typeInto(workbench, { sheet: PESERTA, range, values });
    type('E10', [['P']]);
    same();
    type(
      'A200:A210',
      Array.from({ length: 11 }, () => ['Rapat PUG']),
    );
    same();
    type('E2:E5', [[''], [''], [''], ['']]);
    same();
    edit((sheet) => sheet.deleteRows(3, 20));
    same();
    edit((sheet) => sheet.insertRowsBefore(2, 5));
    type('A2:E2', [['Rapat PUG', 'Baru', NIK_MAN, '', '']]);
    same();
    expect(headline(workbench, 'Rapat PUG').participants).toBe(recount(workbench, 'Rapat PUG').participants);
  });
});

/** `total` rows: the first `mine` in "Kegiatan 1" (a few stating no sex), the rest in three others. */
function sizedRegister(total: number, mine: number, interleaved = false): Value[][] {
  const rows: Value[][] = [];
  for (let i = 0; i < total; i++) {
    const ours = interleaved
      ? i % Math.floor(total / mine) === 0 && rows.filter((r) => r[0] === 'Kegiatan 1').length < mine
      : i < mine;
    const activity = ours ? 'Kegiatan 1' : `Kegiatan ${(i % 3) + 2}`;
    rows.push(
      pesertaRow(
        activity,
        i % 10 === 0 ? '' : i % 3 ? 'P' : 'L',
        i % 10 === 0 ? NIK_MAN : '',
        '',
        `Orang ${i}`,
      ),
    );
  }
  return rows;
}

/**
 * The headline's read of `Peserta` itself, as when no counts index can be kept (a user's own sheet
 * holds its name; register-counts.test.ts covers the index).
 */
function withoutIndex(workbench: Workbench): Workbench {
  const mine = newSheetState(workbench.state.nextId++, '_Indeks Peserta');
  mine.rows = [[{ value: 'punya saya' }]];
  workbench.state.sheets.push(mine);
  return workbench;
}

function measured(workbench: Workbench, activity: string) {
  const { value: result, cells } = meterCells(() => runOk(workbench, 'terpilahHeadline', [activity]));
  return { calls: result.calls, byMethod: result.callsByMethod, cells, value: result.value };
}

describe('what the headline reads without its index', () => {
  test('calls are the same at 100 and 10,000 participants; beyond the activity column, cells do not grow', () => {
    const [small, large] = [100, 10_000].map((total) => {
      const workbench = withoutIndex(pesertaWithRows(sizedRegister(total, 50)));
      const run = measured(workbench, 'Kegiatan 1');
      expect(run.value).toEqual(recount(workbench, 'Kegiatan 1'));
      return run;
    });
    console.log(
      `terpilahHeadline: 100 rows ${JSON.stringify(small.cells)}, 10,000 rows ${JSON.stringify(large.cells)}`,
    );
    expect(large.byMethod).toEqual(small.byMethod);
    expect(large.calls).toBe(small.calls);
    // 15, and 5 to find that the index's name is a user's sheet.
    expect(large.calls).toBeLessThanOrEqual(20);
    // The only growth is the activity column: one cell per extra row.
    expect(large.cells.read - small.cells.read).toBe(10_000 - 100);
    // Header (14) + activity column + the activity's 50 sex cells + NIK and NIP around its 5 rows
    // stating none (short gaps are read along: cheaper than another round trip), and the first row
    // (26 cells) of the user's sheet with the index's name.
    expect(large.cells.read).toBeLessThanOrEqual(14 + 10_000 + 50 + 50 * 2 + 26);
    expect(large.cells.read).toBeLessThan(10_000 * 14 * 0.1);
    expect(large.cells.written).toBe(0);
    expect(Object.keys(large.byMethod).some((k) => /\.(set|insert|delete|clear)/.test(k))).toBe(false);
  });

  test('an activity spread thinly over the register: reads stay few and bounded', () => {
    const workbench = withoutIndex(pesertaWithRows(sizedRegister(10_000, 200, true)));
    const run = measured(workbench, 'Kegiatan 1');
    expect(run.value).toEqual(recount(workbench, 'Kegiatan 1'));
    expect(run.byMethod['Range.getValues']).toBeLessThanOrEqual(2 + 2 * 12);
    // Never the whole sheet (14 columns): at most the activity column plus the three it needs.
    expect(run.cells.read).toBeLessThanOrEqual(14 + 4 * 10_000);
  });

  test('"all" and the unnamed activity still read every cell (a row counts when any mapped cell is filled)', () => {
    const workbench = pesertaWithRows(sizedRegister(100, 10));
    for (const activity of ['', 'Tanpa nama kegiatan']) {
      const run = measured(workbench, activity);
      expect(run.value).toEqual(recount(workbench, activity));
      expect(run.cells.read).toBe(101 * 14);
    }
  });

  test('no Peserta, an empty one, one with only its header: no participants, nothing created', () => {
    const none = newWorkbench();
    expect(headline(none, 'Rapat PUG').narrative).toBe('Belum ada peserta tercatat.');
    expect(none.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(headline(handMade([], []), 'Rapat PUG').participants).toBe(0);
    expect(headline(pesertaWithRows([]), 'Rapat PUG').participants).toBe(0);
  });

  test('a sheet named Peserta that is no register is refused with what was found', () => {
    const result = handMade(['Daftar hadir'], [['Ani']]).run('terpilahHeadline', ['Rapat PUG']);
    expect(result.ok).toBe(false);
    expect(String(result.error)).toContain(
      'Judul kolom tidak dikenali di sheet Peserta. Ditemukan: Daftar hadir.',
    );
  });
});
