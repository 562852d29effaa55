/**
 * Probes of the ICU-backed features the bundle relies on in Apps Script's V8 — exactly the calls
 * core makes (progress/time.ts, sop/dates.ts, terpilah/{normalise,headers,sex,regency}.ts,
 * progress/monitoring.ts, progress/views.ts), run on known inputs. The features come in as
 * an `IcuEnv`, so a test can hand in a broken `Intl`, a `RegExp` without `\p{…}`, or no
 * `normalize`. Patterns are built at run time with the RegExp constructor: a missing feature is a
 * failed check, not a parse error of the whole bundle.
 *
 * Not probed: Intl.NumberFormat('id-ID') and toLocaleUpperCase — the add-in does not use them
 * (formatNumberId groups "1.234,5" by hand because Apps Script's Intl locale data cannot be
 * relied on; case folding is toLowerCase, which needs no locale data).
 */
import { CALENDAR_DAY_OPTIONS, WALL_CLOCK_OPTIONS } from '../time';
import { errorText, expectedGot, fail, pass, type Outcome } from './checks';

export interface IcuEnv {
  Intl: { DateTimeFormat: typeof Intl.DateTimeFormat };
  RegExp: RegExpConstructor;
  normalize?: (this: string, form: string) => string;
  localeCompare?: (
    this: string,
    that: string,
    locales?: string | string[],
    options?: Intl.CollatorOptions,
  ) => number;
}

/** The runtime's own features. */
export function runtimeIcuEnv(): IcuEnv {
  return {
    Intl,
    RegExp,
    normalize: String.prototype.normalize,
    localeCompare: String.prototype.localeCompare,
  };
}

export const PROBE_ZONE = 'Asia/Jakarta';

/** time.ts's formatter options: the probe asks exactly what core asks. */
const DATE_TIME = WALL_CLOCK_OPTIONS;

/** Known instants and their Asia/Jakarta (UTC+7, no DST) wall clock. */
const INSTANTS: readonly [number, string][] = [
  [Date.UTC(2024, 3, 15, 2, 30, 5), '2024-04-15 09:30:05'],
  // Midnight: "00", not "24" (why time.ts asks for hourCycle h23), and already the next day.
  [Date.UTC(2024, 3, 14, 17, 0, 0), '2024-04-15 00:00:00'],
];

function wallClock(format: Intl.DateTimeFormat, epoch: number): string {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(epoch))) parts[part.type] = part.value;
  const { year, month, day, hour, minute, second } = parts;
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/**
 * Intl.DateTimeFormat with timeZone and formatToParts: Asia/Jakarta's wall clock for known
 * instants (time.ts's en-US/h23 wall clock and en-CA calendar day), and the spreadsheet's own zone when
 * it is another one.
 */
export function probeTimeZone(env: IcuEnv, spreadsheetZone = PROBE_ZONE): Outcome {
  const format = new env.Intl.DateTimeFormat('en-US', { ...DATE_TIME, timeZone: PROBE_ZONE });
  for (const [epoch, expected] of INSTANTS) {
    const actual = wallClock(format, epoch);
    if (actual !== expected) return fail(expectedGot(expected, actual));
  }
  const dateOnly = new env.Intl.DateTimeFormat('en-CA', {
    ...CALENDAR_DAY_OPTIONS,
    timeZone: PROBE_ZONE,
  }).formatToParts(new Date(INSTANTS[1][0]));
  const date = ['year', 'month', 'day'].map((type) => dateOnly.find((p) => p.type === type)?.value).join('-');
  if (date !== '2024-04-15') return fail(expectedGot('2024-04-15', date));
  if (spreadsheetZone !== PROBE_ZONE) {
    try {
      const year = new env.Intl.DateTimeFormat('en-US', { ...DATE_TIME, timeZone: spreadsheetZone })
        .formatToParts(new Date(INSTANTS[0][0]))
        .find((p) => p.type === 'year')?.value;
      if (!/^\d{4}$/.test(year ?? '')) throw new Error(`year "${year ?? ''}"`);
    } catch (error) {
      return fail({
        key: 'selfCheckZoneUnknown',
        params: { zone: spreadsheetZone, message: errorText(error) },
      });
    }
  }
  return pass();
}

/** `\p{L}`/`\p{N}` with the u flag (headers, names); lookbehind too, which no core code needs today: probed so that code using it later is covered. */
export function probeUnicodeRegex(env: IcuEnv): Outcome {
  const nonWord = new env.RegExp('[^\\p{L}\\p{N}]+', 'gu');
  const words = 'Ibu Siti—Ñandú, 名前 3٣!'.replace(nonWord, ' ');
  if (words !== 'Ibu Siti Ñandú 名前 3٣ ')
    return fail(expectedGot('"Ibu Siti Ñandú 名前 3٣ "', JSON.stringify(words)));
  const nik = new env.RegExp('(?<!\\d)\\d{16}(?!\\d)', 'g');
  const found = 'NIK 3201234567890123, 13201234567890123'.match(nik) ?? [];
  if (found.length !== 1 || found[0] !== '3201234567890123')
    return fail(expectedGot('["3201234567890123"]', JSON.stringify(found)));
  return pass();
}

/** NFKC: full-width letters, ligatures, circled digits to plain; combining accents composed. */
export function probeNormalize(env: IcuEnv): Outcome {
  if (typeof env.normalize !== 'function')
    return fail({ key: 'selfCheckMissing', params: { feature: 'String.prototype.normalize' } });
  // Full-width "Perempuan", the "fi" ligature, e + combining acute, circled one.
  const actual = env.normalize.call(
    '\uFF30\uFF45\uFF52\uFF45\uFF4D\uFF50\uFF55\uFF41\uFF4E \uFB01 e\u0301 \u2460',
    'NFKC',
  );
  const expected = 'Perempuan fi \u00E9 1';
  return actual === expected ? pass() : fail(expectedGot(JSON.stringify(expected), JSON.stringify(actual)));
}

/** localeCompare with locale data: numeric ids (view.ts) and case-blind names (monitoring.ts). */
export function probeCollation(env: IcuEnv): Outcome {
  const compare = env.localeCompare;
  if (typeof compare !== 'function')
    return fail({ key: 'selfCheckMissing', params: { feature: 'String.prototype.localeCompare' } });
  if (!(compare.call('KGT-10000', 'KGT-9999', 'en', { numeric: true }) > 0))
    return fail(expectedGot('KGT-9999 < KGT-10000', 'KGT-10000 < KGT-9999'));
  // Code-unit order would put "Budi" first ("B" < "a").
  if (!(compare.call('ayu', 'Budi', 'id') < 0)) return fail(expectedGot('ayu < Budi', 'Budi < ayu'));
  return pass();
}
