/**
 * The words the step-log sheets (`Kegiatan`, `Langkah`, `Riwayat`) write for states, decisions
 * and actions, and the way back from a word a sheet holds to the state it names (case-blind:
 * staff retype them).
 */
import type { Decision, StepAction, StepStatus } from './model';

/** A value a row holds, as written with setValues(). */
export type RowValue = string | number | boolean;

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
export const KIND_LABELS = { process: 'proses', decision: 'keputusan' } as const;

/** A cell as trimmed text ("" for empty), as getValues() gives it. */
export const trimmed = (value: unknown): string =>
  (value === null || value === undefined ? '' : String(value)).trim();
/** A checkbox cell: true, or the text "TRUE" a person or a CSV round trip left. */
export const isTrue = (value: unknown): boolean => value === true || trimmed(value).toLowerCase() === 'true';
const invert = <K extends string>(labels: Record<K, string>) =>
  new Map(Object.entries(labels).map(([key, label]) => [String(label).toLowerCase(), key as K]));
export const STATUS_BY_LABEL = invert(STATUS_LABELS);
export const DECISION_BY_LABEL = invert(DECISION_LABELS);
export const ACTION_BY_LABEL = invert(ACTION_LABELS);
