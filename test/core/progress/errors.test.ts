import { describeProgressError } from '../../../src/core/progress/errors';
import type { ProgressError } from '../../../src/core/progress/model';

const ERRORS: ProgressError[] = [
  { code: 'unknownActivity', activityId: 'KGT-0009' },
  { code: 'unknownStep', step: 12 },
  { code: 'badTime', value: 'besok' },
  { code: 'alreadyStarted', step: 1 },
  { code: 'alreadyDone', step: 1 },
  { code: 'notStarted', step: 2 },
  {
    code: 'endBeforeStart',
    step: 2,
    startedAt: '2026-11-24T09:30:00+07:00',
    at: '2026-11-24T09:00:00+07:00',
  },
  { code: 'earlierUnfinished', step: 4, earlier: [2, 3] },
  { code: 'notDecision', step: 1 },
  { code: 'useDecision', step: 3 },
  { code: 'noteRequired', step: 3 },
  { code: 'duplicateActivity', activityId: 'KGT-0001' },
];

describe('refusals in plain words', () => {
  test('every refusal has its Indonesian and English message, naming what it is about', () => {
    for (const language of ['id', 'en'] as const)
      for (const error of ERRORS) {
        const message = describeProgressError(error, language);
        const about =
          'activityId' in error ? error.activityId : 'step' in error ? String(error.step) : error.value;
        expect(message).toContain(about);
      }
  });

  test('Indonesian by default; times and step lists written for people', () => {
    expect(describeProgressError(ERRORS[6])).toBe(
      'Langkah 2 tidak bisa selesai sebelum dimulai (mulai 2026-11-24 09:30).',
    );
    expect(describeProgressError(ERRORS[7], 'en')).toBe(
      'Step 4 cannot start yet: step 2, 3 is unfinished. Tick "Work in parallel" if they really run together.',
    );
  });
});
