/**
 * What an import costs per row, pinned (issue 12): the cells it reads and writes for each row of a
 * Google Form's responses, the benchmark's form (bench/seed/participants.ts: 8 columns, 6 mapped).
 *
 * Read: the header rows (10 × the source's width), then the mapped columns only — each row's
 * "Sumber" fingerprint (version 2, core/terpilah/import-fingerprint.ts) hashes the mapped cells,
 * not the Timestamp; on a re-import also Peserta's Sumber column (the columns earlier prints name
 * are the mapped ones here: nothing more).
 *
 * Written, per row past the register's first 1,000 (the grid grows): the "@" text format on the
 * 13 text columns and the 4 dropdowns (Jenis kelamin, Peran, Disabilitas, Kehadiran) on the rows
 * the grid grew by — Apps Script's insertRowsAfter is not documented to give new rows the formats
 * of the row above, so they are set, not assumed — and the columns that hold something (8 here:
 * Kegiatan, Nama, NIK, Jenis kelamin, Umur, Instansi, Kabupaten, Sumber). Umur's "General" is not
 * written into a register set up in this execution: no row of it has another format, whichever
 * way the grown rows come (test/server/terpilah-import-budget.test.ts: cell for cell as before).
 */
import { addFormSheet, FORM_MAPPING, FORM_SHEET } from '../../bench/seed/participants';
import type { ImportResult } from '../../src/server/api';
import { PESERTA_HEADERS } from '../../src/core/terpilah/peserta';
import { meterCells } from '../support/cell-meter';
import { newWorkbench, runOk } from '../support/workbench';

const SOURCE_COLUMNS = 8;
const MAPPED_COLUMNS = 6;
const HEADER_ROWS = 10;
const TEXT_COLUMNS = PESERTA_HEADERS.length - 1; // all but Umur
const DROPDOWNS = 4;
const FILLED_COLUMNS = 8;

function importForm(rows: number) {
  const workbench = newWorkbench();
  addFormSheet(workbench.state, rows);
  const request = { sourceSheet: FORM_SHEET, mapping: FORM_MAPPING, activity: 'Bimtek PPRG' };
  const first = meterCells(() => runOk(workbench, 'importParticipants', [request]));
  expect((first.value.value as ImportResult).imported).toBe(rows);
  const again = meterCells(() => runOk(workbench, 'importParticipants', [request]));
  expect((again.value.value as ImportResult).skipped).toBe(rows);
  // The shapes read (the meter), and the cells the latency model charges (every setter's range).
  const figures = ({ value, cells }: typeof first) => ({
    reads: cells.reads,
    read: value.cellsRead ?? NaN,
    written: value.cellsWritten ?? NaN,
  });
  return { first: figures(first), again: figures(again) };
}

describe('cells per imported row', () => {
  test('read: the header rows and the 6 mapped columns, then Peserta’s Sumber column on a re-import', () => {
    for (const rows of [3000, 5000]) {
      const { first, again } = importForm(rows);
      // Into a new Peserta: the source alone (no fingerprints to read yet).
      const source = [`${HEADER_ROWS}×${SOURCE_COLUMNS}`, `${rows + 1}×${MAPPED_COLUMNS}`];
      // The counts index it starts is known without reading it back.
      expect(first.reads).toEqual(source);
      expect(first.read).toBe(HEADER_ROWS * SOURCE_COLUMNS + (rows + 1) * MAPPED_COLUMNS);
      // Again: the source, and the fingerprints of the rows imported the first time.
      expect(again.reads).toEqual([...source, `${rows}×1`]);
      expect(again.written).toBe(0);
    }
  }, 60_000);

  test('written: 13 "@" + 4 dropdowns on the grown rows, the 8 filled columns', () => {
    // Both large enough to be written per column block (a few thousand rows are written per cell).
    const [small, large] = [6000, 9000].map((rows) => importForm(rows).first);
    const perRow = (large.written - small.written) / 3000;
    // Besides, the counts index's code cells: two per ~8,300 rows (6 letters a row, 50,000 a cell).
    expect(perRow).toBeCloseTo(TEXT_COLUMNS + DROPDOWNS + FILLED_COLUMNS, 2);
    expect(perRow).toBeCloseTo(25, 2);
  }, 60_000);
});
