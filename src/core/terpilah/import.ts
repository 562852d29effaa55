/**
 * Importing participants from any sheet (a Google Form's responses, a list made by hand), as pure
 * steps over the values of one read: find the header row and suggest a mapping, preview a few
 * rows (every NIK masked, maskNiksIn), then turn the rows into `Peserta` rows — closed values
 * read (L/P, roles, Ya/Tidak, Hadir), anything unreadable kept as typed (a NIK or NIP stored as a
 * number stays that number, so the report's data-quality list says what the import said). Each
 * row carries a fingerprint of its source sheet and its mapped cells ("Sumber",
 * ./import-fingerprint.ts): rows already imported are skipped.
 */
import { cutWhole } from '../plan/sheet-name';
import { toIsoInZone } from '../time';
import type { ActivityListItem } from '../progress/views';
import { parseAge } from './age';
import { printer, printPlan } from './import-fingerprint';
import { parseDisabilityAnswer } from './disability';
import { FIELD_LABELS, matchHeaders } from './headers';
import type { ColumnMapping, Participant, ParticipantField, QualityFinding } from './model';
import { maskNik, maskNiksIn } from '../privacy/mask-nik';
import { normaliseRows, type NormaliseOptions } from './normalise';
import { parseAttendance } from './attendance';
import { parseRole } from './role';
import { PESERTA_HEADERS, pesertaRowOf, type PesertaRow } from './peserta';
import { parseRegency } from './regency';
import { parseSex } from './sex';

/** The header row is looked for in the first rows (a form sheet has it in row 1; a list may have a title). */
const HEADER_SEARCH_ROWS = 10;
const SAMPLE_ROWS = 3;
const SAMPLE_LENGTH = 60;
/** The longest a cell holds. */
const MAX_CELL = 50000;
/** Headers named when none is recognised. */
const FOUND_SHOWN = 12;

/** The fields a column can be mapped to, in form order. */
export const FIELDS = Object.keys(FIELD_LABELS) as ParticipantField[];
const WG_FIELDS = FIELDS.filter((field) => field.startsWith('wg'));

/** Source column index (0-based) per field; a field left out is not imported. */
export type ImportMapping = ColumnMapping;

/** What an import would read: the header row found, the suggested mapping, a few rows. */
export interface ImportPreview {
  sourceSheet: string;
  /** 1-based row of the header in the source sheet. */
  headerRow: number;
  headers: string[];
  /** Prefilled from the headers; the person may correct it. */
  mapping: ImportMapping;
  /** The fields a column can be mapped to, in form order, with their labels. */
  fields: { field: ParticipantField; label: string }[];
  /** Up to 3 data rows as text (every NIK masked). */
  samples: string[][];
  /** Data rows below the header (non-empty). */
  rowCount: number;
  /** Set when importing this source would not fit one Apps Script execution: why, and what to do. */
  tooLarge?: string;
  /** Set when it fits but takes a while (IMPORT_SAYS_DURATION): up to how long, and to wait. */
  duration?: string;
}

/** A source sheet's values with its header row found. */
export interface ImportSource {
  name: string;
  values: unknown[][];
  /** 0-based index of the header row in `values`. */
  headerIndex: number;
  headers: string[];
  mapping: ColumnMapping;
}

/**
 * The first recognisable header row among the first rows, or — when there is none — the first
 * filled row's texts, shortened, for the message ("" when the sheet is empty).
 */
export function findHeaderRow(name: string, values: unknown[][]): ImportSource | { notFound: string } {
  const searched = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < searched; r++) {
    const match = matchHeaders(values[r]);
    if (match.recognised)
      return { name, values, headerIndex: r, headers: values[r].map(headerText), mapping: match.mapping };
  }
  const firstFilled = values.find((row) => !isEmpty(row)) ?? [];
  const found = firstFilled.map(headerText).filter((text) => text !== '');
  return { notFound: found.slice(0, FOUND_SHOWN).join(', ') + (found.length > FOUND_SHOWN ? ', …' : '') };
}

export function importPreview(source: ImportSource, timeZone: string): ImportPreview {
  const data = source.values.slice(source.headerIndex + 1).filter((row) => !isEmpty(row));
  const nikColumn = source.mapping.nik;
  return {
    sourceSheet: source.name,
    headerRow: source.headerIndex + 1,
    headers: source.headers,
    mapping: { ...source.mapping },
    fields: FIELDS.map((field) => ({ field, label: FIELD_LABELS[field] })),
    samples: data
      .slice(0, SAMPLE_ROWS)
      .map((row) => source.headers.map((_, c) => sampleText(row[c], c === nikColumn, timeZone))),
    rowCount: data.length,
  };
}

/** A mapping sent back by the sidebar: only known fields, each an existing column index. */
export function checkedMapping(value: unknown, width: number): ColumnMapping {
  const mapping: ColumnMapping = {};
  if (!value || typeof value !== 'object') return mapping;
  for (const field of FIELDS) {
    const index = (value as ImportMapping)[field];
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < width)
      mapping[field] = index;
  }
  return mapping;
}

/** Activity name (and id) → its planned date, for the participants' age at the activity. */
export function plannedDatesByActivity(activities: ActivityListItem[]): Record<string, string> {
  const dates: Record<string, string> = {};
  for (const item of activities)
    if (item.plannedDate) {
      dates[item.id] = item.plannedDate;
      if (!(item.name in dates)) dates[item.name] = item.plannedDate;
    }
  return dates;
}

export interface ImportRowsInput {
  sourceSheet: string;
  /** The source's rows below its header row (cells at their source column index). */
  rows: unknown[][];
  /** The sheet row (1-based) of rows[0]. */
  firstRow: number;
  mapping: ColumnMapping;
  /** The same rows normalised (core normaliseRows), for NIK/NIP and Washington Group answers. */
  participants: Participant[];
  /** The activity of rows that name none. */
  activity: string;
  timeZone: string;
}

export interface ImportRows {
  rows: PesertaRow[];
  /** Rows whose fingerprint is among `known` (imported before, under any mapping). */
  skipped: number;
  empty: number;
}

/**
 * The `Peserta` rows to append: rows blank in every mapped column and rows already imported
 * (`known` fingerprints, any version, see ./import-fingerprint.ts) left out. `rows` hold, at their
 * source column index, at least the cells of columnsToRead(printPlan(known, …)).
 */
export function importRows(input: ImportRowsInput, known: Iterable<string>): ImportRows {
  const seen = new Set(known);
  const byRow = new Map<number, Participant>(input.participants.map((p) => [p.row, p]));
  const plan = printPlan(seen, input.sourceSheet, input.mapping);
  const [current, ...before] = plan.columnSets.map((columns) =>
    printer(input.sourceSheet, columns, input.timeZone),
  );
  if (plan.legacy) before.push(printer(input.sourceSheet, null, input.timeZone));
  const rows: PesertaRow[] = [];
  let skipped = 0;
  let empty = 0;
  input.rows.forEach((row, i) => {
    // Every printer sees every row: each counts the n-th identical row of the source itself.
    const print = current(row);
    const earlier = before.map((print) => print(row));
    if (print === null) {
      empty++;
      return;
    }
    if (seen.has(print) || earlier.some((other) => other !== null && seen.has(other))) {
      skipped++;
      return;
    }
    seen.add(print);
    rows.push(pesertaRow(row, input, byRow.get(input.firstRow + i), print));
  });
  return { rows, skipped, empty };
}

export function isEmpty(row: unknown[]): boolean {
  return row.every((cell) => cell === '' || cell === null || cell === undefined);
}

/** A header as shown in the preview and in messages: one line, a NIK in it masked, then cut. */
function headerText(cell: unknown): string {
  return cutWhole(maskNiksIn(cellText(cell, 'UTC').replace(/\s+/g, ' ').trim()), 100);
}

/** A cell as text: dates as yyyy-mm-dd in the spreadsheet's zone, numbers in full. */
function cellText(cell: unknown, timeZone: string): string {
  if (cell === null || cell === undefined) return '';
  if (isDate(cell)) {
    const time = cell.getTime();
    return Number.isFinite(time) ? toIsoInZone(time, timeZone).slice(0, 10) : '';
  }
  return cutWhole(String(cell), MAX_CELL);
}

/** A Date, also one from another realm (Apps Script's values, the workbench's sandbox). */
function isDate(cell: unknown): cell is Date {
  return cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]';
}

/**
 * A preview cell: every NIK masked (maskNiksIn), then cut. In the NIK column any cell of digits and
 * separators is an identifier, even one of the wrong length: its middle digits are hidden too.
 */
function sampleText(cell: unknown, isNik: boolean, timeZone: string): string {
  const text = cellText(cell, timeZone).replace(/\s+/g, ' ').trim();
  const masked = isNik && /^[\d\s.\-_/']+$/.test(text) && /\d/.test(text) ? maskNik(text) : maskNiksIn(text);
  return masked.length > SAMPLE_LENGTH ? `${masked.slice(0, SAMPLE_LENGTH - 1)}…` : masked;
}

/** The `Peserta` columns as a register mapping. */
const PESERTA_MAPPING: ColumnMapping = matchHeaders([...PESERTA_HEADERS]).mapping;

/** Findings the import reports on the rows it wrote: the identifiers' (NIK, NIP). */
const ID_CODES = new Set(['nikInvalid', 'nikStoredAsNumber', 'nipInvalid']);

/**
 * Every finding on the rows just written to `Peserta` at `firstRow` (empty names, duplicates
 * among them, unknown sex, bad dates, identifiers…): read back the way the report reads them
 * (normaliseRows on the same values), so the warning at entry and the report's data-quality list
 * are one finding, word for word, with `Peserta`'s row number.
 */
export function pesertaRowFindings(
  rows: PesertaRow[],
  firstRow: number,
  options: Omit<NormaliseOptions, 'firstRow'>,
): QualityFinding[] {
  return normaliseRows(rows, PESERTA_MAPPING, { ...options, firstRow }).quality;
}

/** The identifier findings (NIK, NIP) of pesertaRowFindings, as messages. */
export function importIdFindings(
  rows: PesertaRow[],
  firstRow: number,
  options: Omit<NormaliseOptions, 'firstRow'>,
): string[] {
  return pesertaRowFindings(rows, firstRow, options)
    .filter((finding) => ID_CODES.has(finding.code))
    .map((finding) => finding.message);
}

const ROLE_TEXT: Record<NonNullable<Participant['role']>, string> = {
  peserta: 'Peserta',
  narasumber: 'Narasumber',
  panitia: 'Panitia',
};

/** One `Peserta` row: closed values read where they can be, everything else as typed. */
function pesertaRow(
  row: unknown[],
  { mapping, activity, timeZone }: ImportRowsInput,
  participant: Participant | undefined,
  print: string,
): PesertaRow {
  const raw = (field: ParticipantField): unknown => (mapping[field] === undefined ? '' : row[mapping[field]]);
  const text = (field: ParticipantField): string => cellText(raw(field), timeZone).trim();
  const asTyped = (field: ParticipantField): string | number => {
    const value = raw(field);
    return typeof value === 'number' && Number.isFinite(value) ? value : text(field);
  };
  const sex = parseSex(raw('sex'));
  const age = parseAge(raw('age'));
  const regency = parseRegency(raw('regency'));
  const role = parseRole(raw('role'));
  const attended = parseAttendance(raw('attendance'));
  const stated = parseDisabilityAnswer(raw('disability'));
  const wg = WG_FIELDS.some((field) => mapping[field] !== undefined)
    ? (participant?.disability ?? null)
    : null;
  const disability = stated ?? (text('disability') === '' ? wg : null);
  const yesNo = (value: boolean | null, typed: string) => (value === null ? typed : value ? 'Ya' : 'Tidak');
  return pesertaRowOf({
    Kegiatan: text('activity') || activity,
    Nama: text('name'),
    // A number (a NIK or NIP that lost its last digits) is kept as the number, never turned into
    // plausible digits: reading `Peserta` then flags it like the CLI does.
    NIK: participant?.nik || asTyped('nik'),
    NIP: participant?.nip || asTyped('nip'),
    'Jenis kelamin': sex ?? text('sex'),
    'Tanggal lahir': text('birthDate'),
    Umur: age ?? text('age'),
    Peran: role ? ROLE_TEXT[role] : text('role'),
    'Instansi/OPD': text('institution'),
    Jabatan: text('position'),
    'Kabupaten/Kota': regency ? regency.name : text('regency'),
    Disabilitas: yesNo(disability, text('disability')),
    Kehadiran: attended === null ? text('attendance') : attended ? 'Hadir' : 'Tidak hadir',
    Sumber: print,
  });
}
