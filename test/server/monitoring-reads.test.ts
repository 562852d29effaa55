/**
 * What "Laporan Monitoring SOP" reads: every cell read costs time in Apps Script (issue 12), so
 * the report reads one Replay cell and one "ID event" per `Riwayat` row the add-in wrote
 * (core/progress/replay-cells.ts), and the 14 log columns only of rows without a valid Replay cell.
 * The report must be the one reading every row's 14 columns gives: a register without Replay
 * cells is read exactly so (pinned below), and any mix of rows with, without or with a cleared
 * Replay cell, rows a person typed and a partial sort gives the same report as that register.
 */
import fc from 'fast-check';
import { progressState } from '../../bench/actions/progress';
import { monitorFromLog } from '../../src/core/progress/monitoring';
import { REPLAY_COLUMN } from '../../src/core/progress/replay-cells';
import { RIWAYAT_HEADERS } from '../../src/core/progress/riwayat-rows';
import type { SheetState, WorkbookState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { monitoringLogRows } from '../../src/server/monitoring/log-rows';
import { inExecution, runOk, uiOf } from '../support/workbench';
import { create, editAsPerson, logOk, progressWorkbench, PUG_ACTIVITY, typeInto } from './progress-helpers';
import { withSteps, writeTemplateSheet } from './template-helpers';

const REPORT = 'Laporan Monitoring SOP';
const report = (workbench: Workbench) => runOk(workbench, 'menuMonitoringReport');
const sheetOf = (state: WorkbookState, name: string) => state.sheets.find((s) => s.name === name);
const riwayatOf = (state: WorkbookState) => sheetOf(state, 'Riwayat')!;
const column = (header: (typeof RIWAYAT_HEADERS)[number]) => RIWAYAT_HEADERS.indexOf(header) + 1;

/** The report sheet as stored (values and formats), its generation minute masked, and the toast. */
function outcome(workbench: Workbench) {
  const toasts = uiOf(report(workbench), 'toast').map((t) => t.message);
  const {
    sheetId: _id,
    developerMetadata: _marker,
    ...sheet
  } = sheetOf(workbench.state, REPORT) as SheetState;
  const rows = sheet.rows.map((row) =>
    (row ?? []).map((cell) =>
      cell && typeof cell.value === 'string'
        ? {
            ...cell,
            value: cell.value.replace(/^Dibuat .+? dari sheet Riwayat/, 'Dibuat … dari sheet Riwayat'),
          }
        : cell,
    ),
  );
  return { sheet: { ...sheet, rows }, toasts };
}

/** A register from before the Replay column: header and cells gone, every row read whole. */
function withoutReplay(workbench: Workbench): Workbench {
  for (const cells of riwayatOf(workbench.state).rows) if (cells) cells[REPLAY_COLUMN - 1] = null;
  return workbench;
}

/**
 * The report as read before the Replay column (the oracle): all 14 log columns of every row, the
 * header skipped when it is there, beside the report from monitoringLogRows.
 */
function reports(workbench: Workbench) {
  return inExecution(workbench, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = spreadsheet.getSheetByName('Riwayat')!;
    const zone = spreadsheet.getSpreadsheetTimeZone();
    const values = sheet.getSheetValues(1, 1, sheet.getLastRow(), RIWAYAT_HEADERS.length);
    const rows = String(values[0][0]).trim() === RIWAYAT_HEADERS[0] ? values.slice(1) : values;
    return { replayed: monitorFromLog(monitoringLogRows(sheet), zone), cells: monitorFromLog(rows, zone) };
  }).value;
}

const copy = (workbench: Workbench) => progressWorkbench({ state: structuredClone(workbench.state) });

describe('monitoring report: one Replay cell and one ID event per row the add-in wrote', () => {
  const olderRegisterCalls = report(
    progressWorkbench({ state: progressState(100, { replay: false }) }),
  ).calls;

  test.each([100, 2000, 20000])(
    '%i events: row 1 with column O, then per row its ID event and its Replay cell, nothing else',
    (events) => {
      const workbench = progressWorkbench({ state: progressState(events) });
      const { value: result, cells } = meterCells(() => report(workbench));
      expect(cells.reads).toEqual(['1×15', `${events}×1`, `${events}×1`]);
      expect(result.cellsRead).toBe(15 + 2 * events);
      // One read more than a register from before the column (row 1, then every row whole), whatever the size.
      expect(result.calls).toBe(olderRegisterCalls + 1);
    },
    120_000,
  );

  test.each([100, 2000])(
    '%i events of a register from before the column: every row’s 14 log columns in one read, as before',
    (events) => {
      const workbench = progressWorkbench({ state: progressState(events, { replay: false }) });
      const { value: result, cells } = meterCells(() => report(workbench));
      expect(cells.reads).toEqual(['1×15', `${events}×14`]);
      expect(result.cellsRead).toBe(15 + 14 * events);
    },
  );

  test('rows without a Replay cell are read whole in spans, near ones together; Data where the cell lacks it', () => {
    const workbench = progressWorkbench({ state: progressState(2000) });
    const rows = riwayatOf(workbench.state).rows;
    // Rows 10–11 and 50 (gap of 38 rows: one span), and row 1500 alone.
    for (const row of [10, 11, 50, 1500]) rows[row - 1][REPLAY_COLUMN - 1] = null;
    // Row 2 (a create) holding its head alone, as when its Data does not fit in the cell.
    const head = rows[1][REPLAY_COLUMN - 1]!;
    head.value = String(head.value).split('\n')[0];
    const { value: result, cells } = meterCells(() => report(workbench));
    expect(cells.reads).toEqual(['1×15', '2000×1', '2000×1', '41×14', '1×14', '1×1']);
    expect(result.cellsRead).toBe(15 + 2 * 2000 + 42 * 14 + 1);
  });

  test('a grid narrowed below 15 columns is read as before, its header skipped', () => {
    const workbench = withoutReplay(progressWorkbench({ state: progressState(100, { replay: false }) }));
    const full = outcome(copy(workbench));
    const riwayat = riwayatOf(workbench.state);
    riwayat.maxColumns = RIWAYAT_HEADERS.length;
    riwayat.rows = riwayat.rows.map((row) => row?.slice(0, RIWAYAT_HEADERS.length) ?? row);
    const { value: seen, cells } = meterCells(() => outcome(workbench));
    expect(cells.reads).toEqual(['101×14']);
    expect(seen).toEqual(full);
  });
});

describe('monitoring report: the same report whichever rows have a Replay cell', () => {
  /** Two activities, Perbaikan, parallel steps, a text that looks like a formula; times from the clock. */
  function longLog(): Workbench {
    const workbench = progressWorkbench();
    create(workbench);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00', person: 'Ana', note: 'mulai' });
    logOk(workbench, { step: 3, action: 'start', at: '2026-11-24 08:10', override: true });
    create(workbench, { name: 'Sosialisasi ARG' });
    logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 09:20', note: '=1+1' });
    logOk(workbench, { activityId: 'KGT-0002', step: 1, action: 'start', at: '2026-11-24 09:30' });
    logOk(workbench, { step: 2, action: 'start', at: '2026-11-24 09:40', person: '+62 812' });
    logOk(workbench, { step: 2, action: 'revise', at: '2026-11-24 10:00', note: 'ulang' });
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 10:10' });
    logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 11:10' });
    logOk(workbench, { activityId: 'KGT-0002', step: 1, action: 'finish', at: '2026-11-24 12:30' });
    logOk(workbench, { activityId: 'KGT-0002', step: 2, action: 'start', at: '2026-11-24 13:00' });
    logOk(workbench, { activityId: 'KGT-0002', step: 2, action: 'approve', at: '2026-11-24 13:45' });
    return workbench;
  }
  const base = longLog();
  const rows = riwayatOf(base.state).rows.length;
  const full = outcome(copy(base));

  test('the log is long enough to mean something', () => {
    expect(rows).toBe(14);
    const values = full.sheet.rows.flat().map((cell) => cell?.value);
    // Both SOP groups' steps with runs, a revision and the within-standard counts.
    expect(values.filter((v) => typeof v === 'number').length).toBeGreaterThan(20);
    expect(full.toasts).toHaveLength(1);
  });

  test('the same report as a register read cell by cell', () => {
    expect(outcome(withoutReplay(copy(base)))).toEqual(full);
  });

  type Kind = 'replay' | 'none' | 'no data' | 'edited' | 'forged';
  const kinds = fc.array(fc.constantFrom<Kind>('replay', 'replay', 'none', 'no data', 'edited', 'forged'), {
    minLength: rows - 1,
    maxLength: rows - 1,
  });
  /** Rows a person typed at the end: a valid-looking event, Sebelum alone (still a row: unreadable), junk. */
  const typed = fc.subarray(['event', 'sebelum', 'junk'] as const);
  /** Two data rows whose columns A–N swap, as "Sort range" over the visible columns does (no onEdit). */
  const sort = fc.option(
    fc
      .tuple(fc.integer({ min: 2, max: rows }), fc.integer({ min: 2, max: rows }))
      .filter(([a, b]) => a !== b),
  );

  /** The same changes, made to the register as the add-in left it and to its copy read cell by cell. */
  function change(
    workbench: Workbench,
    rowKinds: Kind[],
    typedRows: readonly string[],
    swap: [number, number] | null,
  ) {
    const sheet = riwayatOf(workbench.state);
    rowKinds.forEach((kind, i) => {
      const row = i + 2;
      const cell = sheet.rows[row - 1]?.[REPLAY_COLUMN - 1];
      if (kind === 'none' && cell) sheet.rows[row - 1][REPLAY_COLUMN - 1] = null;
      // What the add-in writes when Data does not fit in the Replay cell: the head alone.
      if (kind === 'no data' && cell) cell.value = String(cell.value).split('\n')[0];
      // A person's edit (onEdit clears the row's Replay cell): the report sees the new time.
      if (kind === 'edited')
        editAsPerson(workbench, 'Riwayat', row, column('Waktu kejadian'), '2026-11-24T16:00:00+07:00');
      // Another row's Replay cell typed over this one's: cleared by onEdit, never believed.
      if (kind === 'forged' && cell)
        editAsPerson(
          workbench,
          'Riwayat',
          row,
          REPLAY_COLUMN,
          String(sheet.rows[row === 2 ? 2 : 1][REPLAY_COLUMN - 1]?.value),
        );
    });
    typedRows.forEach((what, i) => {
      const row = rows + 1 + i;
      const cells: Partial<Record<(typeof RIWAYAT_HEADERS)[number], string>> =
        what === 'event'
          ? {
              'Dicatat pada': '2026-11-24T14:00:00+07:00',
              Oleh: 'petugas@contoh.go.id',
              'ID kegiatan': 'KGT-0002',
              Langkah: '3',
              Aksi: 'Mulai',
              'Waktu kejadian': '2026-11-24T14:00:00+07:00',
              'ID event': 'EVT-KETIK',
            }
          : what === 'sebelum'
            ? { Sebelum: 'Belum mulai' }
            : { Aksi: 'Meledak', 'ID event': 'x' };
      for (const [header, value] of Object.entries(cells))
        typeInto(workbench, 'Riwayat', row, column(header as (typeof RIWAYAT_HEADERS)[number]), value);
    });
    if (swap) {
      const [a, b] = [sheet.rows[swap[0] - 1]!, sheet.rows[swap[1] - 1]!];
      const [first, second] = [a.slice(0, 14), b.slice(0, 14)];
      a.splice(0, 14, ...second);
      b.splice(0, 14, ...first);
    }
  }

  test('rows with, without or with a cleared Replay cell, typed rows and a partial sort: the report of the cells', () => {
    fc.assert(
      fc.property(kinds, typed, sort, (rowKinds, typedRows, swap) => {
        const workbench = copy(base);
        const cellByCell = copy(base);
        change(workbench, rowKinds, typedRows, swap);
        change(cellByCell, rowKinds, typedRows, swap);
        const { replayed, cells } = reports(workbench);
        expect(replayed).toEqual(cells);
        expect(outcome(workbench)).toEqual(outcome(withoutReplay(cellByCell)));
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  test('each kind of change is seen: the report differs from the untouched log', () => {
    const edited = copy(base);
    change(
      edited,
      Array<Kind>(rows - 1)
        .fill('replay')
        .fill('edited', 4, 5),
      [],
      null,
    );
    expect(outcome(edited)).not.toEqual(full);
    const typedRow = copy(base);
    change(typedRow, Array<Kind>(rows - 1).fill('replay'), ['sebelum'], null);
    // Sebelum alone is a row of the log, unreadable: counted on the sheet and in the toast.
    expect(outcome(typedRow).toasts).not.toEqual(full.toasts);
    const sorted = copy(base);
    change(sorted, Array<Kind>(rows - 1).fill('replay'), [], [3, 9]);
    expect(outcome(sorted)).not.toEqual(full);
  });
});

describe('monitoring report: an SOP too big for one cell', () => {
  /** 20 steps of 2,000-character texts and executors: its frozen copy continues on "Data lanjutan" rows. */
  function bigLog(): Workbench {
    const workbench = progressWorkbench();
    const template = withSteps(20, 'Besar');
    const text = (seed: string, lineBreak = '\n') =>
      `${seed} "kutip" \\ baris${lineBreak}`.repeat(100).slice(0, 1998).trimEnd();
    // Roles are one line each (the validator's rule); step texts keep their line breaks.
    template.roles = ['Kepala Bidang', 'Analis'].map((role) => text(role, ' '));
    for (const step of template.steps) {
      step.activity = text(`Langkah ${step.number}`);
      step.executors = template.roles.slice();
    }
    writeTemplateSheet(workbench, template, 'Template: Besar');
    runOk(workbench, 'createActivity', [{ ...PUG_ACTIVITY, templateId: 'sheet:Template: Besar' }]);
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
    logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 09:30' });
    create(workbench, { name: 'Kedua' });
    return workbench;
  }
  const big = bigLog();
  const continuations = riwayatOf(big.state)
    .rows.map((row, i) => (row?.[column('Aksi') - 1]?.value === 'Data lanjutan' ? i + 1 : 0))
    .filter(Boolean);

  test('its Data parts come from their Replay cells; the report of the cells', () => {
    expect(continuations.length).toBeGreaterThan(1);
    const workbench = copy(big);
    const last = riwayatOf(big.state).rows.length - 1;
    const { value: seen, cells } = meterCells(() => outcome(workbench));
    expect(cells.reads).toEqual(['1×15', `${last}×1`, `${last}×1`]);
    const { replayed, cells: oracle } = reports(workbench);
    expect(replayed).toEqual(oracle);
    expect(oracle.sops.map((sop) => sop.activities.total)).toEqual([1, 1]);
    expect(oracle.unreadable + oracle.refused).toBe(0);
    expect(seen).toEqual(outcome(withoutReplay(copy(big))));
  });

  test('Replay cells without their Data: Data read from its column, in one read, the same report', () => {
    const workbench = copy(big);
    for (const row of riwayatOf(workbench.state).rows.slice(1)) {
      const cell = row?.[REPLAY_COLUMN - 1];
      if (cell) cell.value = String(cell.value).split('\n')[0];
    }
    const last = riwayatOf(big.state).rows.length - 1;
    const { value: seen, cells } = meterCells(() => outcome(workbench));
    // Every row's Data is missing now: one read of the whole Data column.
    expect(cells.reads).toEqual(['1×15', `${last}×1`, `${last}×1`, `${last}×1`]);
    const { replayed, cells: oracle } = reports(workbench);
    expect(replayed).toEqual(oracle);
    expect(seen).toEqual(outcome(withoutReplay(copy(big))));
  });
});
