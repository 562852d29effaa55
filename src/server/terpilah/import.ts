/**
 * Import participants from any sheet (a Google Form's responses, a list made by hand): the header
 * row is found and matched to the register's fields, the person may correct the mapping, and the
 * rows are appended to `Peserta` with closed values read (L/P, roles, Ya/Tidak, Hadir) and
 * anything unreadable kept as typed. Each row carries a fingerprint of its source sheet and raw
 * values ("Sumber"): importing the same rows again skips them. Service calls do not depend on the
 * number of rows: one read of the source, one of the fingerprints, one batched write.
 */
import { t, type Language } from '../../core/i18n';
import { toIsoInZone } from '../../core/time';
import { parseAge } from '../../core/terpilah/age';
import { parseDisabilityAnswer } from '../../core/terpilah/disability';
import { FIELD_LABELS, matchHeaders } from '../../core/terpilah/headers';
import type { ColumnMapping, Participant, ParticipantField } from '../../core/terpilah/model';
import { maskNik } from '../../core/terpilah/nik';
import { parseAttendance } from '../../core/terpilah/attendance';
import { normaliseRows } from '../../core/terpilah/normalise';
import { parseRole } from '../../core/terpilah/role';
import { parseRegency } from '../../core/terpilah/regency';
import { parseSex } from '../../core/terpilah/sex';
import type { ImportMapping, ImportPreview, ImportRequest, ImportResult, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { activityList } from '../progress/activities';
import { KEGIATAN, LANGKAH, RIWAYAT, writeRows } from '../progress/sheets';
import { withDocumentLock } from '../sheets/lock';
import { UserError } from '../sheets/errors';
import { SOP_PREFIX, TEMPLATE_PREFIX } from '../templates/markers';
import {
  ensurePesertaRows,
  ensurePesertaSheet,
  PESERTA,
  PESERTA_COLUMN,
  PESERTA_HEADERS,
  PESERTA_SPEC,
  type PesertaHeader,
  type PesertaRow,
} from './peserta-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The header row is looked for in the first rows (a form sheet has it in row 1; a list may have a title). */
const HEADER_SEARCH_ROWS = 10;
const SAMPLE_ROWS = 3;
const SAMPLE_LENGTH = 60;
/** The longest a cell holds. */
const MAX_CELL = 50000;
const FOUND_SHOWN = 12;
/** Sheets the add-in writes itself: never a source. */
const OWN_SHEETS = new Set([PESERTA, KEGIATAN, LANGKAH, RIWAYAT]);
const OWN_PREFIXES = [SOP_PREFIX, TEMPLATE_PREFIX, 'Laporan '];

export const FIELDS = Object.keys(FIELD_LABELS) as ParticipantField[];

/** Every sheet a list may come from: the add-in's own sheets are left out. */
export const listImportSheets: SidebarApi['listImportSheets'] = (): string[] =>
  SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((sheet) => sheet.getName())
    .filter((name) => !OWN_SHEETS.has(name) && !OWN_PREFIXES.some((prefix) => name.startsWith(prefix)));

interface Source {
  name: string;
  values: unknown[][];
  /** 0-based index of the header row in `values`. */
  headerIndex: number;
  headers: string[];
  mapping: ColumnMapping;
}

export const previewImport: SidebarApi['previewImport'] = (sourceSheet: string): ImportPreview => {
  const language = getLanguage();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const source = readSource(spreadsheet, sourceSheet, language);
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
      .map((row) =>
        source.headers.map((_, c) =>
          sampleText(row[c], c === nikColumn, spreadsheet.getSpreadsheetTimeZone()),
        ),
      ),
    rowCount: data.length,
  };
};

export const importParticipants: SidebarApi['importParticipants'] = (
  request: ImportRequest,
): ImportResult => {
  const language = getLanguage();
  const lang = () => language;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const input = (request ?? {}) as Partial<ImportRequest>;
  const source = readSource(spreadsheet, String(input.sourceSheet ?? ''), language);
  const mapping = checkedMapping(input.mapping, source.headers.length);
  if (mapping.name === undefined && mapping.sex === undefined)
    throw new UserError(t(language, 'importNeedNameOrSex'));
  const activity = String(input.activity ?? '')
    .trim()
    .slice(0, 200);
  const today = toIsoInZone(Date.now(), timeZone).slice(0, 10);
  const firstRow = source.headerIndex + 2;
  const rows = source.values.slice(source.headerIndex + 1);
  const { participants } = normaliseRows(rows, mapping, {
    firstRow,
    referenceDate: today,
    timeZone,
    activityDates: activityDates(spreadsheet),
    ...(activity ? { defaultActivity: activity } : {}),
  });
  const byRow = new Map<number, Participant>(participants.map((p) => [p.row, p]));

  return withDocumentLock(lang, () => {
    const sheet = ensurePesertaSheet(spreadsheet, language);
    const last = sheet.getLastRow();
    const known = new Set<string>(
      last >= 2
        ? sheet
            .getRange(2, PESERTA_COLUMN.Sumber, last - 1, 1)
            .getValues()
            .map(([value]) => String(value))
        : [],
    );
    const out: PesertaRow[] = [];
    let skipped = 0;
    let empty = 0;
    rows.forEach((row, i) => {
      if (isEmpty(row)) {
        empty++;
        return;
      }
      const print = fingerprint(source.name, row, timeZone);
      if (known.has(print)) {
        skipped++;
        return;
      }
      known.add(print);
      out.push(pesertaRow(row, mapping, byRow.get(firstRow + i), activity, print, timeZone));
    });
    const at = Math.max(2, last + 1);
    if (out.length > 0) {
      ensurePesertaRows(sheet, at + out.length - 1);
      writeRows(sheet, PESERTA_SPEC, at, out);
    }
    return {
      sheetName: PESERTA,
      imported: out.length,
      skipped,
      empty,
      message: t(language, 'importDone', { imported: out.length, skipped }),
    };
  });
};

/** The source sheet, its values (one read) and the first recognisable header row. */
function readSource(spreadsheet: Spreadsheet, requested: string, language: Language): Source {
  const name = String(requested ?? '').trim();
  if (name === '' || OWN_SHEETS.has(name)) throw new UserError(t(language, 'importChooseSheet'));
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new UserError(t(language, 'importSheetMissing', { sheet: name }));
  const values = sheet.getDataRange().getValues();
  const searched = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < searched; r++) {
    const match = matchHeaders(values[r]);
    if (match.recognised)
      return {
        name,
        values,
        headerIndex: r,
        headers: values[r].map((cell) => headerText(cell)),
        mapping: match.mapping,
      };
  }
  const firstFilled = values.find((row) => !isEmpty(row)) ?? [];
  const found = firstFilled.map((cell) => headerText(cell)).filter((text) => text !== '');
  const shown = found.slice(0, FOUND_SHOWN).join(', ') + (found.length > FOUND_SHOWN ? ', …' : '');
  throw new UserError(
    t(language, 'importHeaderNotRecognised', {
      sheet: name,
      found: shown || t(language, 'importFoundNothing'),
    }),
  );
}

/** Only known fields, each an existing column index. */
function checkedMapping(value: unknown, width: number): ColumnMapping {
  const mapping: ColumnMapping = {};
  if (!value || typeof value !== 'object') return mapping;
  for (const field of FIELDS) {
    const index = (value as ImportMapping)[field];
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < width)
      mapping[field] = index;
  }
  return mapping;
}

/** Activity name (and id) → its planned date, from `Kegiatan` when it exists. */
export function activityDates(spreadsheet: Spreadsheet): Record<string, string> {
  const dates: Record<string, string> = {};
  for (const item of activityList(spreadsheet))
    if (item.plannedDate) {
      dates[item.id] = item.plannedDate;
      if (!(item.name in dates)) dates[item.name] = item.plannedDate;
    }
  return dates;
}

function isEmpty(row: unknown[]): boolean {
  return row.every((cell) => cell === '' || cell === null || cell === undefined);
}

function headerText(cell: unknown): string {
  return cellText(cell, 'UTC').replace(/\s+/g, ' ').trim().slice(0, 100);
}

/** A cell as text: dates as yyyy-mm-dd in the spreadsheet's zone, numbers in full. */
function cellText(cell: unknown, timeZone: string): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]') {
    const time = (cell as Date).getTime();
    return Number.isFinite(time) ? toIsoInZone(time, timeZone).slice(0, 10) : '';
  }
  return String(cell).slice(0, MAX_CELL);
}

/** A preview cell: short, and a NIK-like run of digits masked. */
function sampleText(cell: unknown, isNik: boolean, timeZone: string): string {
  const text = cellText(cell, timeZone).replace(/\s+/g, ' ').trim();
  const masked =
    isNik || /^\d[\d\s.-]{14,}\d$/.test(text) ? maskNik(text) : text.replace(/\d{16,}/g, (d) => maskNik(d));
  return masked.length > SAMPLE_LENGTH ? `${masked.slice(0, SAMPLE_LENGTH - 1)}…` : masked;
}

/** "imp:" + a 64-bit-ish hash of the source sheet's name and the row's raw values. */
export function fingerprint(sheetName: string, row: unknown[], timeZone: string): string {
  const raw = [sheetName, ...row.map((cell) => cellRaw(cell, timeZone))].join('\u0001');
  return `imp:${hash(raw)}`;
}

function cellRaw(cell: unknown, timeZone: string): string {
  if (cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]') {
    const time = (cell as Date).getTime();
    return Number.isFinite(time) ? toIsoInZone(time, timeZone) : '';
  }
  return cell === null || cell === undefined ? '' : String(cell);
}

/** cyrb53 (public domain): two 32-bit lanes, 53 bits of result, as base-36 text. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const ROLE_TEXT: Record<NonNullable<Participant['role']>, string> = {
  peserta: 'Peserta',
  narasumber: 'Narasumber',
  panitia: 'Panitia',
};
const WG_FIELDS: ParticipantField[] = [
  'wgSeeing',
  'wgHearing',
  'wgWalking',
  'wgRemembering',
  'wgSelfCare',
  'wgCommunicating',
];

/** One `Peserta` row: closed values read where they can be, everything else as typed. */
function pesertaRow(
  row: unknown[],
  mapping: ColumnMapping,
  participant: Participant | undefined,
  activity: string,
  print: string,
  timeZone: string,
): PesertaRow {
  const raw = (field: ParticipantField): unknown => (mapping[field] === undefined ? '' : row[mapping[field]]);
  const text = (field: ParticipantField): string => cellText(raw(field), timeZone).trim();
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
  const values: Record<PesertaHeader, string | number> = {
    Kegiatan: text('activity') || activity,
    Nama: text('name'),
    NIK: participant?.nik || text('nik'),
    NIP: participant?.nip || text('nip'),
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
  };
  return PESERTA_HEADERS.map((header) => values[header]);
}
