/**
 * The normaliser's speed paths give exactly what the plain readers give: memoised one-cell
 * readings (bounded, then no more added) against every cell read afresh, on messy registers that
 * repeat values and hold more distinct texts than the memo keeps; and each digit fast path
 * against the regex or Date reading it stands in for.
 */
import fc from 'fast-check';
import { isoDate, namedMonthDay, parseDate } from '../../../src/core/dates';
import {
  ageAt,
  digitsAge,
  parseAge,
  plausibleAgeAt,
  plausibleAgeOnDays,
} from '../../../src/core/terpilah/age';
import { dayExists, fixedWidthDate, fixedWidthDay, isoDay } from '../../../src/core/terpilah/date-digits';
import { cleanText, isBlank } from '../../../src/core/terpilah/cell-text';
import { FIELD_LABELS } from '../../../src/core/terpilah/headers';
import type { ColumnMapping, Participant, ParticipantField } from '../../../src/core/terpilah/model';
import { decodeNik, idDigits } from '../../../src/core/terpilah/nik';
import { normaliseRows, rowNormaliser } from '../../../src/core/terpilah/normalise';
import {
  countProvenance,
  PROVENANCE_FIELDS,
  sharedProvenance,
  VALUE_SOURCES,
  type Provenance,
  type ValueSource,
} from '../../../src/core/terpilah/provenance';
import { PROVINCE_CODES } from '../../../src/core/privacy/mask-nik';
import { parseBirthDate, readAge } from '../../../src/core/terpilah/read-age';
import { readNik } from '../../../src/core/terpilah/read-ids';
import { cellsOf, MALE_NIK, FEMALE_NIK, FEMALE_NIP, MALE_NIP } from './cells';

const FIELDS = Object.keys(FIELD_LABELS) as ParticipantField[];
const MAPPING: ColumnMapping = Object.fromEntries(FIELDS.map((field, i) => [field, i]));

/** Spellings staff type, with stray spaces, case and marks: drawn from small pools, so they repeat. */
const POOLS: Partial<Record<ParticipantField, unknown[]>> = {
  activity: ['Pelatihan PUG', ' pelatihan  pug', 'Rapat', '', 'Sosialisasi\tGender'],
  sex: ['L', 'P', 'l ', ' Perempuan', 'laki2', 'Lk.', 'wanita', 'x', '', 'LAKI - LAKI', 'Ｌ', 7, true],
  nik: [MALE_NIK, FEMALE_NIK, '1971 0112 0590 0001', '19710112059', 1971011205900001, '1,97101E+15', ''],
  nip: [FEMALE_NIP, MALE_NIP, '19900512 201503 2 001', '12345', ''],
  birthDate: [
    '1990-05-12',
    '12/05/1990',
    '12-05-1990',
    '12.5.1990',
    '31/02/1990',
    '12 Mei 1990',
    '2030-01-01',
    'Pangkalpinang, 12 Mei 1990',
    '1899-12-31',
    '',
    new Date('1990-05-11T17:00:00Z'),
  ],
  age: ['34', '34 tahun', ' 34 thn.', '200', 'tiga puluh', 34, '', 40.5],
  role: [
    'Peserta',
    'peserta',
    'Narasumber',
    'Panitia',
    'Peserta undangan',
    'Moderator (peserta)',
    'lainnya',
    '',
  ],
  institution: ['Dinas Kesehatan', 'dinas  kesehatan ', 'Bappeda', '', 'DP3ACSKB\u200b'],
  position: ['Kepala Seksi', '', 'Staf'],
  regency: ['Bangka', 'Kab. Bangka', 'Bateng', 'PGK', 'Palembang', '  Pangkal  Pinang ', '-', '', 1971],
  disability: ['Tidak', 'tidak', 'Ya', '', '-', 'tidak ada', ' YA '],
  attendance: ['Ya', 'hadir', '✓', 'izin', 'Tidak.', '', true, false],
  wgSeeing: ['tidak ada kesulitan', 'banyak kesulitan', ''],
  wgHearing: ['tidak ada kesulitan', 'sedikit kesulitan', ''],
};

/** Any cell a sheet or file may give, for the columns without a pool and now and then in any column. */
const anyCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(null, undefined, '', ' ', 'Peserta 1'),
);

const cell = (field: ParticipantField): fc.Arbitrary<unknown> => {
  const pool = POOLS[field];
  return pool
    ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: anyCell })
    : anyCell;
};

/** Rows over every field; names repeat (duplicates) and some rows are short or blank. */
const ROW = fc.tuple(
  ...FIELDS.map((field) =>
    field === 'name' ? fc.constantFrom('Siti', 'Budi', 'Ani', '', ' siti ') : cell(field),
  ),
);
const REGISTER = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: ROW },
    { weight: 1, arbitrary: ROW.map((r) => r.slice(0, 5)) },
    { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
  ),
  { maxLength: 60 },
);

function normalise(rows: unknown[][], memoLimit: number) {
  const { push, quality } = rowNormaliser(
    MAPPING,
    { firstRow: 2, referenceDate: '2024-06-01' },
    { memoLimit },
  );
  const participants: Participant[] = [];
  rows.forEach((row, i) => {
    const participant = push(row, i + 2);
    if (participant) participants.push(participant);
  });
  return { participants, quality };
}

/** Any yyyy-mm-dd text of years 1000–9999, impossible days (31 April) included. */
const iso = fc
  .tuple(
    fc.integer({ min: 1000, max: 9999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('memoised one-cell readings', () => {
  test('same participants, values, provenance and findings as every cell read afresh (fast-check)', () => {
    fc.assert(
      fc.property(REGISTER, fc.constantFrom(1, 3, 10_000), (rows, limit) => {
        // Limit 1 and 3: the memo is full after the first distinct texts and must still agree.
        const reference = normalise(rows, 0);
        const memoised = normalise(rows, limit);
        expect(memoised.participants).toEqual(reference.participants);
        expect(memoised.quality).toEqual(reference.quality);
        expect(countProvenance(memoised.participants)).toEqual(countProvenance(reference.participants));
      }),
      { numRuns: 150 },
    );
  });

  test('normaliseRows is the memoised row normaliser', () => {
    const rows = fc.sample(REGISTER, { numRuns: 5, seed: 3 }).flat();
    expect(normaliseRows(rows, MAPPING, { firstRow: 2, referenceDate: '2024-06-01' })).toEqual(
      normalise(rows, 0),
    );
  });

  test('a column of more distinct texts than the memo keeps reads each as its own', () => {
    const rows = Array.from({ length: 30 }, (_, i) => {
      const row: unknown[] = [];
      row[MAPPING.name as number] = `Peserta ${i}`;
      row[MAPPING.institution as number] = `Dinas ${i % 12}`;
      row[MAPPING.regency as number] = i % 2 ? `Kota ${i}` : 'Bateng';
      return row;
    });
    const memoised = normalise(rows, 4);
    expect(memoised).toEqual(normalise(rows, 0));
    expect(memoised.participants.map((p) => p.institution)).toEqual(rows.map((_, i) => `Dinas ${i % 12}`));
    expect(memoised.participants[29].regency).toBe('Kota 29');
  });
});

describe('digit fast paths agree with the readings they replace', () => {
  const digit = fc.constantFrom(...'0123456789');
  const dateLike = fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: digit },
        { weight: 1, arbitrary: fc.constantFrom('-', '/', '.', ' ', 'a') },
      ),
      {
        minLength: 10,
        maxLength: 10,
      },
    )
    .map((chars) => chars.join(''));
  const realDate = fc
    .record({
      y: fc.integer({ min: 1890, max: 2210 }),
      m: fc.integer({ min: 0, max: 13 }),
      d: fc.integer({ min: 0, max: 32 }),
    })
    .chain(({ y, m, d }) => {
      const [yy, mm, dd] = [String(y), String(m).padStart(2, '0'), String(d).padStart(2, '0')];
      return fc.constantFrom(`${yy}-${mm}-${dd}`, `${dd}/${mm}/${yy}`, `${dd}.${mm}-${yy}`);
    });

  test('ten-character dates read as parseDate reads them (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, realDate), (text) => {
        const fast = fixedWidthDate(text);
        if (fast !== undefined) expect(fast).toBe(parseDate(text) || null);
        expect(parseBirthDate(text)).toBe(parseDate(cleanText(text, 80)) || null);
      }),
      { numRuns: 2000 },
    );
  });

  /** "12 Mei 1990" and its near misses: any case, a dot or not, unknown words, odd spaces. */
  const namedDate = fc
    .record({
      d: fc.integer({ min: 0, max: 32 }).chain((d) => fc.constantFrom(String(d), String(d).padStart(2, '0'))),
      word: fc.constantFrom(
        'Mei',
        'mei',
        'MEI',
        'Agustus',
        'agt',
        'Ags',
        'Sept',
        'sep',
        'Oct',
        'Okt',
        'may',
        'Pebruari',
        'x',
        'Mei2',
        'Juni',
      ),
      dot: fc.constantFrom('', '.', '..'),
      y: fc.integer({ min: 1850, max: 2250 }).map(String),
      gap: fc.constantFrom(' ', ' ', ' ', '  ', '\t'),
      around: fc.constantFrom('', '', ' ', 'x'),
    })
    .map(({ d, word, dot, y, gap, around }) => `${d} ${word}${dot}${gap}${y}${around}`);

  test('named-month dates read in place are isoDay of parseBirthDate (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(namedDate, fc.string({ maxLength: 16 })), (text) => {
        const day = namedMonthDay(text);
        if (day >= 0) {
          const date = parseBirthDate(text);
          expect(day).toBe(date ? isoDay(date) : 0);
        }
      }),
      { numRuns: 3000 },
    );
    expect([
      namedMonthDay('12 Mei 1990'),
      namedMonthDay('31 Feb. 1990'),
      namedMonthDay('12  Mei 1990'),
    ]).toEqual([19900512, 0, -1]);
  });

  test('ten-character dates read as day numbers are isoDay of fixedWidthDate (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, realDate, fc.string({ maxLength: 12 })), (text) => {
        const date = fixedWidthDate(text);
        expect(fixedWidthDay(text)).toBe(date === undefined ? -1 : date === null ? 0 : isoDay(date));
      }),
      { numRuns: 2000 },
    );
    expect([isoDay('1990-05-12'), isoDay('12/05/1990'), isoDay('1990-5-12'), isoDay('')]).toEqual([
      19900512, 0, 0, 0,
    ]);
  });

  test('ages from day numbers are plausibleAgeAt of the ISO dates (fast-check)', () => {
    const near = fc.tuple(iso, fc.integer({ min: -3, max: 130 })).map(([r, back]) => {
      const b = `${Number(r.slice(0, 4)) - back}${r.slice(4)}`;
      return [b.length === 10 ? b : r, r];
    });
    fc.assert(
      fc.property(fc.oneof(fc.tuple(iso, iso), near), ([b, r]) =>
        expect(plausibleAgeOnDays(isoDay(b), isoDay(r))).toBe(plausibleAgeAt(b, r)),
      ),
      { numRuns: 2000 },
    );
  });

  test('ages of plain digits are parseAge of them; other texts are left to parseAge (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\d{0,4}$/), fc.string({ maxLength: 5 })), (text) => {
        const fast = digitsAge(text);
        if (/^\d{1,3}$/.test(text)) expect(fast).toBe(parseAge(text));
        else expect(fast).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  test('readAge of a ten-character birth date, read as a day number, is readAge of it read as text (fast-check)', () => {
    // A leading space keeps the cell off the day-number path (eleven characters) and reads and
    // quotes the same once trimmed: ages, sources and findings must agree.
    const nikBirth = fc.constantFrom(undefined, null, '1990-05-12', '1979-08-17', '2024-06-01');
    fc.assert(
      fc.property(
        fc.oneof(dateLike, realDate, namedDate),
        fc.constantFrom('2024-06-01', '1990-05-12', '1979-08-17'),
        fc.option(fc.integer({ min: 0, max: 130 })),
        nikBirth,
        (text, reference, fromNik, nikDate) => {
          const read = (birthDate: string) => {
            const { cells, quality } = cellsOf({ birthDate, nik: 'x' }, { reference });
            return { reading: readAge(cells, fromNik, null, nikDate), quality };
          };
          expect(read(text)).toEqual(read(` ${text}`));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('a day exists exactly when isoDate makes one (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        (y, m, d) => {
          expect(dayExists(y, m, d)).toBe(isoDate(y, m, d) !== null);
        },
      ),
      { numRuns: 3000 },
    );
    expect([dayExists(2000, 2, 29), dayExists(1900, 2, 29), dayExists(2024, 2, 29)]).toEqual([
      true,
      false,
      true,
    ]);
  });

  test('ageAt of ISO dates is the split reading (fast-check)', () => {
    const split = (b: string, r: string) => {
      const [by, bm, bd] = b.split('-').map(Number);
      const [ry, rm, rd] = r.split('-').map(Number);
      return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
    };
    fc.assert(
      fc.property(iso, iso, (b, r) => expect(ageAt(b, r)).toBe(split(b, r))),
      { numRuns: 2000 },
    );
    expect(ageAt('1990-5-12', '2024-06-01')).toBe(34);
    // Not ISO: read as split, whatever reference was read before.
    for (const [b, r] of [
      ['1990-01-01', ''],
      ['1990-01-01', '2024-6-1'],
      ['', '2024-06-01'],
      ['1990-01-01', '2024-06-01'],
    ])
      expect(ageAt(b, r)).toBe(split(b, r));
  });

  test('a NIK of plain digits decodes as the same NIK typed with separators (fast-check)', () => {
    const nik = fc
      .tuple(fc.constantFrom('19', '31', '00', '99'), fc.array(digit, { minLength: 14, maxLength: 14 }))
      .map(([province, rest]) => province + rest.join(''));
    fc.assert(
      fc.property(
        fc.oneof(nik, fc.constantFrom(...BORN_ON_REFERENCE)),
        fc.constantFrom('2024-06-01', '0050-01-01', '2100-12-31'),
        (digits, reference) => {
          // The spaced form takes the separator path; both must give the same reading.
          const spaced = `${digits.slice(0, 4)} ${digits.slice(4, 10)}-${digits.slice(10)}`;
          expect(idDigits(spaced)).toBe(digits);
          expect(decodeNik(digits, reference)).toEqual(decodeNik(spaced, reference));
        },
      ),
      { numRuns: 2000 },
    );
  });

  /** decodeNik's reading before its digit helpers: slices, Number and isoDate. */
  function referenceNik(digits: string, reference: string) {
    if (!/^\d{16}$/.test(digits)) return null;
    if (!PROVINCE_CODES.has(digits.slice(0, 2))) return 'badProvince';
    let day = Number(digits.slice(6, 8));
    const sex = day > 40 ? 'P' : 'L';
    if (day > 40) day -= 40;
    const refYear = Number(reference.slice(0, 4));
    let year = Math.floor(refYear / 100) * 100 + Number(digits.slice(10, 12));
    if (year > refYear) year -= 100;
    const birthDate = isoDate(year, Number(digits.slice(8, 10)), day);
    return !birthDate || birthDate > reference ? 'badBirthDate' : { sex, birthDate };
  }

  // Born on the activity's day, the day after, and 29 February.
  const BORN_ON_REFERENCE = ['1971010106240001', '1971014106240001', '1971010206240001', '1971012902000001'];

  test('NIK digits decode as sliced and dated before, in decodeNik and readNik (fast-check)', () => {
    const two = (lo: number, hi: number) =>
      fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, '0'));
    const nik = fc
      .tuple(
        fc.constantFrom('19', '31', '00', '99', '11'),
        two(0, 99),
        two(0, 99),
        two(0, 75),
        two(0, 14),
        two(0, 99),
        two(0, 99),
        two(0, 99),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        nik,
        fc.constantFrom('2024-06-01', '2000-02-29', '0050-01-01', '2100-12-31', '1100-01-01', '1099-12-31'),
        (digits, reference) => {
          const expected = referenceNik(digits, reference);
          const decoded = decodeNik(digits, reference);
          if (typeof expected === 'object' && expected) {
            expect(decoded).toEqual({ ok: true, info: expect.objectContaining(expected) });
            const { cells } = cellsOf({ nik: digits }, { reference });
            expect(readNik(cells)).toEqual({
              id: digits,
              sex: expected.sex,
              age: plausibleAgeAt(expected.birthDate, reference),
              birthDate: expected.birthDate,
              nip: null,
            });
          } else expect(decoded).toEqual({ ok: false, problem: expected });
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('a blank cell is one that trims to nothing (fast-check)', () => {
    const text = fc.string({
      unit: fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\ufeff', 'a', '!', '~', '\u007f', 'é'),
      maxLength: 5,
    });
    fc.assert(
      fc.property(text, (v) => expect(isBlank(v)).toBe(v.trim() === '')),
      { numRuns: 3000 },
    );
    expect([isBlank(null), isBlank(undefined), isBlank(0), isBlank(false)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  test('cleanText of plain ASCII: clean text as it is, anything else tidied (fast-check)', () => {
    const slow = (v: string, cap: number) => {
      let text = v
        .slice(0, cap * 4)
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f\u200b\ufeff]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (text.length > cap) text = text.slice(0, cap);
      return text;
    };
    const ascii = fc.string({
      unit: fc.constantFrom(' ', ' ', 'a', 'Z', '.', '\t', '\n', '\u007f', '~', '\u00a0', 'é'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(ascii, fc.constantFrom(200, 5), (text, cap) =>
        expect(cleanText(text, cap)).toBe(slow(text, cap)),
      ),
      {
        numRuns: 3000,
      },
    );
  });
});

describe('shared provenance', () => {
  const source = fc.constantFrom(...VALUE_SOURCES);
  test('one frozen object per combination, with the sources given, tallied as a built one (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(source, { minLength: 8, maxLength: 8 }), (sources) => {
        const shared = sharedProvenance(
          ...(sources as [
            ValueSource,
            ValueSource,
            ValueSource,
            ValueSource,
            ValueSource,
            ValueSource,
            ValueSource,
            ValueSource,
          ]),
        );
        const built = Object.fromEntries(
          PROVENANCE_FIELDS.map((field, f) => [field, sources[f]]),
        ) as Provenance;
        expect(shared).toEqual(built);
        expect(Object.keys(shared)).toEqual([...PROVENANCE_FIELDS]);
        expect(Object.isFrozen(shared)).toBe(true);
        expect(sharedProvenance(...(sources as Parameters<typeof sharedProvenance>))).toBe(shared);
        const as = (provenance: Provenance) => [{ provenance } as Participant, { provenance } as Participant];
        expect(countProvenance(as(shared))).toEqual(countProvenance(as({ ...built })));
      }),
      { numRuns: 500 },
    );
  });
});
