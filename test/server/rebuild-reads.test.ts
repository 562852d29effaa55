/**
 * What "Bangun ulang progres" reads and writes: every cell read costs time in Apps Script
 * (issue 12), so the rebuild reads only the `Riwayat` columns the replay uses, and each of those
 * columns is shown to matter (changing it changes the rebuild), so none could be left out.
 */
import { progressState } from '../../bench/actions/progress';
import { RIWAYAT_HEADERS } from '../../src/core/progress/riwayat-rows';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { runOk, uiOf } from '../support/workbench';
import { create, logOk, progressWorkbench, sheetValues, typeInto } from './progress-helpers';

const rebuild = (workbench: Workbench) => runOk(workbench, 'menuRebuildProgress');

/** The derived sheets and the alert a rebuild leaves. */
function outcome(workbench: Workbench) {
  const alerts = uiOf(rebuild(workbench), 'alert').map((a) => a.prompt);
  return { Kegiatan: sheetValues(workbench, 'Kegiatan'), Langkah: sheetValues(workbench, 'Langkah'), alerts };
}

/** One activity: row 2 creates it, row 3 starts step 1 with every text field, row 4 starts step 3 in parallel. */
function smallLog(): Workbench {
  const workbench = progressWorkbench();
  create(workbench);
  logOk(workbench, {
    step: 1,
    action: 'start',
    at: '2026-11-24 08:00',
    person: 'Ana',
    evidence: 'foto',
    note: 'mulai',
  });
  logOk(workbench, { step: 3, action: 'start', at: '2026-11-24 08:10', override: true });
  return workbench;
}

describe('rebuild: reads only what the replay uses', () => {
  test.each([100, 2000])(
    '%i events: 12 cells per Riwayat row (Sebelum and Sesudah skipped), nothing else',
    (events) => {
      const workbench = progressWorkbench({ state: progressState(events) });
      const { value: result, cells } = meterCells(() => rebuild(workbench));
      expect(result.cellsRead).toBe(12 * events);
      // Columns A–J, then M–N: two reads, no read of Kegiatan or Langkah (rewritten whole).
      expect(cells.reads).toEqual([`${events}×10`, `${events}×2`]);
    },
  );

  test('writes each derived cell once, header included, values only', () => {
    const events = 2000;
    const workbench = progressWorkbench({ state: progressState(events) });
    const result = rebuild(workbench);
    const kegiatan = sheetValues(workbench, 'Kegiatan')!;
    const langkah = sheetValues(workbench, 'Langkah')!;
    expect([kegiatan.length, langkah.length]).toEqual([101, 1001]);
    expect(result.cellsWritten).toBe(
      kegiatan.length * kegiatan[0].length + langkah.length * langkah[0].length,
    );
    expect(result.callsByMethod['Range.setValues']).toBe(2);
    expect(result.callsByMethod['Range.setNumberFormats']).toBeUndefined();
    expect(result.calls).toBeLessThanOrEqual(26);
  });

  // Every column read is replayed: a changed value there changes the derived sheets or the
  // alert. (Sebelum and Sesudah, not read, change nothing: rebuild.test.ts.)
  const edits: [(typeof RIWAYAT_HEADERS)[number], number, string][] = [
    ['Dicatat pada', 3, '2026-11-25T07:00:00+07:00'],
    ['Oleh', 3, 'orang lain'],
    ['ID kegiatan', 3, 'KGT-9999'],
    ['Langkah', 3, '2'],
    ['Aksi', 3, 'Selesai'],
    ['Waktu kejadian', 3, '2026-11-24T07:30:00+07:00'],
    ['Petugas', 3, 'Budi'],
    ['Bukti', 3, 'notulen'],
    ['Catatan', 3, 'diubah'],
    ['Paralel', 4, 'FALSE'],
    ['ID event', 3, ' '],
    ['Data', 2, '{}'],
  ];

  test('the 12 columns read are exactly those outside Sebelum and Sesudah', () => {
    expect(edits.map(([header]) => header)).toEqual(
      RIWAYAT_HEADERS.filter((h) => h !== 'Sebelum' && h !== 'Sesudah'),
    );
  });

  const baseline = outcome(smallLog());
  test.each(edits)('a changed "%s" (row %i) changes the rebuild', (header, row, value) => {
    const workbench = smallLog();
    typeInto(workbench, 'Riwayat', row, RIWAYAT_HEADERS.indexOf(header) + 1, value);
    expect(outcome(workbench)).not.toEqual(baseline);
  });
});
