/**
 * A register imported by the code before versioned fingerprints (version 1 hashed every column of
 * the source row, Timestamp included): importing the same form again, under the same mapping or
 * another, brings none of those rows in twice; only new answers come in, with version-2 prints,
 * and a third import takes nothing. fixtures/terpilah-import-v1.json holds what version 1 wrote
 * in `Peserta` (recorded with the bundle built at a93540f:
 * `RECORD_V1_DIST=<that dist> npx jest test/server/terpilah-import-v1.test.ts`). Then a property
 * through the real bundle: over random sources and any two mappings, no row comes in twice.
 */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportResult } from '../../src/server/api';
import { newSheetState, newWorkbookState, type Cell } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { newWorkbench, runOk } from '../support/workbench';
import { sheetOf } from './template-helpers';

type Value = Cell['value'];
const FIXTURE = join(__dirname, 'fixtures', 'terpilah-import-v1.json');
const FORM = 'Form Responses 1';
const SUMBER = 13;
/** A form of 20 questions; the 12 after "Catatan" are not imported (they hold other answers). */
const QUESTIONS = Array.from({ length: 12 }, (_, k) => `Pertanyaan ${k + 1}`);
const HEADER = [
  'Timestamp',
  'Nama Lengkap',
  'L/P',
  'NIK',
  'Umur',
  'Asal Kabupaten/Kota',
  'Instansi/OPD',
  'Catatan',
  ...QUESTIONS,
];
const WIDTH = HEADER.length;
const MAPPING = { name: 1, sex: 2, nik: 3, age: 4, regency: 5, institution: 6 };
const ANOTHER_MAPPING = { name: 1, sex: 2, age: 4, position: 7 };
/** Answers: large enough to be read per column block (a few dozen rows are read whole). */
const ANSWERS = 200;

/** `count` answers: blank rows, a Timestamp alone, the same person answering twice, a repeated row. */
function answers(count: number, from = 0): Value[][] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const at = new Date(Date.UTC(2026, 10, 20, 2, i));
    if (i % 11 === 10) return Array.from({ length: WIDTH }, () => '');
    if (i % 13 === 12) return [at, ...Array.from({ length: WIDTH - 1 }, () => '')];
    // Answered twice (another Timestamp, the same answers); answer 7 repeats answer 6 exactly.
    const who = i === 7 ? 6 : i % 9 === 8 ? i - 1 : i;
    return [
      i === 7 ? new Date(Date.UTC(2026, 10, 20, 2, 6)) : at,
      `Orang ${who}`,
      ['P', 'laki-laki', 'Perempuan'][who % 3],
      who % 4 === 0 ? '' : `1971014${String(who).padStart(9, '0')}`,
      `${20 + (who % 30)} tahun`,
      ['Bateng', 'Pangkalpinang', ''][who % 3],
      `OPD ${who % 5}`,
      who % 6 === 0 ? 'Kepala Seksi' : '',
      ...QUESTIONS.map((_, q) => ['Ya', 'Tidak', ''][(who + q) % 3]),
    ];
  });
}
const FORM_ROWS = answers(ANSWERS);
const BLANK = FORM_ROWS.filter((row) => row.every((value) => value === '')).length;
/** Rows with the Timestamp alone: version 1 imported them (as rows with no name), version 2 does not. */
const TIME_ONLY = FORM_ROWS.filter((row) => row[0] !== '' && row[1] === '').length;
const PEOPLE = ANSWERS - BLANK - TIME_ONLY;

function withForm(workbench: Workbench, rows: Value[][]): void {
  const sheet = newSheetState(workbench.state.nextId++, FORM);
  sheet.rows = [HEADER, ...rows].map((row) => row.map((value) => ({ value })));
  sheet.maxRows = 1000;
  sheet.maxColumns = Math.max(sheet.maxColumns, HEADER.length);
  workbench.state.sheets.push(sheet);
}

const pesertaRows = (workbench: Workbench): Value[][] =>
  sheetOf(workbench, 'Peserta')
    .rows.slice(1)
    .map((row) => Array.from({ length: 14 }, (_, c) => row?.[c]?.value ?? ''))
    .filter((row) => row.some((value) => value !== ''));

/** The register as version 1 left it: the add-in's own `Peserta`, its rows those version 1 wrote. */
function registerImportedByVersion1(): Workbench {
  const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Value[][];
  const workbench = newWorkbench();
  runOk(workbench, 'addParticipant', [{ name: 'x' }]);
  const sheet = sheetOf(workbench, 'Peserta');
  const format = sheet.rows[1]?.map((cell) => cell?.format);
  sheet.rows = [
    sheet.rows[0],
    ...recorded.map((row) => row.map((value, c) => ({ value, format: format?.[c] }))),
  ];
  withForm(workbench, FORM_ROWS);
  return workbench;
}

if (process.env.RECORD_V1_DIST) {
  const workbench = new Workbench({ state: newWorkbookState('Uji'), distDir: process.env.RECORD_V1_DIST });
  withForm(workbench, FORM_ROWS);
  runOk(workbench, 'importParticipants', [{ sourceSheet: FORM, mapping: MAPPING, activity: 'Bimtek' }]);
  writeFileSync(FIXTURE, JSON.stringify(pesertaRows(workbench)) + '\n');
}

const run = (workbench: Workbench, mapping: object) =>
  meterCells(() =>
    runOk(workbench, 'importParticipants', [{ sourceSheet: FORM, mapping, activity: 'Bimtek' }]),
  );

describe('a register imported by version 1', () => {
  test('the fixture is what version 1 wrote: every non-blank row, its print over every column', () => {
    const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Value[][];
    expect([BLANK, TIME_ONLY]).toEqual([18, 14]);
    expect(recorded).toHaveLength(ANSWERS - BLANK);
    for (const row of recorded) expect(String(row[SUMBER])).toMatch(/^imp:[0-9a-z]+(\.\d+)?$/);
    expect(new Set(recorded.map((row) => row[SUMBER])).size).toBe(recorded.length);
    expect(recorded.filter((row) => String(row[SUMBER]).endsWith('.2'))).toHaveLength(1); // answer 7
  });

  test('again, under the same mapping or another: nothing twice; new answers come in once', () => {
    const workbench = registerImportedByVersion1();
    const rows = `${ANSWERS + 1}`;
    // Version-1 prints hash every column: the columns not mapped are read too, to recognise them
    // (the header rows, the mapped columns B-G or B-H, Sumber, then the rest, in runs).
    const reads = [
      [`10×${WIDTH}`, `${rows}×6`, `${ANSWERS - BLANK}×1`, `${rows}×1`, `${rows}×13`],
      [`10×${WIDTH}`, `${rows}×7`, `${ANSWERS - BLANK}×1`, `${rows}×1`, `${rows}×12`],
    ];
    [MAPPING, ANOTHER_MAPPING].forEach((mapping, i) => {
      const again = run(workbench, mapping);
      expect(again.value.value as ImportResult).toMatchObject({
        imported: 0,
        skipped: PEOPLE,
        empty: BLANK + TIME_ONLY,
      });
      expect(again.cells.reads).toEqual(reads[i]);
    });
    expect(pesertaRows(workbench)).toHaveLength(ANSWERS - BLANK);

    // New answers: two new people, and one answering again (the same answers as answer 3).
    sheetOf(workbench, FORM).rows.push(
      ...[...answers(2, ANSWERS), [new Date(Date.UTC(2026, 10, 21)), ...answers(1, 3)[0].slice(1)]].map(
        (row) => row.map((value) => ({ value })),
      ),
    );
    const next = run(workbench, MAPPING);
    expect(next.value.value as ImportResult).toMatchObject({ imported: 3, skipped: PEOPLE });
    const added = pesertaRows(workbench).slice(ANSWERS - BLANK);
    expect(added.map((row) => row[1])).toEqual([`Orang ${ANSWERS}`, `Orang ${ANSWERS + 1}`, 'Orang 3']);
    for (const row of added) expect(String(row[SUMBER])).toMatch(/^imp2:[0-9a-z]{4}:B-G:[0-9a-z]+(\.2)?$/);

    for (const mapping of [MAPPING, ANOTHER_MAPPING])
      expect(run(workbench, mapping).value.value as ImportResult).toMatchObject({
        imported: 0,
        skipped: PEOPLE + 3,
      });
    expect(pesertaRows(workbench)).toHaveLength(ANSWERS - BLANK + 3);
  });

  test('a register of version-2 prints only: the mapped columns are read, not the Timestamp', () => {
    const workbench = newWorkbench();
    withForm(workbench, FORM_ROWS);
    const rows = `${ANSWERS + 1}`;
    const first = run(workbench, MAPPING);
    expect(first.value.value as ImportResult).toMatchObject({ imported: PEOPLE, empty: BLANK + TIME_ONLY });
    expect(first.cells.reads).toEqual([`10×${WIDTH}`, `${rows}×6`]);
    // Another mapping (B, C, E, H: read as B-H, the gaps being small): the columns the first
    // import's prints name (B-G) are in hand, nothing more is read.
    const again = run(workbench, ANOTHER_MAPPING);
    expect(again.value.value as ImportResult).toMatchObject({ imported: 0, skipped: PEOPLE });
    expect(again.cells.reads).toEqual([`10×${WIDTH}`, `${rows}×7`, `${PEOPLE}×1`]);
    // The other way round: a mapping of fewer columns (B) reads the rest of the first prints'
    // columns (C-G) once it has read Sumber.
    const fewer = run(workbench, { name: 1 });
    expect(fewer.value.value as ImportResult).toMatchObject({ imported: 0, skipped: PEOPLE });
    expect(fewer.cells.reads).toEqual([`10×${WIDTH}`, `${rows}×1`, `${PEOPLE}×1`, `${rows}×5`]);
  });

  test('a small source is read whole, in one call: nothing more to read for version-1 prints', () => {
    const workbench = registerImportedByVersion1();
    const small = sheetOf(workbench, FORM);
    small.rows = small.rows.slice(0, 31);
    const again = run(workbench, MAPPING);
    expect(again.value.value as ImportResult).toMatchObject({ imported: 0 });
    expect(again.cells.reads).toEqual([`31×${WIDTH}`, `${ANSWERS - BLANK}×1`]);
  });
});

describe('importing twice never duplicates (fast-check, the real bundle)', () => {
  const POOL: Value[] = ['', '', '', 'Ani', 'Budi', 'L', 'p', 7, 'x'];
  /** A source `width` columns wide (Nama, L/P, then others), `count` rows drawn from a seed. */
  function source(width: number, count: number, seed: number): Value[][] {
    let state = seed >>> 0 || 1;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % POOL.length;
    const header = ['Nama', 'L/P', ...Array.from({ length: width - 2 }, (_, c) => `Kolom ${c + 1}`)];
    return [
      header,
      ...Array.from({ length: count }, () => Array.from({ length: width }, () => POOL[next()])),
    ];
  }
  const mappingOf = (columns: number[], width: number) => {
    const fields = ['name', 'sex', 'age', 'institution', 'position', 'regency'];
    const mapping: Record<string, number> = {};
    columns.forEach((c, i) => (mapping[fields[i]] = c % width));
    return mapping;
  };
  const blankUnder = (row: Value[], mapping: Record<string, number>) =>
    Object.values(mapping).every((c) => row[c] === '');

  test('under any two mappings, small sources (read whole) and large ones (read per column block)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 14 }),
        fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 250, max: 400 })),
        fc.integer(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (width, count, seed, first, second) => {
          const values = source(width, count, seed);
          const m1 = mappingOf(first, width);
          const m2 = mappingOf(second, width);
          const workbench = newWorkbench();
          const sheet = newSheetState(workbench.state.nextId++, 'Form');
          sheet.rows = values.map((row) => row.map((value) => ({ value })));
          sheet.maxColumns = Math.max(sheet.maxColumns, width);
          workbench.state.sheets.push(sheet);
          const data = values.slice(1);
          const one = importOf(workbench, m1);
          expect(one.imported).toBe(data.filter((row) => !blankUnder(row, m1)).length);
          const two = importOf(workbench, m2);
          expect(two.imported).toBe(data.filter((row) => blankUnder(row, m1) && !blankUnder(row, m2)).length);
          expect(importOf(workbench, m1).imported).toBe(0);
          expect(importOf(workbench, m2).imported).toBe(0);
          expect(pesertaRows(workbench)).toHaveLength(one.imported + two.imported);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

function importOf(workbench: Workbench, mapping: object): ImportResult {
  return runOk(workbench, 'importParticipants', [{ sourceSheet: 'Form', mapping, activity: 'Rapat' }])
    .value as ImportResult;
}
