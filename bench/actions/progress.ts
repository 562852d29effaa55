/**
 * The step log as the add-in writes it, for the benchmarks of ./user-actions.ts: realistic
 * activities of the built-in SOP, each with its create event and 19 step events (steps 1–9 done,
 * step 10 running), seeded with the add-in's own writers.
 */
import type { ActivityEvent, ActivityProgress } from '../../src/core/progress/model';
import { layoutDerived } from '../../src/core/progress/rebuild';
import { applyStepEvent, newProgress, type StepEvent } from '../../src/core/progress/reducer';
import { runSteps } from '../../src/core/progress/new-activity';
import { eventRow } from '../../src/core/progress/riwayat-rows';
import { REPLAY_COLUMN, replayCell } from '../../src/core/progress/replay-cells';
import { STATUS_LABELS } from '../../src/core/progress/row-labels';
import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import type { LogStepRequest } from '../../src/server/api';
import {
  ensureProgressSheet,
  KEGIATAN_SPEC,
  LANGKAH_SPEC,
  RIWAYAT_SPEC,
} from '../../src/server/progress/sheets';
import { ensureRows, toCells, writeRows } from '../../src/server/sheets/rows';
import { newWorkbookState, type WorkbookState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import { DIST } from '../dist';
import { inExecution } from '../in-execution';

const TIME_ZONE = 'Asia/Jakarta';
/** Seeded events are 30 minutes apart from here: 20,000 of them end in early 2027. */
const START = Date.parse('2026-01-05T08:00:00+07:00');
const EVENTS_PER_ACTIVITY = 20;

/** The next action the SOP allows on the activity: start the first pending step, or end the running one. */
export function nextAction(progress: ActivityProgress): Pick<LogStepRequest, 'step' | 'action'> | null {
  const index = progress.steps.findIndex((s) => s.status !== 'done');
  if (index < 0) return null;
  const run = progress.info.steps[index];
  if (progress.steps[index].status === 'pending') return { step: run.number, action: 'start' };
  return { step: run.number, action: run.kind === 'decision' ? 'approve' : 'finish' };
}

/**
 * `events` log rows: activities of 20 events each (the last one cut short), replayed by the core
 * reducer; returns the `Riwayat` rows and the activities' final progress.
 */
export function seedEvents(events: number): {
  riwayat: (string | number | boolean)[][];
  activities: ActivityProgress[];
} {
  const riwayat: (string | number | boolean)[][] = [];
  const activities: ActivityProgress[] = [];
  let minute = 0;
  // Asia/Jakarta is UTC+7 all year: formatted directly, the seeding stays fast.
  const at = () =>
    `${new Date(START + (minute += 30) * 60000 + 7 * 3600000).toISOString().slice(0, 19)}+07:00`;
  for (let n = 1; riwayat.length < events; n++) {
    const id = `KGT-${String(n).padStart(4, '0')}`;
    const createdAt = at();
    const info = {
      id,
      name: `Kegiatan ${n}`,
      templateId: 'builtin:penguatan-pug',
      templateName: PENGUATAN_PUG.identity.namaSop,
      plannedDate: '2026-01-05',
      place: 'Aula',
      personInCharge: 'Ana',
      createdBy: 'staf@dp3acskb.babelprov.go.id',
      createdAt,
      steps: runSteps(PENGUATAN_PUG),
    };
    const create: ActivityEvent = {
      kind: 'create',
      id: `seed-${n}-0`,
      loggedAt: createdAt,
      by: info.createdBy,
      activity: info,
    };
    riwayat.push(eventRow(create, '', ''));
    let progress = newProgress(info);
    for (let e = 1; e < EVENTS_PER_ACTIVITY && riwayat.length < events; e++) {
      const next = nextAction(progress);
      if (!next) break;
      const time = at();
      const event: StepEvent = {
        kind: next.action,
        id: `seed-${n}-${e}`,
        loggedAt: time,
        by: info.createdBy,
        activityId: id,
        step: next.step,
        at: time,
        person: 'Budi',
        evidence: '',
        note: '',
        override: false,
      };
      const result = applyStepEvent(progress, event);
      if (!result.ok) throw new Error(`seed: ${result.error.code}`);
      const index = next.step - 1;
      riwayat.push(
        eventRow(
          event,
          STATUS_LABELS[progress.steps[index].status],
          STATUS_LABELS[result.value.steps[index].status],
        ),
      );
      progress = result.value;
    }
    activities.push(progress);
  }
  return { riwayat, activities };
}

/**
 * A spreadsheet whose three progress sheets hold `events` log rows and the rows derived from them;
 * each log row with its Replay cell as the add-in writes it, unless `replay` is false (a register
 * from before that column).
 */
export function progressState(events: number, { replay = true } = {}): WorkbookState {
  const workbench = new Workbench({ state: newWorkbookState('Bench'), distDir: DIST });
  const { riwayat, activities } = seedEvents(events);
  const derived = layoutDerived(activities, TIME_ZONE);
  inExecution(workbench, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const write = (spec: typeof KEGIATAN_SPEC, rows: (string | number | boolean)[][]) => {
      const sheet = ensureProgressSheet(spreadsheet, spec, 'id');
      ensureRows(sheet, spec, rows.length + 1);
      writeRows(sheet, spec, 2, rows);
    };
    if (replay) {
      const sheet = ensureProgressSheet(spreadsheet, RIWAYAT_SPEC, 'id');
      ensureRows(sheet, RIWAYAT_SPEC, riwayat.length + 1);
      sheet.getRange(2, 1, riwayat.length, REPLAY_COLUMN).setValues(
        toCells(
          RIWAYAT_SPEC,
          riwayat.map((row) => [...row, replayCell(row)]),
        ),
      );
    } else {
      const sheet = ensureProgressSheet(spreadsheet, RIWAYAT_SPEC, 'id');
      // As set up before the Replay column: no header there, no cells.
      sheet.getRange(1, REPLAY_COLUMN).clearContent().clearFormat();
      sheet.showColumns(REPLAY_COLUMN);
      ensureRows(sheet, RIWAYAT_SPEC, riwayat.length + 1);
      writeRows(sheet, RIWAYAT_SPEC, 2, riwayat);
    }
    write(KEGIATAN_SPEC, derived.kegiatan);
    write(LANGKAH_SPEC, derived.langkah);
  });
  return workbench.state;
}

/** The request that logs the next allowed action on the last activity of the seeded log. */
export function nextRequest(events: number): LogStepRequest {
  const { activities } = seedEvents(events);
  const last = activities[activities.length - 1];
  const next = nextAction(last);
  if (!next) throw new Error('seed: the last activity is complete');
  return { activityId: last.info.id, ...next, at: '2028-01-03 10:00', note: 'dicatat dari bench' };
}
