import { writeFileSync } from 'node:fs';
import {
  ASSESSMENT_HEADERS,
  CHECK,
  FORM_HEADERS,
  monitoringSheetLayout,
  NO_ACTIVITIES,
  STATS_HEADERS,
} from '../../src/core/progress/monitoring-sheet';
import { estimateRowHeight } from '../../src/core/plan/plan';
import { monitorFromLog } from '../../src/core/progress/monitoring';
import { RIWAYAT_HEADERS } from '../../src/core/progress/riwayat-rows';
import { type RowValue } from '../../src/core/progress/row-labels';
import { menuMonitoringReport } from '../../src/server/monitoring/report';
import * as applyPlanModule from '../../src/server/sheets/apply-plan';
import { exportXlsx } from '../../src/workbench/export/xlsx';
import type { SheetState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { Log, pugActivity, TZ } from '../core/progress/fixtures';
import { inExecution, newWorkbench, runOk, uiOf } from '../support/workbench';
import { GENERATED_KEY, sheetNames, sheetOf, valuesOf } from './template-helpers';

const REPORT = 'Laporan Monitoring SOP';
const RED = '#c00000';

/** Two Penguatan PUG activities: one complete (step 1 over its 60 minutes), one with a Perbaikan. */
function sampleLog(): Log {
  const log = new Log().create(pugActivity('KGT-0001', 'Sosialisasi PUG'));
  for (let step = 1; step <= 10; step++)
    log.run('KGT-0001', step, step === 1 ? 90 : 20, [2, 6, 10].includes(step) ? 'approve' : 'finish');
  log.create(pugActivity('KGT-0002', '=Bimtek PPRG'));
  log.run('KGT-0002', 1, 40).run('KGT-0002', 2, 15, 'revise', 'RKA belum lengkap').run('KGT-0002', 1, 30);
  return log;
}

/** A log of about `rows` rows: complete Penguatan PUG activities (21 rows each), then partial ones. */
function logOfSize(rows: number): Log {
  const log = new Log();
  for (let a = 1; log.rows.length < rows; a++) {
    const id = `KGT-${String(a).padStart(4, '0')}`;
    log.create(pugActivity(id, `Kegiatan ${a}`));
    for (let step = 1; step <= 10 && log.rows.length + 2 <= rows; step++)
      log.run(id, step, 10 + ((a * 7 + step * 13) % 90), [2, 6, 10].includes(step) ? 'approve' : 'finish');
  }
  return log;
}

/** Writes the Riwayat sheet (header + rows) as text, the way the step log keeps it. */
function seedRiwayat(workbench: Workbench, rows: RowValue[][]): void {
  inExecution(workbench, () => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Riwayat');
    const all = [[...RIWAYAT_HEADERS], ...rows];
    if (all.length > 1000) sheet.insertRowsAfter(1000, all.length - 1000);
    const range = sheet.getRange(1, 1, all.length, RIWAYAT_HEADERS.length);
    range.setNumberFormat('@');
    range.setValues(all);
    SpreadsheetApp.getActiveSpreadsheet().setActiveSheet(
      SpreadsheetApp.getActiveSpreadsheet().getSheets()[0],
    );
  });
}

const cell = (sheet: SheetState, row: number, column: number) => sheet.rows[row - 1]?.[column - 1];

/**
 * A copy with the row heights Sheets would fit to wrapped text by itself (the .xlsx reader used to
 * look at the report does not): for viewing only.
 */
function fittedRows(sheet: SheetState): SheetState {
  const copy = structuredClone(sheet);
  copy.rows.forEach((row, r) => {
    const heights = (row ?? []).map((c, i) =>
      c?.format?.wrap ? estimateRowHeight(String(c.value), copy.columnWidths[i] ?? 100) : 21,
    );
    if (Math.max(21, ...heights) > 21 && copy.rowHeights[r] === undefined)
      copy.rowHeights[r] = Math.max(...heights);
  });
  return copy;
}

describe('menuMonitoringReport', () => {
  test('writes the official form prefilled and the step statistics, marked, protected, active', async () => {
    const workbench = newWorkbench();
    const log = sampleLog();
    seedRiwayat(workbench, log.rows);
    const result = runOk(workbench, 'menuMonitoringReport');
    expect(uiOf(result, 'alert')).toEqual([]);
    expect(uiOf(result, 'toast')[0].message).toBe(
      'Laporan monitoring dibuat: Laporan Monitoring SOP (1 SOP, 2 kegiatan).',
    );
    const sheet = sheetOf(workbench, REPORT);
    expect(workbench.state.activeSheetId).toBe(sheet.sheetId);
    expect(sheet.developerMetadata.map((m) => m.key)).toEqual([GENERATED_KEY]);
    expect(sheet.protections).toEqual([expect.objectContaining({ type: 'SHEET', warningOnly: true })]);

    // The sheet holds what the layout planned; positions come from the layout.
    const { plan, blocks } = monitoringSheetLayout(monitorFromLog(log.rows, TZ), {
      sheetName: REPORT,
      generatedAt: '2026-11-24T08:00:00+07:00',
      timeZone: TZ,
    });
    const values = valuesOf(sheet);
    expect(values[0][0]).toBe('LAPORAN MONITORING PELAKSANAAN SOP');
    expect(values[1][0]).toMatch(
      /^Dibuat \d+ \w+ \d{4} pukul \d\d\.\d\d dari sheet Riwayat \(28 baris, 2 kegiatan\)/,
    );
    expect(values.slice(2)).toEqual(plan.values.slice(2).map((row) => row.map((v) => v)));
    const [block] = blocks;
    expect(values[block.titleRow - 1][0]).toBe('SOP: Penguatan PUG');
    expect(values[block.titleRow][0]).toBe('Jumlah kegiatan: 2 (selesai 1, berjalan 1, belum mulai 0)');

    const form = block.formHeaderRow;
    expect(values[form - 1].slice(0, 7)).toEqual([
      FORM_HEADERS[0],
      FORM_HEADERS[1],
      FORM_HEADERS[2],
      '',
      FORM_HEADERS[3],
      FORM_HEADERS[4],
      FORM_HEADERS[5],
    ]);
    expect(values[form].slice(2, 4)).toEqual([...ASSESSMENT_HEADERS]);
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { row: form - 1, column: 0, numRows: 2, numColumns: 1 },
        { row: form - 1, column: 1, numRows: 2, numColumns: 1 },
        { row: form - 1, column: 2, numRows: 1, numColumns: 2 },
        { row: form - 1, column: 4, numRows: 2, numColumns: 1 },
        { row: form - 1, column: 6, numRows: 2, numColumns: 1 },
      ]),
    );
    // Step 1: 90 (A) and 40 + 30 (B, redone after the Perbaikan at step 2) against 60 minutes.
    const step1 = values[form + 1];
    expect(step1.slice(0, 7)).toEqual([
      1,
      'Perintah/Arahan melaksanakan kegiatan/rapat internal',
      '',
      CHECK,
      '1 dari 3 pelaksanaan melebihi mutu baku 60 menit (median 40, maks 90). Dikerjakan ulang 1 kali karena Perbaikan.',
      'Tinjau waktu baku atau beban kerja pelaksana. Perjelas persyaratan/kelengkapan langkah.',
      '',
    ]);
    expect(cell(sheet, form + 2, 4)?.format?.fontColor).toBe(RED);
    // Step 2: a Perbaikan → "Tidak berjalan dengan baik"; step 3 fine → "Berjalan dengan baik".
    expect(values[form + 2].slice(2, 6)).toEqual([
      '',
      CHECK,
      '2 pelaksanaan, semua sesuai mutu baku 60 menit (median 17,5, maks 20). 1 kali Perbaikan.',
      'Perjelas persyaratan/kelengkapan langkah.',
    ]);
    expect(values[form + 3].slice(2, 6)).toEqual([
      CHECK,
      '',
      '1 pelaksanaan, sesuai mutu baku 75 menit (median 20, maks 20).',
      '',
    ]);

    const stats = block.statsHeaderRow;
    expect(values[stats - 1].slice(0, 9)).toEqual([...STATS_HEADERS]);
    expect(values[stats].slice(0, 8)).toEqual([
      1,
      'Perintah/Arahan melaksanakan kegiatan/rapat internal',
      3,
      40,
      90,
      60,
      66,
      1,
    ]);
    // Step 8 ran 12:10–12:30, inside the 12:00–13:00 break: 0 working minutes (Kalender Kerja),
    // 20 clock minutes in the last column.
    expect(values[stats + 7].slice(0, 9)).toEqual([
      8,
      'Melaksanakan kegiatan',
      1,
      0,
      0,
      '420 atau 840',
      100,
      0,
      20,
    ]);
    // Overrun cells in red: Maks and % of step 1; the median 40 is within 60.
    expect(cell(sheet, stats + 1, 5)?.format?.fontColor).toBe(RED);
    expect(cell(sheet, stats + 1, 7)?.format?.fontColor).toBe(RED);
    expect(cell(sheet, stats + 1, 4)?.format?.fontColor).toBeUndefined();
    expect(cell(sheet, stats - 1 + 1, 1)?.format).toMatchObject({
      fontWeight: 'bold',
      background: '#d9d9d9',
    });
    expect(cell(sheet, stats + 1, 2)?.format?.borderLeft).toMatchObject({ style: 'SOLID' });
    // To look at it: MONITORING_XLSX=/tmp/monitoring.xlsx npx jest test/server/monitoring-report.test.ts
    const file = process.env.MONITORING_XLSX;
    if (file) writeFileSync(file, await exportXlsx({ ...workbench.state, sheets: [fittedRows(sheet)] }));
  });

  test('a user\'s own "Laporan Monitoring SOP" is never touched; regenerating replaces only the add-in\'s', () => {
    const workbench = newWorkbench();
    seedRiwayat(workbench, sampleLog().rows);
    inExecution(workbench, () => {
      const own = SpreadsheetApp.getActiveSpreadsheet().insertSheet(REPORT);
      own.getRange(1, 1, 1, 2).setValues([['catatan saya', 42]]);
    });
    const mine = structuredClone(sheetOf(workbench, REPORT));
    const first = runOk(workbench, 'menuMonitoringReport');
    expect(uiOf(first, 'toast')[0].message).toContain(`laporan ditulis di "${REPORT} (2)"`);
    expect(sheetOf(workbench, REPORT)).toEqual(mine);
    const report = sheetOf(workbench, `${REPORT} (2)`);
    expect(workbench.state.activeSheetId).toBe(report.sheetId);

    // Regenerate after more events: the add-in's sheet is replaced in place, the user's stays.
    const log = sampleLog().run('KGT-0002', 2, 10, 'approve');
    workbench.state.sheets = workbench.state.sheets.filter((s) => s.name !== 'Riwayat');
    seedRiwayat(workbench, log.rows);
    const before = sheetNames(workbench);
    runOk(workbench, 'menuMonitoringReport');
    expect(sheetNames(workbench)).toEqual(before);
    expect(sheetOf(workbench, REPORT)).toEqual(mine);
    const again = sheetOf(workbench, `${REPORT} (2)`);
    expect(again.sheetId).not.toBe(report.sheetId);
    expect(again.developerMetadata).toHaveLength(1);
    expect(workbench.state.activeSheetId).toBe(again.sheetId);
    expect(valuesOf(again)[1][0]).toContain('(30 baris, 2 kegiatan)');
  });

  test('no Riwayat sheet: the empty report, not an error', () => {
    const workbench = newWorkbench();
    const result = runOk(workbench, 'menuMonitoringReport');
    expect(uiOf(result, 'alert')).toEqual([]);
    const values = valuesOf(sheetOf(workbench, REPORT));
    expect(values.map((row) => row[0]).filter(Boolean)).toEqual([
      'LAPORAN MONITORING PELAKSANAAN SOP',
      expect.stringContaining('(0 baris, 0 kegiatan)'),
      NO_ACTIVITIES,
    ]);
  });

  test('unreadable Riwayat rows are skipped, counted on the sheet and in the toast', () => {
    const workbench = newWorkbench();
    const log = sampleLog();
    const broken = [...log.rows[1]];
    broken[4] = 'Lompat';
    seedRiwayat(workbench, [...log.rows, broken]);
    const result = runOk(workbench, 'menuMonitoringReport');
    expect(uiOf(result, 'toast')[0].message).toContain('1 baris Riwayat dilewati');
    expect(valuesOf(sheetOf(workbench, REPORT))[2][0]).toMatch(/^1 baris Riwayat tidak terbaca dilewati/);
  });

  test('an unexpected failure is an alert, and no half-written sheet is left', () => {
    const workbench = newWorkbench();
    seedRiwayat(workbench, sampleLog().rows);
    const before = sheetNames(workbench);
    const spy = jest.spyOn(applyPlanModule, 'applyPlan').mockImplementation((sheet) => {
      sheet.getRange(1, 1).setValue('setengah jadi');
      throw new Error('Service Spreadsheets timed out while accessing document\nat line 3');
    });
    try {
      const { result } = inExecution(workbench, () => menuMonitoringReport());
      expect(uiOf(result, 'alert')).toEqual([
        expect.objectContaining({
          prompt: 'Terjadi kesalahan: Service Spreadsheets timed out while accessing document',
        }),
      ]);
    } finally {
      spy.mockRestore();
    }
    expect(sheetNames(workbench)).toEqual(before);
  });

  test('reads the Riwayat that the sidebar endpoints write (createActivity, logStep)', () => {
    const workbench = newWorkbench();
    const created = runOk(workbench, 'createActivity', [
      {
        name: 'Sosialisasi PUG',
        templateId: 'builtin:penguatan-pug',
        plannedDate: '',
        place: '',
        personInCharge: '',
      },
    ]).value as { activity: { id: string } };
    const id = created.activity.id;
    const log = (step: number, action: string, at: string, note = '') =>
      runOk(workbench, 'logStep', [{ activityId: id, step, action, at, note }]);
    log(1, 'start', '2026-11-24T08:00');
    log(1, 'finish', '2026-11-24T09:30');
    log(2, 'start', '2026-11-24T09:40');
    log(2, 'revise', '2026-11-24T10:00', 'RKA belum lengkap');
    runOk(workbench, 'menuMonitoringReport');
    const sheet = sheetOf(workbench, REPORT);
    const values = valuesOf(sheet);
    expect(values[2][0]).not.toMatch(/dilewati/);
    const form = values.findIndex((row) => row[0] === FORM_HEADERS[0]);
    expect(values[form + 2].slice(2, 5)).toEqual([
      '',
      CHECK,
      '1 dari 1 pelaksanaan melebihi mutu baku 60 menit (median 90, maks 90). Dikerjakan ulang 1 kali karena Perbaikan.',
    ]);
    expect(values[form + 3].slice(4, 5)).toEqual([
      '1 pelaksanaan, sesuai mutu baku 60 menit (median 20, maks 20). 1 kali Perbaikan.',
    ]);
  });

  test('service calls do not grow with the log: 10 and 2,000 Riwayat rows cost the same', () => {
    const calls = [10, 2000].map((size) => {
      const workbench = newWorkbench();
      const log = logOfSize(size);
      expect(log.rows).toHaveLength(size);
      seedRiwayat(workbench, log.rows);
      const first = runOk(workbench, 'menuMonitoringReport');
      const again = runOk(workbench, 'menuMonitoringReport');
      return { first: first.calls, again: again.calls };
    });
    console.log(
      `menuMonitoringReport service calls: 10 rows ${JSON.stringify(calls[0])}, 2,000 rows ${JSON.stringify(calls[1])}`,
    );
    expect(calls[1]).toEqual(calls[0]);
  });
});
