/**
 * summariseAll hands each finding to the activity of its row, and each participant's provenance
 * to its activity: by a typed array when rows are small integers, by a Map otherwise. Both give
 * what one Map over every row gives (the participant listed last wins a shared row).
 */
import fc from 'fast-check';
import type { Participant, QualityFinding } from '../../../src/core/terpilah/model';
import { countProvenance, sharedProvenance, VALUE_SOURCES } from '../../../src/core/terpilah/provenance';
import { summariseAll } from '../../../src/core/terpilah/summaries';

const ROWS = [2, 3, 4, 5, 0, 40, 7.5, -1, 1e9, Number.NaN];
const source = fc.constantFrom(...VALUE_SOURCES);

const participant = fc
  .record({
    row: fc.constantFrom(...ROWS),
    activity: fc.constantFrom('K1', 'K2', 'K3'),
    sources: fc.array(source, { minLength: 8, maxLength: 8 }),
    shared: fc.boolean(),
  })
  .map(({ row, activity, sources, shared }): Participant => {
    const provenance = sharedProvenance(...(sources as Parameters<typeof sharedProvenance>));
    return {
      row,
      activity,
      name: 'x',
      nik: '',
      nip: '',
      sex: null,
      age: null,
      ageGroup: null,
      lifeStage: null,
      role: null,
      institution: '',
      position: '',
      regency: null,
      disability: null,
      attended: null,
      // A hand-built provenance takes the tally's other road.
      provenance: shared ? provenance : { ...provenance },
    };
  });
const finding = fc
  .constantFrom(...ROWS, 6, 41)
  .map((row): QualityFinding => ({ row, code: 'nameMissing', message: `Baris ${row}` }));

test('findings and provenance per activity as one Map over every row gives (fast-check)', () => {
  fc.assert(
    fc.property(
      fc.array(participant, { maxLength: 12 }),
      fc.array(finding, { maxLength: 12 }),
      fc.boolean(),
      (people, findings, smallRows) => {
        // Without the odd rows the typed array is used; with them, the Map.
        const list = smallRows
          ? people.filter((p) => Number.isInteger(p.row) && p.row >= 0 && p.row < 100)
          : people;
        const summaries = summariseAll(list, findings);
        const activities = [...new Set(list.map((p) => p.activity))];
        const activityOfRow = new Map(list.map((p) => [p.row, p.activity] as const));
        expect(summaries.map((s) => s.activity)).toEqual([null, ...activities]);
        activities.forEach((activity, a) => {
          expect(summaries[a + 1].quality).toEqual(
            findings.filter((f) => activityOfRow.get(f.row) === activity),
          );
          expect(summaries[a + 1].provenance).toEqual(
            countProvenance(list.filter((p) => p.activity === activity)),
          );
        });
        expect(summaries[0].provenance).toEqual(countProvenance(list));
      },
    ),
    { numRuns: 500 },
  );
});
