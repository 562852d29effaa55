import { LANGKAH_COLUMN } from '../../src/core/progress/langkah-rows';
import type { ActivityListItem, ActivityView, SidebarState } from '../../src/server/api';
import { runOk } from '../support/workbench';
import {
  create,
  column,
  progressWorkbench,
  PUG_ACTIVITY,
  record,
  sheetValues,
  snapshot,
  typeInto,
} from './progress-helpers';
import { sheetNames, sheetOf } from './template-helpers';

describe('createActivity', () => {
  test('from Penguatan PUG: the three sheets, the Kegiatan row, 10 Langkah rows, one Riwayat event', () => {
    const workbench = progressWorkbench();
    const view = create(workbench);
    expect(view.activity).toEqual({
      id: 'KGT-0001',
      name: 'Rapat Koordinasi PUG 2026',
      templateName: 'Penguatan PUG',
      plannedDate: '2026-11-24',
      place: 'Aula DP3ACSKB',
      personInCharge: 'Ana',
      status: 'notStarted',
      percent: 0,
      currentStep: 1,
      revisions: 0,
    });
    expect(view.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(view.steps).toHaveLength(10);
    expect(view.steps[0]).toEqual({
      number: 1,
      activity: 'Perintah/Arahan melaksanakan kegiatan/rapat internal',
      executors: ['Kadis'],
      kind: 'process',
      standardMinutes: '60',
      status: 'pending',
      person: '',
      startedAt: '',
      finishedAt: '',
      actualMinutes: null,
      clockMinutes: null,
      variance: null,
      dayMinutes: 450,
      overdue: false,
      decision: '',
      revisions: 0,
      revisionRequests: 0,
      evidence: '',
      note: '',
      override: false,
      actions: ['start'],
      startNeedsOverride: false,
    });
    expect(view.steps[1]).toMatchObject({ kind: 'decision', actions: ['start'], startNeedsOverride: true });
    expect(view.steps[7].standardMinutes).toBe('420 atau 840');

    // The sheets come after the user's own, which stays the active one.
    expect(sheetNames(workbench)).toEqual(['Sheet1', 'Riwayat', 'Kegiatan', 'Langkah']);
    expect(workbench.state.activeSheetId).toBe(0);

    const kegiatan = sheetValues(workbench, 'Kegiatan') as unknown[][];
    expect(kegiatan).toHaveLength(2);
    expect(record(kegiatan, 2)).toMatchObject({
      ID: 'KGT-0001',
      'Nama kegiatan': 'Rapat Koordinasi PUG 2026',
      Template: 'Penguatan PUG',
      'Tanggal rencana': '2026-11-24',
      Tempat: 'Aula DP3ACSKB',
      'Penanggung jawab': 'Ana',
      Status: 'Belum mulai',
      'Progres (%)': 0,
      'Langkah saat ini': 1,
      Perbaikan: 0,
      'Dibuat oleh': 'staf@dp3acskb.babelprov.go.id',
      'Baris Langkah': 2,
    });
    expect(record(kegiatan, 2)['Dibuat pada']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

    const langkah = sheetValues(workbench, 'Langkah') as unknown[][];
    expect(langkah).toHaveLength(11);
    expect(column(langkah, 'No').slice(1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(column(langkah, 'Status').slice(1)).toEqual(Array(10).fill('Belum'));
    expect(column(langkah, 'Menit baku').slice(1)).toEqual([
      60,
      60,
      75,
      30,
      360,
      60,
      360,
      '420 atau 840',
      360,
      180,
    ]);
    expect(column(langkah, 'Jenis').slice(1, 3)).toEqual(['proses', 'keputusan']);

    const riwayat = sheetValues(workbench, 'Riwayat') as unknown[][];
    expect(riwayat).toHaveLength(2);
    expect(record(riwayat, 2)).toMatchObject({
      Oleh: 'staf@dp3acskb.babelprov.go.id',
      'ID kegiatan': 'KGT-0001',
      Aksi: 'Buat kegiatan',
      Sesudah: 'Rapat Koordinasi PUG 2026',
    });
    expect(JSON.parse(String(record(riwayat, 2).Data))).toMatchObject({
      id: 'KGT-0001',
      steps: expect.any(Array),
    });
  });

  test('the sheets are set up once: bold frozen headers, "@" text columns, dropdowns, overdue rule, hidden Data, marker', () => {
    const workbench = progressWorkbench();
    const first = runOk(workbench, 'createActivity', [PUG_ACTIVITY]);
    for (const name of ['Kegiatan', 'Langkah', 'Riwayat']) {
      const sheet = sheetOf(workbench, name);
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.rows[0]?.every((cell) => cell?.format?.fontWeight === 'bold')).toBe(true);
      expect(sheet.developerMetadata).toEqual([
        expect.objectContaining({ key: 'sopTerpilah.progress', visibility: 'DOCUMENT' }),
      ]);
    }
    expect(sheetOf(workbench, 'Kegiatan').hiddenColumns).toEqual([13, 14]); // Data, Cek langkah
    // Data, and the Replay column right of the log's 14 (core/progress/replay-cells.ts).
    expect(sheetOf(workbench, 'Riwayat').hiddenColumns).toEqual([13, 14]);
    expect(sheetOf(workbench, 'Riwayat').rows[0]?.[14]?.value).toBe('Replay');
    const langkah = sheetOf(workbench, 'Langkah');
    const formatAt = (row: number, header: keyof typeof LANGKAH_COLUMN) =>
      langkah.rows[row - 1]?.[LANGKAH_COLUMN[header] - 1]?.format?.numberFormat;
    expect(formatAt(2, 'Catatan')).toBe('@');
    expect(formatAt(2, 'Mulai')).toBe('@');
    expect(formatAt(900, 'Catatan')).toBe('@'); // staff typing further down gets text too
    expect(formatAt(2, 'Menit aktual')).not.toBe('@');
    expect(langkah.validations.map((v) => [v.range.column + 1, v.rule.criteria, v.rule.args[0]])).toEqual([
      [LANGKAH_COLUMN.Status, 'VALUE_IN_LIST', ['Belum', 'Berjalan', 'Selesai']],
      [LANGKAH_COLUMN.Keputusan, 'VALUE_IN_LIST', ['Sesuai', 'Perbaikan']],
    ]);
    expect(langkah.conditionalRules).toEqual([
      {
        ranges: [{ row: 1, column: LANGKAH_COLUMN['Menit aktual'] - 1, numRows: 999, numColumns: 1 }],
        condition: { type: 'CUSTOM_FORMULA', args: ['=AND(ISNUMBER($M2),$M2>0)'] },
        format: expect.objectContaining({ background: '#f4c7c3' }),
      },
    ]);

    // The second activity pays no set-up: a small fixed number of calls, numbered after the first.
    const second = runOk(workbench, 'createActivity', [{ ...PUG_ACTIVITY, name: 'Sosialisasi ARG' }]);
    expect((second.value as ActivityView).activity.id).toBe('KGT-0002');
    expect(second.calls).toBeLessThan(first.calls / 2);
    expect(second.callsByMethod['Spreadsheet.insertSheet']).toBeUndefined();
    expect(second.callsByMethod['Sheet.addDeveloperMetadata']).toBeUndefined();
    const kegiatan = sheetValues(workbench, 'Kegiatan') as unknown[][];
    expect(record(kegiatan, 3)).toMatchObject({ ID: 'KGT-0002', 'Baris Langkah': 12 });
    expect(column(sheetValues(workbench, 'Langkah') as unknown[][], 'ID kegiatan').slice(10, 12)).toEqual([
      'KGT-0001',
      'KGT-0002',
    ]);
  });

  test('ids follow the highest existing one; typed text that looks like a formula or a number stays text', () => {
    const workbench = progressWorkbench();
    create(workbench);
    create(workbench);
    typeInto(workbench, 'Kegiatan', 3, 1, 'KGT-0041'); // a hand edit: numbering goes on after it
    const view = create(workbench, { name: '=IMPORTRANGE("x")', place: '+62 812', personInCharge: '007' });
    expect(view.activity).toMatchObject({
      id: 'KGT-0042',
      name: '=IMPORTRANGE("x")',
      place: '+62 812',
      personInCharge: '007',
    });
    const row = record(sheetValues(workbench, 'Kegiatan') as unknown[][], 4);
    expect(row).toMatchObject({
      'Nama kegiatan': '=IMPORTRANGE("x")',
      Tempat: '+62 812',
      'Penanggung jawab': '007',
    });
    expect(workbench.state.sheets.flatMap((s) => s.rows.flat()).some((cell) => cell?.formula)).toBe(false);
  });

  test('refusals: empty name, impossible date, unknown template, too long text; nothing is written', () => {
    const workbench = progressWorkbench();
    const refuse = (request: object) => {
      const result = workbench.run('createActivity', [{ ...PUG_ACTIVITY, ...request }]);
      expect(result.ok).toBe(false);
      return result.error;
    };
    expect(refuse({ name: '  ' })).toBe(
      'Error: Nama kegiatan kosong. Tulis nama kegiatan, mis. "Rapat Koordinasi PUG 2026".',
    );
    expect(refuse({ plannedDate: '2026-02-30' })).toBe(
      'Error: Tanggal rencana "2026-02-30" tidak terbaca. Tulis mis. 2026-11-24, atau kosongkan.',
    );
    expect(refuse({ plannedDate: '24/11/2026' })).toMatch(/Tanggal rencana "24\/11\/2026" tidak terbaca/);
    expect(refuse({ templateId: 'sheet:Template: Tidak Ada' })).toBe(
      'Error: Template "Template: Tidak Ada" punya 1 masalah, jadi kegiatan tidak dibuat:\n' +
        '• Template tidak ditemukan: sheet:Template: Tidak Ada. Muat ulang daftar template.',
    );
    expect(refuse({ place: 'x'.repeat(5001) })).toBe(
      'Error: Tempat terlalu panjang (5001 karakter; paling banyak 5000).',
    );
    expect(sheetNames(workbench)).toEqual(['Sheet1']);
  });

  test('a busy document lock: "Sedang dipakai, coba lagi." and nothing written', () => {
    const workbench = progressWorkbench();
    create(workbench);
    const before = snapshot(workbench);
    workbench.setLockBusy('document', true);
    const result = workbench.run('createActivity', [PUG_ACTIVITY]);
    expect(result).toMatchObject({ ok: false, error: 'Error: Sedang dipakai, coba lagi.' });
    expect(snapshot(workbench)).toEqual(before);
  });

  test("a user's own sheet named Kegiatan is never overwritten", () => {
    const workbench = progressWorkbench();
    workbench.state.sheets[0].name = 'Kegiatan';
    typeInto(workbench, 'Kegiatan', 1, 1, 'Daftar kegiatan saya');
    const result = workbench.run('createActivity', [PUG_ACTIVITY]);
    expect(result.error).toBe(
      'Error: Sheet "Kegiatan" sudah ada dan bukan buatan add-on, jadi tidak diubah. Ganti nama sheet itu dulu.',
    );
    expect(sheetValues(workbench, 'Kegiatan')).toEqual([['Daftar kegiatan saya']]);
  });
});

describe('listActivities, getActivity and the sidebar state', () => {
  test('newest first, with status, progress and current step; the sidebar state carries them', () => {
    const workbench = progressWorkbench();
    create(workbench, { name: 'Pertama' });
    create(workbench, { name: 'Kedua', plannedDate: '' });
    runOk(workbench, 'logStep', [
      { activityId: 'KGT-0001', step: 1, action: 'start', at: '2026-11-24 08:00' },
    ]);
    const list = runOk(workbench, 'listActivities').value as ActivityListItem[];
    // Both were created in the same minute: the higher id is the newer one.
    expect(list.map((a) => [a.id, a.name, a.status, a.percent, a.currentStep])).toEqual([
      ['KGT-0002', 'Kedua', 'notStarted', 0, 1],
      ['KGT-0001', 'Pertama', 'running', 0, 1],
    ]);
    expect(list[0].plannedDate).toBe('');
    const state = runOk(workbench, 'getSidebarState');
    expect((state.value as SidebarState).activities).toEqual(list);
    const listed = runOk(workbench, 'listActivities');
    expect(listed.calls).toBe(4);
  });

  test('without a Kegiatan sheet the list is empty and loading the sidebar creates nothing', () => {
    const workbench = progressWorkbench();
    const state = runOk(workbench, 'getSidebarState');
    expect((state.value as SidebarState).activities).toEqual([]);
    expect(runOk(workbench, 'listActivities').value).toEqual([]);
    expect(sheetNames(workbench)).toEqual(['Sheet1']);
  });

  test('getActivity reads one activity; an unknown id is a plain message', () => {
    const workbench = progressWorkbench();
    create(workbench);
    create(workbench, { name: 'Kedua' });
    const view = runOk(workbench, 'getActivity', ['KGT-0002']);
    expect((view.value as ActivityView).activity).toMatchObject({ id: 'KGT-0002', name: 'Kedua' });
    expect((view.value as ActivityView).steps).toHaveLength(10);
    // 6, and 1 to find no Kalender Kerja (3 with one: its values).
    expect(view.calls).toBeLessThanOrEqual(7);
    expect(workbench.run('getActivity', ['KGT-0099']).error).toBe(
      'Error: Kegiatan KGT-0099 tidak ditemukan. Muat ulang panel.',
    );
    expect(workbench.run('getActivity', ['']).error).toBe(
      'Error: Kegiatan  tidak ditemukan. Muat ulang panel.',
    );
  });
});
