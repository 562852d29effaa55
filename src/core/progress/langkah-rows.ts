/**
 * `Langkah`: one row per step of every activity, in SOP order — what the reducer needs to go on
 * from here, and the actual vs standard minutes staff read. Live logging reads an activity's rows
 * back instead of replaying `Riwayat`.
 */
import { formatMinutes, minutesRange } from '../sop/minutes';
import { parseTime, toLocalText } from '../time';
import type { ActivityInfo, ActivityProgress, StepState } from './model';
import { actualMinutes, clockMinutes, DEFAULT_COUNTER, emptyStep, type MinuteCounter } from './reducer';
import {
  DECISION_BY_LABEL,
  DECISION_LABELS,
  isTrue,
  KIND_LABELS,
  STATUS_BY_LABEL,
  STATUS_LABELS,
  trimmed,
  type RowValue,
} from './row-labels';

export const LANGKAH_HEADERS = [
  'ID kegiatan',
  'Nama kegiatan',
  'No',
  'Langkah',
  'Pelaksana',
  'Jenis',
  'Status',
  'Petugas',
  'Mulai',
  'Selesai',
  'Menit aktual',
  'Menit baku',
  'Selisih (menit)',
  'Keputusan',
  'Revisi',
  'Perbaikan diminta',
  'Bukti',
  'Catatan',
  'Paralel',
  'Diubah oleh',
  'Diubah pada',
  // Added later, so at the end: older sheets keep their columns where they were.
  'Menit berlalu',
  'Perlu diulang',
] as const;

/** Columns (1-based) of the values the conditional formatting and dropdowns refer to. */
export const LANGKAH_COLUMN = Object.fromEntries(LANGKAH_HEADERS.map((h, i) => [h, i + 1])) as Record<
  (typeof LANGKAH_HEADERS)[number],
  number
>;

/**
 * The activity's `Langkah` rows, one per step in SOP order. `now` prices running steps. "Menit
 * aktual" and "Selisih" are working minutes (the calendar's), "Menit berlalu" clock minutes.
 */
export function stepRows(
  progress: ActivityProgress,
  now: string,
  timeZone: string,
  calendar = DEFAULT_COUNTER.calendar,
): RowValue[][] {
  const counter: MinuteCounter = { calendar, timeZone };
  return progress.info.steps.map((run, i) => {
    const step = progress.steps[i];
    // Working minutes only for a done step: the rows leave a running step's minutes blank.
    const actual = step.status === 'done' ? actualMinutes(step, now, counter) : null;
    const over = actual === null ? null : actual - minutesRange(run.minutes).max;
    const clock = clockMinutes(step, now);
    return [
      progress.info.id,
      progress.info.name,
      run.number,
      run.activity,
      run.executors.join(', '),
      KIND_LABELS[run.kind],
      STATUS_LABELS[step.status],
      step.person,
      toLocalText(step.startedAt, timeZone),
      toLocalText(step.finishedAt, timeZone),
      step.status === 'done' && actual !== null ? actual : '',
      run.minutes.values.length === 1 ? run.minutes.values[0] : formatMinutes(run.minutes),
      step.status === 'done' && over !== null ? over : '',
      step.decision ? DECISION_LABELS[step.decision] : '',
      step.revisions,
      step.revisionRequests,
      step.evidence,
      step.note,
      step.override,
      step.changedBy,
      toLocalText(step.changedAt, timeZone),
      step.status === 'done' && clock !== null ? clock : '',
      step.reopened,
    ];
  });
}

/**
 * Reads an activity's `Langkah` rows back into its state. Anything a person edited into nonsense
 * (unknown status, unreadable time, a row of another activity or step) gives a message naming
 * the row: the event log still holds the truth, and "Bangun ulang progres" restores it.
 */
export function parseStepRows(
  info: ActivityInfo,
  rows: unknown[][],
  firstRow: number,
  timeZone: string,
): { ok: true; progress: ActivityProgress } | { ok: false; row: number; column: string; value: string } {
  const col = (name: (typeof LANGKAH_HEADERS)[number]) => LANGKAH_HEADERS.indexOf(name);
  const steps: StepState[] = [];
  for (let i = 0; i < info.steps.length; i++) {
    const row = rows[i] ?? [];
    const at = firstRow + i;
    const bad = (column: (typeof LANGKAH_HEADERS)[number]) => ({
      ok: false as const,
      row: at,
      column,
      value: trimmed(row[col(column)]),
    });
    if (trimmed(row[col('ID kegiatan')]) !== info.id) return bad('ID kegiatan');
    if (Number(row[col('No')]) !== info.steps[i].number) return bad('No');
    const status = STATUS_BY_LABEL.get(trimmed(row[col('Status')]).toLowerCase());
    if (!status) return bad('Status');
    const time = (column: 'Mulai' | 'Selesai' | 'Diubah pada'): string | null => {
      const raw = row[col(column)];
      if (trimmed(raw) === '') return '';
      return parseTime(raw, timeZone);
    };
    const startedAt = time('Mulai');
    if (startedAt === null || (status !== 'pending' && !startedAt)) return bad('Mulai');
    const finishedAt = time('Selesai');
    if (finishedAt === null || (status === 'done' && !finishedAt)) return bad('Selesai');
    const changedAt = time('Diubah pada');
    if (changedAt === null) return bad('Diubah pada');
    const decisionText = trimmed(row[col('Keputusan')]).toLowerCase();
    const decision = decisionText === '' ? '' : DECISION_BY_LABEL.get(decisionText);
    if (decision === undefined) return bad('Keputusan');
    const count = (column: 'Revisi' | 'Perbaikan diminta') => {
      const n = Number(row[col(column)] === '' ? 0 : row[col(column)]);
      return Number.isInteger(n) && n >= 0 ? n : null;
    };
    const revisions = count('Revisi');
    if (revisions === null) return bad('Revisi');
    const revisionRequests = count('Perbaikan diminta');
    if (revisionRequests === null) return bad('Perbaikan diminta');
    steps.push({
      ...emptyStep(info.steps[i].number),
      status,
      person: trimmed(row[col('Petugas')]),
      startedAt,
      finishedAt,
      decision,
      revisions,
      revisionRequests,
      evidence: trimmed(row[col('Bukti')]),
      note: trimmed(row[col('Catatan')]),
      override: isTrue(row[col('Paralel')]),
      // A row from before the column existed reads as not reopened.
      reopened: isTrue(row[col('Perlu diulang')]),
      changedBy: trimmed(row[col('Diubah oleh')]),
      changedAt,
    });
  }
  return { ok: true, progress: { info, steps } };
}
