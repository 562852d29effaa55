/**
 * What staff do by hand in the progress sheets must never make the add-in accept an action that
 * a rebuild from `Riwayat` (the source of truth) would later drop, nor lose activities.
 */
import { LANGKAH_COLUMN } from '../../src/core/progress/langkah-rows';
import type { Workbench } from '../../src/workbench/runtime';
import { runOk, uiOf } from '../support/workbench';
import { create, logError, logOk, progressWorkbench, PUG_ACTIVITY, sheetValues } from './progress-helpers';

/** A person types into a cell, parsed as typed (the workbench's person actions). */
function type(workbench: Workbench, sheet: string, row: number, column: number, value: string): void {
  workbench.actAsPerson((app) => {
    const target = app.getActiveSpreadsheet().getSheetByName(sheet);
    if (!target) throw new Error(`no sheet ${sheet}`);
    target.getRange(row, column).setValue(value);
  });
}

describe('Langkah edited by hand', () => {
  test('a step marked "Selesai" by hand does not let the next step start: logging says to rebuild', () => {
    const workbench = progressWorkbench();
    create(workbench);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
    logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 09:00' });
    // Step 2 (a decision) set to done by hand, row 3 of Langkah.
    type(workbench, 'Langkah', 3, LANGKAH_COLUMN.Status, 'Selesai');
    type(workbench, 'Langkah', 3, LANGKAH_COLUMN.Mulai, '2026-11-24 09:10');
    type(workbench, 'Langkah', 3, LANGKAH_COLUMN.Selesai, '2026-11-24 09:20');
    const refused = logError(workbench, { step: 3, action: 'start', at: '2026-11-24 09:30' });
    expect(refused).toContain('diubah di luar panel');
    expect(refused).toContain('Bangun ulang progres');
    const riwayatBefore = sheetValues(workbench, 'Riwayat');

    // The rebuild restores Langkah from Riwayat; then the SOP's order applies again.
    runOk(workbench, 'menuRebuildProgress');
    expect(sheetValues(workbench, 'Riwayat')).toEqual(riwayatBefore);
    expect(logError(workbench, { step: 3, action: 'start', at: '2026-11-24 09:30' })).toContain('Langkah 3');
    const view = logOk(workbench, { step: 2, action: 'start', at: '2026-11-24 09:30' });
    expect(view.steps[1].status).toBe('inProgress');
  });

  test('every accepted action survives a rebuild (live == rebuilt)', () => {
    const workbench = progressWorkbench();
    create(workbench);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
    // A note typed by hand is not a state change: logging goes on.
    type(workbench, 'Langkah', 2, LANGKAH_COLUMN.Catatan, 'catatan tangan');
    logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 09:00' });
    const kegiatan = sheetValues(workbench, 'Kegiatan');
    const result = runOk(workbench, 'menuRebuildProgress');
    expect(uiOf(result, 'alert')).toEqual([]);
    expect(sheetValues(workbench, 'Kegiatan')).toEqual(kegiatan);
  });
});

describe('progress sheets renamed by hand', () => {
  function rename(workbench: Workbench, from: string, to: string): void {
    workbench.actAsPerson((app) => app.getActiveSpreadsheet().getSheetByName(from)?.setName(to));
  }

  test('Riwayat renamed: no new empty Riwayat, and nothing is cut from Kegiatan; the message names the sheet', () => {
    const workbench = progressWorkbench();
    for (const name of ['Satu', 'Dua', 'Tiga', 'Empat']) create(workbench, { name });
    rename(workbench, 'Riwayat', 'Riwayat lama');
    const refused = workbench.run('createActivity', [{ ...PUG_ACTIVITY, name: 'Lima' }]);
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('"Riwayat lama"');
    expect(workbench.state.sheets.map((s) => s.name)).not.toContain('Riwayat');
    // The rebuild refuses too, instead of rebuilding 4 activities into none.
    const rebuild = runOk(workbench, 'menuRebuildProgress');
    expect(uiOf(rebuild, 'alert')[0].prompt).toContain('"Riwayat lama"');
    expect((sheetValues(workbench, 'Kegiatan') ?? []).length - 1).toBe(4);
    // Named back, everything goes on.
    rename(workbench, 'Riwayat lama', 'Riwayat');
    expect(create(workbench, { name: 'Lima' }).activity.id).toBe('KGT-0005');
  });

  test('Peserta renamed: adding a participant does not start a new, empty register', () => {
    const workbench = progressWorkbench();
    runOk(workbench, 'addParticipant', [{ activity: 'Rapat', name: 'Ani', sex: 'P' }]);
    rename(workbench, 'Peserta', 'Peserta 2025');
    const refused = workbench.run('addParticipant', [{ activity: 'Rapat', name: 'Budi', sex: 'L' }]);
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('"Peserta 2025"');
    expect(workbench.state.sheets.map((s) => s.name)).not.toContain('Peserta');
  });
});
