/**
 * SummaryTally counts the activities' institutions and regencies in one pair table (and the
 * all-activities ones densely, provenance summed per activity): against summariseAll on the same
 * participants, the same tables in the same row order (ties keep first-counted order), also when
 * the pair table grows many times over.
 */
import fc from 'fast-check';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { summariseAll } from '../../../src/core/terpilah/summaries';
import { SummaryTally } from '../../../src/core/terpilah/tally';
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

function tallied(rows: string[][]) {
  const { participants, quality } = normaliseRows(rows, MAPPING, OPTIONS);
  const tally = new SummaryTally();
  for (const p of participants) tally.add(p);
  return { streamed: tables(tally.summaries()), whole: tables(summariseAll(participants, quality)) };
}

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
});
