import fc from 'fast-check';
import { formatMinutes, minutesRange, parseMinutes } from '../../../src/core/sop/minutes';

describe('parseMinutes', () => {
  test.each([
    ['60', [60]],
    [' 75 ', [75]],
    ['60 menit', [60]],
    ['420 atau 840', [420, 840]],
    ['420  ATAU\n840', [420, 840]],
    ['420/840', [420, 840]],
    ['420 or 840', [420, 840]],
    ['30, 45', [30, 45]],
    [120, [120]],
  ])('reads %p as %p', (input, values) => {
    expect(parseMinutes(input)?.values).toEqual(values);
  });

  test.each([
    '',
    '   ',
    'enam puluh',
    '0',
    '-5',
    '1.5',
    '60 atau',
    'atau 60',
    '=A1',
    '1e3',
    'NaN',
    '999999999',
  ])('refuses %p', (input) => expect(parseMinutes(input)).toBeNull());

  test.each([0, -1, 1.5, NaN, Infinity, null, undefined, true, {}])(
    'refuses the non-text value %p',
    (input) => {
      expect(parseMinutes(input)).toBeNull();
    },
  );

  test('keeps the alternatives of "420 atau 840" both as text and as numbers', () => {
    const minutes = parseMinutes('420 atau 840');
    expect(minutes).toEqual({ text: '420 atau 840', values: [420, 840] });
    expect(minutesRange(minutes!)).toEqual({ min: 420, max: 840 });
    expect(formatMinutes(minutes!)).toBe('420 atau 840');
  });

  test('never throws, and whatever it accepts are positive whole minutes that format back to themselves', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.anything()), (input) => {
        const minutes = parseMinutes(input);
        if (minutes === null) return;
        expect(minutes.values.length).toBeGreaterThan(0);
        for (const v of minutes.values) expect(Number.isInteger(v) && v > 0).toBe(true);
        expect(parseMinutes(minutes.text)).toEqual(minutes);
      }),
    );
  });
});
