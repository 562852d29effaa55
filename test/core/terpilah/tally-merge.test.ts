/**
 * SummaryTally.merge (the CLI's byte ranges counted apart, merged in file order) against one
 * tally over all the rows: the same summaries — tables, their first-seen ties, activities,
 * provenance, findings kept and counted — wherever the rows are cut, into two parts or three,
 * with spellings of one institution or regency that differ between the parts. And the duplicate
 * check replayed on keys (duplicateKeys + DuplicateKeyCheck) flags the rows check() flags, with
 * the same first rows.
 */
import fc from 'fast-check';
import {
  DuplicateCheck,
  DuplicateKeyCheck,
  duplicateKeys,
  nikOfKey,
} from '../../../src/core/terpilah/duplicates';
import type { Participant, QualityFinding } from '../../../src/core/terpilah/model';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { rowCells } from '../../../src/core/terpilah/row-cells';
import { SummaryTally } from '../../../src/core/terpilah/tally';

const MAPPING = { activity: 0, name: 1, sex: 2, institution: 3, regency: 4, age: 5, nik: 6 };
const OPTIONS = { firstRow: 2, referenceDate: '2024-06-01' };

const row = fc.tuple(
  fc.integer({ min: 0, max: 5 }).map((a) => `Kegiatan ${a}`),
  fc.constantFrom('Ani', 'Budi', 'budi', ''),
  fc.constantFrom('L', 'P', 'x', ''),
  fc.oneof(
    fc.integer({ min: 0, max: 9 }).map((i) => (i % 3 === 0 ? `dinas  ${i}` : `Dinas ${i}`)),
    fc.constantFrom('', 'Tidak diketahui'),
  ),
  fc.constantFrom('Bangka', 'kab. bangka', 'Palembang', 'Kota Baru', ''),
  fc.constantFrom('30', '17', 'abc', '', '130'),
  fc.constantFrom('', '1901014107900001', '1901010107900002', '12345'),
);

/** The participants of the rows, each with the findings of its row. */
function normalised(rows: string[][]): { p: Participant; findings: QualityFinding[] }[] {
  const { participants, quality } = normaliseRows(rows, MAPPING, OPTIONS);
  return participants.map((p) => ({ p, findings: quality.filter((f) => f.row === p.row) }));
}

function tallyOf(items: { p: Participant; findings: QualityFinding[] }[], batch?: number): SummaryTally {
  const tally = new SummaryTally(undefined, batch);
  for (const { p, findings } of items) tally.add(p, findings);
  return tally;
}

describe('SummaryTally.merge', () => {
  test('parts merged in order give the summaries of one tally over every row', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 120 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
        (rows, cuts) => {
          const items = normalised(rows);
          const whole = tallyOf(items).summaries();
          const points = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
          const parts = [0, ...points, items.length]
            .slice(0, -1)
            .map((from, i, all) => items.slice(from, all[i + 1] ?? items.length));
          const merged = new SummaryTally();
          // Through structured clone, as from a worker thread.
          // Small batches: some rows of a part are still in its batch when it is posted.
          for (const part of parts) merged.merge(structuredClone(tallyOf(part, 3).state()));
          expect(merged.summaries()).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('the findings of a part get its rows through shift, as the CLI numbers a range from 1', () => {
    const items = normalised([
      ['K', 'Ani', 'x', '', '', '', ''],
      ['K', 'Budi', '', '', '', 'abc', ''],
    ]);
    const first = new SummaryTally();
    first.merge(tallyOf(items).state(), (f) => ({
      ...f,
      row: f.row + 100,
      message: f.message.replace(/^Baris \d+: /, `Baris ${f.row + 100}: `),
    }));
    const quality = first.summaries()[0].quality;
    expect(quality.map((f) => f.row)).toEqual(expect.arrayContaining([102, 103]));
    expect(quality.every((f) => f.message.startsWith(`Baris ${f.row}: `))).toBe(true);
  });
});

describe('SummaryTally.merge of many parts', () => {
  test("a type kept full already: later parts' findings of it are counted, not shifted", () => {
    // Three parts of 30 rows, each row a finding of one type (sex unknown) in one activity.
    const items = normalised(Array.from({ length: 90 }, (_, i) => ['K', `Orang ${i}`, 'x', '', '', '', '']));
    const whole = tallyOf(items).summaries();
    const merged = new SummaryTally();
    let shifted = 0;
    for (let k = 0; k < 3; k++)
      merged.merge(tallyOf(items.slice(k * 30, k * 30 + 30)).state(), (f) => (shifted++, f));
    expect(merged.summaries()).toEqual(whole);
    const sexUnknown = whole[0].quality.filter((f) => f.code === 'sexUnknown');
    expect(sexUnknown).toHaveLength(20);
    expect(whole[0].qualityCounts?.sexUnknown).toBe(90);
    // The first part fills every type (sex and age unknown), for all activities and for K: only
    // its kept findings are shifted, none of the other parts' (3 × 80 without the shortcut).
    expect(whole.map((summary) => summary.quality.length)).toEqual([40, 40]);
    expect(shifted).toBe(80);
  });
});

describe('SummaryTally.addFindings', () => {
  test('adds the first findings of a type and its count to the activity and to all', () => {
    const tally = tallyOf(normalised([['K', 'Ani', 'L', '', '', '30', '']]));
    const finding = (row: number) => ({ row, code: 'duplicateNik' as const, message: `Baris ${row}: x` });
    const first = Array.from({ length: 20 }, (_, i) => finding(10 + i));
    tally.addFindings('K', 'duplicateNik', first, 25);
    tally.addFindings('Baru', 'duplicateNik', [finding(5)], 1);
    const [all, k, baru] = tally.summaries();
    expect(all.qualityCounts?.duplicateNik).toBe(26);
    expect(all.quality.filter((f) => f.code === 'duplicateNik').map((f) => f.row)).toEqual([
      5,
      ...first.slice(0, 19).map((f) => f.row),
    ]);
    expect(k.qualityCounts?.duplicateNik).toBe(25);
    expect(k.quality.filter((f) => f.code === 'duplicateNik')).toHaveLength(20);
    expect(baru.activity).toBe('Baru');
    expect(baru.participants).toBe(0);
  });
});

describe('DuplicateKeyCheck', () => {
  test('replayed on duplicateKeys, it flags the rows check() flags, with the same first rows', () => {
    const person = fc.record({
      activity: fc.constantFrom('A', 'B', 'a'),
      name: fc.constantFrom('Ani', 'ani ', 'Budi', ''),
      institution: fc.constantFrom('Dinas 1', 'dinas-1', ''),
      nik: fc.constantFrom('', '1901014107900001', '1901010107900002'),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 60 }), (people) => {
        const check = new DuplicateCheck();
        const expected: string[] = [];
        people.forEach((p, i) => {
          const quality: QualityFinding[] = [];
          check.check(
            rowCells([], {}, { row: i + 1, reference: '2024-06-01', timeZone: 'Asia/Jakarta', quality }),
            p,
          );
          for (const f of quality) expected.push(`${f.row} ${f.code} ${/baris (\d+)/.exec(f.message)![1]}`);
        });
        const replay = new DuplicateKeyCheck();
        const keys = new Uint32Array(4);
        const got: string[] = [];
        people.forEach((p, i) => {
          duplicateKeys(p, keys);
          if (keys[0] !== 0) {
            expect(nikOfKey(keys[0], keys[1])).toBe(p.nik);
            const first = replay.nik(keys[0], keys[1], i + 1);
            if (first !== undefined) got.push(`${i + 1} duplicateNik ${first}`);
          }
          if (keys[2] !== 0 || keys[3] !== 0) {
            const first = replay.name(keys[2], keys[3], i + 1, keys[0] !== 0);
            if (first !== undefined) got.push(`${i + 1} duplicateNameInstitution ${first}`);
          }
        });
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
