/**
 * SummaryTally counts the activities' institutions and regencies in an array per activity or,
 * when sparse, in one hash table (the all-activities ones and provenance summed from the
 * activities'): against summariseAll on the same participants, the same tables in the same row
 * order, also when the arrays and the hash table grow many times over, whatever the batch size.
 */
import fc from 'fast-check';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { summariseAll } from '../../../src/core/terpilah/summaries';
import { SummaryTally, type PairLimits } from '../../../src/core/terpilah/tally';
import type { TerpilahSummary } from '../../../src/core/terpilah/model';

const MAPPING = { activity: 0, name: 1, sex: 2, institution: 3, regency: 4, age: 5 };
const OPTIONS = { firstRow: 2, referenceDate: '2024-06-01' };

const tables = (summaries: TerpilahSummary[]) =>
  summaries.map(({ activity, participants, sex, tables, provenance }) => ({
    activity,
    participants,
    sex,
    tables,
    provenance,
  }));

function tallied(rows: string[][], limits?: PairLimits, batch?: number) {
  const { participants, quality } = normaliseRows(rows, MAPPING, OPTIONS);
  const tally = new SummaryTally(limits, batch);
  for (const p of participants) tally.add(p);
  return { streamed: tables(tally.summaries()), whole: tables(summariseAll(participants, quality)) };
}

/** No array budget and no slack: an activity moves to the hash table as soon as its array is sparse. */
const HASHED: PairLimits = { budget: 0, slack: 0 };

const row = (activities: number, institutions: number) =>
  fc.tuple(
    fc.integer({ min: 0, max: activities - 1 }).map((a) => `Kegiatan ${a}`),
    fc.constantFrom('Ani', 'Budi', ''),
    fc.constantFrom('L', 'P', 'x', ''),
    fc.oneof(
      fc.integer({ min: 0, max: institutions - 1 }).map((i) => (i % 7 === 0 ? `dinas ${i}` : `Dinas ${i}`)),
      fc.constantFrom('', 'Tidak diketahui'),
    ),
    fc.constantFrom('Bangka', 'Bateng', 'PGK', 'Palembang', 'Jakarta', 'Kab. Bangka', ''),
    fc.constantFrom('', '17', '45 tahun', 'x'),
  );

describe('SummaryTally = summariseAll', () => {
  test('any rows, few activities and institutions (ties)', () => {
    fc.assert(
      fc.property(fc.array(row(4, 6), { maxLength: 80 }), (rows) => {
        const { streamed, whole } = tallied(rows);
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  test('thousands of (activity, institution) pairs: the pair table grows several times', () => {
    fc.assert(
      fc.property(fc.array(row(90, 60), { minLength: 3000, maxLength: 4000 }), (rows) => {
        const { streamed, whole } = tallied(rows);
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 5, endOnFailure: true },
    );
  });

  test('activities moved from their arrays to the hash table count the same, merged or not', () => {
    fc.assert(
      fc.property(fc.array(row(30, 200), { minLength: 200, maxLength: 600 }), fc.nat(), (rows, cut) => {
        const { streamed, whole } = tallied(rows, HASHED);
        expect(streamed).toEqual(whole);
        // Parts counted with the hash table, merged into arrays, and the other way round.
        const { participants } = normaliseRows(rows, MAPPING, OPTIONS);
        const at = cut % (participants.length + 1);
        for (const [first, second] of [
          [HASHED, undefined],
          [undefined, HASHED],
        ]) {
          const a = new SummaryTally(first);
          const b = new SummaryTally(second);
          participants.slice(0, at).forEach((p) => a.add(p));
          participants.slice(at).forEach((p) => b.add(p));
          const merged = new SummaryTally(first);
          merged.merge(structuredClone(a.state()));
          merged.merge(structuredClone(b.state()));
          expect(tables(merged.summaries())).toEqual(whole);
        }
      }),
      { numRuns: 20 },
    );
  });

  test('counted in batches of any size (flushed when full and when read): the same', () => {
    fc.assert(
      fc.property(
        fc.array(row(6, 12), { maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        (rows, batch) => {
          const { streamed, whole } = tallied(rows, undefined, batch);
          expect(streamed).toEqual(whole);
        },
      ),
      { numRuns: 100 },
    );
  });
});
