/**
 * Every user action of the add-in at a small and a large size (issue 12): what a person clicks,
 * run as the sidebar or the menu runs it (sidebar calls add the google.script.run trip to the
 * estimate). Large sizes: `Peserta` 100,000 participants, an import of 50,000 rows, `Riwayat`
 * 20,000 events, an SOP of 60 steps.
 */
import { newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { Workbench, type RunOptions } from '../../src/workbench/runtime';
import { typeInto } from '../../src/workbench/server/person';
import { DIST } from '../dist';
import { benchRun, ok } from '../run';
import {
  addFormSheet,
  addParticipants,
  FORM_MAPPING,
  FORM_SHEET,
  participantsState,
  withRegisterCounts,
  withReportTallies,
} from '../seed/participants';
import type { BenchAction, BenchSize } from '../types';
import { templateWithSteps, withTemplateSheet } from './plan-writers';
import { nextRequest, progressState } from './progress';

const SIDEBAR: RunOptions = { via: 'google.script.run' };
/** The sidebar's add of one participant (the same request at every size). */
const ADD_REQUEST = { name: 'Peserta Baru', activity: 'Kegiatan 1', sex: 'L', age: '33', nik: '', nip: '' };
const PARTICIPANTS = [100, 100_000] as const;
const IMPORT_ROWS = [50, 50_000] as const;
const EVENTS = [100, 20_000] as const;
const id = (n: number) => n.toLocaleString('id-ID');

const participantSizes: [BenchSize, BenchSize] = [
  {
    label: `${id(PARTICIPANTS[0])} peserta`,
    size: { participants: PARTICIPANTS[0] },
    state: participantsState(PARTICIPANTS[0]),
  },
  {
    label: `${id(PARTICIPANTS[1])} peserta`,
    size: { participants: PARTICIPANTS[1] },
    state: participantsState(PARTICIPANTS[1]),
  },
];

const eventSizes: [BenchSize, BenchSize] = [
  { label: `${id(EVENTS[0])} event`, size: { events: EVENTS[0] }, state: () => progressState(EVENTS[0]) },
  { label: `${id(EVENTS[1])} event`, size: { events: EVENTS[1] }, state: () => progressState(EVENTS[1]) },
];

/** A register as an office has it after a while: its step log and its participants. */
const officeState = (events: number, participants: number) => (): WorkbookState =>
  addParticipants(progressState(events), participants);

/** The sizes with the counts index built (what a click costs once the add-in has counted once). */
const counted = (sizes: [BenchSize, BenchSize]): [BenchSize, BenchSize] =>
  sizes.map((size) => ({ ...size, state: () => withRegisterCounts(size.state()) })) as [BenchSize, BenchSize];

/** The sizes, then a person's typing of one sex cell in the middle of `Peserta` (onEdit runs). */
const oneCellTyped = (sizes: [BenchSize, BenchSize]): [BenchSize, BenchSize] =>
  sizes.map((size) => ({
    ...size,
    state: () => {
      const state = size.state();
      const rows = state.sheets.find((s) => s.name === 'Peserta')?.rows.length ?? 2;
      const person = new Workbench({ state, distDir: DIST });
      typeInto(person, { sheet: 'Peserta', range: `E${Math.ceil(rows / 2)}`, values: [['P']] });
      return state;
    },
  })) as [BenchSize, BenchSize];

/**
 * The sizes with the counts index built, then one cell of `Peserta` typed by a person in the
 * middle of the register (a sex changed; onEdit runs as for POST /api/edit): the next click
 * repairs that cell's block of 250 rows.
 */
const edited = (sizes: [BenchSize, BenchSize]): [BenchSize, BenchSize] => oneCellTyped(counted(sizes));

/** The sizes after one report: the report's tallies kept in the index. */
const reported = (sizes: [BenchSize, BenchSize]): [BenchSize, BenchSize] =>
  sizes.map((size) => ({ ...size, state: () => withReportTallies(size.state()) })) as [BenchSize, BenchSize];

/**
 * The sizes after one report (the tallies kept), then one cell of `Peserta` typed by a person as
 * in `edited`: the next report counts that cell's block again (server/terpilah/report-repair.ts).
 */
const reportedThenEdited = (sizes: [BenchSize, BenchSize]): [BenchSize, BenchSize] =>
  oneCellTyped(reported(sizes));

/**
 * The sizes of `reportedThenEdited`, then one participant added from the sidebar (the add repairs
 * the edited block in the index; the tallies lack it): the next report counts the edited block
 * and the added row's block again.
 */
const reportedEditedThenAdded = (sizes: [BenchSize, BenchSize]): [BenchSize, BenchSize] =>
  reportedThenEdited(sizes).map((size) => ({
    ...size,
    state: () => {
      const state = size.state();
      const setup = new Workbench({ state, distDir: DIST });
      ok('addParticipant', setup.run('addParticipant', [ADD_REQUEST], SIDEBAR));
      return state;
    },
  })) as [BenchSize, BenchSize];

/** The sizes, then "Kelompokkan instansi" answered Yes: the Instansi sheet set up and its suggestions confirmed. */
const grouped = (sizes: [BenchSize, BenchSize]): [BenchSize, BenchSize] =>
  sizes.map((size) => ({
    ...size,
    state: () => {
      const state = size.state();
      const setup = new Workbench({ state, distDir: DIST });
      // Its dialog and its closing alert are the answer asked for, so not `ok` (which refuses alerts).
      const result = setup.run('menuGroupInstitutions', [], { answers: [{ button: 'YES' }] });
      if (!result.ok) throw new Error(`seed: menuGroupInstitutions ${result.error ?? 'needs input'}`);
      if (!state.sheets.some((sheet) => sheet.name === 'Instansi'))
        throw new Error('seed: no Instansi sheet');
      return state;
    },
  })) as [BenchSize, BenchSize];

const officeSizes: [BenchSize, BenchSize] = [
  {
    label: `${id(EVENTS[0])} event, ${id(PARTICIPANTS[0])} peserta`,
    size: { events: EVENTS[0], participants: PARTICIPANTS[0] },
    state: officeState(EVENTS[0], PARTICIPANTS[0]),
  },
  {
    label: `${id(EVENTS[1])} event, ${id(PARTICIPANTS[1])} peserta`,
    size: { events: EVENTS[1], participants: PARTICIPANTS[1] },
    state: officeState(EVENTS[1], PARTICIPANTS[1]),
  },
];

const importSizes: [BenchSize, BenchSize] = IMPORT_ROWS.map((rows) => ({
  label: `${id(rows)} baris sumber`,
  size: { rows },
  state: () => addFormSheet(newWorkbookState('Bench'), rows),
})) as unknown as [BenchSize, BenchSize];

const logStepRequests = [nextRequest(EVENTS[0]), nextRequest(EVENTS[1])];

const run = (wb: Workbench, fn: string, args: unknown[] = [], opts?: RunOptions) =>
  ok(fn, wb.run(fn, args, opts));

/** The sidebar's import of the form sheet, and its add of one participant (the same request at every size). */
const importForm = (wb: Workbench) =>
  benchRun(
    run(
      wb,
      'importParticipants',
      [{ sourceSheet: FORM_SHEET, mapping: FORM_MAPPING, activity: 'Bimtek PPRG' }],
      SIDEBAR,
    ),
  );
const addOne = (wb: Workbench) => benchRun(run(wb, 'addParticipant', [ADD_REQUEST], SIDEBAR));

export const userActions: BenchAction[] = [
  {
    // The state comes inside the page: the client renders with no google.script.run on open
    // (test/browser/sidebar-first-call.test.ts counts none); the activities past the newest 100
    // come only when asked ("Tampilkan semua", a filter, the Peserta tab).
    name: 'Buka panel (showSidebar, status di dalam HTML)',
    key: 'openSidebar',
    sizes: officeSizes,
    run: (wb) => benchRun(run(wb, 'showSidebar')),
  },
  {
    name: 'Buka kegiatan (openActivity: kegiatan + angka utama)',
    key: 'openActivity',
    sizes: counted(officeSizes),
    run: (wb) => benchRun(run(wb, 'openActivity', ['KGT-0001'], SIDEBAR)),
  },
  {
    // The first headline after a person's edit of Peserta (or without an index yet): one recount.
    name: 'Angka utama, hitung ulang (recountTerpilahHeadline)',
    key: 'headlineRecount',
    sizes: participantSizes,
    run: (wb) => benchRun(run(wb, 'recountTerpilahHeadline', ['Kegiatan 1'], SIDEBAR)),
  },
  {
    // After a person typed into Peserta: the click reads that cell's block again, not the register.
    name: 'Angka utama setelah edit di Peserta (terpilahHeadline)',
    key: 'headlineAfterEdit',
    sizes: edited(participantSizes),
    run: (wb) => benchRun(run(wb, 'terpilahHeadline', ['Kegiatan 1'], SIDEBAR)),
  },
  {
    name: 'Buka kegiatan setelah edit di Peserta (openActivity)',
    key: 'openActivityAfterEdit',
    sizes: edited(officeSizes),
    run: (wb) => benchRun(run(wb, 'openActivity', ['KGT-0001'], SIDEBAR)),
  },
  {
    name: 'Buat kegiatan (createActivity)',
    key: 'createActivity',
    sizes: eventSizes,
    run: (wb) =>
      benchRun(
        run(
          wb,
          'createActivity',
          [
            {
              name: 'Sosialisasi PUG dari bench',
              templateId: 'builtin:penguatan-pug',
              plannedDate: '2028-01-10',
              place: 'Aula',
              personInCharge: 'Ana',
            },
          ],
          SIDEBAR,
        ),
      ),
  },
  {
    name: 'Catat langkah (logStep)',
    key: 'logStep',
    sizes: eventSizes,
    run: (wb, size) => benchRun(run(wb, 'logStep', [logStepRequests[size]], SIDEBAR)),
  },
  {
    name: 'Tambah peserta (addParticipant)',
    key: 'addParticipant',
    sizes: counted(participantSizes),
    run: addOne,
  },
  {
    // After a person typed into Peserta: the add repairs that block in its lock, then checks.
    name: 'Tambah peserta setelah edit di Peserta (addParticipant)',
    key: 'addParticipantAfterEdit',
    sizes: edited(participantSizes),
    run: addOne,
  },
  {
    // After a report: the add also adds its row to the report's tallies.
    name: 'Tambah peserta setelah laporan (addParticipant)',
    key: 'addParticipantReported',
    sizes: reported(participantSizes),
    run: addOne,
  },
  {
    name: 'Pratinjau impor (previewImport)',
    key: 'previewImport',
    sizes: importSizes,
    run: (wb) => benchRun(run(wb, 'previewImport', [FORM_SHEET], SIDEBAR)),
  },
  {
    name: 'Impor peserta (importParticipants)',
    key: 'import',
    sizes: importSizes,
    run: importForm,
    repeat: 1,
  },
  {
    // Into a register of 100,000 after its report: the rows go into the report's tallies too.
    name: 'Impor peserta setelah laporan (importParticipants)',
    key: 'importReported',
    sizes: IMPORT_ROWS.map((rows, i) => ({
      label: `${id(rows)} baris sumber, ${id(PARTICIPANTS[i])} peserta`,
      size: { rows, participants: PARTICIPANTS[i] },
      state: () => withReportTallies(addFormSheet(participantsState(PARTICIPANTS[i])(), rows)),
    })) as unknown as [BenchSize, BenchSize],
    run: importForm,
    repeat: 1,
  },
  {
    // After an earlier report, with only the add-in's writes since: from the index's tallies.
    name: 'Buat Laporan Data Terpilah, setelah laporan sebelumnya (menu)',
    key: 'report',
    sizes: reported(participantSizes),
    run: (wb) => benchRun(run(wb, 'menuTerpilahReport')),
    repeat: 1,
  },
  {
    // After an earlier report and a person's typing of one cell: that cell's block read again.
    name: 'Buat Laporan Data Terpilah, setelah edit di Peserta (menu)',
    key: 'reportAfterEdit',
    sizes: reportedThenEdited(participantSizes),
    run: (wb) => benchRun(run(wb, 'menuTerpilahReport')),
    repeat: 1,
  },
  {
    // A person's typing, then an add from the sidebar, then the report: the edited block and the
    // added row's block read again (the add records the latter as missing from the tallies).
    name: 'Buat Laporan Data Terpilah, setelah edit lalu tambah peserta (menu)',
    key: 'reportAfterEditAdd',
    sizes: reportedEditedThenAdded(participantSizes),
    run: (wb) => benchRun(run(wb, 'menuTerpilahReport')),
    repeat: 1,
  },
  {
    // The first report after a person's edit of Peserta (or without an index yet): one full read.
    name: 'Buat Laporan Data Terpilah, baca ulang (menu)',
    key: 'reportRecount',
    sizes: participantSizes,
    run: (wb) => benchRun(run(wb, 'menuTerpilahReport')),
    repeat: 1,
  },
  {
    // Once the office groups institutions (an Instansi sheet): the index's tallies regrouped from
    // Peserta's institution column (terpilah/grouped-report.ts), not Peserta read whole.
    name: 'Buat Laporan Data Terpilah, dengan sheet Instansi (menu)',
    key: 'reportGrouped',
    sizes: grouped(reported(participantSizes)),
    run: (wb) => benchRun(run(wb, 'menuTerpilahReport')),
    repeat: 1,
  },
  {
    // The report's summaries (report-summaries.ts): after a report from the index's tallies.
    name: 'Ekspor Satu Data, setelah laporan (menu)',
    key: 'satuData',
    sizes: reported(participantSizes),
    run: (wb) => benchRun(run(wb, 'menuSatuDataExport', [], { answers: [{ button: 'OK', text: '' }] })),
    repeat: 1,
  },
  {
    // Without an index yet: Peserta's mapped columns read once (the size guard first).
    name: 'Ekspor Satu Data, baca ulang (menu)',
    key: 'satuDataRecount',
    sizes: participantSizes,
    run: (wb) => benchRun(run(wb, 'menuSatuDataExport', [], { answers: [{ button: 'OK', text: '' }] })),
    repeat: 1,
  },
  {
    name: 'Angka utama peserta (terpilahHeadline)',
    key: 'headline',
    sizes: participantSizes,
    run: (wb) => benchRun(run(wb, 'terpilahHeadline', ['Kegiatan 1'], SIDEBAR)),
  },
  {
    name: 'Laporan Monitoring SOP (menu)',
    key: 'monitoringReport',
    sizes: eventSizes,
    run: (wb) => benchRun(run(wb, 'menuMonitoringReport')),
    repeat: 1,
  },
  {
    name: 'Bangun ulang progres (menu)',
    key: 'rebuild',
    sizes: eventSizes,
    run: (wb) => benchRun(run(wb, 'menuRebuildProgress')),
    repeat: 1,
  },
  {
    name: 'Buat SOP (generateSop)',
    key: 'generateSop',
    sizes: [
      { label: '10 langkah', size: { steps: 10 }, state: withTemplateSheet(templateWithSteps(10)) },
      { label: '60 langkah', size: { steps: 60 }, state: withTemplateSheet(templateWithSteps(60)) },
    ],
    run: (wb) => {
      const result = run(wb, 'generateSop', ['sheet:Template: Bench'], SIDEBAR);
      if (!(result.value as { ok?: boolean } | undefined)?.ok)
        throw new Error(`generateSop: ${JSON.stringify(result.value)}`);
      return benchRun(result);
    },
  },
];
