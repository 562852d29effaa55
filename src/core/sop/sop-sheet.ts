import { formatDateId } from '../format';
import { formatMinutes, totalMinutes } from './minutes';
import type { SopIdentity, SopStep, SopTemplate } from './model';
import {
  estimateRowHeight,
  GridBuilder,
  type BorderSpec,
  type CellStyle,
  type PlanMerge,
  type PlanRect,
  type SheetPlan,
} from '../plan/plan';
import { HEADER, TEXT } from '../plan/styles';

/**
 * The official SOP sheet (Permenpan RB 35/2012): the identity block, then the flowchart table
 * No | Kegiatan | one column per executor | Kelengkapan | Waktu | Output | Keterangan.
 *
 * The flowchart is drawn in cells: every step gets a symbol row, and between two symbols a
 * connector row carries the arrow (down in one column, sideways across columns). Terminators
 * (Mulai/Selesai) have rows of their own. A decision's "Perbaikan" loop back is a dashed red
 * line beside its column with labels at both ends. Everything is one plan: values + styles +
 * merges + borders, applied in a fixed number of batched calls whatever the number of steps.
 */

const COLORS = {
  identityLabel: '#f3f3f3',
  process: '#dbe8f7',
  decision: '#fff2cc',
  terminator: '#d9ead3',
  connector: '#434343',
  loop: '#c00000',
  line: '#000000',
};
// About 1,100 px in all for five executors: fits a landscape page when printed "fit to width".
// The four mutu baku/remarks columns share one width: one setColumnWidths call for all four.
const WIDTH = { no: 40, activity: 210, role: 80, requirements: 120, minutes: 120, output: 120, remarks: 120 };

const CENTER: CellStyle = { horizontalAlignment: 'center', verticalAlignment: 'middle' };
const SYMBOL: Record<'process' | 'decision' | 'terminator', CellStyle> = {
  process: { ...CENTER, background: COLORS.process, fontWeight: 'bold' },
  decision: { ...CENTER, background: COLORS.decision, fontWeight: 'bold' },
  terminator: { ...CENTER, background: COLORS.terminator, fontWeight: 'bold' },
};
const CONNECTOR: CellStyle = { ...CENTER, fontColor: COLORS.connector };
const LOOP_LABEL: CellStyle = { ...CENTER, fontColor: COLORS.loop, wrap: true };

const IDENTITY_ROWS: [string, (identity: SopIdentity) => string][] = [
  ['Nomor SOP', (i) => i.nomor],
  ['Tanggal Pembuatan', (i) => formatDateId(i.tanggalPembuatan)],
  ['Tanggal Revisi', (i) => formatDateId(i.tanggalRevisi)],
  ['Tanggal Efektif', (i) => formatDateId(i.tanggalEfektif)],
  ['Disahkan oleh', approval],
  ['Nama SOP', (i) => i.namaSop],
];
const SECTIONS: [[string, keyof SopIdentity], [string, keyof SopIdentity]][] = [
  [
    ['DASAR HUKUM:', 'dasarHukum'],
    ['KUALIFIKASI PELAKSANA:', 'kualifikasiPelaksana'],
  ],
  [
    ['KETERKAITAN:', 'keterkaitan'],
    ['PERALATAN/PERLENGKAPAN:', 'peralatan'],
  ],
  [
    ['PERINGATAN:', 'peringatan'],
    ['PENCATATAN DAN PENDATAAN:', 'pencatatan'],
  ],
];

/** Column numbers of the flowchart table for a template with `roleCount` executors. */
export function sopColumns(roleCount: number) {
  const firstRole = 3;
  const requirements = firstRole + roleCount;
  return {
    no: 1,
    activity: 2,
    firstRole,
    requirements,
    minutes: requirements + 1,
    output: requirements + 2,
    remarks: requirements + 3,
    width: requirements + 3,
  };
}

/** Where things are on the generated sheet; tests and the server read positions from here. */
export interface SopSheetLayout {
  plan: SheetPlan;
  headerRow: number;
  /** The symbol row of each step, in template order. */
  stepRows: number[];
  startRow: number;
  endRow: number;
  totalRow: number;
}

export function sopSheetPlan(template: SopTemplate, sheetName: string): SheetPlan {
  return sopSheetLayout(template, sheetName).plan;
}

export function sopSheetLayout(template: SopTemplate, sheetName: string): SopSheetLayout {
  const { identity, roles, steps } = template;
  const cols = sopColumns(roles.length);
  const grid = new GridBuilder(cols.width);
  const merges: PlanMerge[] = [];
  const gridRects: PlanRect[] = [];

  // Identity block: the agency on the left, the document's particulars on the right.
  const left = 2 + Math.floor(roles.length / 2);
  const labelEnd = left + 2;
  grid.set(1, 1, identity.instansi, { ...CENTER, fontWeight: 'bold', wrap: true });
  merges.push({ rect: rect(1, 1, IDENTITY_ROWS.length, left), mode: 'all' });
  IDENTITY_ROWS.forEach(([label, value], i) => {
    grid.set(1 + i, left + 1, label, { ...TEXT, fontWeight: 'bold', background: COLORS.identityLabel });
    grid.set(
      1 + i,
      labelEnd + 1,
      value(identity),
      label === 'Nama SOP' ? { ...TEXT, fontWeight: 'bold' } : TEXT,
    );
  });
  const widths = columnWidths();
  const span = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => widths[from + i]).reduce((a, b) => a + b, 0);
  const rowHeights: Record<number, number> = {};
  const fit = (row: number, text: string, widthPx: number) => {
    const height = estimateRowHeight(text, widthPx);
    if (height > 30) rowHeights[row] = Math.max(rowHeights[row] ?? 0, height);
  };
  IDENTITY_ROWS.forEach(([, value], i) => fit(1 + i, value(identity), span(labelEnd + 1, cols.width)));
  merges.push({ rect: rect(1, left + 1, IDENTITY_ROWS.length, 2), mode: 'across' });
  merges.push({ rect: rect(1, labelEnd + 1, IDENTITY_ROWS.length, cols.width - labelEnd), mode: 'across' });
  const sectionTop = IDENTITY_ROWS.length + 1;
  SECTIONS.forEach((pair, i) => {
    const row = sectionTop + i * 2;
    pair.forEach(([label, field], side) => {
      const column = side === 0 ? 1 : left + 1;
      grid.set(row, column, label, { ...TEXT, fontWeight: 'bold', background: COLORS.identityLabel });
      const text = numbered(identity[field] as string[]);
      grid.set(row + 1, column, text, TEXT);
      fit(row + 1, text, side === 0 ? span(1, left) : span(left + 1, cols.width));
    });
  });
  merges.push({ rect: rect(sectionTop, 1, SECTIONS.length * 2, left), mode: 'across' });
  merges.push({ rect: rect(sectionTop, left + 1, SECTIONS.length * 2, cols.width - left), mode: 'across' });
  gridRects.push(rect(1, 1, sectionTop + SECTIONS.length * 2 - 1, cols.width));

  // Flowchart table header (two rows), frozen so it stays in view while scrolling the steps.
  const headerRow = sectionTop + SECTIONS.length * 2 + 1;
  const sub = headerRow + 1;
  grid.set(headerRow, cols.no, 'No', HEADER).set(headerRow, cols.activity, 'Kegiatan', HEADER);
  grid
    .set(headerRow, cols.firstRole, 'Pelaksana', HEADER)
    .set(headerRow, cols.requirements, 'Mutu Baku', HEADER);
  grid.set(headerRow, cols.remarks, 'Keterangan', HEADER);
  roles.forEach((role, i) => grid.set(sub, cols.firstRole + i, role, HEADER));
  grid
    .set(sub, cols.requirements, 'Kelengkapan', HEADER)
    .set(sub, cols.minutes, 'Waktu (Menit)', HEADER)
    .set(sub, cols.output, 'Output', HEADER);
  grid.style(headerRow, 1, HEADER, 2, cols.width);
  merges.push(
    { rect: rect(headerRow, cols.no, 2, 2), mode: 'vertically' },
    { rect: rect(headerRow, cols.remarks, 2, 1), mode: 'vertically' },
    { rect: rect(headerRow, cols.firstRole, 1, roles.length), mode: 'all' },
    { rect: rect(headerRow, cols.requirements, 1, 3), mode: 'all' },
  );
  gridRects.push(rect(headerRow, 1, 2, cols.width));

  // Flowchart body.
  const roleColumn = (role: string) =>
    cols.firstRole + roles.findIndex((r) => r.trim().toLowerCase() === role.trim().toLowerCase());
  const symbolColumns = (step: SopStep) => step.executors.map(roleColumn).filter((c) => c >= cols.firstRole);
  const mainColumn = (step: SopStep) => symbolColumns(step)[0] ?? cols.firstRole;
  const symbolRects: PlanRect[] = [];
  const stepSeparators: PlanRect[] = [];
  const loopLines: { rects: PlanRect[]; side: 'left' | 'right' }[] = [];

  const startRow = sub + 1;
  terminator(startRow, mainColumn(steps[0]), 'Mulai');
  connector(startRow + 1, mainColumn(steps[0]), mainColumn(steps[0]), '');
  const stepRows = steps.map((_, i) => startRow + 2 + i * 2);
  steps.forEach((step, i) => {
    const row = stepRows[i];
    stepText(row, step);
    stepSeparators.push(rect(row, 1, 2, 2), rect(row, cols.requirements, 2, 4));
    const symbolCols = symbolColumns(step);
    for (const column of symbolCols) {
      grid.set(
        row,
        column,
        step.kind === 'decision' ? `◇ ${step.number}` : String(step.number),
        SYMBOL[step.kind],
      );
      symbolRects.push(rect(row, column, 1, 1));
    }
    // Several executors: their symbols are joined by a line through the columns between them.
    for (let c = Math.min(...symbolCols) + 1; c < Math.max(...symbolCols); c++) {
      if (!symbolCols.includes(c)) grid.set(row, c, '────', CONNECTOR);
    }
    const next = steps[i + 1];
    const approvedLabel =
      step.kind === 'decision' && step.onApproved === (next ? next.number : 'end') ? 'Sesuai' : '';
    connector(row + 1, mainColumn(step), next ? mainColumn(next) : mainColumn(step), approvedLabel);
    if (step.kind === 'decision') decisionBranches(step, row, i);
  });
  const endRow = startRow + 2 + steps.length * 2;
  terminator(endRow, mainColumn(steps[steps.length - 1]), 'Selesai');

  const totalRow = endRow + 1;
  const total = totalMinutes(steps);
  grid.set(totalRow, cols.activity, 'Jumlah waktu', { fontWeight: 'bold', horizontalAlignment: 'right' });
  grid.set(totalRow, cols.minutes, total.min === total.max ? total.min : `${total.min} atau ${total.max}`, {
    ...CENTER,
    fontWeight: 'bold',
  });
  grid.set(
    totalRow,
    cols.output,
    `menit (${hours(total.min)}${total.min === total.max ? '' : ` atau ${hours(total.max)}`})`,
    TEXT,
  );
  gridRects.push(rect(totalRow, 1, 1, cols.width));

  const body = rect(startRow, 1, totalRow - startRow, cols.width);
  const { values, styles } = grid.build();
  const line = (
    spec: Omit<BorderSpec, 'color' | 'style'>,
    style: BorderSpec['style'] = 'SOLID',
    color = COLORS.line,
  ): BorderSpec => ({ ...spec, color, style });
  return {
    plan: {
      sheetName,
      values,
      styles,
      merges,
      borders: [
        {
          rects: gridRects,
          spec: line({ top: true, left: true, bottom: true, right: true, vertical: true, horizontal: true }),
        },
        { rects: [body], spec: line({ top: true, left: true, bottom: true, right: true, vertical: true }) },
        { rects: stepSeparators, spec: line({ top: true }) },
        {
          rects: symbolRects,
          spec: line({ top: true, left: true, bottom: true, right: true }, 'SOLID_MEDIUM'),
        },
        // All loops on one side share one RangeList: two calls however many decisions there are.
        ...(['right', 'left'] as const)
          .map((side) => ({ side, rects: loopLines.filter((l) => l.side === side).flatMap((l) => l.rects) }))
          .filter((group) => group.rects.length > 0)
          .map(({ side, rects }) => ({
            rects,
            spec: line(side === 'right' ? { right: true } : { left: true }, 'DASHED', COLORS.loop),
          })),
      ],
      validations: [],
      columnWidths: widths,
      rowHeights,
      // Nothing frozen: identity block + table header are ~590 px, taller than what a 1366×768
      // laptop shows of a sheet, so freezing them would make the flowchart unreachable. (Sheets
      // can repeat only frozen rows, and those must start at row 1, above the identity block.)
      frozenRows: 0,
      protection: {
        description: `Dibuat oleh add-on SOP & Data Terpilah dari template "${identity.namaSop}". Ubah templatenya, lalu buat ulang SOP.`,
      },
    },
    headerRow,
    stepRows,
    startRow,
    endRow,
    totalRow,
  };

  function terminator(row: number, column: number, label: string): void {
    grid.set(row, column, label, SYMBOL.terminator);
    symbolRects.push(rect(row, column, 1, 1));
  }

  /** The arrow from column `from` (above) to column `to` (below), drawn in one row. */
  function connector(row: number, from: number, to: number, label: string): void {
    const suffix = label ? ` ${label}` : '';
    if (from === to) {
      grid.set(row, from, `▼${suffix}`, CONNECTOR);
      return;
    }
    const right = to > from;
    grid.set(row, from, right ? `└─►${suffix}` : `◄─┘${suffix}`, CONNECTOR);
    for (let c = Math.min(from, to) + 1; c < Math.max(from, to); c++)
      grid.set(row, c, right ? '──►' : '◄──', CONNECTOR);
    grid.set(row, to, right ? '─►▼' : '▼◄─', CONNECTOR);
  }

  function stepText(row: number, step: SopStep): void {
    grid.set(row, cols.no, step.number, { ...CENTER, verticalAlignment: 'top' });
    grid.set(row, cols.activity, step.activity, TEXT);
    grid.set(row, cols.requirements, step.requirements, TEXT);
    const minutes = step.minutes.values.length === 1 ? step.minutes.values[0] : formatMinutes(step.minutes);
    grid.set(row, cols.minutes, minutes, { ...CENTER, verticalAlignment: 'top', wrap: true });
    grid.set(row, cols.output, step.output, TEXT);
    grid.set(row, cols.remarks, step.remarks, TEXT);
  }

  /** Labels a decision's jumps; the Perbaikan loop gets a dashed line beside the decision's column. */
  function decisionBranches(step: SopStep, row: number, index: number): void {
    const column = mainColumn(step);
    const lastRole = cols.firstRole + roles.length - 1;
    const used = new Set(symbolColumns(step));
    const side: 'right' | 'left' | null =
      column < lastRole && !used.has(column + 1)
        ? 'right'
        : column > cols.firstRole && !used.has(column - 1)
          ? 'left'
          : null;
    const labelColumn = side === 'right' ? column + 1 : side === 'left' ? column - 1 : null;
    const jumps: string[] = [];
    const next = steps[index + 1];
    if (step.onApproved !== undefined && step.onApproved !== (next ? next.number : 'end'))
      jumps.push(`Sesuai → ${target(step.onApproved)}`);
    if (step.onRevision !== undefined)
      jumps.push(`Perbaikan ${direction(step.onRevision, step.number)} ${target(step.onRevision)}`);
    if (labelColumn === null) {
      if (jumps.length)
        grid.set(row, cols.remarks, [step.remarks, ...jumps].filter(Boolean).join('\n'), TEXT);
      return;
    }
    if (jumps.length) grid.set(row, labelColumn, jumps.join('\n'), LOOP_LABEL);
    const targetIndex = steps.findIndex((s) => s.number === step.onRevision);
    if (targetIndex < 0 || targetIndex > index || side === null) return;
    // The loop: a dashed line on the label side of the decision's column, from the target up to the decision.
    const top = stepRows[targetIndex];
    loopLines.push({ rects: [rect(top, column, row - top + 1, 1)], side });
    const targetColumn = mainColumn(steps[targetIndex]);
    const mark = side === 'right' ? targetColumn + 1 : targetColumn - 1;
    if (
      mark >= cols.firstRole &&
      mark <= lastRole &&
      !symbolColumns(steps[targetIndex]).includes(mark) &&
      targetIndex !== index
    ) {
      grid.set(top, mark, `${side === 'right' ? '◄' : '►'} Perbaikan dari ${step.number}`, LOOP_LABEL);
    }
  }

  function columnWidths(): Record<number, number> {
    const widths: Record<number, number> = { [cols.no]: WIDTH.no, [cols.activity]: WIDTH.activity };
    roles.forEach((_, i) => (widths[cols.firstRole + i] = WIDTH.role));
    widths[cols.requirements] = WIDTH.requirements;
    widths[cols.minutes] = WIDTH.minutes;
    widths[cols.output] = WIDTH.output;
    widths[cols.remarks] = WIDTH.remarks;
    return widths;
  }
}

function rect(row: number, column: number, numRows: number, numColumns: number): PlanRect {
  return { row, column, numRows, numColumns };
}

function target(value: number | 'end'): string {
  return value === 'end' ? 'selesai' : `langkah ${value}`;
}

/** Up for a loop back to an earlier step, down for a jump ahead. */
function direction(value: number | 'end', from: number): string {
  return value === 'end' ? '→' : value <= from ? '↑ ke' : '↓ ke';
}

/** "Kepala …\n\n\nDra. SUSANTI, MAP\nPembina Utama Madya\nNIP. 19650713 199203 2 002": room to sign. */
function approval(identity: SopIdentity): string {
  const { jabatan, nama, pangkat, nip } = identity.pengesah;
  return [jabatan, '', '', nama, pangkat, nip ? `NIP. ${nip}` : ''].join('\n').replace(/\n+$/, '');
}

function numbered(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '-';
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

/** 1965 → "32 jam 45 menit". */
function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} jam` : '', m ? `${m} menit` : ''].filter(Boolean).join(' ') || '0 menit';
}
