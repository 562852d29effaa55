/**
 * A register imported by the code before versioned fingerprints (version 1 hashed every column of
 * the source row, Timestamp included): importing the same form again, under the same mapping or
 * another, brings none of those rows in twice; only new answers come in, with version-2 prints,
 * and a third import takes nothing. fixtures/terpilah-import-v1.json holds what version 1 wrote
 * in `Peserta` (recorded with the bundle built at a93540f:
 * `RECORD_V1_DIST=<that dist> npx jest test/server/terpilah-import-v1.test.ts`).
 */
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
const HEADER = [
  'Timestamp',
  'Nama Lengkap',
  'L/P',
  'NIK',
  'Umur',
  'Asal Kabupaten/Kota',
  'Instansi/OPD',
  'Catatan',
];
const MAPPING = { name: 1, sex: 2, nik: 3, age: 4, regency: 5, institution: 6 };
const ANOTHER_MAPPING = { name: 1, sex: 2, age: 4, position: 7 };

/** `count` answers: a blank row, a Timestamp alone, the same person answering twice, a repeated row. */
function answers(count: number, from = 0): Value[][] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const at = new Date(Date.UTC(2026, 10, 20, 2, i));
    if (i % 11 === 10) return ['', '', '', '', '', '', '', ''];
    if (i % 13 === 12) return [at, '', '', '', '', '', '', ''];
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
    ];
  });
}

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
  withForm(workbench, answers(40));
  return workbench;
}

if (process.env.RECORD_V1_DIST) {
  const workbench = new Workbench({ state: newWorkbookState('Uji'), distDir: process.env.RECORD_V1_DIST });
  withForm(workbench, answers(40));
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
    // 40 answers: 3 blank rows (10, 21, 32); the Timestamp alone (12, 25, 38) was a row of its own.
    expect(recorded).toHaveLength(37);
    for (const row of recorded) expect(String(row[SUMBER])).toMatch(/^imp:[0-9a-z]+(\.\d+)?$/);
    expect(new Set(recorded.map((row) => row[SUMBER])).size).toBe(37);
  });

  test('again, under the same mapping or another: nothing twice; new answers come in once', () => {
    const workbench = registerImportedByVersion1();
    // Version-1 prints hash every column: the columns not mapped are read too, to recognise them
    // (the header rows, the mapped columns B-G or B-H, Sumber, the rest: a small gap is read along).
    const reads = [
      ['10×8', '41×6', '37×1', '41×8'],
      ['10×8', '41×7', '37×1', '41×1'],
    ];
    [MAPPING, ANOTHER_MAPPING].forEach((mapping, i) => {
      const again = run(workbench, mapping);
      expect(again.value.value as ImportResult).toMatchObject({ imported: 0, skipped: 34, empty: 6 });
      expect(again.cells.reads).toEqual(reads[i]);
    });
    expect(pesertaRows(workbench)).toHaveLength(37);

    // New answers: a new person, and one answering again (the same answers as row 3).
    sheetOf(workbench, FORM).rows.push(
      ...[...answers(2, 40), [new Date(Date.UTC(2026, 10, 21)), ...answers(1, 3)[0].slice(1)]].map((row) =>
        row.map((value) => ({ value })),
      ),
    );
    const next = run(workbench, MAPPING);
    expect(next.value.value as ImportResult).toMatchObject({ imported: 3, skipped: 34 });
    const rows = pesertaRows(workbench);
    expect(rows.slice(37).map((row) => row[1])).toEqual(['Orang 40', 'Orang 41', 'Orang 3']);
    for (const row of rows.slice(37))
      expect(String(row[SUMBER])).toMatch(/^imp2:[0-9a-z]{4}:B-G:[0-9a-z]+(\.2)?$/);

    for (const mapping of [MAPPING, ANOTHER_MAPPING])
      expect(run(workbench, mapping).value.value as ImportResult).toMatchObject({ imported: 0, skipped: 37 });
    expect(pesertaRows(workbench)).toHaveLength(40);
  });

  test('a register of version-2 prints only: the mapped columns are read, not the Timestamp', () => {
    const workbench = newWorkbench();
    withForm(workbench, answers(40));
    const first = run(workbench, MAPPING);
    expect(first.value.value as ImportResult).toMatchObject({ imported: 34, empty: 6 });
    expect(first.cells.reads).toEqual(['10×8', '41×6']);
    // Another mapping (B, C, E, H: read as B-H, the gaps being small): the columns the first
    // import's prints name (B-G) are in hand, nothing more is read.
    const again = run(workbench, ANOTHER_MAPPING);
    expect(again.value.value as ImportResult).toMatchObject({ imported: 0, skipped: 34 });
    expect(again.cells.reads).toEqual(['10×8', '41×7', '34×1']);
    // The other way round: a mapping of fewer columns (B) reads the rest of the first prints'
    // columns (C-G) once it has read Sumber.
    const fewer = run(workbench, { name: 1 });
    expect(fewer.value.value as ImportResult).toMatchObject({ imported: 0, skipped: 34 });
    expect(fewer.cells.reads).toEqual(['10×8', '41×1', '34×1', '41×5']);
  });
});
