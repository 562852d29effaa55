import type { Language } from '../i18n';
import type { ProgressError } from './model';

type Messages = { [C in ProgressError['code']]: (e: Extract<ProgressError, { code: C }>) => string };

const list = (numbers: number[]) => numbers.join(', ');

const messages: Record<Language, Messages> = {
  id: {
    unknownActivity: (e) => `Kegiatan ${e.activityId} tidak ditemukan. Muat ulang panel.`,
    unknownStep: (e) => `Langkah ${e.step} tidak ada di SOP kegiatan ini.`,
    badTime: (e) => `Waktu "${e.value}" tidak terbaca. Tulis mis. 2026-11-24 09:30.`,
    alreadyStarted: (e) => `Langkah ${e.step} sudah dimulai.`,
    alreadyDone: (e) => `Langkah ${e.step} sudah selesai.`,
    notStarted: (e) => `Langkah ${e.step} belum dimulai: pilih Mulai dulu.`,
    endBeforeStart: (e) =>
      `Langkah ${e.step} tidak bisa selesai sebelum dimulai (mulai ${e.startedAt.slice(0, 16).replace('T', ' ')}).`,
    earlierUnfinished: (e) =>
      `Langkah ${e.step} belum bisa dimulai: langkah ${list(e.earlier)} belum selesai. Centang "Kerjakan paralel" bila memang dikerjakan bersamaan.`,
    notDecision: (e) => `Langkah ${e.step} bukan langkah keputusan: pilih Selesai.`,
    useDecision: (e) => `Langkah ${e.step} adalah keputusan: pilih Sesuai atau Perbaikan.`,
    noteRequired: (e) => `Perbaikan pada langkah ${e.step} perlu catatan: apa yang harus diperbaiki?`,
    duplicateActivity: (e) => `Kegiatan ${e.activityId} sudah ada.`,
  },
  en: {
    unknownActivity: (e) => `Activity ${e.activityId} was not found. Reload the panel.`,
    unknownStep: (e) => `Step ${e.step} is not in this activity's SOP.`,
    badTime: (e) => `Unreadable time "${e.value}". Write e.g. 2026-11-24 09:30.`,
    alreadyStarted: (e) => `Step ${e.step} has already started.`,
    alreadyDone: (e) => `Step ${e.step} is already done.`,
    notStarted: (e) => `Step ${e.step} has not started: choose Start first.`,
    endBeforeStart: (e) =>
      `Step ${e.step} cannot finish before it started (started ${e.startedAt.slice(0, 16).replace('T', ' ')}).`,
    earlierUnfinished: (e) =>
      `Step ${e.step} cannot start yet: step ${list(e.earlier)} is unfinished. Tick "Work in parallel" if they really run together.`,
    notDecision: (e) => `Step ${e.step} is not a decision: choose Finish.`,
    useDecision: (e) => `Step ${e.step} is a decision: choose Sesuai or Perbaikan.`,
    noteRequired: (e) => `Perbaikan on step ${e.step} needs a note: what must be fixed?`,
    duplicateActivity: (e) => `Activity ${e.activityId} already exists.`,
  },
};

export function describeProgressError(error: ProgressError, language: Language = 'id'): string {
  return (messages[language][error.code] as (e: ProgressError) => string)(error);
}
