/**
 * `Kegiatan`: one row per activity — its identity, its progress columns (derived by the reducer)
 * and, hidden, the frozen copy of its SOP (data-cells.ts) and where its `Langkah` rows start.
 */
import { toLocalText } from '../time';
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
] as const;

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
    if (stepsIn === undefined) return { info: rest, langkahRow, stepsIn: null };
    return isStepsInRiwayat(stepsIn) ? { info: rest, langkahRow, stepsIn } : null;
  } catch {
    return null;
  }
}
