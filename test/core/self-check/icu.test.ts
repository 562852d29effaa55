import { attempt, type Outcome } from '../../../src/core/self-check/checks';
import {
  probeCollation,
  probeNormalize,
  probeTimeZone,
  probeUnicodeRegex,
  runtimeIcuEnv,
  type IcuEnv,
} from '../../../src/core/self-check/icu';

const env = (overrides: Partial<IcuEnv>): IcuEnv => ({ ...runtimeIcuEnv(), ...overrides });

/** A DateTimeFormat that rewrites its options (e.g. ignores the time zone). */
function dateTimeFormat(rewrite: (options: Intl.DateTimeFormatOptions) => Intl.DateTimeFormatOptions) {
  return {
    DateTimeFormat: function (locale?: string, options: Intl.DateTimeFormatOptions = {}) {
      return new Intl.DateTimeFormat(locale, rewrite(options));
    } as unknown as typeof Intl.DateTimeFormat,
  };
}

/** A RegExp constructor whose engine rejects some syntax, as an old or ICU-less engine would. */
function regExpRejecting(syntax: RegExp, message: string): RegExpConstructor {
  return function (pattern: string, flags?: string) {
    if (syntax.test(pattern)) throw new SyntaxError(`Invalid regular expression: /${pattern}/: ${message}`);
    return new RegExp(pattern, flags);
  } as unknown as RegExpConstructor;
}

const run = (probe: () => Outcome) => attempt('timeZone', probe);

describe('ICU probes', () => {
  test("all pass on Node's full ICU, also for another valid spreadsheet zone", () => {
    const real = runtimeIcuEnv();
    expect(probeTimeZone(real).status).toBe('pass');
    expect(probeTimeZone(real, 'Asia/Makassar').status).toBe('pass');
    expect(probeUnicodeRegex(real).status).toBe('pass');
    expect(probeNormalize(real).status).toBe('pass');
    expect(probeCollation(real).status).toBe('pass');
  });

  describe('time zone', () => {
    test('fails when the zone is ignored (UTC wall clock)', () => {
      const broken = env({ Intl: dateTimeFormat((o) => ({ ...o, timeZone: 'UTC' })) });
      expect(probeTimeZone(broken)).toEqual({
        status: 'fail',
        detail: {
          key: 'selfCheckExpectedGot',
          params: { expected: '2024-04-15 09:30:05', actual: '2024-04-15 02:30:05' },
        },
      });
    });

    test('fails when midnight comes out as hour 24 (hourCycle not honoured)', () => {
      const broken = env({ Intl: dateTimeFormat((o) => ({ ...o, hourCycle: o.hour ? 'h24' : undefined })) });
      const outcome = probeTimeZone(broken);
      expect(outcome.status).toBe('fail');
      expect(outcome.detail?.params?.actual).toContain('24:00:00');
    });

    test('fails when formatToParts is missing parts', () => {
      const broken = env({ Intl: dateTimeFormat((o) => ({ ...o, second: undefined })) });
      expect(probeTimeZone(broken).detail?.params).toEqual({
        expected: '2024-04-15 09:30:05',
        actual: '2024-04-15 09:30:undefined',
      });
    });

    test('fails when the date-only (en-CA) parts are wrong', () => {
      const broken = env({ Intl: dateTimeFormat((o) => (o.hour ? o : { ...o, timeZone: 'UTC' })) });
      expect(probeTimeZone(broken).detail?.params).toEqual({ expected: '2024-04-15', actual: '2024-04-14' });
    });

    test('fails, caught, when the zone is unknown to Intl (RangeError)', () => {
      const broken = env({
        Intl: {
          DateTimeFormat: function () {
            throw new RangeError('Invalid time zone specified: Asia/Jakarta');
          } as unknown as typeof Intl.DateTimeFormat,
        },
      });
      expect(run(() => probeTimeZone(broken))).toEqual({
        id: 'timeZone',
        status: 'fail',
        detail: {
          key: 'selfCheckThrew',
          params: { message: 'RangeError: Invalid time zone specified: Asia/Jakarta' },
        },
      });
    });

    test("fails when the spreadsheet's own zone is unknown", () => {
      const outcome = probeTimeZone(runtimeIcuEnv(), 'Asia/Atlantis');
      expect(outcome.status).toBe('fail');
      expect(outcome.detail).toMatchObject({
        key: 'selfCheckZoneUnknown',
        params: { zone: 'Asia/Atlantis' },
      });
    });
  });

  describe('Unicode regular expressions', () => {
    test('fail, caught, when \\p{L} is a SyntaxError', () => {
      const broken = env({ RegExp: regExpRejecting(/\\p\{/, 'Invalid property name') });
      const result = run(() => probeUnicodeRegex(broken));
      expect(result.status).toBe('fail');
      expect(result.detail?.params?.message).toMatch(/^SyntaxError: Invalid regular expression: .*\\p\{L\}/);
    });

    test('fail when lookbehind is a SyntaxError', () => {
      const broken = env({ RegExp: regExpRejecting(/\(\?<!/, 'Invalid group') });
      expect(run(() => probeUnicodeRegex(broken)).detail?.params?.message).toMatch(/^SyntaxError: .*\(\?<!/);
    });

    test('fail when \\p{L} only knows ASCII letters', () => {
      const asciiOnly = function (pattern: string, flags?: string) {
        return new RegExp(pattern.replace(/\\p\{L\}/g, 'A-Za-z').replace(/\\p\{N\}/g, '0-9'), flags);
      } as unknown as RegExpConstructor;
      const outcome = probeUnicodeRegex(env({ RegExp: asciiOnly }));
      expect(outcome.status).toBe('fail');
      expect(outcome.detail?.params?.actual).toBe('"Ibu Siti and 3 "');
    });

    test('fail when the NIK pattern also matches inside a longer number', () => {
      const noLookbehind = function (pattern: string, flags?: string) {
        return new RegExp(pattern.replace('(?<!\\d)', ''), flags);
      } as unknown as RegExpConstructor;
      expect(probeUnicodeRegex(env({ RegExp: noLookbehind })).detail?.params).toEqual({
        expected: '["3201234567890123"]',
        actual: '["3201234567890123","3201234567890123"]',
      });
    });
  });

  describe('normalize', () => {
    test('fails when String.prototype.normalize is missing', () => {
      expect(probeNormalize(env({ normalize: undefined }))).toEqual({
        status: 'fail',
        detail: { key: 'selfCheckMissing', params: { feature: 'String.prototype.normalize' } },
      });
    });

    test('fails when NFKC leaves the text as it is (no ICU data)', () => {
      const identity = function (this: string) {
        return this;
      };
      const outcome = probeNormalize(env({ normalize: identity }));
      expect(outcome.status).toBe('fail');
      expect(outcome.detail?.params?.expected).toBe('"Perempuan fi é 1"');
    });

    test('fails, caught, when NFKC throws', () => {
      const throwing = () => {
        throw new RangeError('The normalization form should be one of NFC, NFD, NFKC, NFKD.');
      };
      expect(run(() => probeNormalize(env({ normalize: throwing }))).detail?.params?.message).toBe(
        'RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.',
      );
    });
  });

  describe('collation', () => {
    const codeUnits = function (this: string, that: string) {
      return this < that ? -1 : this > that ? 1 : 0;
    };

    test('fails when localeCompare is missing', () => {
      expect(probeCollation(env({ localeCompare: undefined })).detail).toEqual({
        key: 'selfCheckMissing',
        params: { feature: 'String.prototype.localeCompare' },
      });
    });

    test('fails when numeric ordering is ignored', () => {
      expect(probeCollation(env({ localeCompare: codeUnits })).detail?.params).toEqual({
        expected: 'KGT-9999 < KGT-10000',
        actual: 'KGT-10000 < KGT-9999',
      });
    });

    test('fails when names sort by code unit ("Budi" before "ayu")', () => {
      const numericOnly = function (
        this: string,
        that: string,
        locales?: string | string[],
        options?: Intl.CollatorOptions,
      ) {
        return options?.numeric ? this.localeCompare(that, locales, options) : codeUnits.call(this, that);
      };
      expect(probeCollation(env({ localeCompare: numericOnly })).detail?.params).toEqual({
        expected: 'ayu < Budi',
        actual: 'Budi < ayu',
      });
    });
  });
});
