/**
 * The NIK and NIP of a register row: the identifier, and the sex and age it encodes. Problems
 * become findings on the row; an unreadable identifier is "" and encodes nothing.
 */
import { plausibleAgeAt, plausibleAgeOnDays } from './age';
import { isoOfDay, referenceDay } from './date-digits';
import { isBlank } from './cell-text';
import {
  decodeNik,
  digitCount,
  idDigits,
  isAsciiDigits,
  nikBirthDate,
  nikBirthDay,
  nikSex,
  NIK_DAYS_FROM,
  provinceKnown,
  shownAsNumber,
  type NikProblem,
} from './nik';
import { decodeNip, type NipProblem } from './nip';
import type { RowCells } from './row-cells';
import type { Sex } from './sex';

/** What an identifier says about its holder. */
export interface IdReading {
  /** The digits when readable, else "". */
  id: string;
  sex: Sex | null;
  /** Age at the row's reference date; null when unknown or implausible. */
  age: number | null;
  /** The ISO birth date it encodes, when readable (compared with a typed birth date). */
  birthDate?: string;
  /**
   * readNik with `into`: the birth date as yyyymmdd instead of birthDate when read as a day number
   * (0 otherwise). The normaliser compares it as that number: no ISO text built per row.
   */
  birthDay?: number;
}

/**
 * What is wrong with an identifier and what to do, short: one finding text for the add-in's report,
 * the import's answer and the CLI. `value` is the cell as read; `digits` its digits without separators.
 */
export function idProblemText(kind: 'NIK' | 'NIP', problem: NikProblem | NipProblem, value: unknown): string {
  const length = kind === 'NIK' ? 16 : 18;
  const typed = String(value ?? '').replace(/^\s*NI[KP]\.?\s*/i, '');
  const digits = typeof value === 'number' ? digitCount(value) : idDigits(typed).length;
  const check = kind === 'NIK' ? 'periksa lagi dari KTP/KK' : 'periksa lagi dari SK pengangkatan';
  switch (problem) {
    case 'storedAsNumber':
      return `${kind} tertulis sebagai angka (${shownAsNumber(value)}): Sheets/Excel memotong digit terakhir; ketik ulang ${kind} sebagai teks (awali dengan ').`;
    case 'wrongLength':
      return `${kind} ${digits} angka, seharusnya ${length}: ${check}.`;
    case 'notDigits':
      return `${kind} berisi huruf atau tanda selain angka: tulis ${length} angka saja.`;
    case 'badProvince':
      return `NIK diawali ${idDigits(typed).slice(0, 2)}, bukan kode provinsi: ${check}.`;
    case 'badBirthDate':
      return kind === 'NIK'
        ? `tanggal lahir pada NIK (angka ke-7 s.d. 12) tidak mungkin: ${check}.`
        : `tanggal lahir pada NIP (8 angka pertama) tidak mungkin: ${check}.`;
    case 'badAppointment':
      return `TMT pengangkatan pada NIP (angka ke-9 s.d. 14) tidak mungkin: ${check}.`;
    case 'badSexDigit':
      return `angka jenis kelamin pada NIP (ke-15) harus 1 atau 2: ${check}.`;
    default:
      return `${kind} kosong.`;
  }
}

const NOTHING: IdReading = Object.freeze({ id: '', sex: null, age: null });
const NO_NIK: IdReading & { nip: null } = Object.freeze({ ...NOTHING, nip: null });
/** Longer input is no identifier anyway: cut before the regexes run. */
const capped = (value: unknown) =>
  typeof value === 'string' && value.length > 64 ? value.slice(0, 64) : value;

/** A readable NIK's reading, in `into` when given (then a birth day number stays a number). */
function nikReading(
  into: (IdReading & { nip: string | null }) | undefined,
  id: string,
  sex: Sex | null,
  age: number | null,
  birthDate: string | undefined,
  birthDay = 0,
): IdReading & { nip: string | null } {
  if (!into) return { id, sex, age, birthDate: birthDate ?? isoOfDay(birthDay), nip: null };
  into.id = id;
  into.sex = sex;
  into.age = age;
  into.birthDate = birthDate;
  into.birthDay = birthDay;
  into.nip = null;
  return into;
}

/**
 * The NIK column. Staff sometimes type an 18-digit NIP there: when the NIP column is empty and
 * the digits are a valid NIP, they are handed on as `nip` instead of being flagged as a bad NIK.
 * The normaliser passes the cells it already took from the row (`raw`, and whether the NIP is blank).
 */
export function readNik(
  cells: RowCells,
  raw: unknown = cells.at('nik'),
  nipBlank: boolean = isBlank(cells.at('nip')),
  /** Filled and returned for a readable NIK instead of a new object (the normaliser's, reused row after row). */
  into?: IdReading & { nip: string | null },
): IdReading & { nip: string | null } {
  if (isBlank(raw)) return NO_NIK;
  const input = capped(raw);
  // Most NIKs are typed as their plain digits: no separators to take out, no pattern to test.
  const plain = typeof input === 'string' && isAsciiDigits(input);
  const digits = plain ? (input as string) : typeof input === 'string' ? idDigits(input) : '';
  const allDigits = plain || /^\d+$/.test(digits);
  if (allDigits && digits.length === 18 && nipBlank && decodeNip(digits).ok)
    return { ...NOTHING, nip: digits };
  const id = allDigits && digits.length === 16 ? digits : '';
  if (id !== '' && provinceKnown(id)) {
    // A readable NIK (most rows): its birth date and sex straight from the digits, dated and
    // aged as day numbers (the birth date's text is built once, never read again).
    const reference = referenceDay(cells.reference);
    const day = reference >= NIK_DAYS_FROM ? nikBirthDay(id, reference) : 0;
    if (day > 0) return nikReading(into, id, nikSex(id), plausibleAgeOnDays(day, reference), undefined, day);
    const birthDate = reference >= NIK_DAYS_FROM ? null : nikBirthDate(id, cells.reference);
    if (birthDate)
      return nikReading(into, id, nikSex(id), plausibleAgeAt(birthDate, cells.reference), birthDate);
  }
  const decoded = decodeNik(input, cells.reference);
  if (decoded.ok)
    return nikReading(
      into,
      id,
      decoded.info.sex,
      plausibleAgeAt(decoded.info.birthDate, cells.reference),
      decoded.info.birthDate,
    );
  if (decoded.problem !== 'empty')
    cells.flag(
      decoded.problem === 'storedAsNumber' ? 'nikStoredAsNumber' : 'nikInvalid',
      'nik',
      idProblemText('NIK', decoded.problem, input),
    );
  return id === '' ? NO_NIK : { ...NOTHING, id, nip: null };
}

/** The NIP column, or `raw` when readNik handed on a NIP typed in the NIK column. */
export function readNip(cells: RowCells, raw: unknown = cells.at('nip')): IdReading {
  if (isBlank(raw)) return NOTHING;
  const decoded = decodeNip(capped(raw));
  if (decoded.ok)
    return {
      id: decoded.info.nip,
      sex: decoded.info.sex,
      age: plausibleAgeAt(decoded.info.birthDate, cells.reference),
      birthDate: decoded.info.birthDate,
    };
  if (decoded.problem !== 'empty')
    cells.flag('nipInvalid', 'nip', idProblemText('NIP', decoded.problem, raw));
  return NOTHING;
}
