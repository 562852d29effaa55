/**
 * The flowchart table of the SOP sheet: No | Kegiatan | one column per executor | Kelengkapan |
 * Waktu | Output | Keterangan, drawn in cells. Every step gets a symbol row, and between two
 * symbols a connector row carries the arrow (down in one column, sideways across columns).
 * Terminators (Mulai/Selesai) have rows of their own. A decision's "Perbaikan" loop back is a
 * dashed red line beside its column with labels at both ends. Below, the total of the standard
 * times.
 */
import { rect, type CellStyle, type GridBuilder, type PlanMerge, type PlanRect } from '../plan/plan';
import { HEADER, TEXT } from '../plan/styles';
import { formatMinutes, totalMinutes } from './minutes';
import type { SopStep, SopTemplate } from './model';
import { CENTER, COLORS, type SopColumns } from './sop-sheet-grid';

const SYMBOL: Record<'process' | 'decision' | 'terminator', CellStyle> = {
  process: { ...CENTER, background: COLORS.process, fontWeight: 'bold' },
  decision: { ...CENTER, background: COLORS.decision, fontWeight: 'bold' },
  terminator: { ...CENTER, background: COLORS.terminator, fontWeight: 'bold' },
};
const CONNECTOR: CellStyle = { ...CENTER, fontColor: COLORS.connector };
const LOOP_LABEL: CellStyle = { ...CENTER, fontColor: COLORS.loop, wrap: true };

/** Where the table is, and the rects each kind of line is drawn around. */
export interface Flowchart {
  headerRow: number;
  /** The symbol row of each step, in template order. */
  stepRows: number[];
  startRow: number;
  endRow: number;
  totalRow: number;
  merges: PlanMerge[];
  /** Header and total row: grid lines. */
  gridRects: PlanRect[];
  /** From Mulai to the total row: an outline with the column lines. */
  body: PlanRect;
  /** A line above each step's text. */
  stepSeparators: PlanRect[];
  /** A medium outline around each symbol. */
  symbolRects: PlanRect[];
  /** The Perbaikan loops: a dashed line on one side of the rects. */
  loopLines: { rects: PlanRect[]; side: 'left' | 'right' }[];
}

/** Writes the table with its two header rows at `headerRow`. */
export function writeFlowchart(
  grid: GridBuilder,
  template: SopTemplate,
  cols: SopColumns,
  headerRow: number,
): Flowchart {
  const { roles, steps } = template;
  const merges: PlanMerge[] = [];
  const gridRects: PlanRect[] = [];

  // Header (two rows): Pelaksana over the executors, Mutu Baku over its three columns.
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

  // Body.
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

  return {
    headerRow,
    stepRows,
    startRow,
    endRow,
    totalRow,
    merges,
    gridRects,
    body: rect(startRow, 1, totalRow - startRow, cols.width),
    stepSeparators,
    symbolRects,
    loopLines,
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
}

function target(value: number | 'end'): string {
  return value === 'end' ? 'selesai' : `langkah ${value}`;
}

/** Up for a loop back to an earlier step, down for a jump ahead. */
function direction(value: number | 'end', from: number): string {
  return value === 'end' ? '→' : value <= from ? '↑ ke' : '↓ ke';
}

/** 1965 → "32 jam 45 menit". */
function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} jam` : '', m ? `${m} menit` : ''].filter(Boolean).join(' ') || '0 menit';
}
