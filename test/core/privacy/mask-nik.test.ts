import fc from 'fast-check';
import {
  maskNik,
  maskNiksDeep,
  maskNiksIn,
  nikShaped,
  nipShaped,
  PROVINCE_CODES,
} from '../../../src/core/privacy/mask-nik';
import { decodeNik } from '../../../src/core/terpilah/nik';
import { decodeNip } from '../../../src/core/terpilah/nip';

/** What a reader sees of `text` once separators (anything but digits and "*") are taken out. */
const squeezed = (text: string) => text.replace(/[^\d*]/g, '');

const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));

/** NIKs as Dukcapil issues them: PP KK CC DDMMYY SSSS, women's day + 40. */
const nikArb = fc
  .tuple(
    fc.constantFrom(...PROVINCE_CODES),
    two(1, 99),
    two(1, 99),
    fc.integer({ min: 1, max: 31 }),
    fc.boolean(),
    two(1, 12),
    two(0, 99),
    fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
  )
  .map(
    ([pp, kk, cc, day, woman, mm, yy, ssss]) =>
      `${pp}${kk}${cc}${String(day + (woman ? 40 : 0)).padStart(2, '0')}${mm}${yy}${ssss}`,
  );

/** How people split the 16 digits. */
const GROUPINGS = [[16], [4, 4, 4, 4], [6, 6, 4], [2, 2, 2, 6, 4], [2, 2, 2, 2, 2, 2, 4], [8, 8], [4, 12]];
const separatorArb = fc.constantFrom(
  ' ',
  '  ',
  '.',
  '-',
  '/',
  '_',
  ' - ',
  ' / ',
  '. ',
  '\u00a0',
  '\u200b',
  '–',
  '\n',
);

/** A NIK written with a grouping and separators, mixed or one kind. */
const writtenNik = fc
  .tuple(
    nikArb,
    fc.constantFrom(...GROUPINGS),
    fc.array(separatorArb, { minLength: 8, maxLength: 8 }),
    fc.boolean(),
  )
  .map(([nik, grouping, separators, mixed]) => {
    let at = 0;
    const parts = grouping.map((length) => nik.slice(at, (at += length)));
    const text = parts.reduce(
      (out, part, i) => out + (i === 0 ? '' : mixed ? separators[i] : separators[0]) + part,
      '',
    );
    return { nik, text };
  });

const wordArb = fc.constantFrom(
  'NIK',
  'Budi',
  'Dinas',
  'no.',
  '(lama)',
  'Pelatihan',
  'KTP:',
  'x',
  '',
  '"',
  '—',
);
const beforeArb = fc.array(wordArb, { maxLength: 3 }).map((words) => words.join(' '));
/** What may follow a NIK: nothing, text, a year, more digits glued or separated, punctuation. */
const afterArb = fc.oneof(
  fc.constant(''),
  wordArb.map((w) => ` ${w}`),
  fc.integer({ min: 1950, max: 2030 }).map((year) => ` ${year}`),
  fc.integer({ min: 1950, max: 2030 }).map((year) => `/${year}`),
  fc.stringMatching(/^\d{1,6}$/),
  fc.tuple(separatorArb, fc.stringMatching(/^\d{1,8}$/)).map(([sep, digits]) => sep + digits),
  fc.constantFrom('.', ',', ')', ';', '!', ' (lama)', 'y'),
);

describe('what counts as a NIK', () => {
  test('a NIK: province code, day 01–31 or 41–71, month 01–12; an NIP or a date is none', () => {
    expect(nikShaped('1971011203750035')).toBe(true);
    expect(nikShaped('1971015203750035')).toBe(true); // a woman: day 12 + 40
    expect(nikShaped('2071011203750035')).toBe(false); // 20 is no province
    expect(nikShaped('1971013203750035')).toBe(false); // day 32
    expect(nikShaped('1971011213750035')).toBe(false); // month 13
    expect(nikShaped('197101120375003')).toBe(false);
  });

  test('an NIP: a real birth date, an appointment 15+ years later, sex digit 1 or 2', () => {
    expect(nipShaped('196507132002032002')).toBe(true);
    expect(nipShaped('196507131992032002')).toBe(true);
    expect(nipShaped('196513131992032002')).toBe(false); // month 13
    expect(nipShaped('196507131975032002')).toBe(false); // appointed at 10
    expect(nipShaped('196507131992033002')).toBe(false); // sex digit 3
  });

  test('every NIK decodeNik accepts is NIK-shaped, so the masker finds it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (digits) => {
        if (decodeNik(digits, '2026-11-24').ok) expect(nikShaped(digits)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(nikArb, (nik) => expect(nikShaped(nik)).toBe(true)));
  });

  test('every NIP decodeNip accepts, born and appointed before 2100, is NIP-shaped', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(19|20)\d{6}(19|20)\d{8}$/), (digits) => {
        if (decodeNip(digits).ok) expect(nipShaped(digits)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the masker', () => {
  test('keeps the masked form: the first and last 4 digits, 8 stars', () => {
    expect(maskNik('1904 0112 0375 0001')).toBe('1904********0001');
    expect(maskNiksIn('NIK 1904011203750001')).toBe('NIK 1904********0001');
  });

  test.each([
    [
      'a NIK in an error text',
      'Ditemukan: Budi Santoso, L, 1971011203750031, …',
      'Ditemukan: Budi Santoso, L, 1971********0031, …',
    ],
    ['a spaced NIK before more text', 'NIK 1971 0112 0375 0032 (lama)', 'NIK 1971********0032 (lama)'],
    ['a dashed NIK followed by a year', 'no. 1971-0112-0375-0033/2020', 'no. 1971********0033/2020'],
    [
      'a spaced NIK followed by a year (20 digits in a run)',
      'Dinas 1971 0112 0375 0034 2024',
      'Dinas 1971********0034 2024',
    ],
    ['a NIK in an activity name', 'Pelatihan 1971011203750035', 'Pelatihan 1971********0035'],
    ['a NIK then a year, spaced', '1971 0112 0375 0009 2024', '1971********0009 2024'],
    ['a slashed NIK', '1971/0112/0375/0018', '1971********0018'],
    ['a NIK with digits glued after it', 'x19710112037500352024', 'x1971********00352024'],
    ['a NIK with digits glued before it', 'ID 0719710112037500351', 'ID 071971********00351'],
    ['a NIK after a row number', 'Baris 12: 1971011203750035', 'Baris 12: 1971********0035'],
    ['mixed separators', '19.71 01-120375/0035', '1971********0035'],
    ['zero-width and no-break spaces', '1971\u200b0112\u00a00375 0035', '1971********0035'],
    ['16 digits in one group, whatever they are', 'kartu 1234567890123456', 'kartu 1234********3456'],
    ['two NIKs in one run', '1971011203750035 1971015203750036', '1971********0035 1971********0036'],
  ])('masks %s', (_what, text, masked) => {
    expect(maskNiksIn(text)).toBe(masked);
    expect(maskNiksIn(masked)).toBe(masked);
  });

  test.each([
    ['the signatory NIP of an SOP', 'NIP. 19650713 199203 2 002'],
    ['a NIP written whole', 'NIP 196507132010032002'],
    ['a NIP whose 2nd–17th digits look like a NIK, then a year', '19650713 201003 2 002 2024'],
    ['a phone number', 'HP +62 812-3456-7890'],
    ['two phone numbers', '0812-3456-7890 / 0821-9876-5432'],
    ['an amount', 'Rp 1.250.000.000'],
    ['amounts', 'Rp 1.250.000, Rp 2.500.000 dan Rp 300.000'],
    ['dates', '12-01-2024 s.d. 2024-02-13, pukul 09.30'],
    ['a date range', '2024-01-12 2024-02-13'],
    ['16 digits in groups that are no NIK', '1234 5678 9012 3456'],
    ['a report table line', 'Bappeda | 12345 | 67890 | 100 | 80335 | 15,4%'],
  ])('keeps %s', (_what, text) => {
    expect(maskNiksIn(text)).toBe(text);
  });

  test('no output holds the 16 digits of a NIK in a row, however written and whatever surrounds it', () => {
    fc.assert(
      fc.property(beforeArb, writtenNik, afterArb, (before, { nik, text }, after) => {
        const input = `${before}${before ? ' ' : ''}${text}${after}`;
        const output = maskNiksIn(input);
        expect(squeezed(output)).not.toContain(nik);
        // Masking again changes nothing.
        expect(maskNiksIn(output)).toBe(output);
      }),
      { numRuns: 3000 },
    );
  });

  test('several NIKs in one text are all masked', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(writtenNik, afterArb), { minLength: 2, maxLength: 4 }), (parts) => {
        const output = maskNiksIn(parts.map(([{ text }, after]) => `NIK ${text}${after}`).join('; '));
        for (const [{ nik }] of parts) expect(squeezed(output)).not.toContain(nik);
      }),
    );
  });

  const nipArb = fc
    .tuple(
      fc.integer({ min: 1940, max: 2005 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 15, max: 40 }),
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom('1', '2'),
      fc.integer({ min: 1, max: 999 }),
    )
    .filter(([year, , , after]) => year + after <= 2099)
    .map(([year, month, day, after, appointed, sex, serial]) => {
      const p2 = (n: number) => String(n).padStart(2, '0');
      return [
        `${year}${p2(month)}${p2(day)}`,
        `${year + after}${p2(appointed)}`,
        sex,
        String(serial).padStart(3, '0'),
      ];
    });
  const writtenNip = fc
    .tuple(nipArb, fc.constantFrom(' ', '', '.', '-'), fc.constantFrom('NIP. ', 'NIP ', '', 'NIP: '))
    .map(([parts, separator, prefix]) => `${prefix}${parts.join(separator)}`);
  const phoneArb = fc
    .tuple(
      fc.constantFrom('+62 8', '08', '+628', '(0717) '),
      fc.stringMatching(/^\d{2,3}$/),
      fc.stringMatching(/^\d{4}$/),
      fc.stringMatching(/^\d{3,4}$/),
      fc.constantFrom('-', ' ', '.', ''),
    )
    .map(([start, a, b, c, sep]) => `${start}${a}${sep}${b}${sep}${c}`);
  const dateArb = fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1940, max: 2030 }),
      fc.constantFrom('-', '/', '.'),
      fc.boolean(),
    )
    .map(([d, m, y, sep, iso]) => {
      const p2 = (n: number) => String(n).padStart(2, '0');
      return iso ? `${y}${sep}${p2(m)}${sep}${p2(d)}` : `${p2(d)}${sep}${p2(m)}${sep}${y}`;
    });
  const amountArb = fc
    .integer({ min: 0, max: 999_999_999_999 })
    .map((n) => `Rp ${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`);

  test('NIPs, phone numbers, dates and amounts survive unchanged, alone or together', () => {
    const pieces = fc.oneof(writtenNip, phoneArb, dateArb, amountArb);
    fc.assert(
      fc.property(fc.array(fc.tuple(wordArb, pieces), { minLength: 1, maxLength: 5 }), (parts) => {
        const text = parts.map(([word, piece]) => `${word} ${piece}`).join(', ');
        expect(maskNiksIn(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(writtenNip, (nip) => expect(maskNiksIn(nip)).toBe(nip)));
  });

  test('every string of a structure is masked, other values kept', () => {
    const masked = maskNiksDeep({
      a: ['NIK 1971011203750035', 3, null, { b: 'Dinas 1971 0112 0375 0034 2024' }],
      c: true,
    });
    expect(masked).toEqual({
      a: ['NIK 1971********0035', 3, null, { b: 'Dinas 1971********0034 2024' }],
      c: true,
    });
  });

  test('a long text with few digits is returned as it is; a long run of digits is masked whole', () => {
    const text = `${'Rp 1.250.000, '.repeat(2000)}${' '.repeat(50_000)}1`;
    expect(maskNiksIn(text)).toBe(text);
    const run = `NIK ${'1971011203750035'.repeat(1000)}`;
    expect(squeezed(maskNiksIn(run))).not.toContain('1971011203750035');
  });
});
