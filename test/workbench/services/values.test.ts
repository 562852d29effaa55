import fc from 'fast-check';
import { zonedToUtc } from '../../../src/workbench/format/zones';
import { displayValue } from '../../../src/workbench/format/display';
import { storedNumberFormat } from '../../../src/workbench/format/number-format';
import { coerceInput } from '../../../src/workbench/services/typed-input';

const TZ = 'Asia/Jakarta';
const NOW = () => new Date('2025-06-01T00:00:00Z');

/** Midnight (or the given wall time) in Asia/Jakarta, as an ISO instant. */
const jkt = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string =>
  new Date(zonedToUtc(y, mo, d, h, mi, s, 0, TZ)).toISOString();
/** A time typed alone is on Sheets' day zero, 1899-12-30 (Jakarta's offset then: LMT +07:07). */
const timeOf = (h: number, mi: number, s = 0): string => jkt(1899, 12, 30, h, mi, s);

type Expect = [input: string, value: string | number | boolean, format?: string];
type Row = [input: string, value: string | number | boolean, format: string | null];
/** test.each rows of one length (a shorter row would hand jest's `done` to the test). */
const rows = (list: Expect[]): Row[] => list.map(([i, v, f]) => [i, v, f ?? null]);

function parsed(input: string, locale: string): [string | number | boolean, string | null] {
  const c = coerceInput(input, undefined, TZ, locale, NOW);
  expect(c.formula).toBeUndefined();
  const v = c.value instanceof Date ? `D:${c.value.toISOString()}` : c.value;
  return [v, c.autoFormat ?? null];
}

const D = (iso: string): string => `D:${iso}`;

/** Inputs both locales parse the same way. */
const COMMON: Expect[] = [
  ['007', 7],
  ['-3', -3],
  ['+5', 5],
  ['  42  ', 42],
  ['0812345678', 812345678],
  ['3201234567890123', 3201234567890120], // typed digits keep 15 significant digits (the NIK bug)
  ['1e3', 1000, '0.00E+00'],
  ['50%', 0.5, '0%'],
  ['50 %', 0.5, '0%'],
  ['-5%', -0.05, '0%'],
  ['Rp 100', 100, '"Rp"#,##0.00'],
  ['Rp100', 100, '"Rp"#,##0.00'],
  ['rp 100', 100, '"Rp"#,##0.00'],
  ['IDR 100', 100, '"Rp"#,##0.00'],
  ['$100', 100, '"$"#,##0.00'],
  ['-$100', -100, '"$"#,##0.00'],
  ['$-100', -100, '"$"#,##0.00'],
  ['100 $', 100, '"$"#,##0.00'],
  ['(100)', -100],
  ['(Rp 100)', -100, '"Rp"#,##0.00'],
  ['TRUE', true],
  ['false', false],
  [' True ', true],
  ['2024-01-05', D(jkt(2024, 1, 5)), 'yyyy-mm-dd'],
  ['2024/1/5', D(jkt(2024, 1, 5)), 'yyyy/mm/dd'],
  ['2024-01-05 10:04', D(jkt(2024, 1, 5, 10, 4)), 'yyyy-mm-dd h:mm'],
  ['2024-01-05T10:04:05', D(jkt(2024, 1, 5, 10, 4, 5)), 'yyyy-mm-dd h:mm:ss'],
  ['12/2024', D(jkt(2024, 12, 1)), 'm/yyyy'],
  ['15 April', D(jkt(2025, 4, 15)), 'd mmmm'],
  ['April 2024', D(jkt(2024, 4, 1)), 'mmmm yyyy'],
  ['15 Agustus 2024', D(jkt(2024, 8, 15)), 'd mmmm yyyy'],
  ['15 August 2024', D(jkt(2024, 8, 15)), 'd mmmm yyyy'],
  ['15-Agu-24', D(jkt(2024, 8, 15)), 'd mmm yyyy'],
  ['Aug 15, 2024', D(jkt(2024, 8, 15)), 'mmm d, yyyy'],
  ['Desember 31', D(jkt(2025, 12, 31)), 'mmmm d'],
  ['Senin, 1 Jan 2024', D(jkt(2024, 1, 1)), 'd mmm yyyy'],
  ['Monday, January 1, 2024', D(jkt(2024, 1, 1)), 'mmmm d, yyyy'],
  ['15 April 2024 10:00', D(jkt(2024, 4, 15, 10)), 'd mmmm yyyy h:mm'],
  ['9:30', D(timeOf(9, 30)), 'h:mm'],
  ['9:30:15', D(timeOf(9, 30, 15)), 'h:mm:ss'],
  ['9:30 PM', D(timeOf(21, 30)), 'h:mm am/pm'],
  ['12:15 am', D(timeOf(0, 15)), 'h:mm am/pm'],
  ['10am', D(timeOf(10, 0)), 'h:mm am/pm'],
  ['1 1/2', 1.5],
  // stays text
  ['Laki-laki', 'Laki-laki'],
  ['Siti Aminah', 'Siti Aminah'],
  ['April', 'April'],
  ['Kelas 3A', 'Kelas 3A'],
  ['Jl. Merdeka 10', 'Jl. Merdeka 10'],
  ['RT 01/RW 02', 'RT 01/RW 02'],
  ['Mei Ling 3', 'Mei Ling 3'],
  ['0812-3456-7890', '0812-3456-7890'],
  ['+62 812 3456 7890', '+62 812 3456 7890'],
  ['24:00', '24:00'],
  ['13:75', '13:75'],
  ['1/0', '1/0'],
  ['-', '-'],
  ['=', '='],
  ['Rp', 'Rp'],
  ['1e999', '1e999'],
];

const ID_ID: Expect[] = [
  ['1.234,5', 1234.5, '#,##0.0'],
  ['1.234', 1234, '#,##0'],
  ['3,5', 3.5],
  [',5', 0.5],
  ['12,5%', 0.125, '0.00%'],
  ['Rp 1.500.000', 1500000, '"Rp"#,##0.00'],
  ['Rp. 1.500.000,50', 1500000.5, '"Rp"#,##0.00'],
  ['1,5E3', 1500, '0.00E+00'],
  ['BENAR', true], // assumed: the localized names convert too
  ['salah', false],
  ['12/3/2024', D(jkt(2024, 3, 12)), 'd/m/yyyy'],
  ['12-3-2024', D(jkt(2024, 3, 12)), 'd-m-yyyy'],
  ['12.3.2024', D(jkt(2024, 3, 12)), 'd.m.yyyy'],
  ['5/1/24', D(jkt(2024, 1, 5)), 'd/m/yyyy'],
  ['1/2', D(jkt(2025, 2, 1)), 'd/m'], // a fraction typed alone is a date (day/month)
  ['13/2', D(jkt(2025, 2, 13)), 'd/m'],
  ['1.5', D(jkt(2025, 5, 1)), 'd.m'], // "." is not the decimal separator: day.month
  ['21.30', D(timeOf(21, 30)), 'h.mm'], // CLDR id time: HH.mm
  ['12/3/2024 21.30', D(jkt(2024, 3, 12, 21, 30)), 'd/m/yyyy h.mm'],
  ['29/2/2024', D(jkt(2024, 2, 29)), 'd/m/yyyy'],
  ['123.45', 12345], // misplaced group separator: assumed converted
  ['31/2/2024', '31/2/2024'],
  ['29/2/2023', '29/2/2023'],
  ['1,234.5', '1,234.5'],
];

const EN_US: Expect[] = [
  ['1,234.5', 1234.5, '#,##0.0'],
  ['1,234', 1234, '#,##0'],
  ['3.5', 3.5],
  ['.5', 0.5],
  ['12.5%', 0.125, '0.00%'],
  ['$1,500.50', 1500.5, '"$"#,##0.00'],
  ['12/3/2024', D(jkt(2024, 12, 3)), 'm/d/yyyy'],
  ['12-3-2024', D(jkt(2024, 12, 3)), 'm-d-yyyy'],
  ['12.3.2024', D(jkt(2024, 12, 3)), 'm.d.yyyy'],
  ['1/2', D(jkt(2025, 1, 2)), 'm/d'], // a fraction typed alone is a date (month/day)
  ['13/2', 6.5], // not a date: the fraction
  ['21.30', 21.3],
  ['9.30 pm', D(timeOf(21, 30)), 'h.mm am/pm'],
  ['12/3/2024 9:30 PM', D(jkt(2024, 12, 3, 21, 30)), 'm/d/yyyy h:mm am/pm'],
  ['1,5', 15], // misplaced group separator: assumed converted
  ['BENAR', 'BENAR'],
  ['29/2/2024', '29/2/2024'],
  ['1.234,5', '1.234,5'],
];

describe('coerceInput: typed strings per spreadsheet locale', () => {
  test.each(rows(COMMON))('both locales: %j', (input, value, format) => {
    for (const locale of ['id_ID', 'en_US']) expect(parsed(input, locale)).toEqual([value, format]);
  });
  test.each(rows(ID_ID))('id_ID: %j', (input, value, format) => {
    expect(parsed(input, 'id_ID')).toEqual([value, format]);
  });
  test.each(rows(EN_US))('en_US: %j', (input, value, format) => {
    expect(parsed(input, 'en_US')).toEqual([value, format]);
  });

  test('the locale defaults to id_ID (older saved workbooks have none)', () => {
    expect(coerceInput('3,5', undefined, TZ).value).toBe(3.5);
    expect(coerceInput('3,5', undefined, TZ, 'in_ID').value).toBe(3.5);
  });

  test('formula, apostrophe, plain-text cell, non-strings', () => {
    expect(coerceInput('=SUM(1,2)', undefined, TZ)).toEqual({ value: '', formula: '=SUM(1,2)' });
    expect(coerceInput("'=SUM(1,2)", undefined, TZ)).toEqual({ value: '=SUM(1,2)' });
    expect(coerceInput("'April 2024", undefined, TZ)).toEqual({ value: 'April 2024' });
    expect(coerceInput('April 2024', '@', TZ)).toEqual({ value: 'April 2024' });
    expect(coerceInput("'x", '@', TZ)).toEqual({ value: "'x" });
    expect(coerceInput(null, undefined, TZ)).toEqual({ value: '' });
    expect(coerceInput(undefined, undefined, TZ)).toEqual({ value: '' });
    expect(coerceInput({ toString: () => '7' }, undefined, TZ)).toEqual({ value: 7 });
  });

  test('numbers written as numbers keep the exact double', () => {
    expect(coerceInput(0.19145604129880667, undefined, TZ).value).toBe(0.19145604129880667);
    expect(coerceInput(3201234567890123, undefined, TZ).value).toBe(3201234567890123);
    // typed as text the same digits lose what lies beyond 15 significant digits
    expect(coerceInput('0.19145604129880667', undefined, TZ, 'en_US').value).toBe(0.191456041298807);
    expect(coerceInput('0,19145604129880667', undefined, TZ, 'id_ID').value).toBe(0.191456041298807);
  });

  test('"General" is stored as the automatic format', () => {
    expect(storedNumberFormat('General')).toBeUndefined();
    expect(storedNumberFormat('general')).toBeUndefined();
    expect(storedNumberFormat('')).toBeUndefined();
    expect(storedNumberFormat('0.00')).toBe('0.00');
  });
});

describe('coerceInput: properties', () => {
  const locales = fc.constantFrom('id_ID', 'en_US');

  test("any string behind a leading ' reads back exactly, never a formula or a number", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), locales, (s, locale) => {
        expect(coerceInput(`'${s}`, undefined, TZ, locale, NOW)).toEqual({ value: s });
      }),
    );
  });

  test('any number written as a number reads back identical', () => {
    fc.assert(
      fc.property(fc.double(), locales, (n, locale) => {
        expect(Object.is(coerceInput(n, undefined, TZ, locale).value, n)).toBe(true);
      }),
    );
  });

  test("any string not starting with ' or = is text kept verbatim, or a number, boolean or Date", () => {
    const typed = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.stringMatching(/^[-+ ($Rp%.,:/0-9apmAPM)]{1,14}$/),
      fc
        .tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom('April', 'Agu', 'Mei', 'Dec'), fc.nat(2100))
        .map(([d, m, y]) => `${d} ${m} ${y}`),
    );
    fc.assert(
      fc.property(typed, locales, (s, locale) => {
        fc.pre(!/^['=]/.test(s));
        const c = coerceInput(s, undefined, TZ, locale, NOW);
        if (typeof c.value === 'string') expect(c.value).toBe(s);
        else if (typeof c.value === 'number') expect(Number.isFinite(c.value)).toBe(true);
        else if (c.value instanceof Date) expect(Number.isNaN(c.value.getTime())).toBe(false);
        else expect(typeof c.value).toBe('boolean');
      }),
    );
  });

  test('integers typed in either locale (with or without group separators) read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(coerceInput(String(n), undefined, TZ, 'en_US').value).toBe(n);
        expect(coerceInput(n.toLocaleString('en-US'), undefined, TZ, 'en_US').value).toBe(n);
        expect(coerceInput(n.toLocaleString('en-US').replace(/,/g, '.'), undefined, TZ, 'id_ID').value).toBe(
          n,
        );
      }),
    );
  });

  test('decimals typed with the locale separator keep 15 significant digits', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const text = String(Number(n.toPrecision(12)));
        fc.pre(!text.includes('e'));
        const want = Number(text);
        expect(coerceInput(text, undefined, TZ, 'en_US').value).toBe(want);
        expect(coerceInput(text.replace('.', ','), undefined, TZ, 'id_ID').value).toBe(want);
      }),
    );
  });

  test('dates typed in digits in the locale order are midnight of that day', () => {
    const day = fc.date({ min: new Date('1931-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.constantFrom('/', '-', '.'), (d, sep) => {
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const want = `D:${jkt(y, m, dd)}`;
        expect(parsed([dd, m, y].join(sep), 'id_ID')[0]).toBe(want);
        expect(parsed([m, dd, y].join(sep), 'en_US')[0]).toBe(want);
      }),
    );
  });
});

describe('displayValue per locale', () => {
  const cell = (value: number | Date, numberFormat?: string) => ({
    value,
    format: numberFormat ? { numberFormat } : undefined,
  });
  test.each([
    [1234.5, undefined, '1234,5', '1234.5'],
    [1234.5, '#,##0.00', '1.234,50', '1,234.50'],
    [0.125, '0.00%', '12,50%', '12.50%'],
    [1500000, '"Rp"#,##0.00', 'Rp1.500.000,00', 'Rp1,500,000.00'],
    [1000, '0.00E+00', '1,00E+03', '1.00E+03'],
    [0.19145604129880667, undefined, '0,191456041298807', '0.191456041298807'],
  ])('%p with %p: id_ID %p, en_US %p', (v, fmt, id, en) => {
    expect(displayValue(cell(v, fmt), TZ, 'id_ID')).toBe(id);
    expect(displayValue(cell(v, fmt), TZ, 'en_US')).toBe(en);
  });
  test.each([
    [-5, '0;0', '5', '5'],
    [-3, '#,##0;(#,##0)', '(3)', '(3)'],
    [0, '0;-0;"nol"', 'nol', 'nol'],
    [2.5, '0.0 "kg"', '2,5 kg', '2.5 kg'],
    [1500, '[$Rp-421] #,##0', 'Rp 1.500', 'Rp 1,500'],
    [1234567, '#,##0,"K"', '1.235K', '1,235K'],
    [45519.5, '[$-421]dd mmmm yyyy', '15 Agustus 2024', '15 August 2024'],
  ])('%p with %p (sections, literals, tags): id_ID %p, en_US %p', (v, fmt, id, en) => {
    expect(displayValue(cell(v, fmt), TZ, 'id_ID')).toBe(id);
    expect(displayValue(cell(v, fmt), TZ, 'en_US')).toBe(en);
  });
  test('month names follow the locale', () => {
    const d = new Date(jkt(2024, 8, 15));
    expect(displayValue(cell(d, 'd mmmm yyyy'), TZ, 'id_ID')).toBe('15 Agustus 2024');
    expect(displayValue(cell(d, 'd mmmm yyyy'), TZ, 'en_US')).toBe('15 August 2024');
    expect(displayValue(cell(d), TZ, 'id_ID')).toBe('15/8/2024 0:00:00');
    expect(displayValue(cell(d), TZ, 'en_US')).toBe('8/15/2024 0:00:00');
  });
});
