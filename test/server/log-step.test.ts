import { nextRequest, progressState } from '../../bench/actions/progress';
import { REPLAY_COLUMN, replayCell } from '../../src/core/progress/replay-cells';
import type { RowValue } from '../../src/core/progress/row-labels';
import type { ActivityView } from '../../src/server/api';
import { toLocalText } from '../../src/core/time';
import { runOk } from '../support/workbench';
import {
  column,
  create,
  formulas,
  fullRun,
  logError,
  logOk,
  progressWorkbench,
  record,
  sheetValues,
  snapshot,
} from './progress-helpers';

const rowsOf = (workbench: ReturnType<typeof progressWorkbench>, name: string) =>
  sheetValues(workbench, name) as unknown[][];

describe('logStep: the full Penguatan PUG run', () => {
  test('steps 1–10 with a Perbaikan on step 2 (reopens 1–10; only step 1 is redone) and the redo', () => {
    const workbench = progressWorkbench();
    create(workbench);
    fullRun(workbench);

    const langkah = rowsOf(workbench, 'Langkah');
    const cols = (header: string) => column(langkah, header).slice(1);
    expect(cols('Status')).toEqual(Array(10).fill('Selesai'));
    expect(cols('Mulai')).toEqual([
      '2026-11-24 11:00',
      '2026-11-24 13:00',
      '2026-11-25 08:00',
      '2026-11-25 09:15',
      '2026-11-25 10:00',
      '2026-11-25 15:00',
      '2026-11-26 08:00',
      '2026-11-27 08:00',
      '2026-11-30 08:00',
      '2026-12-01 09:00',
    ]);
    expect(cols('Selesai')[9]).toBe('2026-12-01 12:00');
    // Working minutes (Kalender Kerja defaults: breaks 12:00–13:00, Friday 11:30–13:00) …
    expect(cols('Menit aktual')).toEqual([30, 40, 75, 25, 240, 30, 300, 390, 360, 180]);
    // … and the clock minutes beside them.
    expect(cols('Menit berlalu')).toEqual([30, 40, 75, 25, 300, 30, 360, 480, 420, 180]);
    expect(cols('Menit baku')).toEqual([60, 60, 75, 30, 360, 60, 360, '420 atau 840', 360, 180]);
    // Against the upper bound where there are alternatives (step 8: 840).
    expect(cols('Selisih (menit)')).toEqual([-30, -20, 0, -5, -120, -30, -60, -450, 0, 0]);
    expect(cols('Keputusan')).toEqual(['', 'Sesuai', '', '', '', 'Sesuai', '', '', '', 'Sesuai']);
    // Only step 1 was redone; step 2 counts its Perbaikan request; 3–10 were never redone.
    expect(cols('Revisi')).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(cols('Perlu diulang')).toEqual(Array(10).fill(false));
    expect(cols('Perbaikan diminta')).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(record(langkah, 2)).toMatchObject({ Petugas: 'Budi', Bukti: 'https://drive.google.com/d/1' });
    expect(record(langkah, 3).Catatan).toBe('RKA belum sesuai');
    expect(cols('Diubah oleh')).toEqual(Array(10).fill('staf@dp3acskb.babelprov.go.id'));

    expect(record(rowsOf(workbench, 'Kegiatan'), 2)).toMatchObject({
      Status: 'Selesai',
      'Progres (%)': 100,
      'Langkah saat ini': '-',
      Perbaikan: 1,
    });

    const riwayat = rowsOf(workbench, 'Riwayat');
    expect(riwayat).toHaveLength(1 + 1 + 24);
    const actions = riwayat.slice(2).map((row) => [row[3], row[4], row[10], row[11]]);
    expect(actions.slice(0, 6)).toEqual([
      [1, 'Mulai', 'Belum', 'Berjalan'],
      [1, 'Selesai', 'Berjalan', 'Selesai'],
      [2, 'Mulai', 'Belum', 'Berjalan'],
      [2, 'Perbaikan', 'Berjalan', 'Belum'],
      [1, 'Mulai', 'Belum', 'Berjalan'],
      [1, 'Selesai', 'Berjalan', 'Selesai'],
    ]);
    expect(actions[23]).toEqual([10, 'Sesuai', 'Berjalan', 'Selesai']);
    expect(record(riwayat, 6)).toMatchObject({
      Oleh: 'staf@dp3acskb.babelprov.go.id',
      'ID kegiatan': 'KGT-0001',
      'Waktu kejadian': '2026-11-24T10:30:00+07:00',
      Catatan: 'RKA belum sesuai',
      Paralel: false,
    });
    expect(new Set(column(riwayat, 'ID event').slice(1)).size).toBe(25);
  });

  test('the view after each action: Perbaikan reopens the steps and offers Mulai again', () => {
    const workbench = progressWorkbench();
    create(workbench);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
    let view = logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 09:30' });
    expect(view.steps[0]).toMatchObject({ actualMinutes: 90, variance: 30, overdue: true, actions: [] });
    expect(view.steps[1]).toMatchObject({ actions: ['start'], startNeedsOverride: false });
    view = logOk(workbench, { step: 2, action: 'start', at: '2026-11-24 09:40' });
    expect(view.steps[1].actions).toEqual(['approve', 'revise']);
    view = logOk(workbench, { step: 2, action: 'revise', at: '2026-11-24 10:00', note: 'Lengkapi KAK' });
    expect(view.activity).toMatchObject({ status: 'running', percent: 0, currentStep: 1, revisions: 1 });
    expect(view.steps.map((s) => [s.status, s.revisions])).toEqual(Array(10).fill(['pending', 0]));
    expect(view.steps[1].revisionRequests).toBe(1);
    expect(view.steps[1]).toMatchObject({
      decision: 'needsRevision',
      note: 'Lengkapi KAK',
      startNeedsOverride: true,
    });
    expect(view.steps[0].actions).toEqual(['start']);
    // Langkah and the view agree: reading the activity back gives the same view.
    const read = runOk(workbench, 'getActivity', ['KGT-0001']).value as ActivityView;
    expect(read.steps).toEqual(view.steps);
  });

  test('the time defaults to now in Asia/Jakarta; a back-logged time is kept as given', () => {
    const workbench = progressWorkbench();
    create(workbench);
    const before = Date.now();
    const view = logOk(workbench, { step: 1, action: 'start' });
    const local = (ms: number) => toLocalText(new Date(ms).toISOString(), 'Asia/Jakarta');
    expect([local(before), local(Date.now())]).toContain(view.steps[0].startedAt);
    expect(view.steps[0].actualMinutes).toBeLessThanOrEqual(1); // started this minute
    const back = logOk(workbench, { step: 1, action: 'finish', at: '2099-01-01T00:00' });
    expect(back.steps[0].finishedAt).toBe('2099-01-01 00:00');
    const riwayat = rowsOf(workbench, 'Riwayat');
    expect(record(riwayat, 3)['Waktu kejadian']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(record(riwayat, 4)['Waktu kejadian']).toBe('2099-01-01T00:00:00+07:00');
  });

  test('a start past unfinished steps needs the override, and it is recorded', () => {
    const workbench = progressWorkbench();
    create(workbench);
    expect(logError(workbench, { step: 3, action: 'start', at: '2026-11-24 08:00' })).toBe(
      'Error: Langkah 3 belum bisa dimulai: langkah 1, 2 belum selesai. Centang "Kerjakan paralel" bila memang dikerjakan bersamaan.',
    );
    const view = logOk(workbench, { step: 3, action: 'start', at: '2026-11-24 08:00', override: true });
    expect(view.steps[2]).toMatchObject({ status: 'inProgress', override: true });
    expect(record(rowsOf(workbench, 'Langkah'), 4).Paralel).toBe(true);
    expect(record(rowsOf(workbench, 'Riwayat'), 3)).toMatchObject({
      Aksi: 'Mulai',
      Langkah: 3,
      Paralel: true,
    });
  });

  test('who: the email when Apps Script reveals it, else the typed name, else "anonim"', () => {
    const workbench = progressWorkbench({ userEmail: '' });
    create(workbench);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00', person: 'Budi Santoso' });
    logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 08:30' });
    expect(column(rowsOf(workbench, 'Riwayat'), 'Oleh').slice(1)).toEqual(['Ana', 'Budi Santoso', 'anonim']);
  });
});

describe('logStep refusals: a plain Indonesian message and nothing written', () => {
  const cases: [string, object, string][] = [
    [
      'unknown activity',
      { activityId: 'KGT-0099', step: 1, action: 'start' },
      'Kegiatan KGT-0099 tidak ditemukan. Muat ulang panel.',
    ],
    ['unknown step', { step: 11, action: 'start' }, 'Langkah 11 tidak ada di SOP kegiatan ini.'],
    [
      'end before start',
      { step: 1, action: 'finish', at: '2026-11-24 07:59' },
      'Langkah 1 tidak bisa selesai sebelum dimulai (mulai 2026-11-24 08:00).',
    ],
    [
      'malformed date',
      { step: 1, action: 'finish', at: '2026-11-31 10:00' },
      'Waktu "2026-11-31 10:00" tidak terbaca. Tulis mis. 2026-11-24 09:30.',
    ],
    [
      'malformed time',
      { step: 1, action: 'finish', at: 'besok pagi' },
      'Waktu "besok pagi" tidak terbaca. Tulis mis. 2026-11-24 09:30.',
    ],
    [
      'earlier unfinished without override',
      { step: 2, action: 'start', at: '2026-11-24 09:00' },
      'Langkah 2 belum bisa dimulai: langkah 1 belum selesai. Centang "Kerjakan paralel" bila memang dikerjakan bersamaan.',
    ],
    ['already started', { step: 1, action: 'start' }, 'Langkah 1 sudah dimulai.'],
    [
      'a decision action on a process step',
      { step: 1, action: 'approve' },
      'Langkah 1 bukan langkah keputusan: pilih Selesai.',
    ],
    [
      'unknown action',
      { step: 1, action: 'hapus' },
      'Aksi tidak dikenal: "hapus". Pilih Mulai, Selesai, Sesuai atau Perbaikan.',
    ],
  ];
  test.each(cases)('%s', (_name, request, message) => {
    const workbench = progressWorkbench();
    create(workbench);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
    const before = snapshot(workbench);
    expect(logError(workbench, request)).toBe(`Error: ${message}`);
    expect(snapshot(workbench)).toEqual(before);
  });

  test('Perbaikan without a note', () => {
    const workbench = progressWorkbench();
    create(workbench);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
    logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 08:30' });
    logOk(workbench, { step: 2, action: 'start', at: '2026-11-24 08:30' });
    const before = snapshot(workbench);
    expect(logError(workbench, { step: 2, action: 'revise', note: '   ' })).toBe(
      'Error: Perbaikan pada langkah 2 perlu catatan: apa yang harus diperbaiki?',
    );
    expect(snapshot(workbench)).toEqual(before);
  });

  test('a busy document lock: "Sedang dipakai, coba lagi." and nothing written', () => {
    const workbench = progressWorkbench();
    create(workbench);
    const before = snapshot(workbench);
    workbench.setLockBusy('document', true);
    expect(logError(workbench, { step: 1, action: 'start' })).toBe('Error: Sedang dipakai, coba lagi.');
    expect(snapshot(workbench)).toEqual(before);
    workbench.setLockBusy('document', false);
    logOk(workbench, { step: 1, action: 'start' });
  });

  test('every write of the three sheets happens under the document lock (the workbench enforces it)', () => {
    const workbench = progressWorkbench();
    create(workbench);
    // A write outside the lock throws in this workbench; a successful log proves there was none.
    const result = runOk(workbench, 'logStep', [{ activityId: 'KGT-0001', step: 1, action: 'start' }]);
    expect(result.callsByMethod['Lock.tryLock']).toBe(1);
    expect(result.callsByMethod['Lock.releaseLock']).toBe(1);
  });
});

describe('typed text is stored as text', () => {
  test.each([
    '=HYPERLINK("http://x.test","klik")',
    '+62 812 3456',
    '-5',
    '@x',
    '007',
    "'kutip",
    '1e3',
    '0E0',
    '2026-11-24 09:30',
    'TRUE',
  ])('note and evidence %j read back equal, no formula anywhere', (text) => {
    const workbench = progressWorkbench();
    create(workbench);
    logOk(workbench, {
      step: 1,
      action: 'start',
      at: '2026-11-24 08:00',
      note: text,
      evidence: text,
      person: text,
    });
    const view = logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 08:30' });
    expect(view.steps[0]).toMatchObject({ note: text, evidence: text, person: text });
    expect(record(rowsOf(workbench, 'Langkah'), 2)).toMatchObject({
      Catatan: text,
      Bukti: text,
      Petugas: text,
    });
    expect(record(rowsOf(workbench, 'Riwayat'), 3)).toMatchObject({
      Catatan: text,
      Bukti: text,
      Petugas: text,
    });
    expect(formulas(workbench)).toEqual([]);
  });
});

describe('service calls of one log do not grow with Riwayat', () => {
  test('10 and 20,000 existing Riwayat rows: the same calls, method by method', () => {
    const small = progressWorkbench({ state: progressState(10) });
    const large = progressWorkbench({ state: progressState(20000) });
    expect(rowsOf(large, 'Riwayat')).toHaveLength(20001);
    const a = runOk(small, 'logStep', [nextRequest(10)]);
    const b = runOk(large, 'logStep', [nextRequest(20000)]);
    expect(a.callsByMethod).toEqual(b.callsByMethod);
    expect(a.calls).toBe(b.calls);
    expect(a.callsByMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'Session.getActiveUser': 1,
      // Before the lock is released, so the next person reads this log (withDocumentLock).
      'SpreadsheetApp.flush': 1,
      'User.getEmail': 1,
      'LockService.getDocumentLock': 1,
      'Lock.tryLock': 1,
      'Spreadsheet.getRange': 2, // the activity's Kegiatan row, its Langkah rows
      'Range.getValues': 2,
      'Spreadsheet.getSheetByName': 2, // Kalender Kerja (none here: the defaults), Riwayat
      'Sheet.getSheetValues': 1, // Riwayat's Replay header: the row carries its Replay cell
      'Sheet.appendRow': 1,
      'Range.setValues': 2, // Langkah rows, Kegiatan row
      'Lock.releaseLock': 1,
    });
    expect(a.calls).toBe(18);
    expect(rowsOf(large, 'Riwayat')).toHaveLength(20002);
    const [logged] = rowsOf(large, 'Riwayat').slice(-1);
    expect(logged).toHaveLength(REPLAY_COLUMN);
    expect(logged[REPLAY_COLUMN - 1]).toBe(replayCell([...logged.slice(0, -1)] as RowValue[]));
  });
});
