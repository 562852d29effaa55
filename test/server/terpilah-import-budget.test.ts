/**
 * Import and its preview within budget: the preview reads the first rows only, the import reads the
 * source once and writes number formats per column block (not per cell) and only the columns that
 * hold something — and `Peserta` ends up cell for cell, format for format, as before
 * (fixtures/terpilah-import-before.json was recorded with the per-cell writer; since the
 * fingerprints' version 2 it digests Sumber as how many distinct prints, re-recorded after the
 * digest of the code before version 2, at a93540f, was found identical).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportPreview, ImportResult } from '../../src/server/api';
import { findHeaderRow, importPreview, type ImportSource } from '../../src/core/terpilah/import';
import { newSheetState, type Cell, type SheetState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { newWorkbench, runOk } from '../support/workbench';
import { sheetOf } from './template-helpers';

type Value = Cell['value'];
const FIXTURE = join(__dirname, 'fixtures', 'terpilah-import-before.json');

function seedSheet(workbench: Workbench, name: string, rows: Value[][], maxRows = 1000): SheetState {
  const sheet = newSheetState(workbench.state.nextId++, name);
  sheet.rows = rows.map((row) => row.map((value) => ({ value })));
  sheet.maxRows = Math.max(maxRows, rows.length);
  workbench.state.sheets.push(sheet);
  return sheet;
}

/** A `Peserta` staff made by hand (the register's headers, one row, no marker, no formats), `maxRows` high. */
function handMadePeserta(maxRows: number): Workbench {
  const workbench = newWorkbench();
  runOk(workbench, 'addParticipant', [{ name: 'x' }]);
  const headers = sheetOf(workbench, 'Peserta').rows[0].map((cell) => cell?.value ?? '');
  workbench.state.sheets = workbench.state.sheets.filter((s) => s.name !== 'Peserta');
  seedSheet(workbench, 'Peserta', [headers, ['Rapat', 'Ani', '', '', 'P']], maxRows);
  return workbench;
}

const HEADER: Value[] = [
  'Timestamp',
  'Nama Lengkap',
  'L/P',
  'NIK',
  'Umur',
  'Asal Kabupaten/Kota',
  'Instansi/OPD',
  'NIP',
];
/** `count` form answers, typed the way people type; every 17th row blank, every 5th without NIK. */
function formRows(count: number): Value[][] {
  const sexes = ['P', 'laki2', 'PEREMPUAN', 'Pr', 'x', ''];
  const rows: Value[][] = [HEADER];
  for (let i = 0; i < count; i++)
    rows.push(
      i % 17 === 16
        ? ['', '', '', '', '', '', '', '']
        : [
            new Date(Date.UTC(2026, 10, 20, 2, i % 60)),
            `Orang ${i}`,
            sexes[i % sexes.length],
            i % 5 === 0 ? '' : `1971014${String(i).padStart(9, '0')}`,
            i % 3 === 0 ? `${20 + (i % 40)} tahun` : 20 + (i % 40),
            ['Bateng', 'pangkalpinang', 'Bangka Barat', ''][i % 4],
            `OPD ${i % 20}`,
            i % 9 === 0 ? '198005052006042001' : '',
          ],
    );
  return rows;
}
const MAPPING = { name: 1, sex: 2, nik: 3, age: 4, regency: 5, institution: 6, nip: 7 };

const SUMBER = 13;
/** A fingerprint, whatever its version (core/terpilah/import-fingerprint.ts): their number is digested. */
const isPrint = (value: unknown) => typeof value === 'string' && /^imp2?:/.test(value);

/**
 * Every cell of `Peserta` as value and number format, its dropdowns and its grid size; the
 * fingerprints in Sumber as how many distinct ones (recorded with version 1, now version 2).
 */
function digest(sheet: SheetState): unknown {
  const width = Math.max(0, ...sheet.rows.map((row) => row?.length ?? 0));
  const prints = new Set<unknown>();
  const rows = sheet.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row?.[c];
      const value = cell?.value ?? '';
      if (c === SUMBER && isPrint(value)) prints.add(value);
      return [
        typeof value === 'object' && value !== null
          ? `date:${String(value)}`
          : c === SUMBER && isPrint(value)
            ? 'print'
            : value,
        cell?.format?.numberFormat ?? '',
      ];
    }),
  );
  // Trailing rows with neither value nor format are no content.
  while (rows.length && rows[rows.length - 1].every(([v, f]) => v === '' && f === '')) rows.pop();
  return {
    rows,
    prints: prints.size,
    validations: sheet.validations.map((v) => [v.range, v.rule]),
    maxRows: sheet.maxRows,
  };
}
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The cases recorded: what each import leaves in `Peserta`. */
function cases(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A small messy form into a new Peserta, then new answers into the same register.
  {
    const workbench = newWorkbench();
    const form = seedSheet(workbench, 'Form', formRows(20));
    runOk(workbench, 'importParticipants', [{ sourceSheet: 'Form', mapping: MAPPING, activity: 'Bimtek' }]);
    form.rows.push(
      ...formRows(25)
        .slice(21)
        .map((row) => row.map((value) => ({ value }))),
    );
    runOk(workbench, 'importParticipants', [{ sourceSheet: 'Form', mapping: MAPPING }]);
    const small = digest(sheetOf(workbench, 'Peserta')) as { rows: unknown[] };
    out.small = hash(small);
    out.smallRows = small.rows.slice(0, 30); // readable, to see a difference
  }
  // More rows than the register's grid holds: the grid grows.
  {
    const workbench = newWorkbench();
    seedSheet(workbench, 'Form', formRows(1500), 1501);
    runOk(workbench, 'importParticipants', [{ sourceSheet: 'Form', mapping: MAPPING, activity: 'Rapat' }]);
    out.grown = hash(digest(sheetOf(workbench, 'Peserta')));
  }
  // Large imports (written per column block): onto a register of 3,000 rows, and into a hand-made
  // Peserta whose 6,000-row grid has no formats at all.
  {
    const workbench = newWorkbench();
    seedSheet(workbench, 'Lama', formRows(3000));
    runOk(workbench, 'importParticipants', [{ sourceSheet: 'Lama', mapping: MAPPING, activity: 'Lama' }]);
    seedSheet(workbench, 'Form', formRows(8000));
    runOk(workbench, 'importParticipants', [{ sourceSheet: 'Form', mapping: MAPPING }]);
    out.large = hash(digest(sheetOf(workbench, 'Peserta')));
  }
  {
    const workbench = handMadePeserta(6000);
    seedSheet(workbench, 'Form', formRows(7000));
    runOk(workbench, 'importParticipants', [{ sourceSheet: 'Form', mapping: MAPPING, activity: 'Rapat' }]);
    out.largeHandMade = hash(digest(sheetOf(workbench, 'Peserta')));
  }
  // A Peserta staff made by hand (no marker, no formats): its rows get the register's formats.
  {
    const workbench = handMadePeserta(40);
    seedSheet(workbench, 'Form', formRows(60));
    runOk(workbench, 'importParticipants', [{ sourceSheet: 'Form', mapping: MAPPING, activity: 'Rapat' }]);
    out.handMade = hash(digest(sheetOf(workbench, 'Peserta')));
  }
  return out;
}

describe('import writes what it wrote before', () => {
  test('Peserta cell for cell and format for format: small, grown grid, hand-made register', () => {
    const now = cases();
    if (process.env.RECORD_IMPORT_FIXTURE) writeFileSync(FIXTURE, JSON.stringify(now, null, 2) + '\n');
    expect(now).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  }, 60_000);
});

/** The preview core makes from every cell of the source: what the preview showed before. */
function fullPreview(workbench: Workbench, name: string): ImportPreview {
  const values = sheetOf(workbench, name).rows.map((row) => HEADER.map((_, c) => row?.[c]?.value ?? ''));
  return importPreview(findHeaderRow(name, values) as ImportSource, workbench.state.timeZone);
}

describe('the preview reads the first rows only', () => {
  test('the same preview at 10 and 10,000 rows, with the same calls and a handful of cells', () => {
    const runs = [10, 10_000].map((count) => {
      const workbench = newWorkbench();
      seedSheet(
        workbench,
        'Form',
        formRows(count + Math.floor(count / 16)).filter((row, i) => i === 0 || row[1] !== ''),
      );
      const { value: result, cells } = meterCells(() => runOk(workbench, 'previewImport', ['Form']));
      const preview = result.value as ImportPreview;
      // The time a long import may take is the server's, from the size (terpilah-import-size.test.ts).
      const { duration, ...shown } = preview;
      expect(shown).toEqual(fullPreview(workbench, 'Form'));
      expect(duration === undefined).toBe(count === 10);
      expect(preview.samples).toHaveLength(3);
      return { result, cells, preview };
    });
    console.log(
      `previewImport: 10 rows ${JSON.stringify(runs[0].cells)}, 10,000 rows ${JSON.stringify(runs[1].cells)}`,
    );
    expect(runs[1].result.callsByMethod).toEqual(runs[0].result.callsByMethod);
    expect(runs[1].result.callsByMethod['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(runs[1].cells.read).toBeLessThanOrEqual(40 * HEADER.length);
    expect(runs[1].cells.written).toBe(0);
  });

  test('a title above the header and blank rows below it: read on until three rows can be shown', () => {
    const workbench = newWorkbench();
    const rows = formRows(500);
    const blank = rows[17]; // a blank answer row
    seedSheet(workbench, 'Form', [
      ['DAFTAR HADIR'],
      [],
      rows[0],
      ...Array.from({ length: 60 }, () => blank),
      ...rows.slice(1),
    ]);
    const preview = runOk(workbench, 'previewImport', ['Form']).value as ImportPreview;
    const full = fullPreview(workbench, 'Form');
    expect(preview.headerRow).toBe(3);
    expect({ ...preview, rowCount: 0 }).toEqual({ ...full, rowCount: 0 });
    // Blank rows past those read are counted up to the last filled row (the import counts exactly).
    expect(preview.rowCount).toBeGreaterThanOrEqual(full.rowCount);
    expect(preview.rowCount).toBeLessThanOrEqual(full.rowCount + Math.ceil(500 / 17));
  });

  test('an empty sheet and a sheet without a header say what they found, as before', () => {
    const workbench = newWorkbench();
    seedSheet(workbench, 'Kosong', []);
    seedSheet(workbench, 'Survei', [
      ['Timestamp', 'Pertanyaan 1', 'Skor'],
      ['2026-11-20', 'Ya', 4],
    ]);
    expect(String(workbench.run('previewImport', ['Kosong']).error)).toContain(
      'Judul kolom tidak dikenali di sheet Kosong',
    );
    expect(String(workbench.run('previewImport', ['Survei']).error)).toContain(
      'Ditemukan: Timestamp, Pertanyaan 1, Skor.',
    );
  });
});

describe('the import writes per column block', () => {
  test('calls do not grow with the rows; formats are not written per cell; the source is read once', () => {
    const runs = [8000, 12_000].map((count) => {
      const workbench = newWorkbench();
      seedSheet(workbench, 'Form', formRows(count), count + 2);
      const { value: result, cells } = meterCells(() =>
        runOk(workbench, 'importParticipants', [
          { sourceSheet: 'Form', mapping: MAPPING, activity: 'Rapat' },
        ]),
      );
      expect((result.value as ImportResult).imported).toBe(count - Math.floor(count / 17));
      return { result, cells, count };
    });
    console.log(
      `importParticipants: ${runs.map((r) => `${r.count} rows ${r.result.calls} calls ${JSON.stringify({ read: r.cells.read, written: r.cells.written })}`).join(', ')}`,
    );
    const [small, large] = runs;
    expect(large.result.callsByMethod).toEqual(small.result.callsByMethod);
    // "@" at set-up and on the grown rows: the rows the grid had were formatted at set-up, in this
    // same execution, and the grown ones just now (Umur is General in new rows): nothing again.
    expect(large.result.callsByMethod['RangeList.setNumberFormat']).toBe(2);
    expect(large.result.callsByMethod['Range.setNumberFormats']).toBeUndefined();
    expect(large.result.callsByMethod['Sheet.getDataRange']).toBe(1);
    // The source's header rows and mapped columns come in one getRangeList, the value blocks'
    // ranges in another (besides the 2 format lists): not a getRange each.
    expect(large.result.callsByMethod['Sheet.getRangeList']).toBe(4);
    expect(large.result.callsByMethod['RangeList.getRanges']).toBe(2);
    // Written: the text format once on the grown rows and the 9 columns that hold something (NIP,
    // date of birth, role, position, disability, attendance stay empty here).
    const rows = large.count - Math.floor(large.count / 17);
    expect(large.cells.written).toBeLessThanOrEqual(rows * (13 + 9) + 1000 * 14);
  }, 60_000);
});
