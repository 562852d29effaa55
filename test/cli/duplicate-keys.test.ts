/**
 * The range worker (src/cli/range-worker.ts) hashes each activity's part of the name key once
 * and hands it to duplicateKeys for every row of that activity: the keys must be the ones
 * duplicateKeys computes from the row alone, for any activity, name, institution and NIK
 * (non-ASCII, blank, punctuation), whatever rows of other activities came in between. Once
 * every row is replayed, parallel-summary.ts releases the replay's tables before the printout.
 */
import fc from 'fast-check';
import {
  activityLanes,
  DuplicateKeyCheck,
  DuplicateKeySet,
  duplicateKeys,
  nameKey,
  setKeyHi,
  setKeyLo,
  type ActivityLanes,
} from '../../src/core/terpilah/duplicates';

const text = fc.oneof(
  fc.constant(''),
  fc.constantFrom('Kegiatan 1', 'Pelatihan Gender', 'Sosialisasi, Tahap II', 'Dinas 3 Provinsi'),
  fc.string({ maxLength: 12 }),
  fc
    .array(fc.constantFrom('a', 'B', ' ', '-', 'é', 'Ö', '😀', '.', '0', 'ﬁ', '\t'), { maxLength: 10 })
    .map((cs) => cs.join('')),
);
const nik = fc.oneof(fc.constant(''), fc.stringMatching(/^19\d{14}$/), fc.stringMatching(/^\d{1,18}$/));
const person = fc.record({ activity: text, name: text, institution: text, nik });

describe('duplicateKeys with the activity hashed once', () => {
  test('gives the keys of the row alone, rows of many activities interleaved', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 30 }), (people) => {
        const kept = new Map<string, ActivityLanes>();
        const cached = new Uint32Array(4);
        const alone = new Uint32Array(4);
        for (const p of people) {
          let lanes = kept.get(p.activity);
          if (!lanes) kept.set(p.activity, (lanes = activityLanes(p.activity)));
          duplicateKeys(p, cached, lanes);
          duplicateKeys(p, alone);
          expect([...cached]).toEqual([...alone]);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('different activities still give different name keys', () => {
    const a = new Uint32Array(4);
    const b = new Uint32Array(4);
    const row = { name: 'Siti Aminah', institution: 'Dinas 3', nik: '' };
    duplicateKeys({ ...row, activity: 'Kegiatan 1' }, a, activityLanes('Kegiatan 1'));
    duplicateKeys({ ...row, activity: 'Kegiatan 2' }, b, activityLanes('Kegiatan 2'));
    expect([a[2], a[3]]).not.toEqual([b[2], b[3]]);
  });
});

describe("duplicateKeys' name key", () => {
  // A tiny alphabet of the characters at the edges of hashNameKey's table (letters' and digits'
  // neighbours, controls, DEL, non-ASCII), so that texts with one nameKey come up often.
  const edgy = fc
    .array(
      fc.constantFrom(
        'a',
        'A',
        'z',
        'Z',
        '0',
        '9',
        ' ',
        '-',
        '@',
        '[',
        '`',
        '{',
        '/',
        ':',
        '~',
        '\x7f',
        '\t',
        '\x1f',
        'é',
        'É',
      ),
      {
        maxLength: 4,
      },
    )
    .map((cs) => cs.join(''));

  test('is equal for two names (and two institutions) exactly when their nameKeys are', () => {
    fc.assert(
      fc.property(edgy, edgy, edgy, edgy, (name1, name2, institution1, institution2) => {
        const a = new Uint32Array(4);
        const b = new Uint32Array(4);
        duplicateKeys({ activity: 'K', name: `x${name1}`, institution: institution1, nik: '' }, a);
        duplicateKeys({ activity: 'K', name: `x${name2}`, institution: institution2, nik: '' }, b);
        const same =
          nameKey(`x${name1}`) === nameKey(`x${name2}`) && nameKey(institution1) === nameKey(institution2);
        expect(a[2] === b[2] && a[3] === b[3]).toBe(same);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('DuplicateKeyCheck.release', () => {
  test('forgets every key: a repeated row is no duplicate after it', () => {
    const check = new DuplicateKeyCheck();
    expect(check.nik(19, 7, 2)).toBeUndefined();
    expect(check.name(5, 6, 2, false)).toBeUndefined();
    expect(check.nik(19, 7, 3)).toBe(2);
    expect(check.name(5, 6, 3, false)).toBe(2);
    check.release();
    expect(check.nik(19, 7, 4)).toBeUndefined();
    expect(check.name(5, 6, 4, false)).toBeUndefined();
  });
});

/**
 * The replay's key set (parallel-summary.ts) against DuplicateKeyCheck on the same keys in the
 * same order: the same rows are duplicates, by NIK and by name with its NIK rule. Keys come from
 * a small pool (so they repeat), with halves of 0, 1 and 2³² − 1, and name keys with bit 31 set
 * (the set keeps its flag there; no two pool keys are one key as the set stores it — differing in
 * that bit alone, or 0:0 beside 0:1 — as 64-bit hashes practically never are).
 */
describe('DuplicateKeySet', () => {
  const half = fc.oneof(fc.constantFrom(0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff), fc.nat());
  const pool = fc
    .uniqueArray(fc.tuple(half, half), {
      minLength: 1,
      maxLength: 12,
      // Unique as the set stores them (bit 31 cleared, the empty slot's 0:0 stored as 0:1).
      selector: ([hi, lo]) => `${setKeyHi(hi)}:${setKeyLo(hi, lo)}`,
    })
    .map((keys) => keys.filter(([hi, lo]) => setKeyHi(hi) !== 0 || lo !== 0));
  const nikPool = fc.uniqueArray(
    fc.tuple(fc.integer({ min: 1, max: 100_000_001 }), fc.integer({ min: 0, max: 99_999_999 })),
    {
      minLength: 1,
      maxLength: 8,
      selector: ([hi, lo]) => `${hi}:${lo}`,
    },
  );

  test('flags the rows DuplicateKeyCheck flags', () => {
    fc.assert(
      fc.property(
        pool,
        nikPool,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), { maxLength: 200 }),
        (names, niks, rows) => {
          const check = new DuplicateKeyCheck();
          const set = new DuplicateKeySet();
          rows.forEach(([n, k, withNik, withName], i) => {
            const row = i + 2;
            const hasNik = withNik;
            if (hasNik) {
              const [hi, lo] = niks[k % niks.length];
              expect(set.nik(hi, lo)).toBe(check.nik(hi, lo, row) !== undefined);
            }
            if (withName && names.length > 0) {
              const [hi, lo] = names[n % names.length];
              expect(set.name(hi, lo, hasNik)).toBe(check.name(hi, lo, row, hasNik) !== undefined);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test('grows past its first size, and forgets every key on release', () => {
    const set = new DuplicateKeySet();
    for (let i = 1; i <= 5000; i++) expect(set.nik(i, i * 7)).toBe(false);
    for (let i = 1; i <= 5000; i++) expect(set.nik(i, i * 7)).toBe(true);
    set.release();
    expect(set.nik(1, 7)).toBe(false);
  });

  test('keeps every key through a large reservation (its memory touched first), and warming a row changes nothing', () => {
    const set = new DuplicateKeySet();
    const check = new DuplicateKeyCheck();
    const rows = 300_000;
    const key = (i: number) => [(i % 150_000) + 1, Math.imul(i % 150_000, 0x9e3779b1) >>> 0] as const;
    // Counted, not expected row by row (600,000 expects take half a minute).
    const differ: number[] = [];
    let repeats = 0;
    for (let i = 0; i < rows; i++) {
      if (i === 20_000) {
        // As the replay does: sized for the whole file from its first rows (> 1 MiB of slots).
        set.reserve(rows, i);
        check.reserve(rows, i);
      }
      const [hi, lo] = key(i);
      set.warm(hi, lo, lo, hi);
      const nik = set.nik(hi, lo);
      if (nik !== (check.nik(hi, lo, i + 2) !== undefined)) differ.push(i);
      if (set.name(lo, hi, i % 3 === 0) !== (check.name(lo, hi, i + 2, i % 3 === 0) !== undefined))
        differ.push(i);
      if (nik) repeats++;
    }
    expect(differ).toEqual([]);
    expect(repeats).toBe(150_000);
  });
});
