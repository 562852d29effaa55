import type { ActivityView } from '../../src/server/api';
import { inExecution, runOk, uiOf } from '../support/workbench';
import {
  column,
  create,
  logError,
  logOk,
  progressWorkbench,
  sheetValues,
  snapshot,
} from './progress-helpers';

const CAL = 'Kalender Kerja';

/** The row (1-based) whose first cell is `first`. */
const rowOf = (values: unknown[][], first: string) => values.findIndex((row) => row[0] === first) + 1;

/** Sets cells of `Kalender Kerja` the way a person typing would (text, row/column 1-based). */
function edit(
  workbench: ReturnType<typeof progressWorkbench>,
  row: number,
  col: number,
  values: string[],
): void {
  inExecution(workbench, () => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CAL)!;
    sheet.getRange(row, col, 1, values.length).setValues([values]);
  });
}

describe('menu "Kalender Kerja"', () => {
  test('creates the sheet: Perpres 21/2023 hours, the seeded days marked "periksa", marked as the add-in\'s', () => {
    const workbench = progressWorkbench();
    const result = runOk(workbench, 'menuWorkingCalendar');
    const values = sheetValues(workbench, CAL)!;
    expect(values[rowOf(values, 'Senin') - 1].slice(0, 6)).toEqual([
      'Senin',
      'Ya',
      '07:30',
      '16:00',
      '12:00',
      '13:00',
    ]);
    expect(values[rowOf(values, 'Jumat') - 1].slice(0, 6)).toEqual([
      'Jumat',
      'Ya',
      '07:30',
      '16:30',
      '11:30',
      '13:00',
    ]);
    expect(values[rowOf(values, 'Minggu') - 1].slice(0, 2)).toEqual(['Minggu', 'Tidak']);
    const natal = values[rowOf(values, '2026-12-25') - 1];
    expect(natal.slice(0, 4)).toEqual(['2026-12-25', 'Kelahiran Yesus Kristus', 'Libur nasional', 'periksa']);
    expect(values[rowOf(values, '2026-12-24') - 1][2]).toBe('Cuti bersama');
    expect(uiOf(result, 'toast')[0].message).toContain('"periksa"');
    const marked = inExecution(workbench, () =>
      SpreadsheetApp.getActiveSpreadsheet()
        .getSheetByName(CAL)!
        .getDeveloperMetadata()
        .map((m) => m.getKey()),
    ).value;
    expect(marked).toEqual(['sopTerpilah.calendar']);
    expect(result.callsByMethod['Spreadsheet.insertSheet']).toBe(1);
  });

  test('run again: the office week and the dates it added or confirmed stay, seeded dates it lacks come back', () => {
    const workbench = progressWorkbench();
    runOk(workbench, 'menuWorkingCalendar');
    let values = sheetValues(workbench, CAL)!;
    edit(workbench, rowOf(values, 'Sabtu'), 2, ['Ya', '08:00', '12:00']);
    edit(workbench, rowOf(values, '2026-01-01'), 4, ['tetap']);
    edit(workbench, rowOf(values, '2026-01-16'), 1, ['', '', '', '', '']); // deleted by the office
    const free = values.length + 1; // the data range ends at the last day listed
    edit(workbench, free, 1, ['2026-07-01', 'Hari jadi kantor', 'Libur kantor', '', '']);
    const again = runOk(workbench, 'menuWorkingCalendar');
    values = sheetValues(workbench, CAL)!;
    expect(values[rowOf(values, 'Sabtu') - 1].slice(0, 4)).toEqual(['Sabtu', 'Ya', '08:00', '12:00']);
    expect(values[rowOf(values, '2026-01-01') - 1][3]).toBe('tetap');
    expect(values[rowOf(values, '2026-07-01') - 1].slice(0, 5)).toEqual([
      '2026-07-01',
      'Hari jadi kantor',
      'Libur kantor',
      'tetap',
      'Kantor',
    ]);
    expect(rowOf(values, '2026-01-16')).toBeGreaterThan(0);
    expect(uiOf(again, 'toast')[0].message).toBe(
      'Sheet "Kalender Kerja" diperbarui: 1 tanggal baru ditambahkan; 42 tanggal yang sudah ada (termasuk tambahan kantor) tidak diubah.',
    );
    expect(workbench.state.sheets.filter((s) => s.name.startsWith(CAL))).toHaveLength(1);
  });

  test("a user's own sheet of that name is left untouched", () => {
    const workbench = progressWorkbench();
    inExecution(workbench, () =>
      SpreadsheetApp.getActiveSpreadsheet().insertSheet(CAL).getRange(1, 1).setValue('Catatan pribadi'),
    );
    const result = runOk(workbench, 'menuWorkingCalendar');
    expect(uiOf(result, 'alert')[0].prompt).toContain('bukan kalender kerja add-on');
    expect(sheetValues(workbench, CAL)).toEqual([['Catatan pribadi']]);
  });
});

describe('steps count working minutes of the Kalender Kerja', () => {
  test('a step across a weekend and a holiday the office added: working minutes, clock minutes beside', () => {
    const workbench = progressWorkbench();
    runOk(workbench, 'menuWorkingCalendar');
    const values = sheetValues(workbench, CAL)!;
    const free = values.length + 1; // the data range ends at the last day listed
    edit(workbench, free, 1, ['2026-11-30', 'Rapat kerja daerah', 'Libur kantor', 'tetap', '']);
    create(workbench);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-27 15:00' }); // Friday
    const view = logOk(workbench, { step: 1, action: 'finish', at: '2026-12-01 09:00' }); // Tuesday
    // Fri 15:00–16:30 (90) + Tue 07:30–09:00 (90); Monday 30 November is the office's day off.
    expect(view.steps[0]).toMatchObject({
      actualMinutes: 180,
      clockMinutes: 5400,
      variance: 120,
      overdue: true,
    });
    const langkah = sheetValues(workbench, 'Langkah')!;
    expect(column(langkah, 'Menit aktual')[1]).toBe(180);
    expect(column(langkah, 'Menit berlalu')[1]).toBe(5400);
    expect(column(langkah, 'Selisih (menit)')[1]).toBe(120);
    const read = runOk(workbench, 'getActivity', ['KGT-0001']);
    expect((read.value as ActivityView).steps[0].actualMinutes).toBe(180);
  });

  test('an unreadable calendar entry refuses the log with its row and column; nothing is written', () => {
    const workbench = progressWorkbench();
    runOk(workbench, 'menuWorkingCalendar');
    create(workbench);
    const values = sheetValues(workbench, CAL)!;
    edit(workbench, rowOf(values, 'Senin'), 4, ['16.6']);
    const before = snapshot(workbench);
    expect(logError(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' })).toBe(
      'Error: Sheet "Kalender Kerja" punya 1 isian yang tidak terbaca, jadi menit kerja tidak bisa dihitung. Perbaiki dulu:\n' +
        '• Kalender Kerja baris 5, kolom "Jam pulang": "16.6" bukan jam. Tulis mis. 07:30.',
    );
    expect(snapshot(workbench)).toEqual(before);
  });

  test('logStep reads the calendar in 3 calls, the same with a long list of days off', () => {
    const small = progressWorkbench();
    runOk(small, 'menuWorkingCalendar');
    create(small);
    const large = progressWorkbench();
    runOk(large, 'menuWorkingCalendar');
    const values = sheetValues(large, CAL)!;
    const free = values.length + 1; // the data range ends at the last day listed
    inExecution(large, () => {
      const rows = Array.from({ length: 300 }, (_, i) => [
        new Date(Date.UTC(2028, 0, 1) + i * 86400000).toISOString().slice(0, 10),
        'Libur',
        'Libur kantor',
        'tetap',
        'Kantor',
      ]);
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CAL)!.getRange(free, 1, 300, 5).setValues(rows);
    });
    create(large);
    const a = runOk(small, 'logStep', [
      { activityId: 'KGT-0001', step: 1, action: 'start', at: '2026-11-24 08:00' },
    ]);
    const b = runOk(large, 'logStep', [
      { activityId: 'KGT-0001', step: 1, action: 'start', at: '2026-11-24 08:00' },
    ]);
    expect(a.callsByMethod).toEqual(b.callsByMethod);
    expect(a.callsByMethod['Spreadsheet.getSheetByName']).toBe(2); // Kalender Kerja, Riwayat
    expect(a.callsByMethod['Sheet.getDataRange']).toBe(1);
    expect(a.calls).toBe(20); // with Riwayat's Replay header (log-step.test.ts)
  });
});
