import { nextActivityId, runSteps } from '../../../src/core/progress/new-activity';
import { PENGUATAN_PUG } from '../../../src/core/sop/builtin-penguatan-pug';

describe('runSteps', () => {
  test('freezes every step of the template, decisions with their branches', () => {
    const steps = runSteps(PENGUATAN_PUG);
    expect(steps.map((s) => s.number)).toEqual(PENGUATAN_PUG.steps.map((s) => s.number));
    PENGUATAN_PUG.steps.forEach((step, i) => {
      expect(steps[i]).toMatchObject({ activity: step.activity, kind: step.kind, minutes: step.minutes });
      if (step.kind === 'decision')
        expect(steps[i]).toMatchObject({ onApproved: step.onApproved, onRevision: step.onRevision });
      else expect(steps[i]).not.toHaveProperty('onApproved');
    });
    expect(steps.some((s) => s.kind === 'decision')).toBe(true);
  });

  test('a copy: editing the template afterwards leaves the activity alone', () => {
    const steps = runSteps(PENGUATAN_PUG);
    expect(steps[0].executors).not.toBe(PENGUATAN_PUG.steps[0].executors);
    expect(steps[0].minutes.values).not.toBe(PENGUATAN_PUG.steps[0].minutes.values);
  });
});

describe('nextActivityId', () => {
  test('one after the highest KGT number; other ids ignored', () => {
    expect(nextActivityId([])).toBe('KGT-0001');
    expect(nextActivityId([['KGT-0009'], ['lain'], [' KGT-0012 '], [''], [42]])).toBe('KGT-0013');
    expect(nextActivityId([['KGT-9999']])).toBe('KGT-10000');
  });
});
