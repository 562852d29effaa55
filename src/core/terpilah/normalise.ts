/**
 * Raw register rows → participants and data-quality findings: the driver. It resolves the
 * columns and each activity's date, then hands every non-blank row to one reader per field
 * (read-ids, read-sex, read-age, read-disability, duplicates, and the plain readers below). Never
 * throws: every cell is read defensively; what cannot be read is unknown, and flagged with its
 * row where it matters.
 */
import { parseDate } from '../dates';
import { DEFAULT_TIME_ZONE, isoDateInZone } from '../time';
import { ageGroup, lifeStage } from './age';
import { parseAttendance } from './attendance';
import { cleanText, isBlank, TEXT_CAP } from './cell-text';
import { DuplicateCheck } from './duplicates';
import { FIELD_LABELS } from './headers';
import type { ColumnMapping, Participant, ParticipantField, QualityFinding } from './model';
import { readAge } from './read-age';
import { readDisabilitySourced } from './read-disability';
import { readNik, readNip } from './read-ids';
import { readSex } from './read-sex';
import { parseRegency } from './regency';
import { parseRole } from './role';
import {
  ageProvenance,
  idProvenance,
  regencyProvenance,
  roleProvenance,
  sexProvenance,
  textProvenance,
} from './provenance';
import { rowCells, type RowCells } from './row-cells';

/** The activity of rows that name none (and no default was given). */
export const NO_ACTIVITY = 'Tanpa nama kegiatan';

export interface NormaliseOptions {
  /** The sheet row (1-based) of rows[0]. */
  firstRow: number;
  /** ISO date at which ages are computed when the activity has no date of its own. */
  referenceDate: string;
  /** Activity name → its date (ISO or as typed), for the age at the activity. */
  activityDates?: Record<string, string>;
  /** Activity of rows with no activity column or an empty one. */
  defaultActivity?: string;
  /**
   * The spreadsheet's zone (the CLI's default without one): Date cells are calendar days there,
   * and "today" is its today. Default Asia/Jakarta.
   */
  timeZone?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The date ages are computed at, per activity: its own date when readable, else the reference date. */
function activityDateLookup(options: NormaliseOptions, timeZone: string): (activity: string) => string {
  const base = parseDate(options?.referenceDate);
  const fallback = base && ISO.test(base) ? base : isoDateInZone(new Date(), timeZone);
  const dates = options?.activityDates ?? {};
  const cache = new Map<string, string>();
  return (activity) => {
    let date = cache.get(activity);
    if (date === undefined) {
      const given = Object.prototype.hasOwnProperty.call(dates, activity) ? parseDate(dates[activity]) : null;
      date = given && ISO.test(given) ? given : fallback;
      cache.set(activity, date);
    }
    return date;
  };
}

/** The mapping's usable columns: known fields with a non-negative integer index. */
function usableColumns(mapping: ColumnMapping): [ParticipantField, number][] {
  const map: ColumnMapping = mapping && typeof mapping === 'object' ? mapping : {};
  return Object.entries(map).filter(
    (entry): entry is [ParticipantField, number] =>
      Number.isInteger(entry[1]) && (entry[1] as number) >= 0 && entry[0] in FIELD_LABELS,
  );
}

/** The plain one-cell readers, memoised per normaliser. */
interface CellReaders {
  role: (value: unknown) => ReturnType<typeof parseRole>;
  /** The cell as cleaned (what provenance quotes) and what it reads as. */
  regency: (value: unknown) => { text: unknown; regency: ReturnType<typeof parseRegency> };
  attendance: (value: unknown) => boolean | null;
}

/** One participant from a non-blank row; findings go through `cells.flag`. */
function readParticipant(
  cells: RowCells,
  activity: string,
  duplicates: Pick<DuplicateCheck, 'check'>,
  readers: CellReaders,
): Participant {
  const name = cells.text('name');
  if (name === '' && cells.has('name')) cells.flag('nameMissing', 'name', 'nama kosong.');
  const nik = readNik(cells);
  const nipRaw = nik.nip ?? cells.at('nip');
  const nip = readNip(cells, nipRaw);
  const { sex, sexSource } = readSex(cells, nik.sex, nip.sex);
  const { age, ageSource } = readAge(cells, nik.age, nip.age, nik.birthDate ?? null);
  const institution = cells.text('institution');
  const { text: regencyText, regency } = readers.regency(cells.at('regency'));
  const disability = readDisabilitySourced(cells);
  const roleRaw = cells.at('role');
  const role = readers.role(roleRaw);
  duplicates.check(cells, { activity, name, institution, nik: nik.id });
  return {
    row: cells.row,
    activity,
    name,
    nik: nik.id,
    nip: nip.id,
    sex,
    sexSource,
    age,
    ageSource,
    ageGroup: age === null ? null : ageGroup(age),
    lifeStage: age === null ? null : lifeStage(age),
    role,
    institution,
    position: cells.text('position'),
    regency: regency ? regency.name : null,
    disability: disability.value,
    attended: readers.attendance(cells.at('attendance')),
    provenance: {
      sex: sexProvenance(cells.at('sex'), sexSource),
      age: ageProvenance(ageSource),
      nik: idProvenance(cells.at('nik'), nik.id),
      nip: idProvenance(nipRaw, nip.id, nik.nip !== null),
      regency: regencyProvenance(regencyText, regency),
      disability: disability.source,
      role: roleProvenance(roleRaw, role),
      institution: textProvenance(institution),
    },
  };
}

/** Memoises a pure reader of one cell by its raw text: register columns repeat few spellings. */
function memo<T>(read: (value: unknown) => T, limit = 4096): (value: unknown) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (typeof value !== 'string' || value.length > 120) return read(value);
    let result = cache.get(value);
    if (result === undefined && !cache.has(value)) {
      result = read(value);
      // A column of unique values (names) would grow the cache without end: start over.
      if (cache.size >= limit) cache.clear();
      cache.set(value, result);
    }
    return result as T;
  };
}

/** Hooks of a row normaliser: where findings go, and the duplicate check (bounded by default). */
export interface RowNormaliserOptions {
  quality?: QualityFinding[];
  duplicates?: Pick<DuplicateCheck, 'check'>;
}

/**
 * The driver, one row at a time (the CLI streams a file through it; normaliseRows feeds it an
 * array): `push(values, row)` gives the participant of a non-blank row, or null for a blank one.
 * Findings go to `quality` in row order.
 */
export function rowNormaliser(
  mapping: ColumnMapping,
  options: NormaliseOptions,
  hooks: RowNormaliserOptions = {},
): { push: (raw: unknown, row: number) => Participant | null; quality: QualityFinding[] } {
  const quality = hooks.quality ?? [];
  const timeZone = options?.timeZone || DEFAULT_TIME_ZONE;
  const defaultActivity = cleanText(options?.defaultActivity) || NO_ACTIVITY;
  const dateOf = activityDateLookup(options, timeZone);
  const columns = usableColumns(mapping);
  const columnIndices = columns.map(([, c]) => c);
  const columnOf: ColumnMapping = Object.fromEntries(columns);
  const duplicates = hooks.duplicates ?? new DuplicateCheck();
  const activityColumn = columnOf.activity;
  const activityText = memo((v) => cleanText(v, TEXT_CAP, timeZone));
  const readers: CellReaders = {
    role: memo(parseRole),
    regency: memo((v) => {
      const text = typeof v === 'string' ? cleanText(v, 100) : v;
      return { text, regency: parseRegency(text) };
    }),
    attendance: memo(parseAttendance),
  };
  const push = (raw: unknown, row: number): Participant | null => {
    const values: unknown[] = Array.isArray(raw) ? raw : [];
    // Blank in every mapped column (a form's timestamp alone is no participant).
    let blank = true;
    if (columnIndices.length > 0) {
      for (let k = 0; k < columnIndices.length && blank; k++) blank = isBlank(values[columnIndices[k]]);
    } else blank = values.every((v) => isBlank(v));
    if (blank) return null;
    // The activity first: its date is the reference every age of the row is computed at.
    const activityCell = activityColumn === undefined ? undefined : values[activityColumn];
    const activity = activityText(activityCell) || defaultActivity;
    const cells = rowCells(values, columnOf, { row, reference: dateOf(activity), timeZone, quality });
    return readParticipant(cells, activity, duplicates, readers);
  };
  return { push, quality };
}

export function normaliseRows(
  rows: unknown[][],
  mapping: ColumnMapping,
  options: NormaliseOptions,
): { participants: Participant[]; quality: QualityFinding[] } {
  const participants: Participant[] = [];
  const list: unknown[] = Array.isArray(rows) ? rows : [];
  const firstRow = Number.isFinite(options?.firstRow) ? Math.trunc(options.firstRow) : 1;
  const { push, quality } = rowNormaliser(mapping, options);
  for (let index = 0; index < list.length; index++) {
    const participant = push(list[index], firstRow + index);
    if (participant) participants.push(participant);
  }
  return { participants, quality };
}
