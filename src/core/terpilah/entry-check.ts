/**
 * Warnings at entry: what the import and the sidebar form tell the person about the rows they
 * just wrote, before any report — the findings the report's "Daftar masalah data" will list
 * (empty name, duplicates, unknown sex, bad dates, identifiers), word for word and with their
 * `Peserta` rows; and, for the form, whether the new participant repeats a row already there.
 */
import { formatNumberId } from '../format';
import { t, type Language } from '../i18n';
import { maskNiksIn } from '../privacy/mask-nik';
import { nameKey } from './duplicates';
import type { QualityFinding } from './model';
import { idDigits } from './nik';
import { qualityDigest, qualityTypesText } from './quality-list';

/**
 * The findings worth a warning at entry: all but an age unknown because nothing was typed (a
 * register without ages would warn on every row; the report still counts them).
 */
export function entryWarnings(findings: readonly QualityFinding[]): QualityFinding[] {
  return findings.filter((f) => !(f.code === 'ageUnknown' && f.column === undefined));
}

/** Findings quoted in a message; the rest are counted. */
export const FINDINGS_IN_MESSAGE = 3;

/**
 * "Periksa sheet Peserta sebelum membuat laporan; 3 temuan akan masuk Daftar masalah data (Nama
 * kosong: 1, NIK ganda: 2): Baris 12: nama kosong. … dan 1 lainnya." — "" when there is none.
 */
export function entryFindingsMessage(
  findings: readonly QualityFinding[],
  sheet: string,
  language: Language,
): string {
  if (findings.length === 0) return '';
  const groups = qualityDigest(findings, FINDINGS_IN_MESSAGE, language);
  // The first finding of each type first, so every kind of problem is named at least once.
  const quoted = [...groups.map((g) => g.shown[0]), ...groups.flatMap((g) => g.shown.slice(1))]
    .slice(0, FINDINGS_IN_MESSAGE)
    .map((f) => f.message);
  const more = findings.length - quoted.length;
  return maskNiksIn(
    [
      t(language, 'importFindings', {
        sheet,
        count: formatNumberId(findings.length),
        types: qualityTypesText(groups, formatNumberId),
        findings: quoted.join(' '),
      }),
      more > 0 ? t(language, 'entryFindingsMore', { count: formatNumberId(more) }) : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** A register row as the duplicate check compares it. */
export interface RegisterPerson {
  activity: string;
  name: string;
  nik: unknown;
  institution: string;
}

export interface DuplicateRows {
  /** `Peserta` rows with the same NIK. */
  nik: number[];
  /** The first row with the same name and institution in the same activity, where one of the two has no NIK. */
  name: number[];
}

/** Rows named in a question: the first few. */
const ROWS_NAMED = 5;

/**
 * The rows of `register` (its first row is sheet row `firstRow`) that the candidate repeats, the
 * way the report's duplicate check (duplicates.ts) would flag the candidate; null when none.
 */
export function duplicateRowsOf(
  register: readonly RegisterPerson[],
  firstRow: number,
  candidate: RegisterPerson,
): DuplicateRows | null {
  const nik = idDigits(String(candidate.nik ?? ''));
  const name = nameKey(String(candidate.name ?? ''));
  const activity = String(candidate.activity ?? '').trim();
  const institution = nameKey(String(candidate.institution ?? ''));
  const found: DuplicateRows = { nik: [], name: [] };
  // As DuplicateCheck: a name is compared with the first row of that name, institution and
  // activity only; two NIKs there are two people (and the same NIK is the NIK finding).
  let firstOfName: { row: number; nik: string } | undefined;
  register.forEach((person, i) => {
    const theirNik = idDigits(String(person.nik ?? ''));
    if (nik !== '' && theirNik === nik) found.nik.push(firstRow + i);
    if (
      firstOfName === undefined &&
      name !== '' &&
      nameKey(String(person.name ?? '')) === name &&
      String(person.activity ?? '').trim() === activity &&
      nameKey(String(person.institution ?? '')) === institution
    )
      firstOfName = { row: firstRow + i, nik: theirNik };
  });
  if (firstOfName && (nik === '' || firstOfName.nik === '')) found.name.push(firstOfName.row);
  return found.nik.length > 0 || found.name.length > 0 ? found : null;
}

/** The question the form asks before adding a duplicate. */
export function duplicateQuestion(rows: DuplicateRows, language: Language): string {
  const list = (r: number[]) => r.slice(0, ROWS_NAMED).join(', ') + (r.length > ROWS_NAMED ? ', …' : '');
  const reasons = [
    rows.nik.length > 0 ? t(language, 'pesertaDuplicateNik', { rows: list(rows.nik) }) : '',
    rows.name.length > 0 ? t(language, 'pesertaDuplicateName', { rows: list(rows.name) }) : '',
  ].filter(Boolean);
  return t(language, 'pesertaDuplicateQuestion', { reasons: reasons.join('; ') });
}
