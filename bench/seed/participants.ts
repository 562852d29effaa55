/**
 * `Peserta` as a person would have it: the add-in creates the sheet (its first participant typed
 * in the sidebar), the others follow directly below, row after row, in the sheet's own formats.
 * No blank rows before them, no cells beyond the last participant.
 */
import {
  newSheetState,
  newWorkbookState,
  type Cell,
  type SheetState,
  type WorkbookState,
} from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { DIST } from '../dist';

const ROLES = ['Peserta', 'Peserta', 'Narasumber', 'Panitia'];
const REGENCIES = ['Bangka', 'Belitung', 'Pangkalpinang', 'Bateng', ''];

/** The values of participant `i` (1-based), over four activities "Kegiatan 1" … "Kegiatan 4". */
export function participantRow(i: number): (string | number)[] {
  const women = i % 3 !== 0;
  const day = String((i % 28) + 1 + (women ? 40 : 0)).padStart(2, '0');
  const nik = `197101${day}0${i % 10}8${String(i % 10000).padStart(4, '0')}`.slice(0, 16);
  return [
    `Kegiatan ${(i % 4) + 1}`,
    `Peserta ${i}`,
    i % 7 === 0 ? '' : nik,
    '',
    i % 11 === 0 ? '' : women ? 'P' : 'L',
    '',
    18 + (i % 60),
    ROLES[i % 4],
    `OPD ${i % 25}`,
    '',
    REGENCIES[i % 5],
    i % 13 === 0 ? 'Ya' : 'Tidak',
    'Hadir',
    '',
  ];
}

/** Fills `Peserta` rows 3… (row 2 holds the first participant) up to `count` participants. */
function fillParticipants(sheet: SheetState, count: number): void {
  const template = sheet.rows[1] ?? [];
  const rows: (Cell | null)[][] = [sheet.rows[0], template];
  for (let i = 2; i <= count; i++) {
    rows.push(
      participantRow(i).map((value, c) => {
        const format = template[c]?.format;
        return format ? { value, format } : { value };
      }),
    );
  }
  sheet.rows = rows as SheetState['rows'];
  sheet.maxRows = count + 1;
}

/** Adds a `Peserta` register of `count` participants to `state` (through the add-in, then filled). */
export function addParticipants(state: WorkbookState, count: number): WorkbookState {
  const setup = new Workbench({ state, distDir: DIST });
  const first = setup.run('addParticipant', [
    { name: 'Peserta 1', activity: 'Kegiatan 2', sex: 'P', age: '40' },
  ]);
  if (!first.ok) throw new Error(`seed: addParticipant ${first.error}`);
  const sheet = state.sheets.find((s) => s.name === 'Peserta');
  if (!sheet) throw new Error('seed: Peserta was not created');
  fillParticipants(sheet, count);
  return state;
}

export const participantsState = (count: number) => (): WorkbookState =>
  addParticipants(newWorkbookState('Bench'), count);

/** A Google Forms response sheet of `count` rows, the kind a person imports from. */
export const FORM_SHEET = 'Form Responses 1';
export const FORM_MAPPING = { name: 1, sex: 2, nik: 3, age: 4, regency: 5, institution: 6 };

export function addFormSheet(state: WorkbookState, count: number): WorkbookState {
  const sheet = newSheetState(state.nextId++, FORM_SHEET);
  const header = [
    'Timestamp',
    'Nama Lengkap',
    'L/P',
    'NIK',
    'Umur',
    'Asal Kabupaten/Kota',
    'Instansi/OPD',
    'Keterangan',
  ];
  const start = Date.parse('2026-11-20T02:00:00Z');
  const rows: Cell[][] = [header.map((value) => ({ value }))];
  for (let i = 1; i <= count; i++) {
    const p = participantRow(i);
    rows.push(
      [
        new Date(start + i * 60000),
        p[1],
        p[4] === 'P' ? 'Perempuan' : p[4] === 'L' ? 'Laki-laki' : '',
        p[2],
        `${p[6]} tahun`,
        p[10],
        p[8],
        '',
      ].map((value) => ({ value })),
    );
  }
  sheet.rows = rows;
  sheet.maxRows = count + 1;
  sheet.maxColumns = Math.max(sheet.maxColumns, header.length);
  state.sheets.push(sheet);
  return state;
}

/**
 * The register as the add-in keeps it after its first headline: the counts index built (one
 * recount), so that a click measures what every later click costs.
 */
export function withRegisterCounts(state: WorkbookState): WorkbookState {
  const setup = new Workbench({ state, distDir: DIST });
  const built = setup.run('recountTerpilahHeadline', ['Kegiatan 1']);
  if (!built.ok) throw new Error(`seed: recountTerpilahHeadline ${built.error}`);
  return state;
}

/**
 * The register after its first report: the index and the report's tallies kept (one full read),
 * so that a report measures what every later one costs until a person edits `Peserta` again.
 */
export function withReportTallies(state: WorkbookState): WorkbookState {
  const setup = new Workbench({ state, distDir: DIST });
  const built = setup.run('menuTerpilahReport');
  if (!built.ok) throw new Error(`seed: menuTerpilahReport ${built.error}`);
  return state;
}
