import fc from 'fast-check';
import { AGE_GROUPS, ageAt, ageGroup, lifeStage, parseAge } from '../../../src/core/terpilah/age';
import { maskNik } from '../../../src/core/privacy/mask-nik';
import { decodeNik, idDigits, isScientific, shownAsNumber } from '../../../src/core/terpilah/nik';
import { decodeNip } from '../../../src/core/terpilah/nip';
import { parseSex } from '../../../src/core/terpilah/sex';

describe('sex spellings', () => {
  test.each([
    'L',
    'l',
    ' L ',
    'Lk',
    'Lk.',
    'LK',
    'Laki-laki',
    'laki laki',
    'LAKI-LAKI',
    'Laki - laki',
    'lakilaki',
    'laki2',
    'Laki',
    'Pria',
    'M',
    'Male',
    'male ',
  ])('%p is L', (v) => expect(parseSex(v)).toBe('L'));
  test.each([
    'P',
    'p',
    'Pr',
    'Pr.',
    'Perempuan',
    'PEREMPUAN',
    ' perempuan ',
    'Wanita',
    'F',
    'Female',
    'woman',
  ])('%p is P', (v) => expect(parseSex(v)).toBe('P'));
  test.each(['', '-', 'X', 'LP', 'L/P', '1', '2', 'laki-laki/perempuan', '=L', null, undefined, 1, true])(
    '%p is unknown',
    (v) => expect(parseSex(v)).toBeNull(),
  );
  test('never throws and only answers L, P or unknown', () => {
    fc.assert(fc.property(fc.anything(), (v) => expect([null, 'L', 'P']).toContain(parseSex(v))));
  });
});

describe('NIP', () => {
  test('the NIP in the source SOP: born 1965-07-13, appointed 1992-03, female', () => {
    expect(decodeNip('19650713 199203 2 002')).toEqual({
      ok: true,
      info: {
        nip: '196507131992032002',
        birthDate: '1965-07-13',
        appointed: '1992-03',
        sex: 'P',
        serial: '002',
      },
    });
    expect(decodeNip('NIP. 19650713 199203 2 002')).toMatchObject({ ok: true });
  });
  test.each([
    ['', 'empty'],
    ['1965071319920320', 'wrongLength'],
    ['19650713A99203200', 'notDigits'],
    ['196513131992032002', 'badBirthDate'],
    ['196507131992132002', 'badAppointment'],
    ['196507131992033002', 'badSexDigit'],
  ])('%p → %p', (value, problem) => expect(decodeNip(value)).toEqual({ ok: false, problem }));
  test('a NIP Sheets stored as a number lost digits and is refused', () => {
    expect(decodeNip(196507131992032000)).toEqual({ ok: false, problem: 'storedAsNumber' });
  });
});

describe('NIK', () => {
  test('a woman from Pangkalpinang: day + 40, regency decoded', () => {
    expect(decodeNik('1971 0153 0890 0001', '2026-11-24')).toEqual({
      ok: true,
      info: {
        nik: '1971015308900001',
        province: '19',
        regencyCode: '1971',
        regency: 'Pangkalpinang',
        birthDate: '1990-08-13',
        sex: 'P',
      },
    });
  });
  test('a man from Bangka Tengah born 2005; the two-digit year never lands in the future', () => {
    expect(decodeNik('1904011207050002', '2026-11-24')).toMatchObject({
      ok: true,
      info: { regency: 'Bangka Tengah', birthDate: '2005-07-12', sex: 'L' },
    });
    expect(decodeNik('1904011207270002', '2026-11-24')).toMatchObject({
      ok: true,
      info: { birthDate: '1927-07-12' },
    });
  });
  test('outside Bangka Belitung the regency name is not guessed', () => {
    expect(decodeNik('3201011207900002', '2026-11-24')).toMatchObject({
      ok: true,
      info: { province: '32', regency: null },
    });
  });
  test.each([
    ['', 'empty'],
    ['197101530890000', 'wrongLength'],
    ['19710153089O0001', 'notDigits'],
    ['0971015308900001', 'badProvince'],
    ['1971017308900001', 'badBirthDate'],
    ['1971013002900001', 'badBirthDate'],
  ])('%p → %p', (value, problem) => expect(decodeNik(value, '2026-11-24')).toEqual({ ok: false, problem }));
  test('stored as a number (15 significant digits) is refused; masking keeps 4 + 4 digits', () => {
    expect(decodeNik(1971015308900000, '2026-11-24')).toEqual({ ok: false, problem: 'storedAsNumber' });
    expect(maskNik('1971015308900001')).toBe('1971********0001');
  });
  test('any 16-digit input never throws; a decoded birth date is never after the reference date', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
        const result = decodeNik(nik, '2026-11-24');
        if (result.ok) expect(result.info.birthDate <= '2026-11-24').toBe(true);
      }),
    );
  });
});

describe('age', () => {
  test('whole years at the activity date', () => {
    expect(ageAt('1965-07-13', '2026-07-12')).toBe(60);
    expect(ageAt('1965-07-13', '2026-07-13')).toBe(61);
  });
  test.each([
    ['45', 45],
    [45, 45],
    ['45 tahun', 45],
    ['45 th', 45],
    ['45.0', 45],
    ['0', 0],
  ])('%p → %p', (value, age) => expect(parseAge(value)).toBe(age));
  test.each(['300', '-1', 'empat puluh', '', '45.5', null])('%p is not an age', (value) =>
    expect(parseAge(value)).toBeNull(),
  );
  test('BPS groups and life stages cover every age once', () => {
    expect(AGE_GROUPS).toHaveLength(16);
    expect([0, 4, 5, 17, 18, 59, 60, 74, 75, 120].map((a) => [ageGroup(a), lifeStage(a)])).toEqual([
      ['0-4', 'anak'],
      ['0-4', 'anak'],
      ['5-9', 'anak'],
      ['15-19', 'anak'],
      ['15-19', 'dewasa'],
      ['55-59', 'dewasa'],
      ['60-64', 'lansia'],
      ['70-74', 'lansia'],
      ['75+', 'lansia'],
      ['75+', 'lansia'],
    ]);
  });
});

describe('an identifier written as a number', () => {
  test('a number or its scientific display as text is stored-as-number, shown as Sheets shows it', () => {
    expect(isScientific('1,97101E+15')).toBe(true);
    expect(isScientific(" '1.97101e+15 ")).toBe(true);
    expect(isScientific('1971011203750035')).toBe(false);
    expect(decodeNik('1,97101E+15', '2026-11-24')).toEqual({ ok: false, problem: 'storedAsNumber' });
    expect(shownAsNumber(1971011203750030)).toBe('1,97101E+15');
    expect(shownAsNumber(12345)).toBe('12345');
    expect(shownAsNumber(" '1,97101E+15")).toBe('1,97101E+15');
    expect(shownAsNumber(Number.NaN)).toBe('NaN');
    expect(idDigits('1971 0112-0375/0035')).toBe('1971011203750035');
  });
  test('the province is a Kemendagri code: 20 is none', () => {
    expect(decodeNik('2071011203750035', '2026-11-24')).toEqual({ ok: false, problem: 'badProvince' });
  });
});
