import fc from 'fast-check';
import type { ActivityEvent, StepAction } from '../../../src/core/progress/model';
import { applyStepEvent, newProgress, summarize } from '../../../src/core/progress/reducer';
import { rebuildFromLog } from '../../../src/core/progress/rebuild';
import { activityRow, KEGIATAN_HEADERS, parseActivityRow } from '../../../src/core/progress/kegiatan-rows';
import { LANGKAH_HEADERS, parseStepRows, stepRows } from '../../../src/core/progress/langkah-rows';
import { eventRow } from '../../../src/core/progress/riwayat-rows';
import { STATUS_LABELS, type RowValue } from '../../../src/core/progress/row-labels';
import { createEvent, pugActivity, stepEvent, TZ } from './fixtures';

/**
 * The three sheets kept the way the server keeps them live: each action reads the activity's
 * Kegiatan and Langkah rows back, applies one event, writes the rows and appends to Riwayat.
 */
class LiveSheets {
  kegiatan: RowValue[][] = [];
  langkah: RowValue[][] = [];
  riwayat: RowValue[][] = [];

  log(event: ActivityEvent): boolean {
    if (event.kind === 'create') {
      const progress = newProgress(event.activity);
      this.kegiatan.push(activityRow(progress, 2 + this.langkah.length, TZ));
      this.langkah.push(...stepRows(progress, '', TZ));
      this.riwayat.push(eventRow(event, '', event.activity.name));
      return true;
    }
    const k = this.kegiatan.findIndex((row) => row[KEGIATAN_HEADERS.indexOf('ID')] === event.activityId);
    if (k < 0) return false;
    const { info, langkahRow } = parseActivityRow(this.kegiatan[k])!;
    const first = langkahRow - 2;
    const parsed = parseStepRows(info, this.langkah.slice(first, first + info.steps.length), langkahRow, TZ);
    if (!parsed.ok) throw new Error(`unreadable live row ${parsed.row} ${parsed.column}: ${parsed.value}`);
    const index = info.steps.findIndex((s) => s.number === event.step);
    const result = applyStepEvent(parsed.progress, event);
    if (!result.ok) return false; // refused: nothing is written
    const before = STATUS_LABELS[parsed.progress.steps[index].status];
    const after = STATUS_LABELS[result.value.steps[index].status];
    this.langkah.splice(first, info.steps.length, ...stepRows(result.value, event.at, TZ));
    this.kegiatan[k] = activityRow(result.value, langkahRow, TZ);
    this.riwayat.push(eventRow(event, before, after));
    return true;
  }
}

const actions: StepAction[] = ['start', 'finish', 'approve', 'revise'];
const command = fc.record({
  activity: fc.nat(2),
  action: fc.constantFrom(...actions, 'start', 'finish'),
  step: fc.integer({ min: 1, max: 11 }),
  /** Minutes since the previous event; negative = back-logged. */
  gap: fc.integer({ min: -90, max: 600 }),
  seconds: fc.integer({ min: 0, max: 59 }),
  override: fc.boolean(),
  note: fc.oneof(fc.constant(''), fc.constant('=HYPERLINK("x")'), fc.string({ maxLength: 20 })),
  person: fc.constantFrom('', 'Budi', '+62 812', '@ani'),
});

/** A `Riwayat` row of step 1 typed by hand: no person, evidence or note, not parallel. */
const handRow = (loggedAt: string, activityId: string, action: string, at: string, eventId: string) => [
  loggedAt,
  'x',
  activityId,
  1,
  action,
  at,
  '',
  '',
  '',
  false,
  '',
  '',
  eventId,
  '',
];

describe('live logging and the rebuild from Riwayat agree', () => {
  test('for any sequence of actions, the rebuilt Kegiatan and Langkah equal the live ones', () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 80 }),
        fc.integer({ min: 1, max: 3 }),
        (commands, activityCount) => {
          const live = new LiveSheets();
          const ids = Array.from({ length: activityCount }, (_, i) => `KGT-000${i + 1}`);
          ids.forEach((id, i) => live.log(createEvent(pugActivity(id, `Kegiatan ${i + 1}`))));
          let clock = Date.parse('2026-11-24T08:00:00+07:00');
          let accepted = 0;
          const starts = new Map<string, number>();
          for (const c of commands) {
            clock += c.gap * 60000;
            const when = new Date(clock + c.seconds * 1000).toISOString().replace('.000Z', 'Z');
            const event = stepEvent(ids[c.activity % activityCount], c.action, c.step, when, c);
            if (!live.log(event)) continue;
            accepted++;
            const key = `${event.activityId} ${event.step}`;
            if (c.action === 'start') starts.set(key, (starts.get(key) ?? 0) + 1);
          }
          const rebuilt = rebuildFromLog(live.riwayat, 2, TZ);
          expect(rebuilt.problems).toEqual([]);
          expect(rebuilt.kegiatan).toEqual(live.kegiatan);
          expect(rebuilt.langkah).toEqual(live.langkah);
          expect(live.riwayat).toHaveLength(activityCount + accepted);
          for (const progress of rebuilt.activities) {
            // A revision is a redone step: started again, so never more than its starts − 1.
            for (const step of progress.steps) {
              const started = starts.get(`${progress.info.id} ${step.number}`) ?? 0;
              expect(step.revisions).toBeLessThanOrEqual(Math.max(0, started - 1));
            }
            const { percent } = summarize(progress);
            expect(percent).toBeGreaterThanOrEqual(0);
            expect(percent).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a guided full run with a Perbaikan reaches 100% and rebuilds identically', () => {
    const live = new LiveSheets();
    live.log(createEvent(pugActivity()));
    const A = 'KGT-0001';
    let minute = 0;
    const t = () => new Date(Date.parse('2026-11-24T08:00:00+07:00') + (minute += 30) * 60000).toISOString();
    const ok = (kind: StepAction, step: number, note = '') =>
      expect(live.log(stepEvent(A, kind, step, t(), { note }))).toBe(true);
    ok('start', 1);
    ok('finish', 1);
    ok('start', 2);
    ok('revise', 2, 'RKA belum lengkap');
    for (const step of pugActivity().steps) {
      ok('start', step.number);
      ok(step.kind === 'decision' ? 'approve' : 'finish', step.number);
    }
    const row = live.kegiatan[0];
    expect(row.slice(6, 10)).toEqual(['Selesai', 100, '-', 1]);
    // Only step 1 was redone; step 2 (the decision) counts its one Perbaikan request.
    const revisi = LANGKAH_HEADERS.indexOf('Revisi');
    expect(live.langkah.map((r) => r[revisi])).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(live.langkah.map((r) => r[revisi + 1])).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const rebuilt = rebuildFromLog(live.riwayat, 2, TZ);
    expect(rebuilt.langkah).toEqual(live.langkah);
    expect(rebuilt.kegiatan).toEqual(live.kegiatan);
  });

  test('hand-edited nonsense in Riwayat is reported by row and skipped', () => {
    const live = new LiveSheets();
    live.log(createEvent(pugActivity()));
    live.log(stepEvent('KGT-0001', 'start', 1, '2026-11-24T08:00:00+07:00'));
    live.riwayat.push(handRow('kemarin', 'KGT-0001', 'Selesai', 'besok', 'ev-x'));
    live.riwayat.push(
      handRow('2026-11-24T09:00:00+07:00', 'KGT-0009', 'Mulai', '2026-11-24T09:00:00+07:00', 'ev-y'),
    );
    live.riwayat.push(handRow('2026-11-24T09:00:00+07:00', 'KGT-0001', 'Dihapus', '', 'ev-z'));
    const rebuilt = rebuildFromLog(live.riwayat, 2, TZ);
    expect(rebuilt.problems).toEqual([
      'Riwayat baris 4: kolom "Dicatat pada" tidak terbaca ("kemarin").',
      'Riwayat baris 5: Kegiatan KGT-0009 tidak ditemukan. Muat ulang panel.',
      'Riwayat baris 6: kolom "Aksi" tidak terbaca ("Dihapus").',
    ]);
    expect(rebuilt.langkah).toEqual(live.langkah.slice(0, 10));
  });
});
