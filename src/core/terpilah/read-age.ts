/**
 * Age of a register row at its activity's date: the stated age, else the birth date, else the
 * NIK, else the NIP. A stated age or birth date more than a year off an identifier's is a finding
 * (the written value is kept); no readable age, when the register has any column to read one
 * from, is a finding too.
 */
import { namedMonthDay, parseDate } from '../dates';
import { parseAge, plausibleAgeAt, plausibleAgeOnDays } from './age';
import {
  fixedWidthDate,
  fixedWidthDay,
  isoDay,
  isoOfDay,
  referenceDay as referenceDayOf,
} from './date-digits';
import { cleanText, isBlank, ownCopy } from './cell-text';
import type { Participant, ParticipantField } from './model';
import type { RowCells } from './row-cells';

/**
 * A birth date in a usual shape ("1990-05-12", "12/05/1990", "12 Mei 1990") as yyyymmdd, read in
 * place as parseBirthDate reads it: 0 when it is no date, -1 for any other text.
 */
function dayInPlace(text: string): number {
  const fixed = fixedWidthDay(text);
  return fixed >= 0 ? fixed : namedMonthDay(text);
}

/** The columns an age can come from. */
const AGE_SOURCES: readonly ParticipantField[] = ['age', 'birthDate', 'nik', 'nip'];

const BIRTH_DATE_CACHE = 1 << 16;
const BIRTH_DATES = new Map<string, string | null>();

function birthDateText(v: string): string | null {
  const text = cleanText(v, 80);
  const direct = parseDate(text);
  if (direct) return direct;
  const comma = text.lastIndexOf(',');
  return comma >= 0 ? parseDate(text.slice(comma + 1).trim()) || null : null;
}

/** A birth date as typed, including "Pangkalpinang, 12 Mei 1990" (tempat, tanggal lahir). */
export function parseBirthDate(v: unknown, timeZone?: string): string | null {
  if (typeof v === 'string') {
    // "1990-05-12" and "12/05/1990" (most typed dates) are read from their digits in place.
    const fixed = fixedWidthDate(v);
    if (fixed !== undefined) return fixed;
    // A register repeats birth dates (a few thousand days for a million rows): read each once.
    let date = BIRTH_DATES.get(v);
    if (date === undefined) {
      date = birthDateText(v);
      if (BIRTH_DATES.size >= BIRTH_DATE_CACHE) BIRTH_DATES.clear();
      // Kept as an own copy: a file reader's cell would keep the file's text alive.
      if (v.length <= 80) BIRTH_DATES.set(ownCopy(v), date);
    }
    return date;
  }
  if (v instanceof Date) return parseDate(v, timeZone) || null;
  return null;
}

/** The age column as typed: an age, or null (blank, or not an age). */
export const statedAge = (raw: unknown): number | null =>
  isBlank(raw) ? null : parseAge(typeof raw === 'string' ? raw.slice(0, 40) : raw);

/** The pure one-cell readings of readAge: what the normaliser memoises per distinct cell. */
export interface AgeCellReaders {
  statedAge: (raw: unknown) => number | null;
  birthDate: (raw: unknown, timeZone?: string) => string | null;
}
const AGE_CELLS: AgeCellReaders = { statedAge, birthDate: parseBirthDate };

const SOURCE_WORDS: Record<NonNullable<Participant['ageSource']>, string> = {
  age: 'kolom umur',
  birthDate: 'tanggal lahir',
  nik: 'NIK',
  nip: 'NIP',
};

/** What was counted instead of an unreadable cell (built only for a finding). */
const usedText = (age: number | null, ageSource: Participant['ageSource']) =>
  age === null || ageSource === null || ageSource === undefined
    ? 'dihitung sebagai tidak diketahui'
    : `dipakai umur ${age} tahun dari ${SOURCE_WORDS[ageSource]}`;

/** Ages above this are findings (kept and counted, but rarely true at an activity). */
export const AGE_CHECK_ABOVE = 100;

/** A birth date given as ISO text or as yyyymmdd: the text is built only to be compared as text or shown. */
const isoOf = (date: string | number): string => (typeof date === 'number' ? isoOfDay(date) : date);
const dayOf = (date: string | number): number => (typeof date === 'number' ? date : isoDay(date));

/**
 * `nikBirth` (the NIK's birth date, ISO or yyyymmdd) lets a typed birth date be compared day for day;
 * without it the comparison is by age, with a year of slack. The normaliser passes the cells it
 * already took from the row (`ageRaw`, `birthRaw`).
 */
export function readAge(
  cells: RowCells,
  fromNik: number | null,
  fromNip: number | null,
  nikBirth?: string | number | null,
  read: AgeCellReaders = AGE_CELLS,
  ageRaw: unknown = cells.at('age'),
  birthRaw: unknown = cells.at('birthDate'),
  /** Filled and returned instead of a new object (the normaliser's, reused row after row). */
  into?: Pick<Participant, 'age' | 'ageSource'>,
): Pick<Participant, 'age' | 'ageSource'> {
  const stated = read.statedAge(ageRaw);
  let fromBirth: number | null = null;
  /** The typed birth date as yyyymmdd (isoDay), 0 when unreadable. */
  let birthDay = 0;
  /** The birth date as read, when not read as a day number in place. */
  let birth: string | null = null;
  let birthProblem: 'future' | 'impossible' | null = null;
  if (!isBlank(birthRaw)) {
    // An ISO reference (the normaliser's always is) and the three usual shapes are compared and
    // aged as day numbers: no ISO text is built and read again per row (0.1 µs a row less).
    const referenceDay = referenceDayOf(cells.reference);
    const fixed = referenceDay > 0 && typeof birthRaw === 'string' ? dayInPlace(birthRaw) : -1;
    birth = fixed >= 0 ? null : read.birthDate(birthRaw, cells.timeZone);
    birthDay = fixed >= 0 ? fixed : birth ? isoDay(birth) : 0;
    if (fixed >= 0 ? birthDay === 0 : !birth) birthProblem = 'impossible';
    else if (referenceDay > 0 && birthDay > 0 ? birthDay > referenceDay : birth! > cells.reference)
      birthProblem = 'future';
    else {
      fromBirth =
        referenceDay > 0 && birthDay > 0
          ? plausibleAgeOnDays(birthDay, referenceDay)
          : plausibleAgeAt(birth!, cells.reference);
      if (fromBirth === null) birthProblem = 'impossible';
    }
  }
  const age = stated ?? fromBirth ?? fromNik ?? fromNip;
  const ageSource =
    stated !== null
      ? 'age'
      : fromBirth !== null
        ? 'birthDate'
        : fromNik !== null
          ? 'nik'
          : fromNip !== null
            ? 'nip'
            : null;
  // What was counted instead of an unreadable cell: a fallback never hides the problem.
  if (birthProblem === 'future')
    cells.flag(
      'birthDateFuture',
      'birthDate',
      `tanggal lahir ${cells.quote(birthRaw)} sesudah tanggal kegiatan (${cells.reference}); ${usedText(age, ageSource)}.`,
    );
  else if (birthProblem === 'impossible' && age !== null)
    cells.flag(
      'birthDateImpossible',
      'birthDate',
      `tanggal lahir ${cells.quote(birthRaw)} tidak terbaca atau tidak mungkin; ${usedText(age, ageSource)}.`,
    );
  if (!isBlank(ageRaw) && stated === null && age !== null)
    cells.flag(
      'ageInvalid',
      'age',
      `umur ${cells.quote(ageRaw)} tidak terbaca atau tidak mungkin; ${usedText(age, ageSource)}.`,
    );

  // One year of slack: people round their age, and a form filled in before a birthday says one less.
  const birthComparedByDay = fromBirth !== null && Boolean(nikBirth);
  if (birthComparedByDay && (birthDay > 0 ? birthDay !== dayOf(nikBirth!) : birth !== isoOf(nikBirth!)))
    cells.flag(
      'birthDateContradictsNik',
      'birthDate',
      `tanggal lahir ${cells.quote(birthRaw)} berbeda dengan tanggal lahir pada NIK (${isoOf(nikBirth!)}); dipakai yang tertulis.`,
    );
  const own = stated ?? (birthComparedByDay ? null : fromBirth);
  const ownField: ParticipantField = stated !== null ? 'age' : 'birthDate';
  if (own !== null && fromNik !== null && Math.abs(own - fromNik) > 1)
    cells.flag(
      'ageContradictsNik',
      ownField,
      `umur ${own} tahun bertentangan dengan tanggal lahir pada NIK (${fromNik} tahun); dipakai yang tertulis.`,
    );
  const ownForNip = stated ?? fromBirth;
  if (ownForNip !== null && fromNip !== null && Math.abs(ownForNip - fromNip) > 1)
    cells.flag(
      'ageContradictsNip',
      stated !== null ? 'age' : 'birthDate',
      `umur ${ownForNip} tahun bertentangan dengan tanggal lahir pada NIP (${fromNip} tahun); dipakai yang tertulis.`,
    );
  if (age !== null && ageSource !== null && age > AGE_CHECK_ABOVE)
    cells.flag(
      'ageOver100',
      ageSource === 'age' ? 'age' : ageSource,
      `umur ${age} tahun (dari ${SOURCE_WORDS[ageSource]}), lebih dari ${AGE_CHECK_ABOVE}: periksa tanggal lahir atau umurnya.`,
    );
  if (age === null && birthProblem !== 'future' && AGE_SOURCES.some((field) => cells.has(field))) {
    const unreadable = !isBlank(ageRaw)
      ? `umur ${cells.quote(ageRaw)} tidak terbaca atau tidak mungkin`
      : !isBlank(birthRaw)
        ? `tanggal lahir ${cells.quote(birthRaw)} tidak terbaca atau tidak mungkin`
        : 'umur tidak diketahui (tidak ada umur, tanggal lahir, NIK atau NIP yang terbaca)';
    cells.flag(
      'ageUnknown',
      !isBlank(ageRaw) ? 'age' : !isBlank(birthRaw) ? 'birthDate' : null,
      `${unreadable} (dihitung sebagai tidak diketahui).`,
    );
  }
  if (!into) return { age, ageSource };
  into.age = age;
  into.ageSource = ageSource;
  return into;
}
