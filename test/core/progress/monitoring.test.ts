import fc from 'fast-check';
import type { ActivityInfo } from '../../../src/core/progress/model';
import {
  ACTION_OVERRUN,
  ACTION_REVISION,
  median,
  monitorFromLog,
  NEVER_RUN,
  type StepMonitoring,
} from '../../../src/core/progress/monitoring';
import { eventRow } from '../../../src/core/progress/riwayat-rows';
import type { RowValue } from '../../../src/core/progress/row-labels';
import { minutesRange, parseMinutes } from '../../../src/core/sop/minutes';
import { workingCalendar } from '../../../src/core/calendar/working-minutes';
import { Log, pugActivity, stepEvent, TZ } from './fixtures';

const isDecision = (step: number) => [2, 6, 10].includes(step);

/** Every minute a working minute: these tests are about runs and counts, not the calendar. */
const ALWAYS = workingCalendar({
  week: ([0, 1, 2, 3, 4, 5, 6] as const).map((weekday) => ({
    weekday,
    working: true,
    start: 0,
    end: 1440,
    breakStart: 0,
    breakEnd: 0,
  })),
  holidays: [],
});

/** Three Penguatan PUG activities with known times, one not started, one of another SOP. */
function sampleLog(): Log {
  const log = new Log();
  const [A, B, C, E] = ['KGT-0001', 'KGT-0002', 'KGT-0003', 'KGT-0005'];
  log.create(pugActivity(A, 'Sosialisasi PUG')).create(pugActivity(B, 'Bimtek PPRG'));
  log.create(pugActivity(C, 'Rapat ARG'));
  // A: the whole SOP; step 3 exactly its 75 minutes, step 8 within "420 atau 840", step 9 way over.
  const minutesA: Record<number, number> = { 1: 45, 2: 30, 3: 75, 8: 800, 9: 1234 };
  for (let step = 1; step <= 10; step++)
    log.run(A, step, minutesA[step] ?? 10, isDecision(step) ? 'approve' : 'finish');
  // B: step 1 over, Perbaikan at step 2 sends it back to step 1, redone (over again).
  log.run(B, 1, 72).run(B, 2, 20, 'revise', 'RKA belum lengkap');
  log.run(B, 1, 95).run(B, 2, 30, 'approve').run(B, 3, 60);
  // C: the decision itself over its 60 minutes; step 3 started, not finished: no run.
  log.run(C, 1, 50).run(C, 2, 65, 'approve').act(C, 'start', 3, 5);
  log.create(pugActivity(E, 'Belum mulai'));
  const other: ActivityInfo = {
    ...pugActivity('KGT-0004', 'Rakor'),
    templateId: 'sheet:Template: Rapat Koordinasi',
    templateName: 'Rapat Koordinasi',
    steps: [
      { number: 1, activity: 'Menyusun undangan', executors: ['Kasi'], kind: 'process', minutes: min('30') },
      { number: 2, activity: 'Rapat', executors: ['Kabid'], kind: 'process', minutes: min('120') },
    ],
  };
  log.create(other).run('KGT-0004', 1, 25);
  return log;
}

function min(text: string) {
  const parsed = parseMinutes(text);
  if (!parsed) throw new Error(text);
  return parsed;
}

const stepOf = (steps: StepMonitoring[], number: number) => steps.find((s) => s.number === number)!;

describe('monitorFromLog', () => {
  const report = monitorFromLog(sampleLog().rows, TZ, ALWAYS);
  const [pug, rakor] = report.sops;
  const step = (n: number) => stepOf(pug.steps, n);

  test('groups activities per SOP (template name) and counts their status', () => {
    expect(report.sops.map((s) => s.templateName)).toEqual(['Penguatan PUG', 'Rapat Koordinasi']);
    expect(pug.activities).toEqual({ total: 4, done: 1, running: 2, notStarted: 1 });
    expect(rakor.activities).toEqual({ total: 1, done: 0, running: 1, notStarted: 0 });
    expect(pug.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(report).toMatchObject({ rows: 42, unreadable: 0, refused: 0 });
  });

  test('step 1: four runs including the rerun after Perbaikan, exact median, max and % within', () => {
    expect(step(1)).toMatchObject({
      activity: 'Perintah/Arahan melaksanakan kegiatan/rapat internal',
      standardText: '60',
      standardMax: 60,
      runs: 4,
      actuals: [45, 72, 95, 50],
      median: 61,
      max: 95,
      within: 2,
      percentWithin: 50,
      revisionDecisions: 0,
      reopened: 1,
      revisions: 1,
      activities: 3,
    });
    expect(step(1).form).toEqual({
      assessment: 'notGood',
      note: '2 dari 4 pelaksanaan melebihi mutu baku 60 menit (median 61, maks 95). Dikerjakan ulang 1 kali karena Perbaikan.',
      action: `${ACTION_OVERRUN} ${ACTION_REVISION}`,
    });
  });

  test('step 2, the decision: the Perbaikan itself is a run and a revision', () => {
    expect(step(2)).toMatchObject({
      runs: 4,
      actuals: [30, 20, 30, 65],
      median: 30,
      max: 65,
      within: 3,
      percentWithin: 75,
      revisionDecisions: 1,
      reopened: 0,
      revisions: 1,
    });
    expect(step(2).form.note).toBe(
      '1 dari 4 pelaksanaan melebihi mutu baku 60 menit (median 30, maks 65). 1 kali Perbaikan.',
    );
  });

  test('within the standard (≤, the upper bound of "420 atau 840") is "Berjalan dengan baik", blank action', () => {
    expect(step(3)).toMatchObject({ runs: 2, median: 67.5, max: 75, percentWithin: 100, revisions: 0 });
    expect(step(3).form).toEqual({
      assessment: 'good',
      note: '2 pelaksanaan, semua sesuai mutu baku 75 menit (median 67,5, maks 75).',
      action: '',
    });
    expect(step(8)).toMatchObject({ standardText: '420 atau 840', standardMax: 840, runs: 1, within: 1 });
    expect(step(8).form).toEqual({
      assessment: 'good',
      note: '1 pelaksanaan, sesuai mutu baku 420 atau 840 menit (median 800, maks 800).',
      action: '',
    });
  });

  test('numbers are written the id-ID way', () => {
    expect(step(9).form).toEqual({
      assessment: 'notGood',
      note: '1 dari 1 pelaksanaan melebihi mutu baku 360 menit (median 1.234, maks 1.234).',
      action: ACTION_OVERRUN,
    });
  });

  test('a step never run: blank Penilaian, "Belum pernah dilaksanakan."', () => {
    expect(stepOf(rakor.steps, 2)).toMatchObject({
      activity: 'Rapat',
      runs: 0,
      median: null,
      max: null,
      percentWithin: null,
      form: { assessment: '', note: NEVER_RUN, action: '' },
    });
  });

  test('unreadable rows are skipped and counted; refused events too; blank rows are ignored', () => {
    const log = sampleLog();
    const good = monitorFromLog(log.rows, TZ, ALWAYS);
    const broken = [...log.rows];
    const bad = (column: number, value: RowValue) => {
      const row = [...log.rows[log.rows.length - 1]];
      row[column] = value;
      return row;
    };
    broken.push(bad(4, 'Lompat'), bad(5, 'besok'), ['', '', '', '', '', '', '', '', '', '', '', '', '', '']);
    const create = [...log.rows[0]];
    create[13] = '{rusak';
    broken.push(create);
    // Finishing a step of activity C that never started: refused by the state machine.
    broken.push(eventRow(stepEvent('KGT-0003', 'finish', 5, '2026-11-30T10:00:00+07:00'), '', ''));
    const result = monitorFromLog(broken, TZ, ALWAYS);
    expect(result).toMatchObject({ rows: 46, unreadable: 3, refused: 1 });
    expect(result.sops).toEqual(good.sops);
  });

  test('the latest activity gives a step its text and standard when the template changed', () => {
    const log = new Log();
    const old = pugActivity('KGT-0001');
    const changed = pugActivity('KGT-0002');
    changed.steps[0] = { ...changed.steps[0], activity: 'Arahan pimpinan (baru)', minutes: min('90') };
    log.create(old).run('KGT-0001', 1, 80).create(changed).run('KGT-0002', 1, 80);
    const [sop] = monitorFromLog(log.rows, TZ, ALWAYS).sops;
    // Each run is judged by the standard its own activity froze: 80 > 60, 80 ≤ 90.
    expect(stepOf(sop.steps, 1)).toMatchObject({
      activity: 'Arahan pimpinan (baru)',
      standardText: '90',
      runs: 2,
      within: 1,
      percentWithin: 50,
    });
  });

  test('median', () => {
    expect([[], [5], [3, 1], [9, 1, 5], [4, 1, 3, 2]].map(median)).toEqual([null, 5, 2, 5, 2.5]);
  });
});

describe('monitorFromLog on random valid runs', () => {
  /** One activity walking the SOP in order: durations cycle, Perbaikan when `revise` says so (≤ 3 per decision). */
  const activity = fc.record({
    durations: fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 12 }),
    revise: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
    /** How many step actions before stopping; the last start may stay open. */
    length: fc.integer({ min: 0, max: 40 }),
  });

  test('runs, within, revisions per step equal what the walk did; % within is 0–100', () => {
    fc.assert(
      fc.property(fc.array(activity, { minLength: 1, maxLength: 4 }), fc.nat(), (walks, seed) => {
        const steps = pugActivity().steps;
        const expected = new Map<number, { runs: number; within: number; revisions: number }>(
          steps.map((s) => [s.number, { runs: 0, within: 0, revisions: 0 }]),
        );
        const perActivity: RowValue[][][] = [];
        walks.forEach((walk, a) => {
          const id = `KGT-${a + 1}`;
          const log = new Log().create(pugActivity(id));
          let index = 0;
          let n = 0;
          const revisionsAt = new Map<number, number>();
          while (index < steps.length && n < walk.length) {
            const step = steps[index];
            const minutes = walk.durations[n % walk.durations.length];
            const wantsRevision =
              walk.revise[n % walk.revise.length] && (revisionsAt.get(step.number) ?? 0) < 3;
            n++;
            if (n === walk.length) {
              log.act(id, 'start', step.number, 1); // left running: no run
              break;
            }
            const counts = expected.get(step.number)!;
            counts.runs++;
            if (minutes <= minutesRange(step.minutes).max) counts.within++;
            if (step.kind === 'decision' && wantsRevision) {
              revisionsAt.set(step.number, (revisionsAt.get(step.number) ?? 0) + 1);
              log.run(id, step.number, minutes, 'revise', 'kurang lengkap');
              counts.revisions++;
              const target = steps.findIndex((s) => s.number === step.onRevision);
              // Every done step from the target up to the decision is redone.
              for (let i = target; i < index; i++) expected.get(steps[i].number)!.revisions++;
              index = target;
            } else {
              log.run(id, step.number, minutes, step.kind === 'decision' ? 'approve' : 'finish');
              index++;
            }
          }
          perActivity.push(log.rows);
        });
        // Interleave the activities' logs (each keeps its own order), as concurrent staff would.
        const rows: RowValue[][] = [];
        const cursors = perActivity.map(() => 0);
        let pick = seed;
        while (rows.length < perActivity.reduce((sum, r) => sum + r.length, 0)) {
          const open = perActivity.map((_, i) => i).filter((i) => cursors[i] < perActivity[i].length);
          const i = open[pick % open.length];
          pick = (pick * 1103515245 + 12345) % 2147483648;
          rows.push(perActivity[i][cursors[i]++]);
        }
        const report = monitorFromLog(rows, TZ, ALWAYS);
        expect(report).toMatchObject({ unreadable: 0, refused: 0 });
        expect(report.sops).toHaveLength(1);
        expect(report.sops[0].activities.total).toBe(walks.length);
        for (const step of report.sops[0].steps) {
          const want = expected.get(step.number)!;
          expect({ runs: step.runs, within: step.within, revisions: step.revisions }).toEqual(want);
          expect(step.actuals).toHaveLength(step.runs);
          if (step.runs === 0) {
            expect(step.percentWithin).toBeNull();
            expect(step.form.assessment).toBe('');
          } else {
            expect(step.percentWithin).toBeGreaterThanOrEqual(0);
            expect(step.percentWithin).toBeLessThanOrEqual(100);
            expect(step.median!).toBeLessThanOrEqual(step.max!);
            expect(step.form.assessment).toBe(
              step.within === step.runs && step.revisions === 0 ? 'good' : 'notGood',
            );
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

test('by default a run counts working minutes: Friday 15:00 to Monday 08:30 is 90 + 60', () => {
  const log = new Log().create({ ...pugActivity(), createdAt: '2026-11-27T14:55:00+07:00' });
  log.run('KGT-0001', 1, 3 * 1440 - 390); // starts Friday 15:00, ends Monday 08:30
  const [sop] = monitorFromLog(log.rows, TZ).sops;
  expect(sop.steps[0]).toMatchObject({ runs: 1, actuals: [150], within: 0 });
});
