/**
 * The biggest activity the validator accepts: 200 steps, 12 executors of 2,000 characters each
 * on every step, 2,000-character step texts full of quotes and line breaks (JSON escapes them).
 * Its frozen copy is megabytes of JSON; no cell may hold more than 50,000 characters.
 */
import { MAX_ROLES, MAX_STEPS, MAX_TEXT_LENGTH } from '../../src/core/sop/model';
import type { SopTemplate } from '../../src/core/sop/model';
import type { ActivityView } from '../../src/server/api';
import type { Workbench } from '../../src/workbench/runtime';
import { runOk } from '../support/workbench';
import { REPLAY_COLUMN } from '../../src/core/progress/replay-cells';
import { editAsPerson, logOk, progressWorkbench, PUG_ACTIVITY, sheetValues } from './progress-helpers';
import { withSteps, writeTemplateSheet } from './template-helpers';

const CELL_LIMIT = 50000;

function longText(seed: string, lineBreak = '\n'): string {
  const unit = `${seed} "kutip" \\ baris${lineBreak}`;
  return `${unit
    .repeat(Math.ceil(MAX_TEXT_LENGTH / unit.length))
    .slice(0, MAX_TEXT_LENGTH - 1)
    .trimEnd()}.`;
}

function bigWorkbench(steps = MAX_STEPS, roles = MAX_ROLES): { workbench: Workbench; template: SopTemplate } {
  const workbench = progressWorkbench();
  const template = withSteps(steps, 'Besar');
  template.roles = Array.from({ length: roles }, (_, i) =>
    `${i + 1} ${longText('Pelaksana', ' ')}`.slice(0, MAX_TEXT_LENGTH),
  );
  for (const step of template.steps) {
    step.activity = longText(`Langkah ${step.number}`);
    step.executors = template.roles.slice();
  }
  writeTemplateSheet(workbench, template, 'Template: Besar');
  return { workbench, template };
}

const riwayatRows = (workbench: Workbench) => workbench.state.sheets.find((s) => s.name === 'Riwayat')!.rows;

function longestCell(workbench: Workbench): { sheet: string; length: number } {
  let longest = { sheet: '', length: 0 };
  for (const sheet of workbench.state.sheets)
    for (const row of sheet.rows)
      for (const cell of row ?? []) {
        const length = typeof cell?.value === 'string' ? cell.value.length : 0;
        if (length > longest.length) longest = { sheet: sheet.name, length };
      }
  return longest;
}

describe('an activity of the biggest template the validator accepts', () => {
  test('created, logged and rebuilt with no cell over 50,000 characters', () => {
    const { workbench, template } = bigWorkbench();
    const created = runOk(workbench, 'createActivity', [
      { ...PUG_ACTIVITY, templateId: 'sheet:Template: Besar' },
    ]).value as ActivityView;
    expect(created.steps).toHaveLength(template.steps.length);
    expect(created.steps[template.steps.length - 1].activity).toBe(
      longText(`Langkah ${template.steps.length}`),
    );
    expect(longestCell(workbench).length).toBeLessThanOrEqual(CELL_LIMIT);

    // The log continues on "Data lanjutan" rows right after "Buat kegiatan".
    const riwayat = sheetValues(workbench, 'Riwayat') ?? [];
    const continuation = riwayat.filter((row) => row[4] === 'Data lanjutan');
    expect(continuation.length).toBeGreaterThan(50);

    // Logging reads the steps back from Riwayat (Kegiatan holds where they are).
    logOk(workbench, { step: 1, action: 'start', at: '2026-11-24 08:00' });
    const view = logOk(workbench, { step: 1, action: 'finish', at: '2026-11-24 09:00' });
    expect(view.steps[0]).toMatchObject({ status: 'done', actualMinutes: 60 });
    expect(view.steps[1].activity).toBe(longText('Langkah 2'));

    // The rebuild gives back the same derived sheets.
    const kegiatan = sheetValues(workbench, 'Kegiatan');
    const langkah = sheetValues(workbench, 'Langkah');
    runOk(workbench, 'menuRebuildProgress');
    expect(sheetValues(workbench, 'Kegiatan')).toEqual(kegiatan);
    expect(sheetValues(workbench, 'Langkah')).toEqual(langkah);
    expect(longestCell(workbench).length).toBeLessThanOrEqual(CELL_LIMIT);

    // Each "Data lanjutan" part is in its row's Replay cell too; read cell by cell instead, the
    // rebuild is the same, and a person's edit of one part is seen (the frozen copy breaks).
    const replay = (sheetValues(workbench, 'Riwayat') ?? []).map((row) => row[REPLAY_COLUMN - 1]);
    expect(replay.slice(1).every((cell) => typeof cell === 'string' && cell !== '')).toBe(true);
    const cellByCell = progressWorkbench({ state: structuredClone(workbench.state) });
    for (const row of riwayatRows(cellByCell)) if (row) row[REPLAY_COLUMN - 1] = null;
    runOk(cellByCell, 'menuRebuildProgress');
    expect(sheetValues(cellByCell, 'Langkah')).toEqual(langkah);
    const edited = progressWorkbench({ state: structuredClone(workbench.state) });
    editAsPerson(edited, 'Riwayat', 4, 14, 'x');
    const alerts = runOk(edited, 'menuRebuildProgress').ui.filter((event) => event.kind === 'alert');
    expect(JSON.stringify(alerts)).toContain('Riwayat baris 2: kolom \\"Data\\" tidak terbaca');

    // A second activity after it, and the monitoring report over both.
    const second = runOk(workbench, 'createActivity', [{ ...PUG_ACTIVITY, name: 'Kedua' }])
      .value as ActivityView;
    expect(second.activity.id).toBe('KGT-0002');
    const report = runOk(workbench, 'menuMonitoringReport');
    expect(report.ui.some((event) => event.kind === 'toast')).toBe(true);
  });
});
