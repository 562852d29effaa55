/**
 * Raw register rows → participants and data-quality findings: the driver. It resolves the
 * columns and each activity's date, then hands every non-blank row to one reader per field
 * (read-ids, read-sex, read-age, read-disability, duplicates, and the plain readers below). Never
 * throws: every cell is read defensively; what cannot be read is unknown, and flagged with its
 * row where it matters.
 */
import { parseDate } from '../dates';
import { DEFAULT_TIME_ZONE, isoDateInZone } from '../time';
import { ageGroup, digitsAge, lifeStage } from './age';
import { parseAttendance } from './attendance';
import { cleanText, isBlank, ownCopy, TEXT_CAP } from './cell-text';
import { parseDisabilityAnswer } from './disability';
import { DuplicateCheck } from './duplicates';
import { FIELD_LABELS } from './headers';
import {
  WG_FIELDS,
  type ColumnMapping,
  type Participant,
  type ParticipantField,
  type QualityFinding,
  type Role,
} from './model';
import {
  ageProvenance,
  idProvenance,
  regencyProvenance,
  roleProvenance,
  sexSourceOf,
  sharedProvenance,
  textProvenance,
  type ValueSource,
} from './provenance';
import { parseBirthDate, readAge, statedAge, type AgeCellReaders } from './read-age';
import { readDisabilitySourced, type DisabilityReaders } from './read-disability';
import { readNik, readNip, type IdReading } from './read-ids';
import { readSex, sexCell, type SexCell } from './read-sex';
import { parseRegency, type RegencyReading } from './regency';
import { parseRole } from './role';
import { RowCursor, type RowCells } from './row-cells';

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

/**
 * The pure one-cell readings (a function of the cell alone, never of the row or its date),
 * memoised per normaliser: a register repeats the same spellings of sex, role, regency,
 * institution, age and answer thousands of times, and each is read once. Findings stay per row.
 */
interface CellReaders {
  sex: (value: unknown) => SexCell;
  age: AgeCellReaders;
  disability: DisabilityReaders;
  role: (value: unknown) => { role: Role | null; source: ValueSource };
  /** What the cell reads as, and where that came from. */
  regency: (value: unknown) => { regency: RegencyReading | null; source: ValueSource };
  attendance: (value: unknown) => boolean | null;
  institution: (value: unknown) => string;
  position: (value: unknown) => string;
}

/** The columns readParticipant reads straight from the row, by field; -1 where the register has none. */
interface FieldColumns {
  name: number;
  nik: number;
  nip: number;
  sex: number;
  age: number;
  birthDate: number;
  institution: number;
  regency: number;
  role: number;
  position: number;
  attendance: number;
}

function fieldColumns(columns: ColumnMapping): FieldColumns {
  const at = (field: ParticipantField) => columns[field] ?? -1;
  return {
    name: at('name'),
    nik: at('nik'),
    nip: at('nip'),
    sex: at('sex'),
    age: at('age'),
    birthDate: at('birthDate'),
    institution: at('institution'),
    regency: at('regency'),
    role: at('role'),
    position: at('position'),
    attendance: at('attendance'),
  };
}

/** A row's cell (RowCells.at without a lookup by field name): undefined when the column is absent. */
const cellAt = (values: readonly unknown[], column: number): unknown =>
  column < 0 ? undefined : values[column];

/**
 * The readers' results for the row being read, filled in place row after row: four small objects
 * less per row (~0.28 KB of 1.7 KB allocated a row at 1 M rows, fewer young-generation collections).
 */
interface RowScratch {
  nik: IdReading & { nip: string | null };
  sex: Pick<Participant, 'sex' | 'sexSource'>;
  age: Pick<Participant, 'age' | 'ageSource'>;
  disability: { value: boolean | null; source: ValueSource };
}

const rowScratch = (): RowScratch => ({
  nik: { id: '', sex: null, age: null, birthDate: undefined, birthDay: 0, nip: null },
  sex: { sex: null, sexSource: null },
  age: { age: null, ageSource: null },
  disability: { value: null, source: 'unknown' },
});

/**
 * One participant from a non-blank row; findings go through `cells.flag`. Each cell is taken from
 * `values` once, by a column resolved before the first row (RowCells.at looks the field up by
 * name, some 14 times a row).
 */
function readParticipant(
  cells: RowCells,
  values: readonly unknown[],
  col: FieldColumns,
  activity: string,
  duplicates: Pick<DuplicateCheck, 'check'>,
  readers: CellReaders,
  scratch: RowScratch,
): Participant {
  const name = cleanText(cellAt(values, col.name), TEXT_CAP, cells.timeZone);
  if (name === '' && col.name >= 0) cells.flag('nameMissing', 'name', 'nama kosong.');
  const nikRaw = cellAt(values, col.nik);
  const nipCell = cellAt(values, col.nip);
  const nik = readNik(cells, nikRaw, isBlank(nipCell), scratch.nik);
  const nipRaw = nik.nip ?? nipCell;
  const nip = readNip(cells, nipRaw);
  const sexRaw = cellAt(values, col.sex);
  const sexCell = readers.sex(sexRaw);
  const { sex, sexSource } = readSex(cells, nik.sex, nip.sex, sexCell, sexRaw, scratch.sex);
  const { age, ageSource } = readAge(
    cells,
    nik.age,
    nip.age,
    nik.birthDay || nik.birthDate || null,
    readers.age,
    cellAt(values, col.age),
    cellAt(values, col.birthDate),
    scratch.age,
  );
  const institution = readers.institution(cellAt(values, col.institution));
  const { regency, source: regencySource } = readers.regency(cellAt(values, col.regency));
  const disability = readDisabilitySourced(cells, readers.disability, scratch.disability);
  const { role, source: roleSource } = readers.role(cellAt(values, col.role));
  const participant: Participant = {
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
    position: readers.position(cellAt(values, col.position)),
    regency: regency ? regency.name : null,
    disability: disability.value,
    attended: readers.attendance(cellAt(values, col.attendance)),
    provenance: sharedProvenance(
      sexSourceOf(sexCell.asTyped, sexSource),
      ageProvenance(ageSource),
      idProvenance(nikRaw, nik.id),
      idProvenance(nipRaw, nip.id, nik.nip !== null),
      regencySource,
      disability.source,
      roleSource,
      textProvenance(institution),
    ),
  };
  // The participant is the check's person (no object of its own per row); nothing after the
  // check flags, so findings stay in the order they had.
  duplicates.check(cells, participant);
  return participant;
}

/**
 * Distinct texts each memoised reader keeps: then it stops adding, so memory stays flat at any
 * size (at most 10,000 keys of ≤ 120 characters a reader, ~2 MB; a register has a few hundred).
 */
export const MEMO_LIMIT = 10_000;
/** Longer cells are read every time (no register repeats a long text often enough to matter). */
const MEMO_TEXT = 120;

/**
 * Memoises a pure reader of one cell by its text (other values are read every time). Full at
 * `limit` distinct texts: the ones kept stay, new ones are read every time. Limit 0: no memo.
 * A text not yet kept is read as an own copy (ownCopy): a file reader's cells are slices of its
 * text, and a kept key, or a result holding its text, would keep all that text alive. Copying
 * on a miss only, not every cell of the column, took 0.15 s off 1 M rows.
 */
function memo<T>(read: (value: unknown) => T, limit: number): (value: unknown) => T {
  if (limit <= 0) return read;
  const cache = new Map<string, T>();
  // A column the register lacks (or a short row) gives undefined, a blank cell "": read once.
  let absent: { result: T } | null = null;
  let empty: { result: T } | null = null;
  return (value) => {
    if (value === '') return (empty ??= { result: read(value) }).result;
    if (typeof value !== 'string' || value.length > MEMO_TEXT) {
      if (value !== undefined) return read(typeof value === 'string' ? ownCopy(value) : value);
      return (absent ??= { result: read(value) }).result;
    }
    let result = cache.get(value);
    if (result === undefined) {
      const own = ownCopy(value);
      result = read(own);
      if (cache.size < limit) cache.set(own, result);
    }
    return result;
  };
}

function cellReaders(columns: ColumnMapping, timeZone: string, limit: number): CellReaders {
  const text = (cap: number) => (v: unknown) => cleanText(v, cap, timeZone);
  const statedMemo = memo(statedAge, limit);
  const answer = memo((v) => parseDisabilityAnswer(cleanText(v, 60, timeZone)), limit);
  return {
    sex: memo(sexCell, limit),
    age: {
      // Plain digits are read in place: cheaper than the memo's lookup (a third of the ages typed).
      statedAge: (raw) => (typeof raw === 'string' ? digitsAge(raw) : undefined) ?? statedMemo(raw),
      birthDate: parseBirthDate,
    },
    disability: {
      answer: (raw) => answer(raw),
      wgFields: WG_FIELDS.filter((field) => columns[field] !== undefined),
    },
    role: memo((v) => {
      const role = parseRole(v);
      return { role, source: roleProvenance(v, role) };
    }, limit),
    regency: memo((v) => {
      const text = typeof v === 'string' ? cleanText(v, 100) : v;
      const regency = parseRegency(text);
      return { regency, source: regencyProvenance(text, regency) };
    }, limit),
    attendance: memo(parseAttendance, limit),
    institution: memo(text(TEXT_CAP), limit),
    // Positions are free text, often one per person: read every time.
    position: text(TEXT_CAP),
  };
}

/** Hooks of a row normaliser: where findings go, and the duplicate check (bounded by default). */
export interface RowNormaliserOptions {
  quality?: QualityFinding[];
  duplicates?: Pick<DuplicateCheck, 'check'>;
  /**
   * Distinct texts each memoised one-cell reader keeps (default MEMO_LIMIT); 0 reads every cell
   * afresh (the reference the memoised readings are tested against).
   */
  memoLimit?: number;
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
  const limit = hooks.memoLimit ?? MEMO_LIMIT;
  // The activity cell and its date in one memo lookup (the date was a second lookup by the text).
  const activityOf = memo((v) => {
    const activity = cleanText(v, TEXT_CAP, timeZone) || defaultActivity;
    return { activity, date: dateOf(activity) };
  }, limit);
  const readers = cellReaders(columnOf, timeZone, limit);
  const col = fieldColumns(columnOf);
  const cells = new RowCursor(columnOf, timeZone, quality);
  const scratch = rowScratch();
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
    const { activity, date } = activityOf(activityCell);
    return readParticipant(
      cells.moveTo(values, row, date),
      values,
      col,
      activity,
      duplicates,
      readers,
      scratch,
    );
  };
  return { push, quality };
}

/** Rows read before the duplicate check is sized for the whole array. */
const RESERVE_AFTER = 2000;

export function normaliseRows(
  rows: unknown[][],
  mapping: ColumnMapping,
  options: NormaliseOptions,
): { participants: Participant[]; quality: QualityFinding[] } {
  const participants: Participant[] = [];
  const list: unknown[] = Array.isArray(rows) ? rows : [];
  const firstRow = Number.isFinite(options?.firstRow) ? Math.trunc(options.firstRow) : 1;
  const duplicates = new DuplicateCheck();
  const { push, quality } = rowNormaliser(mapping, options, { duplicates });
  for (let index = 0; index < list.length; index++) {
    // The length is known: size the duplicate check once from the first rows, not by doubling.
    if (index === RESERVE_AFTER) duplicates.reserve(list.length, index);
    const participant = push(list[index], firstRow + index);
    if (participant) participants.push(participant);
  }
  return { participants, quality };
}
