/**
 * Reads a `Template: <nama>` sheet back into a template. Rows and columns are found by their
 * labels and headers (template-sheet-labels.ts), not by fixed positions, so moved rows or
 * reordered columns still read; whatever cannot be read is reported with its row and column, and
 * then no template is returned: a half-read SOP is never generated.
 */
import { parseDate } from '../dates';
import { rectToA1 } from '../plan/a1';
import type { PlanRect } from '../plan/plan';
import { parseMinutes } from './minutes';
import {
  emptyIdentity,
  LIST_FIELDS,
  type SopIdentity,
  type SopStep,
  type SopTemplate,
  type SopVersion,
  type StepKind,
  type StepTarget,
} from './model';
import type { Problem } from './problems';
import {
  END_LABEL,
  HISTORY_LABEL,
  IDENTITY_LABELS,
  PAPER_LABEL,
  STEPS_PER_PAGE_LABEL,
  ROLES_LABEL,
  STEP_HEADERS,
  type ApproverField,
  type StepColumn,
} from './template-sheet-labels';
import { validateTemplate } from './validate';

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

/** A label or header as compared: case and spacing do not matter. */
const norm = (value: unknown): string =>
  String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
/** Sheets never gives an Invalid Date, but a caller may: it reads as empty, not as a RangeError. */
const dateText = (value: Date): string => (Number.isNaN(value.getTime()) ? '' : value.toISOString());
const text = (value: unknown): string =>
  (value instanceof Date ? dateText(value) : String(value ?? '')).trim();

/** Reads a template sheet back; `template` is null when any problem was found. */
export function readTemplateSheet(input: TemplateSheetInput): TemplateReadResult {
  const { values } = input;
  const problems: Problem[] = sheetProblems(input);
  // Labels are looked up in column A; the first row with a label wins.
  const labelRows = new Map<string, number>();
  values.forEach((row, r) => {
    const label = norm(row[0]);
    if (label && !labelRows.has(label)) labelRows.set(label, r);
  });
  const { identity, identityRows } = readIdentity(values, labelRows, input.timeZone, problems);
  const rolesRow = labelRows.get(norm(ROLES_LABEL));
  const roles = rolesRow === undefined ? [] : readRoles(values[rolesRow]);
  // The steps table ends where the version history starts (if the sheet has one).
  const historyIndex = values.findIndex((row) => norm(row[0]) === norm(HISTORY_LABEL));
  const tableValues = historyIndex < 0 ? values : values.slice(0, historyIndex);
  const table = readStepTable(tableValues, problems);
  if (!table) return { template: null, problems };
  const versions = historyIndex < 0 ? [] : readHistory(values, historyIndex, input.timeZone, problems);

  const print = readPrint(values, labelRows, problems);

  const template: SopTemplate = {
    identity,
    roles,
    steps: table.steps,
    ...(historyIndex < 0 ? {} : { versions, historyRow: historyIndex + 1 }),
    ...(print ? { print } : {}),
  };
  // Model problems already reported while reading (unreadable minutes) are not repeated.
  const readCodes = new Set(problems.map((p) => `${p.row}:${p.code}`));
  for (const problem of validateTemplate(template)) {
    const located = locate(problem, table.stepRows, table.columns, identityRows, rolesRow);
    if (problem.code === 'badMinutes' && readCodes.has(`${located.row}:badMinutes`)) continue;
    if (problem.code === 'badStepNumber' && readCodes.has(`${located.row}:badStepNumber`)) continue;
    problems.push(located);
  }
  return { template: problems.length === 0 ? template : null, problems };
}

/** Merged cells and formulas: the template is plain values, one per cell. */
function sheetProblems(input: TemplateSheetInput): Problem[] {
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
  return problems;
}

/** The identity from its label/value rows, and the sheet row (1-based) of each field found. */
function readIdentity(
  values: unknown[][],
  labelRows: Map<string, number>,
  timeZone: string | undefined,
  problems: Problem[],
): { identity: SopIdentity; identityRows: Map<string, number> } {
  const identity: SopIdentity = emptyIdentity();
  const identityRows = new Map<string, number>();
  for (const [key, label] of IDENTITY_LABELS) {
    const r = labelRows.get(norm(label));
    if (r === undefined) continue;
    identityRows.set(key, r + 1);
    const raw = values[r]?.[1];
    if (key.startsWith('tanggal')) {
      const date = parseDate(raw, timeZone);
      if (date === null)
        problems.push({ code: 'badDate', params: { label: key, value: text(raw) }, row: r + 1, column: 2 });
      identity[key as 'tanggalPembuatan'] = date ?? '';
    } else if (key.startsWith('pengesah.')) {
      identity.pengesah[key.slice(9) as ApproverField] = text(raw);
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      // One item a line; "1." or "2)" numbering typed by staff is dropped (the SOP sheet numbers them).
      identity[key as (typeof LIST_FIELDS)[number]] = text(raw)
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*\d+[.)]\s*/, '').trim())
        .filter((line) => line !== '');
    } else {
      identity[key as 'namaSop'] = key === 'nomor' ? String(raw ?? '') : text(raw);
    }
  }
  if (identityRows.size === 0) problems.push({ code: 'noIdentity', params: {} });
  return { identity, identityRows };
}

/** The executor roles: every non-empty cell right of the label. */
function readRoles(row: unknown[]): string[] {
  return row
    .slice(1)
    .map(text)
    .filter((role) => role !== '');
}

/**
 * The steps table: its header row (No … Kegiatan …), then one step per non-empty row. Null when
 * the header or one of its columns is missing (reported).
 */
function readStepTable(
  values: unknown[][],
  problems: Problem[],
): { steps: SopStep[]; stepRows: number[]; columns: Map<StepColumn, number> } | null {
  const headerIndex = values.findIndex(
    (row) => norm(row[0]) === 'no' && row.some((v) => norm(v) === 'kegiatan'),
  );
  if (headerIndex < 0) {
    problems.push({ code: 'missingHeader', params: {} });
    return null;
  }
  const columns = new Map<StepColumn, number>();
  values[headerIndex].forEach((header, c) => {
    // "Sesuai →" may be retyped "Sesuai", "Waktu (menit)" "Waktu".
    const found = STEP_HEADERS.find(
      ([, label]) => norm(label) === norm(header) || norm(label).replace(/\s*[→(].*$/, '') === norm(header),
    );
    if (found && !columns.has(found[0])) columns.set(found[0], c);
  });
  for (const [key, label] of STEP_HEADERS) {
    if (!columns.has(key))
      problems.push({ code: 'missingColumn', params: { column: label }, row: headerIndex + 1 });
  }
  if (STEP_HEADERS.some(([key]) => !columns.has(key))) return null;

  const steps: SopStep[] = [];
  const stepRows: number[] = [];
  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    if (row.every((v) => text(v) === '')) continue;
    steps.push(readStep(row, r + 1, columns, problems));
    stepRows.push(r + 1);
  }
  return { steps, stepRows, columns };
}

/** One row of the steps table; what cannot be read is reported on its cell. */
function readStep(
  row: unknown[],
  sheetRow: number,
  columns: Map<StepColumn, number>,
  problems: Problem[],
): SopStep {
  const col = (key: StepColumn) => columns.get(key) as number;
  const at = (key: StepColumn) => col(key) + 1;
  const report = (code: Problem['code'], key: StepColumn, params: Problem['params']) =>
    problems.push({ code, params, row: sheetRow, column: at(key) });
  const rawNumber = text(row[col('number')]);
  const number = /^\d{1,4}$/.test(rawNumber) ? Number(rawNumber) : NaN;
  const shown = Number.isNaN(number) ? rawNumber || '?' : number;
  if (Number.isNaN(number)) report('badStepNumber', 'number', { value: rawNumber });
  const kindText = norm(row[col('kind')]);
  const kind: StepKind | null =
    kindText === 'keputusan' || kindText === 'decision'
      ? 'decision'
      : kindText === 'proses' || kindText === 'process' || kindText === ''
        ? 'process'
        : null;
  if (kind === null) report('unknownKind', 'kind', { number: shown, value: text(row[col('kind')]) });
  const rawMinutes = row[col('minutes')];
  const minutes = parseMinutes(typeof rawMinutes === 'string' ? rawMinutes : (rawMinutes ?? ''));
  if (!minutes) report('badMinutes', 'minutes', { number: shown, value: text(rawMinutes) });
  const target = (key: 'onApproved' | 'onRevision'): StepTarget | undefined => {
    const t = norm(row[col(key)]);
    if (t === '') return undefined;
    if (t === END_LABEL || t === 'end') return 'end';
    if (/^\d{1,4}$/.test(t)) return Number(t);
    report('unknownTarget', key, {
      number: shown,
      branch: key === 'onApproved' ? 'Sesuai' : 'Perbaikan',
      target: text(row[col(key)]),
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
  return step;
}

/** A validation problem placed on the sheet: a step's cell, the roles row, or an identity value. */
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

/**
 * The "Riwayat versi" block: a header row below its label, then one version a row (Versi,
 * Tanggal, Perubahan, Oleh) until the first empty row. A blank version number counts on.
 */
function readHistory(
  values: unknown[][],
  labelIndex: number,
  timeZone: string | undefined,
  problems: Problem[],
): SopVersion[] {
  const versions: SopVersion[] = [];
  for (let r = labelIndex + 2; r < values.length; r++) {
    const [rawVersion, rawDate, note, by] = values[r] ?? [];
    if ([rawVersion, rawDate, note, by].every((v) => text(v) === '')) break;
    const typed = text(rawVersion);
    const previous = versions.at(-1)?.version ?? 0;
    const version = /^\d{1,4}$/.test(typed) ? Number(typed) : previous + 1;
    const date = text(rawDate) === '' ? '' : parseDate(rawDate, timeZone);
    if (date === null)
      problems.push({
        code: 'badDate',
        params: { label: HISTORY_LABEL, value: text(rawDate) },
        row: r + 1,
        column: 2,
      });
    versions.push({ version, date: date ?? '', note: text(note), by: text(by) });
  }
  return versions;
}

/** The optional print settings ("Kertas": A4 or F4, "Langkah per halaman": 1–200). */
function readPrint(
  values: unknown[][],
  labelRows: Map<string, number>,
  problems: Problem[],
): SopTemplate['print'] | undefined {
  const print: NonNullable<SopTemplate['print']> = {};
  const paperRow = labelRows.get(norm(PAPER_LABEL));
  const paper = paperRow === undefined ? '' : text(values[paperRow][1]).toUpperCase();
  if (paper === 'A4' || paper === 'F4') print.paper = paper;
  else if (paper !== '' && paperRow !== undefined)
    problems.push({
      code: 'badPrintSetting',
      params: { label: PAPER_LABEL, value: text(values[paperRow][1]), expected: 'A4 / F4' },
      row: paperRow + 1,
      column: 2,
    });
  const stepsRow = labelRows.get(norm(STEPS_PER_PAGE_LABEL));
  const steps = stepsRow === undefined ? '' : text(values[stepsRow][1]);
  if (/^\d{1,3}$/.test(steps) && Number(steps) >= 1 && Number(steps) <= 200)
    print.stepsPerPage = Number(steps);
  else if (steps !== '' && stepsRow !== undefined)
    problems.push({
      code: 'badPrintSetting',
      params: { label: STEPS_PER_PAGE_LABEL, value: steps, expected: '1–200' },
      row: stepsRow + 1,
      column: 2,
    });
  return Object.keys(print).length ? print : undefined;
}
