import type { Language } from '../i18n';
import { columnToLetters } from '../plan/a1';

/** What can be wrong with a template; every problem is reported at once, never the first only. */
export type ProblemCode =
  | 'noSteps'
  | 'tooManySteps'
  | 'noRoles'
  | 'tooManyRoles'
  | 'duplicateRole'
  | 'emptyRole'
  | 'emptyName'
  | 'badStepNumber'
  | 'duplicateStepNumber'
  | 'emptyActivity'
  | 'noExecutor'
  | 'unknownRole'
  | 'unknownKind'
  | 'badMinutes'
  | 'decisionWithoutTargets'
  | 'targetOnProcess'
  | 'unknownTarget'
  | 'unreachableStep'
  | 'textTooLong'
  | 'badDate'
  | 'formula'
  | 'mergedCells'
  | 'missingHeader'
  | 'missingColumn'
  | 'noIdentity'
  | 'badPrintSetting';

export interface Problem {
  code: ProblemCode;
  params: Record<string, string | number>;
  /** 1-based sheet row and column, when the problem comes from (or was mapped onto) a sheet. */
  row?: number;
  column?: number;
  /** Index into template.steps, for problems found on the model. */
  stepIndex?: number;
  /** The step or identity field concerned, e.g. "executors", "namaSop". */
  field?: string;
}

const messages: Record<Language, Record<ProblemCode, string>> = {
  id: {
    noSteps: 'Template belum punya langkah.',
    tooManySteps: 'Template punya {count} langkah; paling banyak {max}. Pecah menjadi beberapa SOP.',
    noRoles: 'Template belum punya pelaksana (kolom peran).',
    tooManyRoles: 'Template punya {count} pelaksana; paling banyak {max}.',
    duplicateRole: 'Pelaksana "{role}" tertulis lebih dari sekali.',
    emptyRole: 'Nama pelaksana kosong.',
    emptyName: 'Nama SOP kosong.',
    badStepNumber: 'Nomor langkah "{value}" bukan bilangan bulat positif.',
    duplicateStepNumber: 'Nomor langkah {number} dipakai lebih dari sekali.',
    emptyActivity: 'Langkah {number}: kegiatan kosong.',
    noExecutor: 'Langkah {number}: pelaksana kosong.',
    unknownRole: 'Langkah {number}: pelaksana "{role}" tidak dikenal. Pilih salah satu: {roles}.',
    unknownKind: 'Langkah {number}: jenis "{value}" tidak dikenal. Pilih "proses" atau "keputusan".',
    badMinutes:
      'Langkah {number}: waktu "{value}" tidak terbaca. Tulis menit bulat positif, mis. "60" atau "420 atau 840".',
    decisionWithoutTargets: 'Langkah {number} adalah keputusan tetapi tujuan "{branch}" kosong.',
    targetOnProcess:
      'Langkah {number} adalah proses; hanya langkah keputusan yang punya tujuan Sesuai/Perbaikan.',
    unknownTarget: 'Langkah {number}: tujuan "{branch}" ke langkah {target}, yang tidak ada.',
    unreachableStep: 'Langkah {number} tidak pernah dicapai dari langkah pertama.',
    textTooLong: '{label} terlalu panjang ({length} karakter; paling banyak {max}).',
    badDate: '{label}: tanggal "{value}" tidak terbaca. Tulis mis. 2019-04-15 atau 15 April 2019.',
    formula: 'Sel berisi rumus ({value}); tulis nilainya langsung.',
    mergedCells: 'Sel digabung ({range}); pisahkan dulu (Format → Gabungkan sel → Pisahkan).',
    missingHeader: 'Judul tabel langkah tidak ditemukan (baris berisi "No" dan "Kegiatan").',
    missingColumn: 'Kolom "{column}" tidak ada di judul tabel langkah.',
    noIdentity: 'Bagian identitas SOP tidak ditemukan.',
    badPrintSetting: '{label}: "{value}" tidak terbaca. Tulis {expected}.',
  },
  en: {
    noSteps: 'The template has no steps yet.',
    tooManySteps: 'The template has {count} steps; at most {max}. Split it into several SOPs.',
    noRoles: 'The template has no executors (role columns).',
    tooManyRoles: 'The template has {count} executors; at most {max}.',
    duplicateRole: 'Executor "{role}" appears more than once.',
    emptyRole: 'An executor name is empty.',
    emptyName: 'The SOP name is empty.',
    badStepNumber: 'Step number "{value}" is not a positive whole number.',
    duplicateStepNumber: 'Step number {number} is used more than once.',
    emptyActivity: 'Step {number}: the activity is empty.',
    noExecutor: 'Step {number}: no executor.',
    unknownRole: 'Step {number}: unknown executor "{role}". Choose one of: {roles}.',
    unknownKind: 'Step {number}: unknown kind "{value}". Choose "proses" or "keputusan".',
    badMinutes:
      'Step {number}: unreadable time "{value}". Write positive whole minutes, e.g. "60" or "420 atau 840".',
    decisionWithoutTargets: 'Step {number} is a decision but its "{branch}" target is empty.',
    targetOnProcess: 'Step {number} is a process; only decisions have Sesuai/Perbaikan targets.',
    unknownTarget: 'Step {number}: the "{branch}" target is step {target}, which does not exist.',
    unreachableStep: 'Step {number} is never reached from the first step.',
    textTooLong: '{label} is too long ({length} characters; at most {max}).',
    badDate: '{label}: unreadable date "{value}". Write e.g. 2019-04-15 or 15 April 2019.',
    formula: 'The cell holds a formula ({value}); type the value itself.',
    mergedCells: 'Merged cells ({range}); unmerge them first (Format → Merge cells → Unmerge).',
    missingHeader: 'The steps table header was not found (a row with "No" and "Kegiatan").',
    missingColumn: 'Column "{column}" is missing from the steps table header.',
    noIdentity: 'The SOP identity section was not found.',
    badPrintSetting: '{label}: unreadable "{value}". Write {expected}.',
  },
};

/** Readable names of template fields, for messages such as "Kegiatan terlalu panjang". */
const FIELD_LABELS: Record<Language, Record<string, string>> = {
  id: {
    activity: 'Kegiatan',
    requirements: 'Kelengkapan',
    output: 'Output',
    remarks: 'Keterangan',
    namaSop: 'Nama SOP',
    instansi: 'Instansi',
    nomor: 'Nomor SOP',
    tanggalPembuatan: 'Tanggal pembuatan',
    tanggalRevisi: 'Tanggal revisi',
    tanggalEfektif: 'Tanggal efektif',
    'pengesah.jabatan': 'Jabatan pengesah',
    'pengesah.nama': 'Nama pengesah',
    'pengesah.pangkat': 'Pangkat pengesah',
    'pengesah.nip': 'NIP pengesah',
    dasarHukum: 'Dasar hukum',
    kualifikasiPelaksana: 'Kualifikasi pelaksana',
    keterkaitan: 'Keterkaitan',
    peralatan: 'Peralatan/perlengkapan',
    peringatan: 'Peringatan',
    pencatatan: 'Pencatatan dan pendataan',
  },
  en: {
    activity: 'Activity',
    requirements: 'Requirements',
    output: 'Output',
    remarks: 'Remarks',
    namaSop: 'SOP name',
    instansi: 'Agency',
    nomor: 'SOP number',
    tanggalPembuatan: 'Date made',
    tanggalRevisi: 'Revision date',
    tanggalEfektif: 'Effective date',
    'pengesah.jabatan': "Approver's position",
    'pengesah.nama': "Approver's name",
    'pengesah.pangkat': "Approver's rank",
    'pengesah.nip': "Approver's NIP",
    dasarHukum: 'Legal basis',
    kualifikasiPelaksana: 'Executor qualifications',
    keterkaitan: 'Related SOPs',
    peralatan: 'Equipment',
    peringatan: 'Warning',
    pencatatan: 'Records',
  },
};

/** "Baris 12, kolom C: Langkah 3: pelaksana "Kabag" tidak dikenal…" */
export function describeProblem(problem: Problem, language: Language = 'id'): string {
  const text = messages[language][problem.code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in problem.params)) return whole;
    const value = String(problem.params[name]);
    return name === 'label' ? (FIELD_LABELS[language][value] ?? value) : value;
  });
  const where: string[] = [];
  if (problem.row !== undefined) where.push(`${language === 'id' ? 'Baris' : 'Row'} ${problem.row}`);
  if (problem.column !== undefined)
    where.push(`${language === 'id' ? 'kolom' : 'column'} ${columnToLetters(problem.column)}`);
  return where.length ? `${where.join(', ')}: ${text}` : text;
}
