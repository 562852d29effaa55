/**
 * What "Bangun ulang progres" reads and writes: every cell read costs time in Apps Script
 * (issue 12), so the rebuild reads one Replay cell per `Riwayat` row the add-in wrote
 * (core/progress/replay-cells.ts), and the 12 replayed columns only of rows without one. Each of
 * those columns still matters: a person's edit there (onEdit clears the row's Replay cell)
 * changes the rebuild exactly as it did when every row was read cell by cell.
 */
import fc from 'fast-check';
import { nextRequest, progressState } from '../../bench/actions/progress';
import { REPLAY_COLUMN } from '../../src/core/progress/replay-cells';
import { RIWAYAT_HEADERS } from '../../src/core/progress/riwayat-rows';
import type { WorkbookState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { runOk, uiOf } from '../support/workbench';
import { create, editAsPerson, logOk, progressWorkbench, sheetValues, typeInto } from './progress-helpers';

const rebuild = (workbench: Workbench) => runOk(workbench, 'menuRebuildProgress');

/** The derived sheets and the alert a rebuild leaves. */
function outcome(workbench: Workbench) {
  const alerts = uiOf(rebuild(workbench), 'alert').map((a) => a.prompt);
  return { Kegiatan: sheetValues(workbench, 'Kegiatan'), Langkah: sheetValues(workbench, 'Langkah'), alerts };
}

/** One activity: row 2 creates it, row 3 starts step 1 with every text field, row 4 starts step 3 in parallel. */
function loggedLive(): Workbench {
  const workbench = progressWorkbench();
  create(workbench);
  logOk(workbench, {
    step: 1,
    action: 'start',
    at: '2026-11-24 08:00',
    person: 'Ana',
    evidence: 'foto',
    note: 'mulai',
  });
  logOk(workbench, { step: 3, action: 'start', at: '2026-11-24 08:10', override: true });
  return workbench;
}

/** Copies of one log (its times come from the clock: two logs made apart would differ). */
const small = loggedLive().state;
const smallLog = () => progressWorkbench({ state: structuredClone(small) });

const riwayatOf = (state: WorkbookState) => state.sheets.find((s) => s.name === 'Riwayat')!;

/** The Replay cells of these sheet rows removed from the stored state (the header too: an older register). */
function dropReplay(workbench: Workbench, rows: number[], header = false): void {
  const sheet = riwayatOf(workbench.state);
  for (const row of header ? [1, ...rows] : rows) {
    const cells = sheet.rows[row - 1];
    if (cells) cells[REPLAY_COLUMN - 1] = null;
  }
}

/** A register from before the Replay column: the same log, read cell by cell. */
function withoutReplay(workbench: Workbench): Workbench {
  const rows = riwayatOf(workbench.state).rows.length;
  dropReplay(
    workbench,
    Array.from({ length: rows - 1 }, (_, i) => i + 2),
    true,
  );
  return workbench;
}

const replayColumn = (workbench: Workbench) =>
  sheetValues(workbench, 'Riwayat')!.map((row) => row[REPLAY_COLUMN - 1]);

describe('rebuild: one Replay cell per row the add-in wrote', () => {
  test.each([100, 2000, 20000])(
    '%i events: the Replay header, then per row its ID event and its Replay cell, nothing else',
    (events) => {
      const workbench = progressWorkbench({ state: progressState(events) });
      const { value: result, cells } = meterCells(() => rebuild(workbench));
      expect(result.cellsRead).toBe(1 + 2 * events);
      expect(cells.reads).toEqual(['1×1', `${events}×1`, `${events}×1`]);
    },
    120_000,
  );

  test.each([100, 2000])(
    '%i events of a register from before the column: 12 cells per row (Sebelum and Sesudah skipped), as before',
    (events) => {
      const workbench = progressWorkbench({ state: progressState(events, { replay: false }) });
      const { value: result, cells } = meterCells(() => rebuild(workbench));
      expect(result.cellsRead).toBe(1 + 12 * events);
      // Its blank header, then columns A–J and M–N: no read of Kegiatan or Langkah (rewritten whole).
      expect(cells.reads).toEqual(['1×1', `${events}×10`, `${events}×2`]);
    },
  );

  test('rows without a Replay cell are read in spans, near ones together', () => {
    const workbench = progressWorkbench({ state: progressState(2000) });
    // Rows 10–11 and 50 (gap of 38 rows: one span), and row 1500 alone.
    dropReplay(workbench, [10, 11, 50, 1500]);
    const { value: result, cells } = meterCells(() => rebuild(workbench));
    expect(cells.reads).toEqual(['1×1', '2000×1', '2000×1', '41×10', '41×2', '1×10', '1×2']);
    expect(result.cellsRead).toBe(1 + 2 * 2000 + 42 * 12);
  });

  test('an older register: the next log takes column O (header, hidden); only older rows are read cell by cell', () => {
    const workbench = progressWorkbench({ state: progressState(100, { replay: false }) });
    runOk(workbench, 'logStep', [nextRequest(100)]);
    const riwayat = riwayatOf(workbench.state);
    expect(riwayat.rows[0]?.[REPLAY_COLUMN - 1]?.value).toBe('Replay');
    expect(riwayat.hiddenColumns).toContain(REPLAY_COLUMN - 1);
    expect(replayColumn(workbench).map((cell) => cell !== '')).toEqual([
      true,
      ...Array<boolean>(100).fill(false),
      true,
    ]);
    const cellByCell = withoutReplay(progressWorkbench({ state: structuredClone(workbench.state) }));
    const { value: result, cells } = meterCells(() => outcome(workbench));
    expect(cells.reads.slice(0, 5)).toEqual(['1×1', '101×1', '101×1', '100×10', '100×2']);
    expect(result).toEqual(outcome(cellByCell));
  });

  test('an older register whose column O is a person’s own: logging leaves it alone', () => {
    const workbench = progressWorkbench({ state: progressState(100, { replay: false }) });
    typeInto(workbench, 'Riwayat', 1, REPLAY_COLUMN, 'Keterangan');
    runOk(workbench, 'logStep', [nextRequest(100)]);
    expect(replayColumn(workbench)).toEqual(['Keterangan', ...Array<string>(101).fill('')]);
  });

  test('writes each derived cell once, header included, values only', () => {
    const events = 2000;
    const workbench = progressWorkbench({ state: progressState(events) });
    const result = rebuild(workbench);
    const kegiatan = sheetValues(workbench, 'Kegiatan')!;
    const langkah = sheetValues(workbench, 'Langkah')!;
    expect([kegiatan.length, langkah.length]).toEqual([101, 1001]);
    expect(result.cellsWritten).toBe(
      kegiatan.length * kegiatan[0].length + langkah.length * langkah[0].length,
    );
    expect(result.callsByMethod['Range.setValues']).toBe(2);
    expect(result.callsByMethod['Range.setNumberFormats']).toBeUndefined();
    expect(result.calls).toBeLessThanOrEqual(27);
  });
});

describe('rebuild: a person’s edit of any replayed column is seen', () => {
  // Every column read is replayed: a changed value there changes the derived sheets or the
  // alert. (Sebelum and Sesudah, not read, change nothing: rebuild.test.ts.)
  const edits: [(typeof RIWAYAT_HEADERS)[number], number, string][] = [
    ['Dicatat pada', 3, '2026-11-25T07:00:00+07:00'],
    ['Oleh', 3, 'orang lain'],
    ['ID kegiatan', 3, 'KGT-9999'],
    ['Langkah', 3, '2'],
    ['Aksi', 3, 'Selesai'],
    ['Waktu kejadian', 3, '2026-11-24T07:30:00+07:00'],
    ['Petugas', 3, 'Budi'],
    ['Bukti', 3, 'notulen'],
    ['Catatan', 3, 'diubah'],
    ['Paralel', 4, 'FALSE'],
    ['ID event', 3, ' '],
    ['Data', 2, '{}'],
  ];

  test('the 12 columns replayed are exactly those outside Sebelum and Sesudah', () => {
    expect(edits.map(([header]) => header)).toEqual(
      RIWAYAT_HEADERS.filter((h) => h !== 'Sebelum' && h !== 'Sesudah'),
    );
  });

  const baseline = outcome(smallLog());
  test('a register without Replay cells rebuilds the same', () => {
    expect(outcome(withoutReplay(smallLog()))).toEqual(baseline);
  });

  test.each(edits)(
    'a person’s edit of "%s" (row %i) changes the rebuild as when every cell was read',
    (header, row, value) => {
      const column = RIWAYAT_HEADERS.indexOf(header) + 1;
      const edited = smallLog();
      editAsPerson(edited, 'Riwayat', row, column, value);
      // onEdit cleared that row's Replay cell only.
      const replay = replayColumn(edited);
      expect(replay[row - 1]).toBe('');
      expect(replay.filter((cell) => cell === '')).toHaveLength(1);
      const cellByCell = withoutReplay(smallLog());
      editAsPerson(cellByCell, 'Riwayat', row, column, value);
      const seen = outcome(edited);
      expect(seen).toEqual(outcome(cellByCell));
      expect(seen).not.toEqual(baseline);
    },
  );

  test('a pasted block clears the Replay cell of each of its rows', () => {
    const paste = [
      ['Budi', 'notulen'],
      ['Citra', 'daftar hadir'],
    ];
    const edited = smallLog();
    editAsPerson(edited, 'Riwayat', 3, RIWAYAT_HEADERS.indexOf('Petugas') + 1, paste);
    expect(replayColumn(edited).map((cell) => cell === '')).toEqual([false, false, true, true]);
    const cellByCell = withoutReplay(smallLog());
    editAsPerson(cellByCell, 'Riwayat', 3, RIWAYAT_HEADERS.indexOf('Petugas') + 1, paste);
    const seen = outcome(edited);
    expect(seen).toEqual(outcome(cellByCell));
    expect(seen).not.toEqual(baseline);
  });

  test('a person typing into the Replay cell itself: cleared, the row read cell by cell', () => {
    const edited = smallLog();
    // Row 4's own Replay cell copied over row 3's: believed, it would change the rebuild.
    const forged = String(replayColumn(edited)[3]);
    editAsPerson(edited, 'Riwayat', 3, REPLAY_COLUMN, forged);
    expect(replayColumn(edited)[2]).toBe('');
    expect(outcome(edited)).toEqual(baseline);
  });

  test('columns A–N sorted without column O (no onEdit): the moved rows are read cell by cell', () => {
    const sorted = smallLog();
    const cellByCell = withoutReplay(smallLog());
    for (const workbench of [sorted, cellByCell]) {
      // Rows 2 and 3 swapped in A–N, as "Sort range" over a selection of the visible columns does.
      const rows = riwayatOf(workbench.state).rows;
      const [two, three] = [rows[1]!.slice(0, 14), rows[2]!.slice(0, 14)];
      rows[1]!.splice(0, 14, ...three);
      rows[2]!.splice(0, 14, ...two);
    }
    const seen = outcome(sorted);
    expect(seen).toEqual(outcome(cellByCell));
    expect(seen).not.toEqual(baseline);
  });

  test('an edit of the header row, of a person’s own column or of another sheet clears nothing', () => {
    const edited = smallLog();
    const before = replayColumn(edited);
    editAsPerson(edited, 'Riwayat', 1, RIWAYAT_HEADERS.indexOf('Catatan') + 1, 'Catatan');
    editAsPerson(edited, 'Riwayat', 3, REPLAY_COLUMN + 1, 'catatan saya');
    editAsPerson(edited, 'Kegiatan', 2, 2, 'nama lain');
    expect(replayColumn(edited)).toEqual(before);
  });

  test('an older register whose column O is a person’s own: onEdit leaves it, the rebuild reads cells', () => {
    const older = withoutReplay(smallLog());
    typeInto(older, 'Riwayat', 1, REPLAY_COLUMN, 'Keterangan');
    editAsPerson(older, 'Riwayat', 3, REPLAY_COLUMN, 'dicek');
    expect(replayColumn(older).slice(0, 3)).toEqual(['Keterangan', '', 'dicek']);
    expect(outcome(older)).toEqual(baseline);
  });
});

describe('rebuild: rows with and without a Replay cell', () => {
  /** A longer log: two activities, a Perbaikan, parallel steps, notes. */
  function longLog(): Workbench {
    const workbench = smallLog();
    create(workbench, { name: 'Sosialisasi ARG' });
    logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 09:00', note: '=1+1' });
    logOk(workbench, { activityId: 'KGT-0002', step: 1, action: 'start', at: '2026-11-24 09:30' });
    logOk(workbench, { step: 2, action: 'start', at: '2026-11-24 09:40', person: '+62 812' });
    logOk(workbench, { step: 2, action: 'revise', at: '2026-11-24 10:00', note: 'ulang' });
    logOk(workbench, { activityId: 'KGT-0002', step: 1, action: 'finish', at: '2026-11-24 10:30' });
    // A row a person typed, unreadable: skipped the same either way.
    typeInto(workbench, 'Riwayat', 11, 5, 'Meledak');
    return workbench;
  }
  const base = longLog();
  const full = outcome(progressWorkbench({ state: structuredClone(base.state) }));
  const rows = riwayatOf(base.state).rows.length;

  test('the log is long enough to mean something', () => {
    expect(rows).toBe(11);
    expect(full.alerts).toHaveLength(1);
    expect(full.Langkah!.length).toBeGreaterThan(20);
  });

  test('which rows lack their Replay cell (or hold it without Data) never changes the rebuild', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('replay', 'none', 'no data'), { minLength: rows - 1, maxLength: rows - 1 }),
        (kinds) => {
          const workbench = progressWorkbench({ state: structuredClone(base.state) });
          const sheet = riwayatOf(workbench.state);
          kinds.forEach((kind, i) => {
            const cell = sheet.rows[i + 1]?.[REPLAY_COLUMN - 1];
            if (!cell || kind === 'replay') return;
            if (kind === 'none') sheet.rows[i + 1][REPLAY_COLUMN - 1] = null;
            // What the add-in writes when Data does not fit in the Replay cell: the head alone.
            else cell.value = String(cell.value).split('\n')[0];
          });
          expect(outcome(workbench)).toEqual(full);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('and the same as a register read cell by cell', () => {
    expect(outcome(withoutReplay(progressWorkbench({ state: structuredClone(base.state) })))).toEqual(full);
  });
});
