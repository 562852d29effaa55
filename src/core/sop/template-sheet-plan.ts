/**
 * The `Template: <nama>` sheet staff edit: identity as label/value rows, the executor roles in
 * one row, then the steps table with dropdowns. Read back by template-sheet-read.ts.
 */
import { GridBuilder, type CellStyle, type SheetPlan } from '../plan/plan';
import { GRID_LINES } from '../plan/styles';
import type { SopIdentity, SopTemplate, StepTarget } from './model';
import {
  END_LABEL,
  HISTORY_HEADERS,
  HISTORY_LABEL,
  IDENTITY_LABELS,
  KIND_LABELS,
  ROLES_LABEL,
  STEP_HEADERS,
  type ApproverField,
  type IdentityKey,
  type StepColumn,
} from './template-sheet-labels';

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
  // The version history below: what changed, when, by whom (the add-in appends a row when an SOP
  // is generated from a changed template; staff may add rows too).
  const history = historyRows(template, lastRow + 2);
  grid.set(history.label, 1, HISTORY_LABEL, { fontWeight: 'bold', fontSize: 12 });
  HISTORY_HEADERS.forEach((header, i) => grid.set(history.header, i + 1, header, HEADER));
  history.entries.forEach((cells, i) =>
    cells.forEach((value, c) => grid.set(history.header + 1 + i, c + 1, value, TEXT)),
  );
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
          // The history block: the same lines, in the same call.
          {
            row: history.header,
            column: 1,
            numRows: history.entries.length + 1,
            numColumns: HISTORY_HEADERS.length,
          },
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
    // A4 landscape, one page wide, the steps' header on every page (.xlsx export only).
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { first: headerRow, last: headerRow } },
  };
}

/** Where the history block goes and its rows (version 1 on Tanggal Pembuatan without a history). */
function historyRows(
  template: SopTemplate,
  label: number,
): { label: number; header: number; entries: string[][] } {
  const versions = template.versions?.length
    ? template.versions
    : [{ version: 1, date: template.identity.tanggalPembuatan, note: 'Versi pertama', by: '' }];
  return {
    label,
    header: label + 1,
    entries: versions.map((v) => [String(v.version), v.date, v.note, v.by]),
  };
}
