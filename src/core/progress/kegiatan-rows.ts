/**
 * `Kegiatan`: one row per activity — its identity, its progress columns (derived by the reducer)
 * and, hidden, the frozen copy of its SOP (data-cells.ts) and where its `Langkah` rows start.
 */
import { hashText } from '../hash';
import { toLocalText } from '../time';
import { LANGKAH_HEADERS, stepRows } from './langkah-rows';
import { isStepsInRiwayat, kegiatanData, type StepsInRiwayat } from './data-cells';
import type { ActivityInfo, ActivityProgress } from './model';
import { summarize } from './reducer';
import { ACTIVITY_STATUS_LABELS, trimmed, type RowValue } from './row-labels';

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
  'Cek langkah',
] as const;

/**
 * A check of the step states the add-in last wrote to `Langkah` (what the reducer decides with:
 * status, times, decision, revisions, parallel), kept in `Kegiatan`. Logging compares it with the
 * `Langkah` rows it reads: a hand edit there would let it accept what a rebuild from `Riwayat`
 * drops, so it refuses and points to "Bangun ulang progres" instead. Notes, evidence and names
 * typed by hand do not count.
 */
export function stepStateCheck(progress: ActivityProgress, timeZone: string): string {
  // As written to Langkah (the same text a read gives back), so live and rebuilt agree exactly.
  const states: unknown[] = stepRows(progress, '', timeZone).map((row) => STATE_COLUMNS.map((c) => row[c]));
  // Reopened steps (a later column) join the check only when there are some: older checks stay valid.
  const reopened = progress.steps.filter((s) => s.reopened).map((s) => s.number);
  if (reopened.length > 0) states.push({ reopened });
  return `s1:${hashText(JSON.stringify(states))}`;
}

const STATE_COLUMNS = (
  ['No', 'Status', 'Mulai', 'Selesai', 'Keputusan', 'Revisi', 'Perbaikan diminta', 'Paralel'] as const
).map((header) => LANGKAH_HEADERS.indexOf(header));

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
    stepStateCheck(progress, timeZone),
  ];
}

/** The activity's identity and frozen steps, and where its `Langkah` rows start, from its `Kegiatan` row. */
export function parseActivityRow(values: unknown[]): {
  info: ActivityInfo;
  langkahRow: number;
  stepsIn: StepsInRiwayat | null;
  /** stepStateCheck as last written; "" on a row from before the check existed. */
  check: string;
} | null {
  try {
    const info = JSON.parse(trimmed(values[KEGIATAN_HEADERS.indexOf('Data')])) as ActivityInfo & {
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
    const check = trimmed(values[KEGIATAN_HEADERS.indexOf('Cek langkah')]);
    if (stepsIn === undefined) return { info: rest, langkahRow, stepsIn: null, check };
    return isStepsInRiwayat(stepsIn) ? { info: rest, langkahRow, stepsIn, check } : null;
  } catch {
    return null;
  }
}
