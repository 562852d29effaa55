/**
 * The data terpilah report reads `Peserta`'s header, then only the columns the header maps — the
 * 13 fields of the add-in's register, never `Sumber` (the import's fingerprint, no field) — one
 * read per contiguous block, and finds exactly what reading every cell finds: the same
 * participants and the same findings, in the add-in's register and in one staff made by hand
 * (columns in another order, notes between them).
 */
import fc from 'fast-check';
import type { TerpilahReportResult } from '../../src/server/api';
import { PESERTA_HEADERS } from '../../src/core/terpilah/peserta';
import { toIsoInZone } from '../../src/core/time';
import { readPeserta, readPesertaColumns } from '../../src/server/terpilah/read';
import { newSheetState, type Cell } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { inExecution, newWorkbench, runOk } from '../support/workbench';
import { pesertaWithRows } from './terpilah-helpers';

type Value = Cell['value'];
const PESERTA = 'Peserta';
const NIK_WOMAN = '1904014505800001';
const NIK_MAN = '1971011203750002';
const NIP_WOMAN = '198005052006042001';

const pool = {
  activity: ['Rapat PUG', ' Rapat  PUG ', 'Bimtek', ''],
  name: ['Ana', 'Budi', '', 'ana '],
  nik: [NIK_WOMAN, NIK_MAN, '', '123', 1971011203750002],
  nip: ['', NIP_WOMAN, 'bad'],
  sex: ['L', 'P', 'laki2', '', 'x'],
  birth: ['', '1980-05-05', '31/02/1990', new Date(Date.UTC(1975, 2, 12))],
  age: ['', 34, '40 tahun', 'tua', -3],
  role: ['Peserta', 'Narasumber', 'panitia', '', 'tamu'],
  institution: ['Dinkes', 'DINKES', 'Bappeda', ''],
  position: ['', 'Kepala Seksi', 'Staf'],
  regency: ['Bateng', 'pangkalpinang', 'Mars', ''],
  disability: ['Ya', 'Tidak', '', 'mungkin'],
  attendance: ['Hadir', 'Tidak hadir', '', 'izin'],
  source: ['', 'imp:abc123', 'catatan'],
} satisfies Record<string, Value[]>;
const POOLS = Object.values(pool);

/** A register row in PESERTA_HEADERS order (Sumber last), from one index per column. */
const rowOf = (picks: number[]): Value[] => POOLS.map((values, c) => values[picks[c] % values.length]);
const rowArb = fc
  .array(fc.nat(), { minLength: POOLS.length, maxLength: POOLS.length })
  .map((picks) => rowOf(picks));

/** Row i of a deterministic messy register; every 9th row holds only a Jabatan or only a Sumber. */
function messyRow(i: number): Value[] {
  if (i % 9 === 4) return PESERTA_HEADERS.map((h) => (h === 'Jabatan' ? 'Staf' : ''));
  if (i % 9 === 7) return PESERTA_HEADERS.map((h) => (h === 'Sumber' ? `imp:${i}` : ''));
  return rowOf(POOLS.map((_, c) => i * (c + 3) + (i >> c)));
}

/** A sheet named `Peserta` staff made by hand: these headers, these rows, no marker. */
function handMade(headers: Value[], rows: Value[][]): Workbench {
  const workbench = newWorkbench();
  const sheet = newSheetState(workbench.state.nextId++, PESERTA);
  sheet.rows = [headers, ...rows].map((row) => row.map((value) => ({ value })));
  sheet.maxRows = Math.max(1000, rows.length + 1);
  sheet.maxColumns = Math.max(sheet.maxColumns, headers.length);
  workbench.state.sheets.push(sheet);
  return workbench;
}

/** What the report's read finds and what a read of every cell finds, in one execution. */
function bothReads(workbench: Workbench) {
  return inExecution(workbench, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const referenceDate = toIsoInZone(Date.now(), timeZone).slice(0, 10);
    const activityDates = { 'Rapat PUG': '2026-03-01', Bimtek: '11/11/2025' };
    const sheet = spreadsheet.getSheetByName(PESERTA);
    if (!sheet) throw new Error('no Peserta');
    const size = { rows: sheet.getLastRow(), columns: sheet.getLastColumn() };
    return {
      columns: readPesertaColumns(sheet, size, 'id', { referenceDate, timeZone, activityDates }).data,
      full: readPeserta(spreadsheet, 'id', referenceDate, activityDates, timeZone),
    };
  }).value;
}

describe('the report reads only the mapped columns', () => {
  test('the header, then 13 columns × the rows: Sumber is never read', () => {
    const runs = [50, 2000].map((count) => {
      const workbench = pesertaWithRows(Array.from({ length: count }, (_, i) => messyRow(i)));
      const { value: result, cells } = meterCells(() => runOk(workbench, 'menuTerpilahReport'));
      return { result, cells, count };
    });
    for (const { cells, count } of runs) {
      expect(cells.reads).toEqual([`1×${PESERTA_HEADERS.length}`, `${count}×13`]);
      expect(cells.read).toBe(PESERTA_HEADERS.length + 13 * count);
    }
    expect(runs[1].result.callsByMethod).toEqual(runs[0].result.callsByMethod);
    expect(runs[1].result.callsByMethod['Sheet.getSheetValues']).toBe(2);
  });

  test('the same participants and findings as reading every cell (messy rows, Jabatan-only rows)', () => {
    const workbench = pesertaWithRows(Array.from({ length: 400 }, (_, i) => messyRow(i)));
    const { columns, full } = bothReads(workbench);
    expect(full?.participants.length).toBeGreaterThan(300);
    expect(full?.quality.length).toBeGreaterThan(100);
    expect(columns).toEqual(full);
  });

  test('the same as reading every cell, in the add-in’s register (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        const { columns, full } = bothReads(pesertaWithRows(rows));
        expect(columns).toEqual(full);
      }),
      { numRuns: 25 },
    );
  });

  test('a hand-made Peserta: columns in another order, notes between them (property)', () => {
    const layouts: (number | string)[][] = [
      [4, 'Catatan', 1, 0, 'Sumber data', 'Keterangan', 2, 12, 11],
      ['No', 1, 4, 6, 5, 3, 2, 'Tanda tangan'],
      [0, 1, 4, 'x1', 'x2', 'x3', 'x4', 8, 10, 7, 9, 13],
    ];
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 25 }), fc.constantFrom(...layouts), (rows, layout) => {
        const headers = layout.map((c) => (typeof c === 'number' ? PESERTA_HEADERS[c] : c));
        const table = rows.map((row, r) => layout.map((c) => (typeof c === 'number' ? row[c] : `${c} ${r}`)));
        const { columns, full } = bothReads(handMade(headers, table));
        expect(columns).toEqual(full);
      }),
      { numRuns: 30 },
    );
  });

  test('the report over a hand-made register reads its mapped blocks only', () => {
    // Nama, Jenis kelamin | 2 notes | Kegiatan: two blocks (a 2-column gap of 500 rows costs more than a call).
    const headers = ['Nama', 'Jenis kelamin', 'Catatan', 'Catatan 2', 'Kegiatan'];
    const rows = Array.from({ length: 500 }, (_, i) => [`Orang ${i}`, i % 2 ? 'L' : 'P', 'x', 'y', 'Rapat']);
    const workbench = handMade(headers, rows);
    const { value: result, cells } = meterCells(() => runOk(workbench, 'generateTerpilahReport', [{}]));
    expect((result.value as TerpilahReportResult).participants).toBe(500);
    expect(cells.reads).toEqual(['1×5', '500×2', '500×1']);
  });
});
