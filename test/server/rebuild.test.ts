import { progressState } from '../../bench/actions/progress';
import type { Workbench } from '../../src/workbench/runtime';
import { runOk, uiOf } from '../support/workbench';
import {
  create,
  editAsPerson,
  fullRun,
  logError,
  logOk,
  progressWorkbench,
  sheetValues,
  snapshot,
  typeInto,
} from './progress-helpers';
import { sheetNames, sheetOf } from './template-helpers';

/** Two activities: one complete with a Perbaikan, one with a running step and a parallel start. */
function liveWorkbench(): Workbench {
  const workbench = progressWorkbench();
  create(workbench);
  create(workbench, { name: 'Sosialisasi ARG', plannedDate: '' });
  fullRun(workbench);
  logOk(workbench, {
    activityId: 'KGT-0002',
    step: 1,
    action: 'start',
    at: '2026-12-02 08:00',
    note: '=1+1',
  });
  logOk(workbench, {
    activityId: 'KGT-0002',
    step: 3,
    action: 'start',
    at: '2026-12-02 08:10',
    override: true,
    person: '+62 812',
  });
  return workbench;
}

const derived = (workbench: Workbench) => ({
  Kegiatan: sheetValues(workbench, 'Kegiatan'),
  Langkah: sheetValues(workbench, 'Langkah'),
});

function rebuild(workbench: Workbench) {
  return runOk(workbench, 'menuRebuildProgress');
}

function deleteSheet(workbench: Workbench, name: string): void {
  const index = workbench.state.sheets.findIndex((s) => s.name === name);
  workbench.state.sheets.splice(index, 1);
}

describe('menuRebuildProgress', () => {
  test('yields exactly the rows live logging wrote, and says so in a toast', () => {
    const workbench = liveWorkbench();
    const live = derived(workbench);
    const riwayat = sheetValues(workbench, 'Riwayat');
    const result = rebuild(workbench);
    expect(uiOf(result, 'toast')).toEqual([
      expect.objectContaining({
        title: 'Bangun ulang progres',
        message: 'Progres dibangun ulang: 2 kegiatan, 20 langkah.',
      }),
    ]);
    expect(uiOf(result, 'alert')).toEqual([]);
    expect(derived(workbench)).toEqual(live);
    expect(sheetValues(workbench, 'Riwayat')).toEqual(riwayat);
    // And logging goes on from the rebuilt rows.
    logOk(workbench, { activityId: 'KGT-0002', step: 1, action: 'finish', at: '2026-12-02 09:00' });
  });

  test('a deleted Langkah: logStep says so, the rebuild recreates it equal to the live rows', () => {
    const workbench = liveWorkbench();
    const live = derived(workbench);
    deleteSheet(workbench, 'Langkah');
    expect(logError(workbench, { activityId: 'KGT-0002', step: 1, action: 'finish' })).toBe(
      'Error: Sheet "Langkah" tidak ada. Jalankan menu "Bangun ulang progres" untuk memulihkannya dari Riwayat.',
    );
    rebuild(workbench);
    expect(sheetNames(workbench)).toContain('Langkah');
    expect(derived(workbench)).toEqual(live);
    const langkah = sheetOf(workbench, 'Langkah');
    expect(langkah.conditionalRules).toHaveLength(1);
    expect(langkah.validations).toHaveLength(2);
    logOk(workbench, { activityId: 'KGT-0002', step: 1, action: 'finish', at: '2026-12-02 09:00' });
  });

  test('a deleted Kegiatan: logStep says so; creating waits for the rebuild; the rebuild restores it', () => {
    const workbench = liveWorkbench();
    const live = derived(workbench);
    deleteSheet(workbench, 'Kegiatan');
    expect(logError(workbench, { activityId: 'KGT-0002', step: 1, action: 'finish' })).toBe(
      'Error: Sheet "Kegiatan" tidak ada. Jalankan menu "Bangun ulang progres" untuk memulihkannya dari Riwayat.',
    );
    expect(
      workbench.run('createActivity', [{ name: 'Baru', templateId: 'builtin:penguatan-pug' }]).error,
    ).toBe(
      'Error: Sheet "Kegiatan" hilang padahal Riwayat berisi catatan. Jalankan menu "Bangun ulang progres" dulu.',
    );
    rebuild(workbench);
    expect(derived(workbench)).toEqual(live);
    expect(create(workbench, { name: 'Baru' }).activity.id).toBe('KGT-0003');
  });

  test('a Langkah cell edited into nonsense: a message naming row and column; the rebuild fixes it', () => {
    const workbench = liveWorkbench();
    const live = derived(workbench);
    typeInto(workbench, 'Langkah', 12, 7, 'Kacau'); // KGT-0002 step 1, Status
    expect(logError(workbench, { activityId: 'KGT-0002', step: 1, action: 'finish' })).toBe(
      'Error: Sheet "Langkah" baris 12, kolom "Status": isi "Kacau" tidak terbaca. Jalankan menu "Bangun ulang progres".',
    );
    typeInto(workbench, 'Langkah', 12, 7, 'Berjalan');
    typeInto(workbench, 'Langkah', 14, 9, 'kemarin sore'); // step 3, Mulai
    expect(logError(workbench, { activityId: 'KGT-0002', step: 3, action: 'finish' })).toBe(
      'Error: Sheet "Langkah" baris 14, kolom "Mulai": isi "kemarin sore" tidak terbaca. Jalankan menu "Bangun ulang progres".',
    );
    rebuild(workbench);
    expect(derived(workbench)).toEqual(live);
  });

  test('Riwayat rows edited into nonsense are skipped and listed in one alert', () => {
    const workbench = progressWorkbench();
    create(workbench);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
    logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 09:00' });
    logOk(workbench, { step: 2, action: 'start', at: '2026-11-24 09:00' });
    editAsPerson(workbench, 'Riwayat', 3, 5, '???'); // the first Mulai
    const result = rebuild(workbench);
    const [alert] = uiOf(result, 'alert');
    expect(alert.title).toBe('Bangun ulang progres');
    expect(alert.prompt).toBe(
      [
        'Progres dibangun ulang: 1 kegiatan, 10 langkah. 3 baris Riwayat dilewati karena tidak terbaca atau tidak sesuai SOP:',
        '• Riwayat baris 3: kolom "Aksi" tidak terbaca ("???").',
        '• Riwayat baris 4: Langkah 1 belum dimulai: pilih Mulai dulu.',
        '• Riwayat baris 5: Langkah 2 belum bisa dimulai: langkah 1 belum selesai. Centang "Kerjakan paralel" bila memang dikerjakan bersamaan.',
      ].join('\n'),
    );
    const langkah = sheetValues(workbench, 'Langkah') as unknown[][];
    expect(langkah.slice(1).map((row) => row[6])).toEqual(Array(10).fill('Belum'));
  });

  test('a long problem list is capped', () => {
    const workbench = progressWorkbench();
    create(workbench);
    for (let row = 3; row < 43; row++)
      for (const [col, value] of [
        [1, '2026-11-24T08:00:00+07:00'],
        [5, 'Meledak'],
        [13, `x${row}`],
      ] as const)
        typeInto(workbench, 'Riwayat', row, col, value);
    const [alert] = uiOf(rebuild(workbench), 'alert');
    const lines = alert.prompt.split('\n');
    expect(lines).toHaveLength(1 + 30 + 1);
    expect(lines[31]).toBe('…dan 10 masalah lainnya');
  });

  test('a busy document lock: "Sedang dipakai, coba lagi." and nothing written', () => {
    const workbench = liveWorkbench();
    typeInto(workbench, 'Langkah', 12, 7, 'Kacau');
    const before = snapshot(workbench);
    workbench.setLockBusy('document', true);
    const [alert] = uiOf(rebuild(workbench), 'alert');
    expect(alert.prompt).toBe('Sedang dipakai, coba lagi.');
    expect(snapshot(workbench)).toEqual(before);
  });

  test("a user's own sheet named Langkah is refused, not overwritten", () => {
    const workbench = liveWorkbench();
    deleteSheet(workbench, 'Langkah');
    workbench.state.sheets[0].name = 'Langkah';
    typeInto(workbench, 'Langkah', 1, 1, 'Catatan pribadi');
    const [alert] = uiOf(rebuild(workbench), 'alert');
    expect(alert.prompt).toBe(
      'Sheet "Langkah" sudah ada dan bukan buatan add-on, jadi tidak diubah. Ganti nama sheet itu dulu.',
    );
    expect(sheetValues(workbench, 'Langkah')).toEqual([['Catatan pribadi']]);
  });

  test('the same service calls with 100 and 2,000 events', () => {
    const small = rebuild(progressWorkbench({ state: progressState(100) }));
    const large = rebuild(progressWorkbench({ state: progressState(2000) }));
    expect(uiOf(large, 'toast')[0].message).toBe('Progres dibangun ulang: 100 kegiatan, 1000 langkah.');
    expect(small.callsByMethod).toEqual(large.callsByMethod);
    expect(small.calls).toBeLessThanOrEqual(27);
    // Three reads of Riwayat (the Replay header, ID event, Replay), the Kalender Kerja lookup; values only, no formats.
    const reads =
      (large.callsByMethod['Range.getValues'] ?? 0) + (large.callsByMethod['Sheet.getSheetValues'] ?? 0);
    expect(reads).toBeLessThanOrEqual(5);
    expect(large.callsByMethod['Range.setNumberFormats']).toBeUndefined();
  });

  test('Sebelum and Sesudah are not read: nonsense there changes nothing', () => {
    const workbench = liveWorkbench();
    const live = derived(workbench);
    const rows = sheetValues(workbench, 'Riwayat')!;
    for (let row = 2; row <= rows.length; row++) {
      typeInto(workbench, 'Riwayat', row, 11, 'kacau');
      typeInto(workbench, 'Riwayat', row, 12, '=1/0');
    }
    rebuild(workbench);
    expect(derived(workbench)).toEqual(live);
  });

  test('rows left over from a longer layout are cleared; the rows written keep their text formats', () => {
    const workbench = liveWorkbench();
    const live = derived(workbench);
    // A stale block below the activities' rows (e.g. from a log that had more activities).
    for (let row = 22; row <= 40; row++) typeInto(workbench, 'Langkah', row, 1, 'KGT-9999');
    rebuild(workbench);
    expect(derived(workbench)).toEqual(live);
    const langkah = sheetOf(workbench, 'Langkah');
    expect(langkah.rows[1]?.[7]?.format?.numberFormat).toBe('@'); // Petugas
  });
});
