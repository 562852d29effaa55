/**
 * The NIK and NIP of a register row: the identifier, and the sex and age it encodes. Problems
 * become findings on the row; an unreadable identifier is "" and encodes nothing.
 */
import { plausibleAgeAt } from './age';
import { isBlank } from './cell-text';
import { decodeNik, type NikProblem } from './nik';
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
}

const NIK_PROBLEM: Record<Exclude<NikProblem, 'empty' | 'storedAsNumber'>, string> = {
  wrongLength: 'NIK harus 16 digit',
  notDigits: 'NIK berisi karakter selain angka',
  badProvince: 'kode provinsi pada NIK tidak ada',
  badBirthDate: 'tanggal lahir pada NIK tidak mungkin',
};
const NIP_PROBLEM: Record<Exclude<NipProblem, 'empty'>, string> = {
  storedAsNumber: 'NIP tersimpan sebagai angka sehingga digit terakhirnya hilang (format kolom sebagai teks)',
  wrongLength: 'NIP harus 18 digit',
  notDigits: 'NIP berisi karakter selain angka',
  badBirthDate: 'tanggal lahir pada NIP tidak mungkin',
  badAppointment: 'TMT pengangkatan pada NIP tidak mungkin',
  badSexDigit: 'digit jenis kelamin pada NIP bukan 1 atau 2',
};

const NOTHING: IdReading = { id: '', sex: null, age: null };
/** Longer input is no identifier anyway: cut before the regexes run. */
const capped = (value: unknown) => (typeof value === 'string' ? value.slice(0, 64) : value);

/**
 * The NIK column. Staff sometimes type an 18-digit NIP there: when the NIP column is empty and
 * the digits are a valid NIP, they are handed on as `nip` instead of being flagged as a bad NIK.
 */
export function readNik(cells: RowCells): IdReading & { nip: string | null } {
  const raw = cells.at('nik');
  if (isBlank(raw)) return { ...NOTHING, nip: null };
  const input = capped(raw);
  const digits = typeof input === 'string' ? input.replace(/[\s.\-']/g, '') : '';
  if (/^\d{18}$/.test(digits) && isBlank(cells.at('nip')) && decodeNip(digits).ok)
    return { ...NOTHING, nip: digits };
  const id = /^\d{16}$/.test(digits) ? digits : '';
  const decoded = decodeNik(input, cells.reference);
  if (decoded.ok)
    return {
      id,
      sex: decoded.info.sex,
      age: plausibleAgeAt(decoded.info.birthDate, cells.reference),
      nip: null,
    };
  if (decoded.problem === 'storedAsNumber')
    cells.flag(
      'nikStoredAsNumber',
      'nik',
      'NIK tersimpan sebagai angka sehingga digit terakhirnya hilang; format kolom NIK sebagai teks dan ketik ulang.',
    );
  else if (decoded.problem !== 'empty') {
    const length = decoded.problem === 'wrongLength' ? ` (tertulis ${digits.length || '?'} digit)` : '';
    cells.flag('nikInvalid', 'nik', `${NIK_PROBLEM[decoded.problem]}${length}.`);
  }
  return { ...NOTHING, id, nip: null };
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
    };
  if (decoded.problem !== 'empty') cells.flag('nipInvalid', 'nip', `${NIP_PROBLEM[decoded.problem]}.`);
  return NOTHING;
}
