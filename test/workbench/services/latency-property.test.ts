/**
 * The write cache can only save round trips: for any sequence of calls, the tally with it costs
 * no more than every call charged its own trip, the scenarios stay ordered, and a run of queued
 * calls costs exactly one trip whatever its length.
 */
import fc from 'fast-check';
import {
  chargeCall,
  classify,
  isQueued,
  newTally,
  ROUND_TRIP_MS,
  SCENARIOS,
} from '../../../src/workbench/services/latency';

/** Calls of every kind the model knows: reads, writes, queued and answered structural calls, other services. */
const CALLS: [string, string][] = [
  ['Range', 'getValues'],
  ['Sheet', 'getRange'],
  ['Range', 'setValues'],
  ['Range', 'setBackgrounds'],
  ['RangeList', 'setBorder'],
  ['Range', 'merge'],
  ['Sheet', 'setColumnWidths'],
  ['Sheet', 'insertRowsAfter'],
  ['Protection', 'setDescription'],
  ['Spreadsheet', 'insertSheet'],
  ['Sheet', 'protect'],
  ['SpreadsheetApp', 'flush'],
  ['Lock', 'tryLock'],
  ['Properties', 'getProperty'],
  ['Properties', 'setProperty'],
  ['Session', 'getActiveUser'],
  ['Range', 'offset'],
  ['SpreadsheetApp', 'newDataValidation'],
];

const calls = fc.array(fc.constantFrom(...CALLS), { maxLength: 60 });

/** The tally of `sequence` (no cells: the targets carry no rect). */
function tallyOf(sequence: [string, string][]) {
  const tally = newTally();
  for (const [cls, method] of sequence) chargeCall(tally, cls, method, undefined, []);
  return tally;
}

/** What `sequence` would cost with every charged call its own trip. */
function uncached(sequence: [string, string][], scenario: (typeof SCENARIOS)[number]): number {
  return sequence.reduce((ms, [cls, method]) => {
    const callClass = classify(cls, method);
    return callClass === 'free' ? ms : ms + ROUND_TRIP_MS[callClass][scenario];
  }, 0);
}

describe('latency model: the write cache, for any sequence of calls', () => {
  test('it never costs more than a trip per call; pessimistic is exactly that', () => {
    fc.assert(
      fc.property(calls, (sequence) => {
        const tally = tallyOf(sequence);
        for (const s of SCENARIOS) expect(tally.ms[s]).toBeLessThanOrEqual(uncached(sequence, s) + 1e-9);
        expect(tally.ms.pessimistic).toBeCloseTo(uncached(sequence, 'pessimistic'), 9);
        expect(tally.ms.optimistic).toBeLessThanOrEqual(tally.ms.typical);
        expect(tally.ms.typical).toBeLessThanOrEqual(tally.ms.pessimistic);
        expect(tally.trips.typical).toBeLessThanOrEqual(tally.trips.pessimistic);
      }),
    );
  });

  test('a run of queued calls costs one trip, however long', () => {
    const queued = CALLS.filter(([cls, method]) => isQueued(cls, method, classify(cls, method)));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...queued), { minLength: 1, maxLength: 40 }), (run) => {
        const tally = tallyOf([['Range', 'getValues'], ...run, ['Range', 'getValues']]);
        expect(tally.trips.typical).toBe(3);
        expect(tally.trips.pessimistic).toBe(2 + run.length);
      }),
    );
  });
});
