/**
 * The import within Apps Script's 6 minutes (issue 12): a source too large for one execution is
 * refused before anything is read or written, saying how many rows one import takes; the guard's
 * estimate is an upper bound of what the workbench's latency model charges an import.
 */
import { FORM_MAPPING, FORM_SHEET, addFormSheet } from '../../bench/seed/participants';
import type { ImportPreview, ImportResult } from '../../src/server/api';
import { estimatedImportSeconds } from '../../src/core/terpilah/size-guard';
import { PESERTA_ROW_CELLS } from '../../src/server/terpilah/peserta-sheet';
import type { Cell } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { newWorkbench, runOk } from '../support/workbench';
import { sheetNames } from './template-helpers';

const MAPPED_COLUMNS = 6;
const request = { sourceSheet: FORM_SHEET, mapping: FORM_MAPPING, activity: 'Bimtek PPRG' };

/** A form of `rows` answers, every one the same (cheap to hold: one row shared). */
function bigForm(rows: number): Workbench {
  const workbench = newWorkbench();
  addFormSheet(workbench.state, 1);
  const sheet = workbench.state.sheets.find((s) => s.name === FORM_SHEET)!;
  const answer = sheet.rows[1] as Cell[];
  sheet.rows = [sheet.rows[0], ...Array.from({ length: rows }, () => answer)];
  sheet.maxRows = rows + 1;
  return workbench;
}

describe('the import size guard', () => {
  test('a source too large for 6 minutes: refused before anything is read or written, saying what to do', () => {
    const workbench = bigForm(400_000);
    const before = sheetNames(workbench);
    const result = workbench.run('importParticipants', [request]);
    expect(result.ok).toBe(false);
    const error = String(result.error);
    expect(error).toContain(`Sheet “${FORM_SHEET}” terlalu besar untuk satu kali impor di Google Sheets`);
    expect(error).toContain('400.001 baris');
    expect(error).toContain('Tidak ada yang ditulis.');
    expect(error).toMatch(/paling banyak \d{3}\.\d{3} baris/);
    expect(error).not.toMatch(/\n\s+at |\/work\//);
    expect(sheetNames(workbench)).toEqual(before);
    // Only the source's extent was looked at: no cell read, nothing set, no lock taken.
    expect(
      Object.keys(result.callsByMethod).filter((k) =>
        /\.(set|insert|getValues|getSheetValues|tryLock|waitLock)/.test(k),
      ),
    ).toEqual([]);
    expect(result.cellsRead ?? 0).toBe(0);
  }, 60_000);

  test('the preview says so before the person maps the columns; a source that fits gets no warning', () => {
    const preview = runOk(bigForm(400_000), 'previewImport', [FORM_SHEET]).value as ImportPreview;
    expect(preview.rowCount).toBe(400_000);
    expect(preview.tooLarge).toContain(`Sheet “${FORM_SHEET}” terlalu besar untuk satu kali impor`);
    expect(preview.tooLarge).toMatch(/paling banyak \d{3}\.\d{3} baris/);
    const fits = newWorkbench();
    addFormSheet(fits.state, 2000);
    expect(runOk(fits, 'previewImport', [FORM_SHEET]).value).not.toHaveProperty('tooLarge');
    // A short import says nothing of its time; a long one how long it may take (the guard's bound).
    expect(runOk(fits, 'previewImport', [FORM_SHEET]).value).not.toHaveProperty('duration');
    const long = newWorkbench();
    addFormSheet(long.state, 20_000);
    const waited = runOk(long, 'previewImport', [FORM_SHEET]).value as ImportPreview;
    expect(waited).not.toHaveProperty('tooLarge');
    const bound = estimatedImportSeconds({
      rows: 20_001,
      columnsRead: 6,
      cellsWrittenPerRow: PESERTA_ROW_CELLS,
    });
    expect(waited.duration).toBe(
      `Perkiraan lama impor: hingga ${Math.ceil(bound / 5) * 5} detik; biarkan panel ini terbuka sampai selesai.`,
    );
    runOk(long, 'setLanguage', ['en']);
    expect((runOk(long, 'previewImport', [FORM_SHEET]).value as ImportPreview).duration).toMatch(
      /^Estimated import time: up to \d+ seconds; keep this panel open until it finishes\.$/,
    );
    // The largest that fits is said in minutes.
    expect((runOk(bigForm(300_000), 'previewImport', [FORM_SHEET]).value as ImportPreview).duration).toMatch(
      /^Perkiraan lama impor: hingga [45] menit;/,
    );
  }, 60_000);

  test('in English too; and a source of the size given as fitting is imported', () => {
    const workbench = bigForm(400_000);
    runOk(workbench, 'setLanguage', ['en']);
    const error = String(workbench.run('importParticipants', [request]).error);
    expect(error).toContain(`The sheet “${FORM_SHEET}” is too large for one import in Google Sheets`);
    expect(error).toContain('Nothing was written.');
    const fits = newWorkbench();
    addFormSheet(fits.state, 2000);
    expect((runOk(fits, 'importParticipants', [request]).value as ImportResult).imported).toBe(2000);
  }, 60_000);

  test('the guard’s estimate is at least what the latency model charges the import (typical)', () => {
    for (const rows of [3000, 9000]) {
      const workbench = newWorkbench();
      addFormSheet(workbench.state, rows);
      const result = runOk(workbench, 'importParticipants', [request]);
      const guard = estimatedImportSeconds({
        rows: rows + 1,
        columnsRead: MAPPED_COLUMNS,
        cellsWrittenPerRow: PESERTA_ROW_CELLS,
      });
      expect(result.estimatedSeconds!.typical).toBeLessThanOrEqual(guard);
    }
  }, 60_000);
});
