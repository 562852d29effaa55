/**
 * "Tambah peserta" from the sidebar form: checks every field, then appends one row to `Peserta`
 * (created when missing) under the document lock. Closed values must be one of the dropdown's.
 * A row that repeats one already there (same NIK, or same name and institution in the activity)
 * is not written without `confirmDuplicate`: the answer is the question the sidebar asks. The
 * answer names what the report's data-quality list will say about the new row (blank sex, a
 * birth date after today…). `Peserta` keeps what was typed, NIKs included; the answer and every
 * refusal mask them.
 */
import { t, type Language, type StringKey } from '../../core/i18n';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { parseAge } from '../../core/terpilah/age';
import {
  ATTENDANCE_VALUES,
  pesertaRowOf,
  type PesertaRow,
  ROLE_VALUES,
  SEX_VALUES,
  YES_NO_VALUES,
} from '../../core/terpilah/peserta';
import type { AddParticipantRequest, AddParticipantResult, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { UserError } from '../sheets/errors';
import { idDigits, isScientific } from '../../core/terpilah/nik';
import { duplicateQuestion, duplicateRowsOf, entryWarnings } from '../../core/terpilah/entry-check';
import { pesertaRowFindings } from '../../core/terpilah/import';
import { PESERTA_COLUMN } from '../../core/terpilah/peserta';
import { DEFAULT_TIME_ZONE, toIsoInZone } from '../../core/time';
import { asTrimmedText, typedDate, typedPesertaText } from '../sheets/input';
import { withDocumentLock } from '../sheets/lock';
import { PESERTA_SHEET } from '../sheets/names';
import { duplicateCandidates, indexedCandidates, type PersonCells } from './duplicate-reads';
import { ensurePesertaSheet, writePesertaRow } from './peserta-sheet';
import { countAppendedRows, freshIndex, markStale, storeRepair, type FreshIndex } from './register-counts';

const MAX_NAME = 200;

export const addParticipant: SidebarApi['addParticipant'] = (
  request: AddParticipantRequest,
): AddParticipantResult => {
  const language = getLanguage();
  const input = (request ?? {}) as Partial<Record<keyof AddParticipantRequest, unknown>>;
  const text = (key: keyof AddParticipantRequest, field: StringKey, max?: number) =>
    typedPesertaText(input[key], field, language, max);
  const name = text('name', 'pesertaFieldName', MAX_NAME);
  if (!name) throw new UserError(t(language, 'pesertaNameEmpty'));
  const row = pesertaRowOf({
    Kegiatan: text('activity', 'pesertaFieldActivity', MAX_NAME),
    Nama: name,
    NIK: digits(input.nik, 'NIK', language),
    NIP: digits(input.nip, 'NIP', language),
    'Jenis kelamin': closed(input.sex, SEX_VALUES, 'pesertaFieldSex', language),
    'Tanggal lahir': typedDate(input.birthDate, 'pesertaBirthDateInvalid', language),
    Umur: age(input.age, language),
    Peran: closed(input.role, ROLE_VALUES, 'pesertaFieldRole', language),
    'Instansi/OPD': text('institution', 'pesertaFieldInstitution', MAX_NAME),
    Jabatan: text('position', 'pesertaFieldPosition', MAX_NAME),
    'Kabupaten/Kota': text('regency', 'pesertaFieldRegency', MAX_NAME),
    Disabilitas: closed(input.disability, YES_NO_VALUES, 'pesertaFieldDisability', language),
    Kehadiran: closed(input.attendance, ATTENDANCE_VALUES, 'pesertaFieldAttendance', language),
    Sumber: 'panel',
  });
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const confirmed = input.confirmDuplicate === true;
  const result = withDocumentLock(language, (): AddParticipantResult => {
    const existing = spreadsheet.getSheetByName(PESERTA_SHEET);
    const lastBefore = existing ? existing.getLastRow() : 0;
    let fresh = existing && lastBefore > 0 ? freshIndex(spreadsheet, existing, lastBefore) : null;
    // A fresh index of the add-in's columns vouches for the sheet (no marker read): it was counted
    // when row 1 was our exact header, and a person's edit, a row or a column since makes it stale.
    const sheet =
      existing && fresh?.stored.keys ? existing : ensurePesertaSheet(spreadsheet, language, existing);
    // A sheet set up here has its header only.
    const last = Math.max(1, lastBefore);
    const at = last + 1;
    const register = confirmed ? null : registerFor(sheet, last, row, fresh);
    if (register?.indexWrong && fresh) {
      markStale(fresh.index); // the index said other rows than the register holds
      fresh = null;
    }
    const duplicates = register ? duplicatesOf(register.people, row) : null;
    // Nothing appended: blocks freshIndex repaired are stored on their own.
    if (duplicates) storeRepair(fresh);
    if (duplicates)
      return {
        sheetName: PESERTA_SHEET,
        row: 0,
        duplicateOf: [...duplicates.nik, ...duplicates.name].sort((a, b) => a - b),
        message: maskNiksIn(duplicateQuestion(duplicates, language)),
      };
    writePesertaRow(spreadsheet, sheet, at, row, sheet.getMaxRows());
    countAppendedRows(last, [row], fresh);
    return {
      sheetName: PESERTA_SHEET,
      row: at,
      message: t(language, 'pesertaAdded', { name: maskNiksIn(name), row: at, sheet: PESERTA_SHEET }),
    };
  });
  if (result.row === 0) return result;
  // What the report will say about the row (today as the reference: the form knows no activity date).
  // Only a birth date or a NIK (its birth date) is checked against today: without both, no zone is read.
  const dated = row[PESERTA_COLUMN['Tanggal lahir'] - 1] !== '' || row[PESERTA_COLUMN.NIK - 1] !== '';
  const timeZone = dated ? spreadsheet.getSpreadsheetTimeZone() : DEFAULT_TIME_ZONE;
  const referenceDate = toIsoInZone(Date.now(), timeZone).slice(0, 10);
  const warnings = entryWarnings(pesertaRowFindings([row], result.row, { referenceDate, timeZone })).map(
    (f) => f.message,
  );
  return warnings.length === 0
    ? result
    : {
        ...result,
        warnings,
        message: `${result.message} ${t(language, 'pesertaAddedWarnings', { findings: warnings.join(' ') })}`,
      };
};

/**
 * The register as the duplicate check needs it: from the index's codes when it is fresh (a few
 * rows read), else by column (./duplicate-reads.ts: Nama and NIK of every row, then activity and
 * institution of the same-named rows). `indexWrong`: the index was fresh but a row it named
 * does not hold what it says (the register was checked by column instead).
 */
function registerFor(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  last: number,
  row: PesertaRow,
  fresh: FreshIndex | null,
): { people: PersonCells[]; indexWrong: boolean } | null {
  if (last < 2) return null;
  const cell = (header: keyof typeof PESERTA_COLUMN) => row[PESERTA_COLUMN[header] - 1];
  if (fresh?.codes && fresh.key) {
    const people = indexedCandidates(
      sheet,
      last,
      { codes: fresh.codes, key: fresh.key },
      {
        activity: cell('Kegiatan'),
        name: cell('Nama'),
        nik: cell('NIK'),
        institution: cell('Instansi/OPD'),
      },
    );
    if (people) return { people, indexWrong: false };
  }
  const people = duplicateCandidates(sheet, last, { name: cell('Nama'), nik: cell('NIK') });
  return { people, indexWrong: Boolean(fresh?.codes && fresh.key) };
}

/** The rows the new one repeats. */
function duplicatesOf(register: PersonCells[], row: PesertaRow) {
  const cell = (header: keyof typeof PESERTA_COLUMN) => row[PESERTA_COLUMN[header] - 1];
  return duplicateRowsOf(register, 2, {
    activity: String(cell('Kegiatan') ?? ''),
    name: String(cell('Nama') ?? ''),
    nik: cell('NIK'),
    institution: String(cell('Instansi/OPD') ?? ''),
  });
}

/**
 * A NIK (16) or NIP (18): digits, spaces/dots/dashes/slashes allowed between them; "" = not given.
 * A refusal says what is wrong and what to do (a pasted "1,97101E+15" lost its last digits).
 */
function digits(value: unknown, id: 'NIK' | 'NIP', language: Language): string {
  const typed = asTrimmedText(value);
  const clean = idDigits(typed);
  const length = id === 'NIK' ? 16 : 18;
  if (clean === '') return '';
  if (isScientific(typed))
    throw new UserError(t(language, 'pesertaIdAsNumber', { id, value: typed.slice(0, 24) }));
  if (!/^\d+$/.test(clean)) throw new UserError(t(language, 'pesertaIdNotDigits', { id, length }));
  if (clean.length !== length)
    throw new UserError(
      t(language, id === 'NIK' ? 'pesertaNikInvalid' : 'pesertaNipInvalid', { length: clean.length }),
    );
  return clean;
}

function closed(value: unknown, allowed: string[], field: StringKey, language: Language): string {
  const typed = asTrimmedText(value);
  if (typed === '' || allowed.includes(typed)) return typed;
  throw new UserError(
    t(language, 'pesertaValueNotAllowed', {
      field: t(language, field),
      value: typed.slice(0, 40),
      allowed: allowed.join(', '),
    }),
  );
}

function age(value: unknown, language: Language): number | string {
  const text = asTrimmedText(value);
  if (text === '') return '';
  const parsed = parseAge(text);
  if (parsed === null) throw new UserError(t(language, 'pesertaAgeInvalid', { value: text.slice(0, 40) }));
  return parsed;
}
