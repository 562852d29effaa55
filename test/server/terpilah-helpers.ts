import { duplicateRowsOf } from '../../src/core/terpilah/entry-check';
import { terpilahHeadlineOf } from '../../src/core/terpilah/headline';
import { matchHeaders } from '../../src/core/terpilah/headers';
import { normaliseRows } from '../../src/core/terpilah/normalise';
import { PESERTA_HEADERS } from '../../src/core/terpilah/peserta';
import { summarise } from '../../src/core/terpilah/summaries';
import { toIsoInZone } from '../../src/core/time';
import type { TerpilahHeadline } from '../../src/server/api';
import type { Cell, WorkbookState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { typeInto } from '../../src/workbench/server/person';
import { newWorkbench, runOk } from '../support/workbench';
import { sheetOf, valuesOf } from './template-helpers';

type Value = Cell['value'];

/** What the counts-index and report-tallies properties feed in: NIKs of a woman and a man, messy activity names. */
export const NIK_WOMAN = '1904014505800001';
export const NIK_MAN = '1971011203750002';
export const ACTIVITIES = ['Rapat PUG', 'Bimtek', 'rapat pug', 'Sosialisasi 1904014505800001'];
/** What a person types into a cell of `Peserta` in the property tests: activities, sexes, NIKs, names. */
export const TYPED = [...ACTIVITIES, 'L', 'P', 'perempuan', '', NIK_WOMAN, NIK_MAN, 'Ana', 'OPD A'];

/** A row in Peserta's own columns. */
export function pesertaRow(
  activity: Value,
  sex: Value,
  nik: Value = '',
  name: Value = 'Ana',
  institution: Value = '',
): Value[] {
  const row: Value[] = PESERTA_HEADERS.map(() => '');
  row[0] = activity;
  row[1] = name;
  row[2] = nik;
  row[4] = sex;
  row[8] = institution;
  return row;
}

/** The person's edits, as the page and POST /api/edit make them (onEdit fires). */
export const type = (workbench: Workbench, sheet: string, range: string, values: string[][]) =>
  typeInto(workbench, { sheet, range, values });

/** A person's structural change of Peserta (rows deleted or inserted: no trigger fires). */
export function structural(
  workbench: Workbench,
  act: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void,
): void {
  workbench.actAsPerson((app) => {
    const sheet = app.getActiveSpreadsheet().getSheetByName('Peserta');
    if (sheet) act(sheet);
  });
}

/**
 * A `Peserta` the add-in set up (its first participant added through the form), then `rows` put
 * right below its header, as a person would have it (the first participant replaced).
 */
export function pesertaWithRows(rows: Cell['value'][][]): Workbench {
  const workbench = newWorkbench();
  runOk(workbench, 'addParticipant', [{ name: 'x' }]);
  const sheet = sheetOf(workbench, 'Peserta');
  sheet.rows.length = 1;
  for (const row of rows) sheet.rows.push(row.map((value) => ({ value })));
  sheet.maxRows = Math.max(sheet.maxRows, rows.length + 1);
  return workbench;
}

/**
 * A register of `total` participants in four activities, as the counts-index tests seed it: every
 * tenth row without a sex but with a woman's NIK, the others L or P; institutions when asked.
 */
export function generatedRegister(total: number, withInstitutions = false): Workbench {
  const rows: Value[][] = [];
  for (let i = 0; i < total; i++)
    rows.push(
      pesertaRow(
        `Kegiatan ${(i % 4) + 1}`,
        i % 10 === 0 ? '' : i % 3 ? 'P' : 'L',
        i % 10 ? '' : NIK_WOMAN,
        `Orang ${i}`,
        withInstitutions ? `OPD ${i % 7}` : '',
      ),
    );
  return pesertaWithRows(rows);
}

/** The headline of each of `activities` as a full recount: every cell of `Peserta`, normalised, summarised. */
export function headlinesRecounted(workbench: Workbench, activities: readonly string[]): TerpilahHeadline[] {
  const sheet = workbench.state.sheets.find((s) => s.name === 'Peserta');
  const values = sheet ? valuesOf(sheet) : [];
  const timeZone = workbench.state.timeZone;
  const { participants, quality } =
    values.length === 0
      ? { participants: [], quality: [] }
      : normaliseRows(values.slice(1), matchHeaders(values[0]).mapping, {
          firstRow: 2,
          referenceDate: toIsoInZone(Date.now(), timeZone).slice(0, 10),
          timeZone,
        });
  return activities.map((activity) =>
    terpilahHeadlineOf(summarise(participants, quality, activity), activity, 'id'),
  );
}

/** One activity's headline as a full recount ({@link headlinesRecounted}). */
export const headlineRecounted = (workbench: Workbench, activity: string): TerpilahHeadline =>
  headlinesRecounted(workbench, [activity])[0];

/** The headline the add-in shows (terpilahHeadline, from the index when fresh). */
export const headlineOf = (workbench: Workbench, activity: string) =>
  runOk(workbench, 'terpilahHeadline', [activity]).value as TerpilahHeadline;

/** Every asked activity's headline equals a full recount. */
export function expectHeadlinesRecounted(workbench: Workbench, activities: readonly string[]): void {
  const expected = headlinesRecounted(workbench, activities);
  activities.forEach((activity, i) => expect(headlineOf(workbench, activity)).toEqual(expected[i]));
}

/** A participant the sidebar form is asked to add. */
export interface Candidate {
  activity: string;
  name: string;
  nik: string;
  institution: string;
}

/** The form's duplicate answer as a full recount: every row of Peserta compared (entry-check.ts). */
export function duplicatesRecounted(workbench: Workbench, c: Candidate): number[] | null {
  const sheet = workbench.state.sheets.find((x) => x.name === 'Peserta');
  const values = sheet ? valuesOf(sheet).slice(1) : [];
  const register = values.map((row) => ({
    activity: String(row[0] ?? ''),
    name: String(row[1] ?? ''),
    nik: row[2],
    institution: String(row[8] ?? ''),
  }));
  const found = duplicateRowsOf(register, 2, c);
  return found ? [...found.nik, ...found.name].sort((a, b) => a - b) : null;
}

/** The report sheet's values, without its second line (the time it was made). */
export function reportValues(workbench: Workbench): unknown[][] {
  const sheet = workbench.state.sheets.find((s) => s.name === 'Laporan Data Terpilah');
  if (!sheet) return [];
  return valuesOf(sheet).filter((_, i) => i !== 1);
}

/** The report over every activity as a full read makes it: on a copy of the workbook without the index. */
export function fullReport(workbench: Workbench): unknown[][] {
  const state = structuredClone(workbench.state) as WorkbookState;
  state.sheets = state.sheets.filter((s) => s.name !== '_Indeks Peserta');
  const copy = newWorkbench({ state });
  runOk(copy, 'menuTerpilahReport');
  return reportValues(copy);
}

/**
 * A source sheet `sheet` (Nama, L/P, NIK, Instansi) of `rows`, replacing any of that name, made
 * from `Peserta`'s state (so it has the grid's settings) for the sidebar's import.
 */
export function addFormSheet(workbench: Workbench, sheetName: string, rows: Cell['value'][][]): void {
  const existing = workbench.state.sheets.findIndex((s) => s.name === sheetName);
  if (existing >= 0) workbench.state.sheets.splice(existing, 1);
  const sheet = structuredClone(sheetOf(workbench, 'Peserta'));
  sheet.sheetId = workbench.state.nextId++;
  sheet.name = sheetName;
  sheet.hidden = false;
  sheet.rows = [['Nama', 'L/P', 'NIK', 'Instansi'], ...rows].map((row) => row.map((value) => ({ value })));
  sheet.maxRows = sheet.rows.length;
  sheet.maxColumns = 4;
  workbench.state.sheets.push(sheet);
}
