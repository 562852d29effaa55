import fc from 'fast-check';
import { monitorFromLog } from '../../../src/core/progress/monitoring';
import { PENGUATAN_PUG } from '../../../src/core/sop/builtin-penguatan-pug';
import {
  currentVersion,
  nextVersion,
  templateHash,
  withVersionHistory,
} from '../../../src/core/sop/versions';
import { Log, pugActivity, TZ } from '../progress/fixtures';

describe('template hash', () => {
  test('the same content gives the same hash; any change to what the SOP shows changes it', () => {
    const hash = templateHash(PENGUATAN_PUG);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(templateHash(structuredClone(PENGUATAN_PUG))).toBe(hash);
    const edits: ((t: typeof PENGUATAN_PUG) => void)[] = [
      (t) => (t.steps[4].minutes = { text: '240', values: [240] }),
      (t) => (t.steps[0].executors = ['Kadis', 'Kabid']),
      (t) => (t.roles = [...t.roles, 'Staf']),
      (t) => (t.identity.dasarHukum = [...t.identity.dasarHukum, 'Permen baru']),
      (t) => (t.steps[1].onRevision = 'end'),
    ];
    for (const edit of edits) {
      const changed = structuredClone(PENGUATAN_PUG);
      edit(changed);
      expect(templateHash(changed)).not.toBe(hash);
    }
  });

  test('the history, its row and Tanggal Revisi are not content: recording a version changes nothing to compare', () => {
    const recorded = {
      ...structuredClone(PENGUATAN_PUG),
      versions: [{ version: 2, date: '2026-12-01', note: 'x', by: 'y' }],
      historyRow: 80,
      identity: { ...PENGUATAN_PUG.identity, tanggalRevisi: '2026-12-01' },
    };
    expect(templateHash(recorded)).toBe(templateHash(PENGUATAN_PUG));
  });

  test('property: step texts that differ give different hashes', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        const with1 = structuredClone(PENGUATAN_PUG);
        const with2 = structuredClone(PENGUATAN_PUG);
        with1.steps[0].activity = a;
        with2.steps[0].activity = b;
        expect(templateHash(with1)).not.toBe(templateHash(with2));
      }),
    );
  });
});

describe('version history', () => {
  test('without a history: version 1, made on Tanggal Pembuatan; no Tanggal Revisi', () => {
    const shown = withVersionHistory(PENGUATAN_PUG);
    expect(shown.versions).toEqual([{ version: 1, date: '2019-04-01', note: 'Versi pertama', by: '' }]);
    expect(shown.identity.tanggalRevisi).toBe('');
    expect(currentVersion(PENGUATAN_PUG)).toBe(1);
  });

  test('Tanggal Revisi: the latest revision, unless a later one is typed', () => {
    const versions = [
      { version: 1, date: '2019-04-01', note: 'Versi pertama', by: '' },
      nextVersion(PENGUATAN_PUG, '2024-02-03', 'Langkah 5 diubah', 'a@b.id'),
    ];
    expect(versions[1].version).toBe(2);
    expect(withVersionHistory({ ...PENGUATAN_PUG, versions }).identity.tanggalRevisi).toBe('2024-02-03');
    const typed = { ...PENGUATAN_PUG.identity, tanggalRevisi: '2025-01-01' };
    expect(withVersionHistory({ ...PENGUATAN_PUG, identity: typed, versions }).identity.tanggalRevisi).toBe(
      '2025-01-01',
    );
  });
});

describe('monitoring groups runs by the SOP version they ran', () => {
  test('version 2 of Penguatan PUG is its own group; version 1 and activities from before keep the name', () => {
    const log = new Log();
    log.create(pugActivity('KGT-0001', 'Lama'));
    log.create({ ...pugActivity('KGT-0002', 'Versi 1'), templateVersion: 1 });
    log.create({ ...pugActivity('KGT-0003', 'Versi 2'), templateVersion: 2 });
    log.run('KGT-0003', 1, 45).run('KGT-0001', 1, 50);
    const report = monitorFromLog(log.rows, TZ);
    expect(report.sops.map((sop) => [sop.templateName, sop.activities.total])).toEqual([
      [pugActivity().templateName, 2],
      [`${pugActivity().templateName} · versi 2`, 1],
    ]);
  });
});
