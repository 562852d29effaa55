import type { ActivityProgress } from '../../../src/core/progress/model';
import { applyStepEvent, newProgress } from '../../../src/core/progress/reducer';
import { activityRow } from '../../../src/core/progress/kegiatan-rows';
import {
  activityListFromRows,
  activityView,
  listItem,
  listItemFromRow,
  newestFirst,
} from '../../../src/core/progress/views';
import { minutesBetween } from '../../../src/core/time';
import { at, pugActivity, stepEvent, TZ } from './fixtures';

function withEvents(progress: ActivityProgress, ...events: Parameters<typeof stepEvent>[]): ActivityProgress {
  return events.reduce((state, args) => {
    const result = applyStepEvent(state, stepEvent(...args));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  }, progress);
}

describe('activityView', () => {
  test('a new activity: every step pending, only the first may start, no times', () => {
    const progress = newProgress(pugActivity());
    const view = activityView(progress, at('08:00'), TZ);
    expect(view.now).toBe('2026-11-24T08:00');
    expect(view.activity).toEqual(listItem(progress));
    expect(view.activity).toMatchObject({ id: 'KGT-0001', status: 'notStarted', percent: 0 });
    expect(view.steps).toHaveLength(progress.info.steps.length);
    expect(view.steps[0]).toMatchObject({
      number: 1,
      kind: 'process',
      standardMinutes: '60',
      status: 'pending',
      startedAt: '',
      finishedAt: '',
      actualMinutes: null,
      variance: null,
      overdue: false,
      actions: ['start'],
      startNeedsOverride: false,
    });
    expect(view.steps[1].startNeedsOverride).toBe(true);
  });

  test('a finished step over its mutu baku: local times, minutes, variance, overdue', () => {
    const progress = withEvents(
      newProgress(pugActivity()),
      ['KGT-0001', 'start', 1, at('08:00'), { person: 'Ani' }],
      ['KGT-0001', 'finish', 1, at('09:30'), { evidence: 'Disposisi no. 5' }],
    );
    const [first] = activityView(progress, at('10:00'), TZ).steps;
    expect(first).toMatchObject({
      status: 'done',
      person: 'Ani',
      startedAt: '2026-11-24 08:00',
      finishedAt: '2026-11-24 09:30',
      actualMinutes: 90,
      variance: 30,
      overdue: true,
      evidence: 'Disposisi no. 5',
    });
  });

  test('minutes are working minutes; clock minutes beside them (a run across a weekend and Natal)', () => {
    // Thursday 24 Dec 2026 (cuti bersama) … Monday 28 Dec: Friday 25 is Natal, then the weekend.
    const progress = withEvents(
      newProgress(pugActivity()),
      ['KGT-0001', 'start', 1, '2026-12-23T15:00:00+07:00'],
      ['KGT-0001', 'finish', 1, '2026-12-28T08:30:00+07:00'],
    );
    const [first] = activityView(progress, '2026-12-28T09:00:00+07:00', TZ).steps;
    expect(first).toMatchObject({
      actualMinutes: 60 + 60,
      clockMinutes: 6810,
      variance: 60,
      dayMinutes: 450,
    });
  });

  test('a back-dated step still running counts working minutes to now', () => {
    const progress = withEvents(newProgress(pugActivity()), [
      'KGT-0001',
      'start',
      1,
      '2025-02-10T08:00:00+07:00',
    ]);
    const [first] = activityView(progress, '2026-11-24T10:00:00+07:00', TZ).steps;
    expect(first.clockMinutes).toBe(minutesBetween('2025-02-10T08:00:00+07:00', '2026-11-24T10:00:00+07:00'));
    expect(first.actualMinutes).toBeLessThan(first.clockMinutes! / 3);
    expect(first.variance).toBe(first.actualMinutes! - 60);
  });

  test('the deciding step carries its Perbaikan requests; steps never started show no revision', () => {
    const progress = withEvents(
      newProgress(pugActivity()),
      ['KGT-0001', 'start', 1, at('08:00')],
      ['KGT-0001', 'finish', 1, at('09:00')],
      ['KGT-0001', 'start', 2, at('09:00')],
      ['KGT-0001', 'revise', 2, at('09:30'), { note: 'RKA belum lengkap' }],
    );
    const steps = activityView(progress, at('10:00'), TZ).steps;
    expect(steps.map((s) => [s.revisions, s.revisionRequests])).toEqual([
      [0, 0],
      [0, 1],
      ...Array.from({ length: 8 }, () => [0, 0]),
    ]);
  });

  test('survives the trip to the client: plain JSON, nothing lost', () => {
    const view = activityView(newProgress(pugActivity()), at('08:00'), TZ);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});

describe('list items from Kegiatan rows', () => {
  test('a row reads back as the item of its progress', () => {
    const progress = withEvents(newProgress(pugActivity()), ['KGT-0001', 'start', 1, at('08:00')]);
    expect(listItemFromRow(activityRow(progress, 2, TZ))).toEqual(listItem(progress));
  });

  test('a row that is not an activity is no item', () => {
    expect(
      listItemFromRow(['KGT-0001', 'Rapat', '', '', '', '', '', '', '', '', '', '', 2, 'not json']),
    ).toBe(null);
    expect(listItemFromRow([])).toBe(null);
  });

  test('activityListFromRows: newest first, ties by number, other rows left out', () => {
    const row = (id: string, createdAt: string) =>
      activityRow(newProgress({ ...pugActivity(id), createdAt }), 2, TZ);
    const rows = [
      row('KGT-0009', '2026-11-24T08:00:00+07:00'),
      ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      row('KGT-0010', '2026-11-24T08:00:00+07:00'),
      row('KGT-0002', '2026-11-25T08:00:00+07:00'),
    ];
    expect(activityListFromRows(rows).map((item) => item.id)).toEqual(['KGT-0002', 'KGT-0010', 'KGT-0009']);
    expect(activityListFromRows([])).toEqual([]);
  });

  test('newestFirst leaves its input as it was', () => {
    const item = listItem(newProgress(pugActivity()));
    const items = [
      { item: { ...item, id: 'KGT-0001' }, createdAt: '2026-11-24T08:00:00+07:00' },
      { item: { ...item, id: 'KGT-0002' }, createdAt: '2026-11-25T08:00:00+07:00' },
    ];
    expect(newestFirst(items).map((i) => i.id)).toEqual(['KGT-0002', 'KGT-0001']);
    expect(items[0].item.id).toBe('KGT-0001');
  });
});
