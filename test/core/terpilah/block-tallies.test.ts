/**
 * The report's tallies by block (core/terpilah/block-tallies.ts): participants and findings of
 * rows spread over several blocks, counted into their blocks (the duplicate findings apart),
 * stored as text and merged in block order, make the report sheet summariseAll makes of one pass;
 * the text holds no whole NIK.
 */
import fc from 'fast-check';
import { BLOCK_ROWS } from '../../../src/core/terpilah/block-counts';
import { BlockTallies, duplicatePrint, NO_PRINT } from '../../../src/core/terpilah/block-tallies';
import { matchHeaders } from '../../../src/core/terpilah/headers';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { PESERTA_HEADERS } from '../../../src/core/terpilah/peserta';
import { reportSheetPlan } from '../../../src/core/terpilah/report-sheet';
import { activityDateResolver } from '../../../src/core/terpilah/report-tallies';
import { summariseAll } from '../../../src/core/terpilah/summaries';
import { FEMALE_NIK, MALE_NIK } from './cells';

const MAPPING = matchHeaders([...PESERTA_HEADERS]).mapping;
const OPTIONS = { firstRow: 2, referenceDate: '2026-12-01', timeZone: 'Asia/Jakarta' };
const at = (header: (typeof PESERTA_HEADERS)[number]) => PESERTA_HEADERS.indexOf(header);

const row = fc
  .record({
    activity: fc.constantFrom('Rapat PUG', 'rapat  pug', 'Bimtek', ''),
    name: fc.constantFrom('Ana', 'ana', 'Budi', ''),
    nik: fc.constantFrom('', MALE_NIK, FEMALE_NIK, '1971'),
    sex: fc.constantFrom('L', 'P', '', 'x'),
    age: fc.constantFrom('', 30, 'abc'),
    institution: fc.constantFrom('', 'OPD A', 'opd  a', 'Dinas 1971015205900002'),
    regency: fc.constantFrom('', 'Bangka', 'bangka', 'Kota Lain'),
  })
  .map((r) => {
    const line: unknown[] = PESERTA_HEADERS.map(() => '');
    line[at('Kegiatan')] = r.activity;
    line[at('Nama')] = r.name;
    line[at('NIK')] = r.nik;
    line[at('Jenis kelamin')] = r.sex;
    line[at('Umur')] = r.age;
    line[at('Instansi/OPD')] = r.institution;
    line[at('Kabupaten/Kota')] = r.regency;
    return line;
  });

/** The tallies through their stored parts, every block (what the index keeps). */
const stored = (t: BlockTallies, id = 'set1') =>
  BlockTallies.fromParts(
    t.referenceDate,
    t.partTexts(
      Array.from({ length: t.blockCount }, (_, k) => k),
      id,
    ),
    id,
  );

const sheetOf = (summaries: Parameters<typeof reportSheetPlan>[0]) =>
  reportSheetPlan(summaries, 'Laporan Data Terpilah', '2026-12-01T10:00:00+07:00').plan;

describe('report tallies by block', () => {
  test('rows over several blocks, stored as text and merged in order: summariseAll’s report sheet (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(4 * BLOCK_ROWS), row), { maxLength: 60 }),
        fc.nat(4 * BLOCK_ROWS),
        (placed, cut) => {
          const grid: unknown[][] = Array.from({ length: 4 * BLOCK_ROWS + 1 }, () => []);
          for (const [i, line] of placed) grid[i] = line;
          const { participants, quality } = normaliseRows(grid, MAPPING, OPTIONS);
          const expected = sheetOf(summariseAll(participants, quality));
          const dateOf = activityDateResolver(OPTIONS.referenceDate, undefined, OPTIONS.timeZone);
          // Rows before the cut counted and stored; the rest appended to what is read back.
          const split = cut + 2;
          const first = BlockTallies.empty(OPTIONS.referenceDate);
          participants.filter((p) => p.row < split).forEach((p) => first.add(p, dateOf(p.activity)));
          quality.filter((f) => f.row < split).forEach((f) => first.addFinding(f));
          const again = stored(first);
          expect(again).not.toBeNull();
          participants.filter((p) => p.row >= split).forEach((p) => again?.add(p, dateOf(p.activity)));
          quality.filter((f) => f.row >= split).forEach((f) => again?.addFinding(f));
          const back = again && stored(again);
          expect(sheetOf(back?.summaries() ?? [])).toEqual(expected);
          for (const p of participants) expect(back?.printOf(p.row)).toBe(duplicatePrint(p));
          const texts = back ? [...back.partTexts([0, 1, 2, 3, 4], 'set1').values()].join('') : '';
          const digits = texts.replace(/[^\d*]/g, '');
          for (const nik of [MALE_NIK, FEMALE_NIK]) expect(digits).not.toContain(nik);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a print tells a changed duplicate key, letters only; a row that is no participant has none', () => {
    const [p] = normaliseRows([['Bimtek', 'Ana', MALE_NIK]], MAPPING, OPTIONS).participants;
    const print = duplicatePrint(p);
    expect(print).toMatch(/^[a-z]{10}$/);
    for (const other of [
      { ...p, name: 'Ana ' },
      { ...p, nik: '' },
      { ...p, institution: 'OPD A' },
      { ...p, activity: 'bimtek' },
    ])
      expect(duplicatePrint(other)).not.toBe(print);
    expect(duplicatePrint({ ...p, sex: 'P', age: 99 })).toBe(print);
    expect(duplicatePrint(null)).toBe(NO_PRINT);
  });

  test('parts that are not whole parts of the set asked for are none', () => {
    const [p] = normaliseRows([['Bimtek', 'Ana', MALE_NIK]], MAPPING, OPTIONS).participants;
    const tallies = BlockTallies.empty('2026-12-01');
    tallies.add(p, '2026-12-01');
    const good = tallies.partTexts([0], 'a').get(0) ?? '';
    expect(BlockTallies.fromParts('2026-12-01', new Map([[0, good]]), 'a')).not.toBeNull();
    const none = (text: string, id = 'a', k = 0) =>
      expect(BlockTallies.fromParts('2026-12-01', new Map([[k, text]]), id)).toBeNull();
    none(good, 'b'); // another set's
    none(good.replace('"v":1', '"v":2'));
    none(good.replace(/"p":"[a-z]+"/, '"p":"abc"'));
    for (const bad of ['', 'x', '{}', '[]']) none(bad);
    expect(BlockTallies.fromParts('2027-01-01', new Map([[0, good]]), 'a')).toBeNull(); // another date
  });
});
