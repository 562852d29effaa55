import type { CellStyle, PlanRect, SheetPlan } from '../plan/plan';
import { GridBuilder } from '../plan/plan';
import { parseDate } from '../dates';
import { parseMinutes } from './minutes';
import {
  emptyIdentity,
  LIST_FIELDS,
  type SopIdentity,
  type SopStep,
  type SopTemplate,
  type StepKind,
  type StepTarget,
} from './model';
import { rectToA1 } from '../plan/a1';
import { GRID_LINES } from '../plan/styles';
import type { Problem } from './problems';
import { validateTemplate } from './validate';

/**
 * The `Template: <nama>` sheet staff edit: identity as label/value rows, the executor roles in
 * one row, then the steps table with dropdowns. Read back by labels and header names, not by
 * fixed positions, so moved rows or reordered columns still read; whatever cannot be read is
 * reported with its row and column.
 */

type ScalarField = 'namaSop' | 'instansi' | 'nomor' | 'tanggalPembuatan' | 'tanggalRevisi' | 'tanggalEfektif';
type ApproverField = 'jabatan' | 'nama' | 'pangkat' | 'nip';
type IdentityKey = ScalarField | `pengesah.${ApproverField}` | (typeof LIST_FIELDS)[number];

export const IDENTITY_LABELS: [IdentityKey, string][] = [
  ['namaSop', 'Nama SOP'],
  ['instansi', 'Instansi'],
  ['nomor', 'Nomor SOP'],
  ['tanggalPembuatan', 'Tanggal Pembuatan'],
  ['tanggalRevisi', 'Tanggal Revisi'],
  ['tanggalEfektif', 'Tanggal Efektif'],
  ['pengesah.jabatan', 'Disahkan oleh (jabatan)'],
  ['pengesah.nama', 'Nama pengesah'],
  ['pengesah.pangkat', 'Pangkat pengesah'],
  ['pengesah.nip', 'NIP pengesah'],
  ['dasarHukum', 'Dasar Hukum'],
  ['kualifikasiPelaksana', 'Kualifikasi Pelaksana'],
  ['keterkaitan', 'Keterkaitan'],
  ['peralatan', 'Peralatan/Perlengkapan'],
  ['peringatan', 'Peringatan'],
  ['pencatatan', 'Pencatatan dan Pendataan'],
];
export const ROLES_LABEL = 'Pelaksana (urutan kolom)';

type StepColumn =
  | 'number'
  | 'activity'
  | 'executors'
  | 'kind'
  | 'requirements'
  | 'minutes'
  | 'output'
  | 'remarks'
  | 'onApproved'
  | 'onRevision';
export const STEP_HEADERS: [StepColumn, string][] = [
  ['number', 'No'],
  ['activity', 'Kegiatan'],
  ['executors', 'Pelaksana'],
  ['kind', 'Jenis'],
  ['requirements', 'Kelengkapan'],
  ['minutes', 'Waktu (menit)'],
  ['output', 'Output'],
  ['remarks', 'Keterangan'],
  ['onApproved', 'Sesuai →'],
  ['onRevision', 'Perbaikan →'],
];
const KIND_LABELS: Record<StepKind, string> = { process: 'proses', decision: 'keputusan' };
const END_LABEL = 'selesai';

const HEADER: CellStyle = {
  fontWeight: 'bold',
  background: '#d9e2f3',
  verticalAlignment: 'middle',
  wrap: true,
};
const LABEL: CellStyle = { fontWeight: 'bold', background: '#f3f3f3', verticalAlignment: 'top' };
const TEXT: CellStyle = { numberFormat: '@', wrap: true, verticalAlignment: 'top' };

function identityValue(identity: SopIdentity, key: IdentityKey): string {
  if (key.startsWith('pengesah.')) return identity.pengesah[key.slice(9) as ApproverField];
  const value = identity[key as keyof SopIdentity];
  return Array.isArray(value) ? value.join('\n') : (value as string);
}

const targetText = (target: StepTarget | undefined): string =>
  target === undefined ? '' : target === 'end' ? END_LABEL : String(target);

/** The sheet plan of a template (all text cells plain text: nothing typed becomes a formula). */
export function templateSheetPlan(template: SopTemplate, sheetName: string): SheetPlan {
  const grid = new GridBuilder(STEP_HEADERS.length);
  grid.set(1, 1, 'IDENTITAS SOP', { fontWeight: 'bold', fontSize: 12 });
  let row = 2;
  for (const [key, label] of IDENTITY_LABELS) {
    grid.set(row, 1, label, LABEL).set(row, 2, identityValue(template.identity, key), TEXT);
    row++;
  }
  const rolesRow = row;
  grid.set(rolesRow, 1, ROLES_LABEL, LABEL);
  template.roles.forEach((role, i) => grid.set(rolesRow, 2 + i, role, TEXT));
  const headerRow = rolesRow + 2;
  grid.set(headerRow - 1, 1, 'LANGKAH', { fontWeight: 'bold', fontSize: 12 });
  STEP_HEADERS.forEach(([, header], i) => grid.set(headerRow, i + 1, header, HEADER));
  template.steps.forEach((step, i) => {
    const r = headerRow + 1 + i;
    const cells: string[] = [
      String(step.number),
      step.activity,
      step.executors.join(', '),
      KIND_LABELS[step.kind],
      step.requirements,
      step.minutes.text,
      step.output,
      step.remarks,
      targetText(step.onApproved),
      targetText(step.onRevision),
    ];
    cells.forEach((value, c) => grid.set(r, c + 1, value, TEXT));
  });
  // Room for staff to add steps: the dropdowns and text format reach 50 rows below the last step.
  const lastRow = headerRow + template.steps.length + 50;
  grid.style(headerRow + 1, 1, TEXT, lastRow - headerRow, STEP_HEADERS.length);
  const { values, styles } = grid.build();
  const bodyRows = lastRow - headerRow;
  const column = (name: StepColumn) => STEP_HEADERS.findIndex(([key]) => key === name) + 1;
  return {
    sheetName,
    values,
    styles,
    merges: [],
    borders: [
      {
        rects: [
          { row: headerRow, column: 1, numRows: template.steps.length + 1, numColumns: STEP_HEADERS.length },
        ],
        spec: { ...GRID_LINES, color: '#999999' },
      },
    ],
    validations: [
      {
        rect: { row: headerRow + 1, column: column('executors'), numRows: bodyRows, numColumns: 1 },
        list: template.roles,
        allowInvalid: true,
        helpText: 'Pilih pelaksana. Beberapa pelaksana: pisahkan dengan koma, mis. "Kabid, Kasi".',
      },
      {
        rect: { row: headerRow + 1, column: column('kind'), numRows: bodyRows, numColumns: 1 },
        list: Object.values(KIND_LABELS),
        allowInvalid: false,
        helpText: 'proses atau keputusan. Keputusan mengisi kolom "Sesuai →" dan "Perbaikan →".',
      },
    ],
    columnWidths: { 1: 190, 2: 320, 3: 150, 4: 90, 5: 220, 6: 90, 7: 170, 8: 170, 9: 80, 10: 90 },
    frozenRows: 0,
  };
}

export interface TemplateSheetInput {
  /** getValues() of the sheet's data range (from A1). */
  values: unknown[][];
  /** getFormulas() of the same range, when read. */
  formulas?: string[][];
  /** Merged ranges inside the data range. */
  merges?: PlanRect[];
  timeZone?: string;
}

export interface TemplateReadResult {
  template: SopTemplate | null;
  problems: Problem[];
}

const norm = (value: unknown): string =>
  String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const text = (value: unknown): string =>
  (value instanceof Date ? value.toISOString() : String(value ?? '')).trim();

/** Reads a template sheet back; `template` is null when any problem was found. */
export function readTemplateSheet(input: TemplateSheetInput): TemplateReadResult {
  const { values } = input;
  const problems: Problem[] = [];
  for (const merge of input.merges ?? []) {
    problems.push({
      code: 'mergedCells',
      params: { range: rectToA1(merge) },
      row: merge.row,
      column: merge.column,
    });
  }
  input.formulas?.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (formula)
        problems.push({
          code: 'formula',
          params: { value: formula.slice(0, 40) },
          row: r + 1,
          column: c + 1,
        });
    }),
  );

  const labelRows = new Map<string, number>();
  values.forEach((row, r) => {
    const label = norm(row[0]);
    if (label && !labelRows.has(label)) labelRows.set(label, r);
  });
  const cell = (r: number, c: number): unknown => values[r]?.[c];

  const identity: SopIdentity = emptyIdentity();
  const identityRows = new Map<string, number>();
  let foundIdentity = 0;
  for (const [key, label] of IDENTITY_LABELS) {
    const r = labelRows.get(norm(label));
    if (r === undefined) continue;
    foundIdentity++;
    identityRows.set(key, r + 1);
    const raw = cell(r, 1);
    if (key.startsWith('tanggal')) {
      const date = parseDate(raw, input.timeZone);
      if (date === null)
        problems.push({ code: 'badDate', params: { label: key, value: text(raw) }, row: r + 1, column: 2 });
      identity[key as 'tanggalPembuatan'] = date ?? '';
    } else if (key.startsWith('pengesah.')) {
      identity.pengesah[key.slice(9) as ApproverField] = text(raw);
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      identity[key as (typeof LIST_FIELDS)[number]] = text(raw)
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*\d+[.)]\s*/, '').trim())
        .filter((line) => line !== '');
    } else {
      identity[key as 'namaSop'] = key === 'nomor' ? String(raw ?? '') : text(raw);
    }
  }
  if (foundIdentity === 0) problems.push({ code: 'noIdentity', params: {} });

  const rolesRow = labelRows.get(norm(ROLES_LABEL));
  const roles: string[] = [];
  if (rolesRow !== undefined) {
    for (let c = 1; c < (values[rolesRow]?.length ?? 0); c++) {
      const role = text(cell(rolesRow, c));
      if (role) roles.push(role);
    }
  }

  const headerIndex = values.findIndex(
    (row) => norm(row[0]) === 'no' && row.some((v) => norm(v) === 'kegiatan'),
  );
  if (headerIndex < 0) {
    problems.push({ code: 'missingHeader', params: {} });
    return { template: null, problems };
  }
  const columns = new Map<StepColumn, number>();
  values[headerIndex].forEach((header, c) => {
    const found = STEP_HEADERS.find(
      ([, label]) => norm(label) === norm(header) || norm(label).replace(/\s*[→(].*$/, '') === norm(header),
    );
    if (found && !columns.has(found[0])) columns.set(found[0], c);
  });
  for (const [key, label] of STEP_HEADERS) {
    if (!columns.has(key))
      problems.push({ code: 'missingColumn', params: { column: label }, row: headerIndex + 1 });
  }
  if (STEP_HEADERS.some(([key]) => !columns.has(key))) return { template: null, problems };
  const col = (key: StepColumn) => columns.get(key) as number;

  const steps: SopStep[] = [];
  const stepRows: number[] = [];
  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    if (row.every((v) => text(v) === '')) continue;
    const sheetRow = r + 1;
    const at = (key: StepColumn) => col(key) + 1;
    const rawNumber = text(row[col('number')]);
    const number = /^\d{1,4}$/.test(rawNumber) ? Number(rawNumber) : NaN;
    const shown = Number.isNaN(number) ? rawNumber || '?' : number;
    if (Number.isNaN(number))
      problems.push({
        code: 'badStepNumber',
        params: { value: rawNumber },
        row: sheetRow,
        column: at('number'),
      });
    const kindText = norm(row[col('kind')]);
    const kind: StepKind | null =
      kindText === 'keputusan' || kindText === 'decision'
        ? 'decision'
        : kindText === 'proses' || kindText === 'process' || kindText === ''
          ? 'process'
          : null;
    if (kind === null)
      problems.push({
        code: 'unknownKind',
        params: { number: shown, value: text(row[col('kind')]) },
        row: sheetRow,
        column: at('kind'),
      });
    const rawMinutes = row[col('minutes')];
    const minutes = parseMinutes(typeof rawMinutes === 'string' ? rawMinutes : (rawMinutes ?? ''));
    if (!minutes)
      problems.push({
        code: 'badMinutes',
        params: { number: shown, value: text(rawMinutes) },
        row: sheetRow,
        column: at('minutes'),
      });
    const target = (key: 'onApproved' | 'onRevision'): StepTarget | undefined => {
      const t = norm(row[col(key)]);
      if (t === '') return undefined;
      if (t === END_LABEL || t === 'end') return 'end';
      if (/^\d{1,4}$/.test(t)) return Number(t);
      problems.push({
        code: 'unknownTarget',
        params: {
          number: shown,
          branch: key === 'onApproved' ? 'Sesuai' : 'Perbaikan',
          target: text(row[col(key)]),
        },
        row: sheetRow,
        column: at(key),
      });
      return undefined;
    };
    const step: SopStep = {
      number,
      activity: text(row[col('activity')]),
      executors: text(row[col('executors')])
        .split(/\s*[,;\n]\s*/)
        .filter((e) => e !== ''),
      // An unreadable kind is reported once; guess from the targets so no second message follows.
      kind: kind ?? (text(row[col('onApproved')]) || text(row[col('onRevision')]) ? 'decision' : 'process'),
      requirements: text(row[col('requirements')]),
      minutes: minutes ?? { text: text(rawMinutes), values: [] },
      output: text(row[col('output')]),
      remarks: text(row[col('remarks')]),
    };
    const onApproved = target('onApproved');
    const onRevision = target('onRevision');
    if (onApproved !== undefined || onRevision !== undefined || step.kind === 'decision')
      Object.assign(step, { onApproved, onRevision });
    steps.push(step);
    stepRows.push(sheetRow);
  }

  const template: SopTemplate = { identity, roles, steps };
  // Model problems already reported while reading (unreadable minutes) are not repeated.
  const readCodes = new Set(problems.map((p) => `${p.row}:${p.code}`));
  for (const problem of validateTemplate(template)) {
    const located = locate(problem, stepRows, columns, identityRows, rolesRow);
    if (problem.code === 'badMinutes' && readCodes.has(`${located.row}:badMinutes`)) continue;
    if (problem.code === 'badStepNumber' && readCodes.has(`${located.row}:badStepNumber`)) continue;
    problems.push(located);
  }
  return { template: problems.length === 0 ? template : null, problems };
}

function locate(
  problem: Problem,
  stepRows: number[],
  columns: Map<StepColumn, number>,
  identityRows: Map<string, number>,
  rolesRow: number | undefined,
): Problem {
  if (problem.stepIndex !== undefined) {
    const column = columns.get(problem.field as StepColumn);
    return {
      ...problem,
      row: stepRows[problem.stepIndex],
      column: column === undefined ? undefined : column + 1,
    };
  }
  if (problem.field === 'roles' && rolesRow !== undefined)
    return { ...problem, row: rolesRow + 1, column: 2 };
  const row = problem.field ? identityRows.get(problem.field) : undefined;
  return row === undefined ? problem : { ...problem, row, column: 2 };
}
