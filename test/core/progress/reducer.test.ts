import { describeProgressError } from '../../../src/core/progress/errors';
import type { ActivityProgress } from '../../../src/core/progress/model';
import {
  actualMinutes,
  allowedActions,
  applyStepEvent,
  clockMinutes,
  newProgress,
  summarize,
  variance,
  type StepEvent,
} from '../../../src/core/progress/reducer';
import { at, pugActivity, stepEvent } from './fixtures';

const A = 'KGT-0001';

function run(events: StepEvent[], progress: ActivityProgress = newProgress(pugActivity())): ActivityProgress {
  for (const event of events) {
    const result = applyStepEvent(progress, event);
    if (!result.ok) throw new Error(describeProgressError(result.error));
    progress = result.value;
  }
  return progress;
}

function refusal(progress: ActivityProgress, event: StepEvent): string {
  const result = applyStepEvent(progress, event);
  if (result.ok) throw new Error('expected a refusal');
  return describeProgressError(result.error);
}

describe('step state machine', () => {
  test('a process step starts, then finishes; times are kept to the minute', () => {
    const p = run([
      stepEvent(A, 'start', 1, '2026-11-24T08:00:31+07:00', { person: 'Budi' }),
      stepEvent(A, 'finish', 1, at('09:10'), { evidence: 'https://drive/x' }),
    ]);
    expect(p.steps[0]).toMatchObject({
      status: 'done',
      startedAt: at('08:00'),
      finishedAt: at('09:10'),
      person: 'Budi',
      evidence: 'https://drive/x',
    });
    expect(actualMinutes(p.steps[0], '')).toBe(70);
    expect(variance(p.steps[0], p.info.steps[0], '')).toBe(10); // standard 60
    expect(summarize(p)).toEqual({ status: 'running', percent: 10, currentStep: 2, revisions: 0 });
  });

  test('steps follow the SOP order unless the start is an explicit override, which is recorded', () => {
    const p = newProgress(pugActivity());
    expect(refusal(p, stepEvent(A, 'start', 3, at('08:00')))).toBe(
      'Langkah 3 belum bisa dimulai: langkah 1, 2 belum selesai. Centang "Kerjakan paralel" bila memang dikerjakan bersamaan.',
    );
    const parallel = run([stepEvent(A, 'start', 3, at('08:00'), { override: true })], p);
    expect(parallel.steps[2]).toMatchObject({ status: 'inProgress', override: true });
    expect(allowedActions(p, 2)).toEqual({ actions: ['start'], startNeedsOverride: true });
    expect(allowedActions(p, 0)).toEqual({ actions: ['start'], startNeedsOverride: false });
  });

  test('refusals: finish before start, end before its start, double start, decisions, unknown step, bad time', () => {
    const p = run([stepEvent(A, 'start', 1, at('08:00'))]);
    expect(refusal(newProgress(pugActivity()), stepEvent(A, 'finish', 1, at('09:00')))).toBe(
      'Langkah 1 belum dimulai: pilih Mulai dulu.',
    );
    expect(refusal(p, stepEvent(A, 'finish', 1, at('07:59')))).toBe(
      'Langkah 1 tidak bisa selesai sebelum dimulai (mulai 2026-11-24 08:00).',
    );
    expect(refusal(p, stepEvent(A, 'start', 1, at('08:05')))).toBe('Langkah 1 sudah dimulai.');
    expect(refusal(p, stepEvent(A, 'approve', 1, at('09:00')))).toBe(
      'Langkah 1 bukan langkah keputusan: pilih Selesai.',
    );
    expect(refusal(p, stepEvent(A, 'start', 11, at('09:00')))).toBe(
      'Langkah 11 tidak ada di SOP kegiatan ini.',
    );
    expect(refusal(p, stepEvent(A, 'finish', 1, 'kemarin'))).toBe(
      'Waktu "kemarin" tidak terbaca. Tulis mis. 2026-11-24 09:30.',
    );
    const done = run([stepEvent(A, 'finish', 1, at('09:00')), stepEvent(A, 'start', 2, at('09:00'))], p);
    expect(refusal(done, stepEvent(A, 'finish', 2, at('10:00')))).toBe(
      'Langkah 2 adalah keputusan: pilih Sesuai atau Perbaikan.',
    );
    expect(refusal(done, stepEvent(A, 'revise', 2, at('10:00'), { note: '  ' }))).toBe(
      'Perbaikan pada langkah 2 perlu catatan: apa yang harus diperbaiki?',
    );
    expect(refusal(done, stepEvent(A, 'start', 1, at('10:00')))).toBe('Langkah 1 sudah selesai.');
  });

  test('Perbaikan reopens the target and every step after it; a revision counts only when a reopened step is started again', () => {
    const p = run([
      stepEvent(A, 'start', 1, at('08:00')),
      stepEvent(A, 'finish', 1, at('09:00')),
      stepEvent(A, 'start', 2, at('09:00')),
      stepEvent(A, 'revise', 2, at('09:30'), { note: 'RKA belum lengkap' }),
    ]);
    // Nothing is redone yet: no step shows a revision, steps 3–10 (never started) never will.
    expect(p.steps.map((s) => [s.status, s.revisions])).toEqual(
      Array.from({ length: 10 }, () => ['pending', 0]),
    );
    expect(p.steps.map((s) => s.reopened)).toEqual([true, ...Array.from({ length: 9 }, () => false)]);
    expect(p.steps[1]).toMatchObject({
      decision: 'needsRevision',
      note: 'RKA belum lengkap',
      revisionRequests: 1,
    });
    expect(summarize(p)).toEqual({ status: 'running', percent: 0, currentStep: 1, revisions: 1 });
    const restarted = run([stepEvent(A, 'start', 1, at('10:00'))], p);
    expect(restarted.steps[0]).toMatchObject({ revisions: 1, reopened: false });
    const again = run(
      [
        stepEvent(A, 'finish', 1, at('10:30')),
        stepEvent(A, 'start', 2, at('10:30')),
        stepEvent(A, 'approve', 2, at('11:00')),
      ],
      restarted,
    );
    // The deciding step counts its Perbaikan requests, not revisions of its own.
    expect(again.steps[1]).toMatchObject({
      status: 'done',
      decision: 'approved',
      revisions: 0,
      revisionRequests: 1,
    });
    expect(again.steps.map((s) => s.revisions)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('a step reopened twice before it is redone counts one revision; a running step reset counts too', () => {
    const p = run([
      stepEvent(A, 'start', 1, at('08:00')),
      stepEvent(A, 'finish', 1, at('09:00')),
      stepEvent(A, 'start', 2, at('09:00')),
      stepEvent(A, 'start', 3, at('09:05'), { override: true }),
      stepEvent(A, 'revise', 2, at('09:30'), { note: 'ulang' }),
      stepEvent(A, 'start', 2, at('09:40'), { override: true }),
      stepEvent(A, 'revise', 2, at('09:50'), { note: 'ulang lagi' }),
    ]);
    expect(p.steps.slice(0, 3).map((s) => [s.reopened, s.revisions])).toEqual([
      [true, 0],
      [false, 0],
      [true, 0],
    ]);
    const redone = run(
      [
        stepEvent(A, 'start', 1, at('10:00')),
        stepEvent(A, 'finish', 1, at('10:10')),
        stepEvent(A, 'start', 2, at('10:10')),
        stepEvent(A, 'approve', 2, at('10:20')),
        stepEvent(A, 'start', 3, at('10:20')),
      ],
      p,
    );
    expect(redone.steps.slice(0, 4).map((s) => s.revisions)).toEqual([1, 0, 1, 0]);
    expect(redone.steps[1].revisionRequests).toBe(2);
  });

  test('a whole run of the ten steps ends done at 100%, the two-day event within its upper bound', () => {
    const events: StepEvent[] = [];
    let minute = 0;
    const t = () => new Date(Date.parse(at('08:00')) + minute * 60000).toISOString().replace('.000Z', 'Z');
    for (const step of pugActivity().steps) {
      events.push(stepEvent(A, 'start', step.number, t()));
      minute += step.number === 8 ? 800 : 30;
      events.push(stepEvent(A, step.kind === 'decision' ? 'approve' : 'finish', step.number, t()));
    }
    const p = run(events);
    expect(summarize(p)).toEqual({ status: 'done', percent: 100, currentStep: null, revisions: 0 });
    // Step 8 runs 800 clock minutes from Tuesday 11:30 to Wednesday 01:50: 210 working minutes.
    expect(clockMinutes(p.steps[7], '')).toBe(800);
    expect(actualMinutes(p.steps[7], '')).toBe(30 + 180);
    expect(variance(p.steps[7], p.info.steps[7], '')).toBe(210 - 840);
    expect(p.steps[0].startedAt).toBe('2026-11-24T01:00:00Z'); // kept as given; rows show it in the zone
  });
});

test('typed text is trimmed, so a blank note is no note (found by the live-vs-rebuild property)', () => {
  const result = applyStepEvent(
    newProgress(pugActivity()),
    stepEvent(A, 'start', 1, at('08:00'), { note: ' ', person: ' Budi ' }),
  );
  expect(result.ok && [result.value.steps[0].note, result.value.steps[0].person]).toEqual(['', 'Budi']);
});
