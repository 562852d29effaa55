/**
 * The flowchart table of the SOP sheet: No | Kegiatan | two half-columns per executor (and the
 * loop lanes) | Kelengkapan | Waktu | Output | Keterangan. Each step has a symbol row and, below
 * it, a connector row; lines are cell borders (sop-sheet-lines.ts):
 *   - a connector runs down the line between an executor's half-columns, sideways along the top
 *     edge of the connector row, and ends in an arrowhead "▼" just above the symbol it enters;
 *   - symbols: process a boxed blue rectangle, decision "◇" on yellow with a double border,
 *     terminators (Mulai/Selesai) green with a green outline, off-page connectors "⬠ A" grey;
 *   - a Perbaikan loop is a dashed red line from the decision's upper right, up its lane, into
 *     the target's upper right with "◄" — drawn last, on edges no other line uses;
 *   - at a page break the flow ends in "⬠ A" and resumes from "⬠ A" on the next page (loops
 *     crossing it get their own letter in their lane).
 * Below, the total of the standard times.
 */
import {
  estimateRowHeight,
  rect,
  type CellStyle,
  type GridBuilder,
  type PlanMerge,
  type PlanRect,
} from '../plan/plan';
import { HEADER, TEXT } from '../plan/styles';
import { formatMinutes, totalMinutes } from './minutes';
import type { SopStep, SopTemplate } from './model';
import { CENTER, COLORS, halves, sopColumnWidths, textWidthPx, type SopColumns } from './sop-sheet-grid';
import { EdgeSet } from './sop-sheet-lines';
import type { Loop } from './sop-sheet-loops';
import { connectorLetter, splitIntoPages, type PageOptions } from './sop-sheet-pages';

type SymbolKind = 'process' | 'decision' | 'terminator' | 'offPage';

const SYMBOL: Record<SymbolKind, CellStyle> = {
  process: { background: COLORS.process, fontWeight: 'bold', verticalAlignment: 'middle' },
  decision: { background: COLORS.decision, fontWeight: 'bold', verticalAlignment: 'middle' },
  terminator: { background: COLORS.terminator, fontWeight: 'bold', verticalAlignment: 'middle' },
  offPage: { background: COLORS.offPage, fontWeight: 'bold', verticalAlignment: 'middle' },
};
const ARROW: CellStyle = {
  horizontalAlignment: 'right',
  verticalAlignment: 'bottom',
  fontColor: COLORS.line,
};
const BRANCH_LABEL: CellStyle = {
  fontSize: 8,
  fontColor: COLORS.label,
  verticalAlignment: 'top',
  wrap: true,
};
const LOOP_LABEL: CellStyle = { fontSize: 8, fontColor: COLORS.loop, verticalAlignment: 'top', wrap: true };
const LOOP_MARKER: CellStyle = { ...CENTER, fontColor: COLORS.loop, fontWeight: 'bold' };
/** A connector row: room for the arrowhead, nothing to wrap. */
const CONNECTOR_ROW_PX = 21;

/** An off-page connector pair: where the line leaves one page and where it resumes. */
export interface OffPageConnector {
  letter: string;
  /** The row of the marker at the foot of the page, and at the head of the next one. */
  outRow: number;
  inRow: number;
  outColumn: number;
  inColumn: number;
  kind: 'flow' | 'loop';
}

/** Where the table is, and what each kind of line and symbol is drawn around. */
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
  /** From Mulai to the row above the total: an outline. */
  body: PlanRect;
  /** Thin black lines: column lines, step separators, connectors. */
  lines: EdgeSet;
  /** Dashed red lines: the Perbaikan loops and their off-page markers. */
  loopLines: EdgeSet;
  /** The outline of every symbol, by kind. */
  symbols: Record<SymbolKind, PlanRect[]>;
  /** The steps (0-based) of each printed page, and the rows starting pages 2, 3, … */
  pages: number[][];
  pageBreaks: number[];
  offPage: OffPageConnector[];
}

/** Writes the table with its two header rows at `headerRow`. */
export function writeFlowchart(
  grid: GridBuilder,
  template: SopTemplate,
  cols: SopColumns,
  loops: Loop[],
  headerRow: number,
  options: PageOptions = {},
): Flowchart {
  const { roles, steps } = template;
  const merges: PlanMerge[] = [];
  const gridRects: PlanRect[] = [];
  const widths = sopColumnWidths(cols);
  const lines = new EdgeSet();
  const loopLines = new EdgeSet();
  const symbols: Record<SymbolKind, PlanRect[]> = { process: [], decision: [], terminator: [], offPage: [] };
  const labels = new Map<string, { texts: string[]; style: CellStyle }>();

  // Header (two rows): Pelaksana over the executors, Mutu Baku over its three columns.
  const sub = headerRow + 1;
  grid.style(headerRow, 1, HEADER, 2, cols.width);
  grid.set(headerRow, cols.no, 'No').set(headerRow, cols.activity, 'Kegiatan');
  grid.set(headerRow, cols.firstChart, 'Pelaksana').set(headerRow, cols.requirements, 'Mutu Baku');
  grid.set(headerRow, cols.remarks, 'Keterangan');
  roles.forEach((role, i) => grid.set(sub, halves(cols, i).left, role));
  grid.set(sub, cols.requirements, 'Kelengkapan').set(sub, cols.minutes, 'Waktu (Menit)');
  grid.set(sub, cols.output, 'Output');
  merges.push(
    { rect: rect(headerRow, cols.no, 2, 2), mode: 'vertically' },
    { rect: rect(headerRow, cols.remarks, 2, 1), mode: 'vertically' },
    { rect: rect(headerRow, cols.firstChart, 1, cols.lastChart - cols.firstChart + 1), mode: 'all' },
    { rect: rect(headerRow, cols.requirements, 1, 3), mode: 'all' },
    ...roles.map((_, i) => ({ rect: rect(sub, halves(cols, i).left, 1, 2), mode: 'all' as const })),
  );
  gridRects.push(rect(headerRow, 1, 2, cols.width));

  // Which executor (0-based) draws each step: the first of its executors is the main one.
  const roleIndex = (role: string) =>
    roles.findIndex((r) => r.trim().toLowerCase() === role.trim().toLowerCase());
  const executorsOf = (step: SopStep) => {
    const found = step.executors.map(roleIndex).filter((i) => i >= 0);
    return found.length ? found : [0];
  };
  const mainOf = (step: SopStep) => executorsOf(step)[0];
  const rightmostOf = (step: SopStep) => Math.max(...executorsOf(step));
  const laneColumn = (loop: Loop) => cols.firstLane + loop.lane;

  // Pages: each step's height is its tallest text plus its connector row.
  const remarks = steps.map(remarksText);
  const heights = steps.map((step, i) => symbolRowHeight(step, remarks[i]) + CONNECTOR_ROW_PX);
  const tableWidth = Object.values(widths).reduce((sum, w) => sum + w + 5, 0);
  const pages = splitIntoPages(heights, tableWidth, options);

  // Rows: Mulai, its connector, then per page [in-marker, connector,] steps (symbol + connector
  // rows) and [out-marker | Selesai].
  const startRow = sub + 1;
  const stepRows: number[] = [];
  const pageStart: number[] = [];
  const pageEnd: number[] = [];
  let row = startRow + 2;
  pages.forEach((page, p) => {
    if (p > 0) {
      pageStart.push(row);
      row += 2;
    } else pageStart.push(startRow);
    for (const i of page) {
      stepRows[i] = row;
      row += 2;
    }
    pageEnd.push(row);
    row += 1;
  });
  const endRow = pageEnd[pageEnd.length - 1];
  const totalRow = endRow + 1;
  const pageOf = (stepIndex: number) => pages.findIndex((page) => page.includes(stepIndex));

  // Symbols and step texts.
  terminator(startRow, mainOf(steps[0]), 'Mulai');
  connect(startRow + 1, mainOf(steps[0]), mainOf(steps[0]));
  steps.forEach((step, i) => {
    const symbolRow = stepRows[i];
    stepText(symbolRow, step, remarks[i]);
    const executors = executorsOf(step);
    for (const e of executors)
      symbol(symbolRow, e, step.kind, step.kind === 'decision' ? '◇' : '', step.number);
    // Several executors: their symbols are joined along the foot of the symbol row.
    const sorted = [...executors].sort((a, b) => a - b);
    for (let k = 1; k < sorted.length; k++)
      lines.top(symbolRow + 1, halves(cols, sorted[k - 1]).right + 1, halves(cols, sorted[k]).left - 1);
    const next = steps[i + 1];
    const lastOnPage = pages[pageOf(i)].at(-1) === i;
    const approved = step.kind === 'decision' && step.onApproved === (next ? next.number : 'end');
    if (approved) label(symbolRow + 1, halves(cols, mainOf(step)).right, 'Sesuai', BRANCH_LABEL);
    connect(symbolRow + 1, mainOf(step), next && !lastOnPage ? mainOf(next) : mainOf(step));
  });
  terminator(endRow, mainOf(steps[steps.length - 1]), 'Selesai');

  // Page breaks: the flow line ends in a lettered marker and resumes from it on the next page.
  const offPage: OffPageConnector[] = [];
  const pageBreaks = pageStart.slice(1);
  pages.slice(1).forEach((page, k) => {
    const from = steps[pages[k].at(-1) as number];
    const to = steps[page[0]];
    const letter = connectorLetter(offPage.length);
    const outRow = pageEnd[k];
    const inRow = pageStart[k + 1];
    symbol(outRow, mainOf(from), 'offPage', '⬠', letter);
    symbol(inRow, mainOf(to), 'offPage', '⬠', letter);
    connect(inRow + 1, mainOf(to), mainOf(to));
    offPage.push({
      letter,
      outRow,
      inRow,
      outColumn: halves(cols, mainOf(from)).left,
      inColumn: halves(cols, mainOf(to)).left,
      kind: 'flow',
    });
  });

  // Perbaikan loops: dashed red, leaving the decision's upper right and entering the target's.
  for (const loop of loops) {
    const decision = steps[loop.decision];
    const target = steps[loop.target];
    const lane = laneColumn(loop);
    const decisionRow = stepRows[loop.decision];
    const targetRow = stepRows[loop.target];
    const exitColumn = halves(cols, rightmostOf(decision)).right + 1;
    const entryColumn = halves(cols, rightmostOf(target)).right + 1;
    loopLines.top(decisionRow, exitColumn, lane);
    loopLines.top(targetRow, entryColumn, lane);
    label(targetRow, entryColumn, '◄', LOOP_LABEL);
    if (exitColumn < cols.firstLane) label(decisionRow, exitColumn, 'Perbaikan', LOOP_LABEL);
    const targetPage = pageOf(loop.target);
    const decisionPage = pageOf(loop.decision);
    if (targetPage === decisionPage) {
      loopLines.right(lane, targetRow, decisionRow - 1);
      continue;
    }
    // Across pages: up to a marker at the head of the decision's page; from the same letter at
    // the foot of the target's page up to the target.
    const letter = connectorLetter(offPage.length);
    const inRow = pageStart[decisionPage];
    const outRow = pageEnd[targetPage];
    loopLines.right(lane, inRow + 1, decisionRow - 1);
    loopLines.right(lane, targetRow, outRow - 1);
    for (const markerRow of [inRow, outRow]) {
      grid.set(markerRow, lane, `⬠ ${letter}`, LOOP_MARKER);
      loopLines
        .top(markerRow, lane)
        .top(markerRow + 1, lane)
        .right(lane, markerRow);
      // Beside a symbol (the flow's own marker) the box closes on that symbol's outline: one edge, one line.
      if (!symbolAt(markerRow, lane - 1)) loopLines.right(lane - 1, markerRow);
    }
    offPage.push({ letter, outRow, inRow, outColumn: lane, inColumn: lane, kind: 'loop' });
  }
  for (const [key, { texts, style }] of labels) {
    const [r, c] = key.split(',').map(Number);
    grid.set(r, c, texts.join(' '), style);
  }

  // Column lines of the body and a line above each step's text (not across the flowchart).
  const bodyLast = totalRow - 1;
  for (const column of [cols.no, cols.activity, cols.lastChart, cols.requirements, cols.minutes, cols.output])
    lines.right(column, startRow, bodyLast);
  for (const r of [...stepRows, ...pageBreaks, totalRow])
    lines.top(r, cols.no, cols.activity).top(r, cols.requirements, cols.remarks);

  // Total.
  const total = totalMinutes(steps);
  grid.set(totalRow, cols.activity, 'Jumlah waktu', { fontWeight: 'bold', horizontalAlignment: 'right' });
  grid.set(totalRow, cols.minutes, total.min === total.max ? total.min : `${total.min} atau ${total.max}`, {
    ...CENTER,
    fontWeight: 'bold',
    wrap: true,
  });
  grid.set(
    totalRow,
    cols.output,
    `menit (${hours(total.min)}${total.min === total.max ? '' : ` atau ${hours(total.max)}`})`,
    TEXT,
  );
  // Grid lines on the text columns; the flowchart's columns are one cell wide here.
  gridRects.push(rect(totalRow, 1, 1, 2), rect(totalRow, cols.requirements, 1, 4));
  lines.top(totalRow, cols.firstChart, cols.lastChart).top(totalRow + 1, cols.firstChart, cols.lastChart);

  return {
    headerRow,
    stepRows,
    startRow,
    endRow,
    totalRow,
    merges,
    gridRects,
    body: rect(startRow, 1, totalRow - startRow, cols.width),
    lines,
    loopLines,
    symbols,
    pages,
    pageBreaks,
    offPage,
  };

  /**
   * A symbol spans its executor's two half-columns; its text sits on either side of the middle
   * line ("◇" | "2", "⬠" | "A"), so it reads centred without merging cells.
   */
  function symbol(
    at: number,
    executor: number,
    kind: SymbolKind,
    left: string,
    right: string | number,
  ): void {
    const { left: l, right: r } = halves(cols, executor);
    grid.set(at, l, left, { ...SYMBOL[kind], horizontalAlignment: 'right' });
    grid.set(at, r, right, { ...SYMBOL[kind], horizontalAlignment: 'left' });
    symbols[kind].push(rect(at, l, 1, 2));
  }

  /** Mulai and Selesai: merged across both halves (two merges whatever the length). */
  function symbolAt(at: number, column: number): boolean {
    return Object.values(symbols).some((rects) =>
      rects.some((r) => r.row === at && r.column <= column && column < r.column + r.numColumns),
    );
  }

  function terminator(at: number, executor: number, text: string): void {
    const { left: l } = halves(cols, executor);
    grid.set(at, l, text, { ...SYMBOL.terminator, horizontalAlignment: 'center' });
    grid.style(at, l + 1, SYMBOL.terminator);
    symbols.terminator.push(rect(at, l, 1, 2));
    merges.push({ rect: rect(at, l, 1, 2), mode: 'all' });
  }

  /**
   * The line in connector row `at` from executor `from` (the symbol above) to `to` (the symbol
   * below): along the row's top edge when it moves sideways, then down the middle of `to` into
   * an arrowhead.
   */
  function connect(at: number, from: number, to: number): void {
    const a = halves(cols, from);
    const b = halves(cols, to);
    if (to > from) lines.top(at, a.right, b.left);
    if (to < from) lines.top(at, b.right, a.left);
    lines.right(b.left, at);
    grid.set(at, b.left, '▼', ARROW);
  }

  function label(at: number, column: number, text: string, style: CellStyle): void {
    const key = `${at},${column}`;
    const existing = labels.get(key);
    if (existing) existing.texts.push(text);
    else labels.set(key, { texts: [text], style });
  }

  function stepText(at: number, step: SopStep, remarks: string): void {
    grid.set(at, cols.no, step.number, { ...CENTER, verticalAlignment: 'top' });
    grid.set(at, cols.activity, step.activity, TEXT);
    grid.set(at, cols.requirements, step.requirements, TEXT);
    const minutes = step.minutes.values.length === 1 ? step.minutes.values[0] : formatMinutes(step.minutes);
    grid.set(at, cols.minutes, minutes, { ...CENTER, verticalAlignment: 'top', wrap: true });
    grid.set(at, cols.output, step.output, TEXT);
    grid.set(at, cols.remarks, remarks, TEXT);
  }

  /** The remarks, then a decision's branches in words: the flowchart's lines, readable in print. */
  function remarksText(step: SopStep, index: number): string {
    if (step.kind !== 'decision') return step.remarks;
    const next = steps[index + 1];
    const jumps: string[] = [];
    if (step.onApproved !== undefined && step.onApproved !== (next ? next.number : 'end'))
      jumps.push(`Sesuai → ${targetText(step.onApproved)}`);
    if (step.onRevision !== undefined)
      jumps.push(`Perbaikan ${direction(step.onRevision, step.number)} ${targetText(step.onRevision)}`);
    return [step.remarks, ...jumps].filter(Boolean).join('\n');
  }

  function symbolRowHeight(step: SopStep, remarks: string): number {
    const minutes =
      step.minutes.values.length === 1 ? String(step.minutes.values[0]) : formatMinutes(step.minutes);
    return Math.max(
      estimateRowHeight(step.activity, widths[cols.activity]),
      estimateRowHeight(step.requirements, widths[cols.requirements]),
      estimateRowHeight(minutes, widths[cols.minutes]),
      estimateRowHeight(step.output, widths[cols.output]),
      estimateRowHeight(remarks, widths[cols.remarks]),
    );
  }
}

/** Whether a text shows whole in a cell `widthPx` wide: on one line, or wrapped at spaces. */
export function fitsCell(text: string, widthPx: number, style: CellStyle | null | undefined): boolean {
  const lines = text.split('\n');
  if (!style?.wrap) return lines.every((line) => textWidthPx(line, style) <= widthPx);
  return lines.every((line) => line.split(/\s+/).every((word) => textWidthPx(word, style) <= widthPx));
}

function targetText(value: number | 'end'): string {
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
