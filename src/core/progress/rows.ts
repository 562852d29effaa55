import type {
  ActivityEvent,
  ActivityInfo,
  ActivityProgress,
  Decision,
  StepAction,
  StepState,
  StepStatus,
} from './model';
import { actualMinutes, emptyStep, summarize, variance } from './reducer';
import { parseTime, toLocalText } from '../time';
import { formatMinutes, minutesRange } from '../sop/minutes';
import { isStepsInRiwayat, kegiatanData, splitParts, type StepsInRiwayat } from './data-cells';

/**
 * The three sheets of the step log, as rows of plain values: what the server writes, and how
 * rows read back (values from getValues(): strings, numbers, booleans, Dates) become state again.
 */
export type RowValue = string | number | boolean;

export const KEGIATAN_HEADERS = [
  'ID',
  'Nama kegiatan',
  'Template',
  'Tanggal rencana',
  'Tempat',
  'Penanggung jawab',
  'Status',
  'Progres (%)',
  'Langkah saat ini',
  'Perbaikan',
  'Dibuat oleh',
  'Dibuat pada',
  'Baris Langkah',
  'Data',
] as const;

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
] as const;

export const RIWAYAT_HEADERS = [
  'Dicatat pada',
  'Oleh',
  'ID kegiatan',
  'Langkah',
  'Aksi',
  'Waktu kejadian',
  'Petugas',
  'Bukti',
  'Catatan',
  'Paralel',
  'Sebelum',
  'Sesudah',
  'ID event',
  'Data',
] as const;

/** Columns (1-based) of the values the conditional formatting and dropdowns refer to. */
export const LANGKAH_COLUMN = Object.fromEntries(LANGKAH_HEADERS.map((h, i) => [h, i + 1])) as Record<
  (typeof LANGKAH_HEADERS)[number],
  number
>;

export const STATUS_LABELS: Record<StepStatus, string> = {
  pending: 'Belum',
  inProgress: 'Berjalan',
  done: 'Selesai',
};
export const DECISION_LABELS: Record<Decision, string> = { approved: 'Sesuai', needsRevision: 'Perbaikan' };
export const ACTION_LABELS: Record<StepAction | 'create', string> = {
  create: 'Buat kegiatan',
  start: 'Mulai',
  finish: 'Selesai',
  approve: 'Sesuai',
  revise: 'Perbaikan',
};
/** A `Riwayat` row that continues the Data of the "Buat kegiatan" row above it (see data-cells.ts). */
export const CONTINUATION_LABEL = 'Data lanjutan';
export const ACTIVITY_STATUS_LABELS = {
  notStarted: 'Belum mulai',
  running: 'Berjalan',
  done: 'Selesai',
} as const;
const KIND_LABELS = { process: 'proses', decision: 'keputusan' } as const;

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value)).trim();
const invert = <K extends string>(labels: Record<K, string>) =>
  new Map(Object.entries(labels).map(([key, label]) => [String(label).toLowerCase(), key as K]));
const STATUS_BY_LABEL = invert(STATUS_LABELS);
const DECISION_BY_LABEL = invert(DECISION_LABELS);
const ACTION_BY_LABEL = invert(ACTION_LABELS);

/**
 * The `Kegiatan` row of an activity; `langkahRow` is where its first `Langkah` row is, `stepsIn`
 * where its steps are in `Riwayat` when they do not fit in the Data cell.
 */
export function activityRow(
  progress: ActivityProgress,
  langkahRow: number,
  timeZone: string,
  stepsIn: StepsInRiwayat | null = null,
): RowValue[] {
  const { info } = progress;
  const summary = summarize(progress);
  return [
    info.id,
    info.name,
    info.templateName,
    info.plannedDate,
    info.place,
    info.personInCharge,
    ACTIVITY_STATUS_LABELS[summary.status],
    summary.percent,
    summary.currentStep ?? '-',
    summary.revisions,
    info.createdBy,
    toLocalText(info.createdAt, timeZone),
    langkahRow,
    kegiatanData(info, stepsIn),
  ];
}

/** The activity's identity and frozen steps, and where its `Langkah` rows start, from its `Kegiatan` row. */
export function parseActivityRow(
  values: unknown[],
): { info: ActivityInfo; langkahRow: number; stepsIn: StepsInRiwayat | null } | null {
  try {
    const info = JSON.parse(text(values[KEGIATAN_HEADERS.indexOf('Data')])) as ActivityInfo & {
      stepsIn?: unknown;
    };
    const langkahRow = Number(values[KEGIATAN_HEADERS.indexOf('Baris Langkah')]);
    if (
      !info ||
      typeof info.id !== 'string' ||
      !Array.isArray(info.steps) ||
      !Number.isInteger(langkahRow) ||
      langkahRow < 2
    )
      return null;
    const { stepsIn, ...rest } = info;
    if (stepsIn === undefined) return { info: rest, langkahRow, stepsIn: null };
    return isStepsInRiwayat(stepsIn) ? { info: rest, langkahRow, stepsIn } : null;
  } catch {
    return null;
  }
}

/** The activity's `Langkah` rows, one per step in SOP order. `now` prices running steps. */
export function stepRows(progress: ActivityProgress, now: string, timeZone: string): RowValue[][] {
  return progress.info.steps.map((run, i) => {
    const step = progress.steps[i];
    const actual = actualMinutes(step, now);
    const over = variance(step, run, now);
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
      value: text(row[col(column)]),
    });
    if (text(row[col('ID kegiatan')]) !== info.id) return bad('ID kegiatan');
    if (Number(row[col('No')]) !== info.steps[i].number) return bad('No');
    const status = STATUS_BY_LABEL.get(text(row[col('Status')]).toLowerCase());
    if (!status) return bad('Status');
    const time = (column: 'Mulai' | 'Selesai' | 'Diubah pada'): string | null => {
      const raw = row[col(column)];
      if (text(raw) === '') return '';
      return parseTime(raw, timeZone);
    };
    const startedAt = time('Mulai');
    if (startedAt === null || (status !== 'pending' && !startedAt)) return bad('Mulai');
    const finishedAt = time('Selesai');
    if (finishedAt === null || (status === 'done' && !finishedAt)) return bad('Selesai');
    const changedAt = time('Diubah pada');
    if (changedAt === null) return bad('Diubah pada');
    const decisionText = text(row[col('Keputusan')]).toLowerCase();
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
    const override = row[col('Paralel')];
    steps.push({
      ...emptyStep(info.steps[i].number),
      status,
      person: text(row[col('Petugas')]),
      startedAt,
      finishedAt,
      decision,
      revisions,
      revisionRequests,
      evidence: text(row[col('Bukti')]),
      note: text(row[col('Catatan')]),
      override: override === true || text(override).toLowerCase() === 'true',
      changedBy: text(row[col('Diubah oleh')]),
      changedAt,
    });
  }
  return { ok: true, progress: { info, steps } };
}

/**
 * The `Riwayat` rows of an event: one, except for an activity whose Data does not fit in one
 * cell, which continues on "Data lanjutan" rows.
 */
export function eventRows(event: ActivityEvent, before: string, after: string): RowValue[][] {
  if (event.kind !== 'create') return [eventRow(event, before, after)];
  const [first, ...rest] = splitParts(JSON.stringify(event.activity));
  const width = RIWAYAT_HEADERS.length;
  const continuation = (part: string): RowValue[] => {
    const row: RowValue[] = new Array<RowValue>(width).fill('');
    row[0] = event.loggedAt;
    row[1] = event.by;
    row[2] = event.activity.id;
    row[4] = CONTINUATION_LABEL;
    row[width - 2] = event.id;
    row[width - 1] = part;
    return row;
  };
  const head = eventRow(event, before, after);
  head[width - 1] = first;
  return [head, ...rest.map(continuation)];
}

/**
 * `Riwayat` rows with each "Buat kegiatan" row's Data joined with its "Data lanjutan" rows; `row`
 * is the sheet row of each logical row. A continuation row without its head is kept as it is
 * (and reported unreadable by parseEventRow, naming its row).
 */
export function joinContinuations(
  rows: unknown[][],
  firstRow: number,
): { values: unknown[]; row: number; parts: number }[] {
  const aksi = RIWAYAT_HEADERS.indexOf('Aksi');
  const id = RIWAYAT_HEADERS.indexOf('ID event');
  const data = RIWAYAT_HEADERS.indexOf('Data');
  const joined: { values: unknown[]; row: number; parts: number }[] = [];
  rows.forEach((values, i) => {
    const last = joined[joined.length - 1];
    const continues =
      text(values[aksi]) === CONTINUATION_LABEL &&
      last !== undefined &&
      last.row + last.parts === firstRow + i &&
      text(last.values[aksi]) === ACTION_LABELS.create &&
      text(last.values[id]) === text(values[id]);
    if (continues) {
      // Raw, not trimmed: a part may begin or end inside a JSON string with spaces.
      last.values[data] = `${String(last.values[data] ?? '')}${String(values[data] ?? '')}`;
      last.parts++;
    } else {
      joined.push({ values: values.slice(), row: firstRow + i, parts: 1 });
    }
  });
  return joined;
}

/** The `Riwayat` row of an event; `before`/`after` are the step status labels around it. */
export function eventRow(event: ActivityEvent, before: string, after: string): RowValue[] {
  if (event.kind === 'create') {
    const { activity } = event;
    return [
      event.loggedAt,
      event.by,
      activity.id,
      '',
      ACTION_LABELS.create,
      activity.createdAt,
      '',
      '',
      '',
      false,
      '',
      activity.name,
      event.id,
      JSON.stringify(activity),
    ];
  }
  return [
    event.loggedAt,
    event.by,
    event.activityId,
    event.step,
    ACTION_LABELS[event.kind],
    event.at,
    event.person,
    event.evidence,
    event.note,
    event.override,
    before,
    after,
    event.id,
    '',
  ];
}

/** An event back from its `Riwayat` row, or what is wrong with the row. */
export function parseEventRow(
  values: unknown[],
  timeZone: string,
): { ok: true; event: ActivityEvent } | { ok: false; column: string; value: string } {
  const col = (name: (typeof RIWAYAT_HEADERS)[number]) => values[RIWAYAT_HEADERS.indexOf(name)];
  const bad = (column: (typeof RIWAYAT_HEADERS)[number]) => ({
    ok: false as const,
    column,
    value: text(col(column)).slice(0, 60),
  });
  const kind = ACTION_BY_LABEL.get(text(col('Aksi')).toLowerCase());
  if (!kind) return bad('Aksi');
  const loggedAt = parseTime(col('Dicatat pada'), timeZone);
  if (!loggedAt) return bad('Dicatat pada');
  const id = text(col('ID event'));
  if (!id) return bad('ID event');
  const by = text(col('Oleh'));
  if (kind === 'create') {
    try {
      const activity = JSON.parse(text(col('Data'))) as ActivityInfo;
      if (
        !activity ||
        typeof activity.id !== 'string' ||
        !Array.isArray(activity.steps) ||
        activity.steps.length === 0
      )
        return bad('Data');
      for (const step of activity.steps)
        if (!Number.isInteger(step.number) || minutesRange(step.minutes).max <= 0) return bad('Data');
      return { ok: true, event: { kind, id, loggedAt, by, activity } };
    } catch {
      return bad('Data');
    }
  }
  const step = Number(col('Langkah'));
  if (!Number.isInteger(step) || step <= 0) return bad('Langkah');
  const at = parseTime(col('Waktu kejadian'), timeZone);
  if (!at) return bad('Waktu kejadian');
  const override = col('Paralel');
  return {
    ok: true,
    event: {
      kind,
      id,
      loggedAt,
      by,
      activityId: text(col('ID kegiatan')),
      step,
      at,
      person: text(col('Petugas')),
      evidence: text(col('Bukti')),
      note: text(col('Catatan')),
      override: override === true || text(override).toLowerCase() === 'true',
    },
  };
}
