/**
 * A spreadsheet at Sheets' 10 million cells ("This action would increase the number of cells in the
 * workbook above the limit of 10000000 cells", src/workbench/services/limits.ts): an import writes
 * no participant and leaves no register behind; every other action says what the limit is and
 * what to do, not Sheets' exception.
 */
import { FORM_MAPPING, FORM_SHEET, addFormSheet } from '../../bench/seed/participants';
import { newSheetState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { newWorkbench, runOk, uiOf } from '../support/workbench';
import { sheetNames } from './template-helpers';

const request = { sourceSheet: FORM_SHEET, mapping: FORM_MAPPING, activity: 'Bimtek PPRG' };

/** A workbook (a form of `rows` answers, when given) whose other sheets leave `room` cells free. */
function nearlyFull(room: number, rows = 0, language?: 'en'): Workbench {
  const workbench = newWorkbench();
  if (language) runOk(workbench, 'setLanguage', [language]);
  if (rows > 0) addFormSheet(workbench.state, rows);
  const used = workbench.state.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  const filler = newSheetState(workbench.state.nextId++, 'Arsip');
  filler.maxColumns = 10;
  filler.maxRows = Math.floor((10_000_000 - used - room) / 10);
  workbench.state.sheets.push(filler);
  return workbench;
}

describe('a workbook without room for the rows (10 million cells)', () => {
  test('refused with what to do, no participant written and no register or index left behind', () => {
    // Room for a new Peserta (a sheet of 1,000 rows × 26) and its index, not for 5,000 rows more;
    // then not even for the new sheet.
    for (const room of [60_000, 5_000]) {
      const workbench = nearlyFull(room, 5000);
      const before = sheetNames(workbench);
      const result = workbench.run('importParticipants', [request]);
      expect(result.ok).toBe(false);
      const error = String(result.error);
      expect(error).toContain('Spreadsheet ini tidak punya ruang untuk 5.000 baris peserta lagi');
      expect(error).toContain('10 juta sel');
      expect(error).toContain('Tidak ada peserta yang ditulis.');
      expect(error).not.toContain('Exception');
      expect(sheetNames(workbench)).toEqual(before);
    }
  }, 60_000);

  test('into an existing register: refused, its rows untouched; in English too', () => {
    const workbench = nearlyFull(60_000, 5000, 'en');
    runOk(workbench, 'addParticipant', [{ name: 'Ani', sex: 'P' }]);
    const peserta = () => workbench.state.sheets.find((s) => s.name === 'Peserta')!;
    const rows = JSON.stringify(peserta().rows);
    const maxRows = peserta().maxRows;
    const error = String(workbench.run('importParticipants', [request]).error);
    expect(error).toContain('This spreadsheet has no room for');
    expect(error).toContain('No participant was written.');
    expect(JSON.stringify(peserta().rows)).toBe(rows);
    expect(peserta().maxRows).toBe(maxRows);
  }, 60_000);
});

describe('any other action in a full workbook', () => {
  test('the sidebar and the menus say what the limit is and what to do, not Sheets’ exception', () => {
    const workbench = nearlyFull(100);
    const add = workbench.run('addParticipant', [{ name: 'Ani', sex: 'P' }]);
    expect(add.ok).toBe(false);
    expect(String(add.error)).toContain(
      'Error: Spreadsheet ini sudah mencapai batas Google Sheets: 10 juta sel',
    );
    expect(String(add.error)).not.toContain('Exception');
    for (const menu of ['menuWorkingCalendar', 'menuMonitoringReport']) {
      const [alert] = uiOf(runOk(workbench, menu), 'alert');
      expect(alert.prompt).toContain('Spreadsheet ini sudah mencapai batas Google Sheets: 10 juta sel');
      expect(alert.prompt).toContain('Hapus sheet');
    }
  });
});
