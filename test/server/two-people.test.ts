/**
 * Two people at once, interleaved where it hurts: the second one's execution runs the moment the
 * first releases the document lock. Apps Script would show the second one the first one's writes
 * only if they were flushed (the workbench models that: test/workbench/lock-flush.test.ts), so
 * these pass only because withDocumentLock flushes before releasing.
 */
import type { ActivityView } from '../../src/server/api';
import type { ExecutionResult } from '../../src/workbench/runtime';
import { create, logOk, progressWorkbench, PUG_ACTIVITY, sheetValues } from './progress-helpers';

describe('two people at once', () => {
  test('two activities created together get different ids and both keep their rows', () => {
    const workbench = progressWorkbench();
    create(workbench, { name: 'Kegiatan pertama' });
    let second: ExecutionResult | undefined;
    workbench.interleave('lockReleased', () => {
      second = workbench.run('createActivity', [{ ...PUG_ACTIVITY, name: 'Kegiatan ketiga' }]);
    });
    const first = create(workbench, { name: 'Kegiatan kedua' });
    expect(second?.ok).toBe(true);
    expect([first.activity.id, (second?.value as ActivityView).activity.id]).toEqual([
      'KGT-0002',
      'KGT-0003',
    ]);
    const kegiatan = sheetValues(workbench, 'Kegiatan') ?? [];
    expect(kegiatan.slice(1).map((row) => row[0])).toEqual(['KGT-0001', 'KGT-0002', 'KGT-0003']);
    const langkah = sheetValues(workbench, 'Langkah') ?? [];
    expect(langkah.slice(1).filter((row) => row[0] !== '')).toHaveLength(30);
  });

  test('a step finished by a colleague right after it was started is accepted', () => {
    const workbench = progressWorkbench();
    create(workbench);
    let finish: ExecutionResult | undefined;
    workbench.interleave('lockReleased', () => {
      finish = workbench.run('logStep', [
        { activityId: 'KGT-0001', step: 1, action: 'finish', at: '2026-11-24 09:30' },
      ]);
    });
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
    expect(finish?.error).toBeUndefined();
    const riwayat = sheetValues(workbench, 'Riwayat') ?? [];
    expect(riwayat.length - 1).toBe(3); // created, started, finished: nothing lost
  });
});
