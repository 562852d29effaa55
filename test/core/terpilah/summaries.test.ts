import fc from 'fast-check';
import { AGE_GROUPS, ageGroup, lifeStage } from '../../../src/core/terpilah/age';
import type { Participant, QualityFinding, Role } from '../../../src/core/terpilah/model';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { formatDecimalId } from '../../../src/core/format';
import { UNKNOWN } from '../../../src/core/terpilah/categories';
import { summarise, summariseAll } from '../../../src/core/terpilah/summaries';

let nextRow = 2;
function person(p: Partial<Participant>): Participant {
  const age = p.age ?? null;
  return {
    row: nextRow++,
    activity: 'K1',
    name: 'x',
    nik: '',
    nip: '',
    sex: null,
    age,
    ageGroup: age === null ? null : ageGroup(age),
    lifeStage: age === null ? null : lifeStage(age),
    role: null,
    institution: '',
    position: '',
    regency: null,
    disability: null,
    attended: null,
    ...p,
  };
}

describe('summarise', () => {
  const people = [
    person({
      sex: 'P',
      age: 34,
      role: 'peserta',
      institution: 'Dinas A',
      regency: 'Bangka',
      disability: false,
    }),
    person({
      sex: 'P',
      age: 61,
      role: 'narasumber',
      institution: 'dinas  a',
      regency: 'Jakarta',
      disability: true,
    }),
    person({
      sex: 'L',
      age: 16,
      role: 'peserta',
      institution: 'Dinas B',
      regency: 'Pangkalpinang',
      activity: 'K2',
    }),
    person({ sex: null, role: 'panitia', activity: 'K2', disability: false }),
    person({ sex: 'P', age: 40, role: 'peserta', institution: 'Dinas B', regency: 'Jakarta' }),
  ];
  const quality: QualityFinding[] = [{ row: people[3].row, code: 'sexUnknown', message: 'x' }];

  test('tables, rows and totals', () => {
    const all = summarise(people, quality, null);
    expect(all.participants).toBe(5);
    expect(all.sex).toEqual({
      category: 'Jumlah',
      L: 1,
      P: 3,
      unknown: 1,
      total: 5,
      percentL: 20,
      percentP: 60,
      sexRatio: 33.3,
    });
    expect(all.tables.map((t) => t.dimension)).toEqual([
      'activity',
      'role',
      'ageGroup',
      'lifeStage',
      'institution',
      'regency',
      'disability',
    ]);
    const table = (d: string) => all.tables.find((t) => t.dimension === d)!;
    expect(table('activity').rows.map((r) => [r.category, r.total])).toEqual([
      ['K1', 3],
      ['K2', 2],
    ]);
    expect(table('role').rows.map((r) => [r.category, r.L, r.P, r.unknown])).toEqual([
      ['Peserta', 1, 2, 0],
      ['Narasumber', 0, 1, 0],
      ['Panitia', 0, 0, 1],
      [UNKNOWN, 0, 0, 0],
    ]);
    expect(table('ageGroup').rows.map((r) => r.category)).toEqual([...AGE_GROUPS, UNKNOWN]);
    expect(table('ageGroup').completeness).toBe(80);
    expect(table('lifeStage').rows.map((r) => r.total)).toEqual([1, 2, 1, 1]);
    expect(table('institution').rows.map((r) => [r.category, r.total])).toEqual([
      ['Dinas A', 2],
      ['Dinas B', 2],
      [UNKNOWN, 1],
    ]);
    expect(table('regency').rows.map((r) => [r.category, r.total])).toEqual([
      ['Bangka', 1],
      ['Belitung', 0],
      ['Bangka Selatan', 0],
      ['Bangka Tengah', 0],
      ['Bangka Barat', 0],
      ['Belitung Timur', 0],
      ['Pangkalpinang', 1],
      ['Jakarta', 2],
      [UNKNOWN, 1],
    ]);
    expect(table('disability').rows.map((r) => [r.category, r.total])).toEqual([
      ['Disabilitas', 1],
      ['Non-disabilitas', 2],
      [UNKNOWN, 2],
    ]);
    expect(table('disability').completeness).toBe(60);
    expect(table('role').narrative).toBe(
      'Perempuan 60,0% dari 5 peserta; laki-laki 20,0%; 1 orang tidak diketahui jenis kelaminnya. Terbanyak Peserta: 3 orang (perempuan 66,7%).',
    );
    expect(table('disability').narrative).toContain('Penyandang disabilitas 1 orang (perempuan 100,0%).');
    expect(all.quality).toBe(quality);
  });

  test('one activity: its participants and findings, no activity table', () => {
    const k2 = summarise(people, quality, 'K2');
    expect(k2.participants).toBe(2);
    expect(k2.quality).toEqual(quality);
    expect(k2.tables.some((t) => t.dimension === 'activity')).toBe(false);
    expect(summarise(people, quality, 'K1').quality).toEqual([]);
  });

  test('summariseAll: all first, then each activity in first-seen order, equal to summarise', () => {
    const all = summariseAll(people, quality);
    expect(all.map((s) => s.activity)).toEqual([null, 'K1', 'K2']);
    expect(all[0]).toEqual(summarise(people, quality, null));
    expect(all[1]).toEqual(summarise(people, quality, 'K1'));
    expect(all[2]).toEqual(summarise(people, quality, 'K2'));
  });

  test('empty input', () => {
    const [all] = summariseAll([], []);
    expect(all.participants).toBe(0);
    expect(all.tables.every((t) => t.total.total === 0 && t.completeness === 0)).toBe(true);
    expect(all.tables[0].narrative).toBe('Belum ada peserta.');
  });

  test('id-ID number format', () => {
    expect(formatDecimalId(62.16)).toBe('62,2');
    expect(formatDecimalId(1234.5)).toBe('1.234,5');
    expect(formatDecimalId(0)).toBe('0,0');
  });

  const roles: (Role | null)[] = ['peserta', 'narasumber', 'panitia', null];
  const arbitraryParticipant = fc
    .record({
      activity: fc.constantFrom('A', 'B', 'C', '', 'Tidak diketahui'),
      sex: fc.constantFrom('L' as const, 'P' as const, null),
      age: fc.option(fc.integer({ min: 0, max: 120 })),
      role: fc.constantFrom(...roles),
      institution: fc.constantFrom('', 'Dinas A', 'DINAS A', 'Bappeda', 'x', ' '),
      regency: fc.constantFrom(null, 'Bangka', 'Belitung', 'Jakarta', 'Tidak diketahui', ''),
      disability: fc.constantFrom(true, false, null),
    })
    .map((r) => person(r));

  test('property: every participant in exactly one row of every table', () => {
    fc.assert(
      fc.property(fc.array(arbitraryParticipant, { maxLength: 60 }), (list) => {
        const summaries = summariseAll(list, []);
        const check = (s: (typeof summaries)[number], n: number) => {
          expect(s.participants).toBe(n);
          expect(s.sex.total).toBe(n);
          for (const t of s.tables) {
            expect(t.total.total).toBe(n);
            let sum = 0;
            for (const r of t.rows) {
              expect(r.total).toBe(r.L + r.P + r.unknown);
              sum += r.total;
            }
            expect(sum).toBe(n);
            expect(t.rows.reduce((a, r) => a + r.L, 0)).toBe(s.sex.L);
            expect(t.rows.reduce((a, r) => a + r.P, 0)).toBe(s.sex.P);
            expect(t.completeness).toBeGreaterThanOrEqual(0);
            expect(t.completeness).toBeLessThanOrEqual(100);
          }
        };
        check(summaries[0], list.length);
        const activities = [...new Set(list.map((p) => p.activity))];
        expect(summaries.map((s) => s.activity)).toEqual([null, ...activities]);
        for (const s of summaries.slice(1)) check(s, list.filter((p) => p.activity === s.activity).length);
      }),
      { numRuns: 200 },
    );
  });

  test('property: garbage rows normalised then summarised never throw and add up', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('L', 'P', 'Perempuan', '45', 'Bangka', 'ya'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }), (rows) => {
        const { participants, quality } = normaliseRows(
          rows,
          { name: 0, sex: 1, age: 2, regency: 3, disability: 4, institution: 5, activity: 6, role: 7 },
          { firstRow: 2, referenceDate: '2024-06-01' },
        );
        for (const s of summariseAll(participants, quality))
          for (const t of s.tables) expect(t.rows.reduce((a, r) => a + r.total, 0)).toBe(s.participants);
      }),
      { numRuns: 200 },
    );
  });
});
