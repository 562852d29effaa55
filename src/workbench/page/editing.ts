/**
 * Editing the grid like Sheets: a selection (click, shift-click, drag, arrow keys, shift+arrows),
 * typing into the active cell (Enter commits and moves down, Tab right, Escape cancels; arrows
 * commit when typing started the edit), double-click / F2 / Enter edit in place, Delete and
 * Backspace clear the selection, pasted tab- and newline-separated text fills from the active cell,
 * Ctrl+Z undoes (server-side, ../server/undo.ts), and the formula bar shows and edits the raw
 * content of the active cell. What is typed goes to POST /api/edit as text: the server parses it
 * with Sheets' rules for the spreadsheet's locale. Each sheet keeps its own selection and scroll.
 */
import type { Cell, GridRect } from '../model';
import { cellA1, toA1 } from '../a1';
import { isDate } from '../format/display';
import { formatJavaDate } from '../format/java-date';
import { localeRules } from '../format/locale';
import { isDateFormat } from '../format/sheets-date';
import { coerceInput } from '../services/typed-input';
import type { SheetJson } from './api';
import { protectionAt } from './cell-rules';

export interface Pos {
  row: number;
  col: number;
}

interface SheetView {
  /** The sheet it belongs to: a sheet deleted and made again under the same name starts afresh. */
  sheetId: number;
  anchor: Pos;
  focus: Pos;
  scrollTop: number;
  scrollLeft: number;
}

export interface EditingHost {
  /** The scrolling area holding the grid. */
  area: HTMLElement;
  grid: HTMLElement;
  cellRef: HTMLElement;
  formulaBar: HTMLInputElement;
  /** The sheet on screen (its window of rows), with the workbook's locale and time zone. */
  current(): { sheet: SheetJson; locale: string; timeZone: string } | null;
  /** Types `values` into `rect` (after the person confirmed any warning); false if refused. */
  write(sheet: string, rect: GridRect, values: string[][]): Promise<boolean>;
  undo(): Promise<void>;
  /** Asks OK/Cancel; true for OK. */
  confirm(title: string, message: string): Promise<boolean>;
}

/** Sheets' warning for a range protected with setWarningOnly(true), in the page's Indonesian. */
export const PROTECTED_WARNING =
  'Perhatian! Anda akan mengedit bagian sheet yang dilindungi agar tidak diubah secara tidak sengaja. Tetap edit?';

const rectOf = (a: Pos, b: Pos): GridRect => ({
  row: Math.min(a.row, b.row),
  column: Math.min(a.col, b.col),
  numRows: Math.abs(a.row - b.row) + 1,
  numColumns: Math.abs(a.col - b.col) + 1,
});

/**
 * What the formula bar shows for a cell: its formula, or its value as one would type it in the
 * spreadsheet's locale (a text that typing would turn into something else gets a leading ').
 */
export function rawContent(cell: Cell | null | undefined, locale: string, timeZone: string): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  const v = cell.value;
  const fmt = cell.format?.numberFormat;
  const r = localeRules(locale);
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') {
    const typed = coerceInput(v, fmt, timeZone, locale);
    return typed.formula === undefined && typed.value === v ? v : `'${v}`;
  }
  if (isDate(v)) {
    const [datePart, timePart] = r.dateTimeDisplay.split(' ');
    const ms = v.getTime();
    const dayZero = Date.UTC(1899, 11, 30);
    const timeOnly = Math.abs(ms - dayZero) < 86_400_000 * 1.5 && fmt && !/[dy]/i.test(fmt);
    const dateOnly = fmt && isDateFormat(fmt) && !/[hs]/i.test(fmt);
    const pattern = timeOnly ? timePart : dateOnly ? datePart : r.dateTimeDisplay;
    return formatJavaDate(ms, timeZone, pattern);
  }
  const n = typeof v === 'number' ? v : Number(v);
  const percent = fmt !== undefined && fmt.includes('%');
  const text = String(percent ? Number((n * 100).toPrecision(15)) : n).replace('.', r.decimal);
  return percent ? `${text}%` : text;
}

/** Text copied from a spreadsheet: rows by newline, cells by tab; quoted cells may hold both. */
export function parsePasted(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // a quoted cell: "" is a quote; it ends at a quote before a tab, newline or the end
      let j = i + 1;
      let quoted = '';
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        quoted += text[j++];
      }
      if (closed && (j === text.length || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) {
        cell = quoted;
        i = j;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

export class GridEditor {
  private readonly views = new Map<string, SheetView>();
  private editor: HTMLInputElement | null = null;
  /** The cell the open editor edits (it survives a redraw of the grid while a write is on its way). */
  private editing: { sheet: string; pos: Pos } | null = null;
  private detaching = false;
  /** "enter": typing started the edit (arrows commit); "edit": F2 / double-click (arrows move the caret). */
  private mode: 'enter' | 'edit' = 'enter';
  private dragging = false;

  constructor(private readonly host: EditingHost) {
    const grid = host.grid;
    grid.tabIndex = 0;
    grid.setAttribute('role', 'grid');
    grid.setAttribute('aria-label', 'Sel sheet');
    grid.addEventListener('mousedown', (ev) => this.onMouseDown(ev));
    grid.addEventListener('mouseover', (ev) => {
      if (!this.dragging || !(ev.buttons & 1)) return;
      const pos = this.posOf(ev.target);
      if (pos) this.select(this.view().anchor, pos);
    });
    document.addEventListener('mouseup', () => (this.dragging = false));
    grid.addEventListener('dblclick', (ev) => {
      if (this.posOf(ev.target)) this.openEditor(null, 'edit');
    });
    grid.addEventListener('keydown', (ev) => this.onGridKey(ev));
    document.addEventListener('paste', (ev) => this.onPaste(ev));
    document.addEventListener('copy', (ev) => this.onCopy(ev));
    host.area.addEventListener('scroll', () => {
      const cur = host.current();
      if (!cur) return;
      const v = this.view();
      v.scrollTop = host.area.scrollTop;
      v.scrollLeft = host.area.scrollLeft;
    });
    host.formulaBar.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        void this.commitText(host.formulaBar.value, 1, 0);
      } else if (ev.key === 'Escape') {
        ev.preventDefault();
        this.showActive();
        grid.focus();
      }
    });
  }

  /** The selection and scroll of the sheet on screen (created at A1). */
  private view(): SheetView {
    const sheet = this.host.current()?.sheet;
    const name = sheet?.name ?? '';
    const sheetId = sheet?.sheetId ?? -1;
    let v = this.views.get(name);
    if (!v || v.sheetId !== sheetId) {
      v = { sheetId, anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 }, scrollTop: 0, scrollLeft: 0 };
      this.views.set(name, v);
    }
    return v;
  }

  /** Forgets a sheet's selection (deleted) or moves it to a new name (renamed). */
  renamed(from: string, to: string | null): void {
    const v = this.views.get(from);
    this.views.delete(from);
    if (v && to !== null) this.views.set(to, v);
  }

  /** The add-in activated `name`: it opens scrolled to the top-left (its selection stays). */
  scrollHome(name: string): void {
    const v = this.views.get(name);
    if (v) v.scrollTop = v.scrollLeft = 0;
  }

  /** A new workbook: every sheet's selection back to A1. */
  forgetAll(): void {
    this.views.clear();
  }

  /** Before the grid is drawn again: takes the open editor out of the old cell. */
  beforeDraw(): void {
    if (!this.editor) return;
    this.detaching = true;
    this.editor.remove();
    this.detaching = false;
  }

  /**
   * After the grid was drawn: restores the sheet's scroll, marks its selection, and puts an open
   * editor back into its cell (typing goes on while an earlier edit is saved).
   */
  drawn(sheetChanged: boolean): void {
    const editor = this.editor;
    const td =
      editor && this.editing && this.editing.sheet === this.host.current()?.sheet.name
        ? this.td(this.editing.pos)
        : null;
    if (editor && td) {
      td.append(editor);
      editor.focus({ preventScroll: true });
    } else {
      this.editor = null;
      this.editing = null;
    }
    const v = this.view();
    if (sheetChanged) {
      this.host.area.scrollTop = v.scrollTop;
      this.host.area.scrollLeft = v.scrollLeft;
    }
    this.mark();
  }

  private posOf(target: EventTarget | null): Pos | null {
    const td = (target as Element | null)?.closest?.('td[data-a1]') as HTMLTableCellElement | null;
    if (!td) return null;
    return { row: Number(td.dataset.row), col: Number(td.dataset.col) };
  }

  private td(pos: Pos): HTMLTableCellElement | null {
    return this.host.grid.querySelector<HTMLTableCellElement>(`td[data-a1="${cellA1(pos.row, pos.col)}"]`);
  }

  private cellAt(pos: Pos): Cell | null {
    const sheet = this.host.current()?.sheet;
    if (!sheet) return null;
    return sheet.rows[pos.row - sheet.rowOffset]?.[pos.col] ?? null;
  }

  private onMouseDown(ev: MouseEvent): void {
    if (ev.button !== 0) return;
    const pos = this.posOf(ev.target);
    if (!pos) return;
    if (this.editor && ev.target instanceof Node && this.editor.contains(ev.target)) return;
    if (this.editor) void this.commitText(this.editor.value, 0, 0);
    ev.preventDefault();
    this.host.grid.focus({ preventScroll: true });
    this.dragging = true;
    this.select(ev.shiftKey ? this.view().anchor : pos, pos);
  }

  /** Selects from `anchor` (the active cell) to `focus`, and shows the active cell's content. */
  select(anchor: Pos, focus: Pos): void {
    const sheet = this.host.current()?.sheet;
    if (!sheet) return;
    const clamp = (p: Pos): Pos => ({
      row: Math.max(0, Math.min(p.row, sheet.maxRows - 1)),
      col: Math.max(0, Math.min(p.col, sheet.maxColumns - 1)),
    });
    const v = this.view();
    v.anchor = clamp(anchor);
    v.focus = clamp(focus);
    this.mark();
    this.td(v.focus)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private mark(): void {
    const grid = this.host.grid;
    grid.querySelectorAll('td.selected, td.in-selection').forEach((td) => {
      td.classList.remove('selected', 'in-selection');
      td.removeAttribute('aria-selected');
    });
    const v = this.view();
    const rect = rectOf(v.anchor, v.focus);
    if (rect.numRows * rect.numColumns <= 20_000) {
      for (const td of Array.from(grid.querySelectorAll<HTMLTableCellElement>('td[data-a1]'))) {
        const r = Number(td.dataset.row);
        const c = Number(td.dataset.col);
        if (
          r >= rect.row &&
          r < rect.row + rect.numRows &&
          c >= rect.column &&
          c < rect.column + rect.numColumns
        ) {
          td.classList.add('in-selection');
          td.setAttribute('aria-selected', 'true');
        }
      }
    }
    const active = this.td(v.anchor);
    active?.classList.add('selected');
    if (active) grid.setAttribute('aria-activedescendant', active.id);
    this.showActive();
  }

  private showActive(): void {
    const v = this.view();
    const cur = this.host.current();
    const rect = rectOf(v.anchor, v.focus);
    this.host.cellRef.textContent =
      rect.numRows * rect.numColumns > 1 ? toA1(rect) : cellA1(v.anchor.row, v.anchor.col);
    if (this.editor) this.host.formulaBar.value = this.editor.value;
    else this.host.formulaBar.value = cur ? rawContent(this.cellAt(v.anchor), cur.locale, cur.timeZone) : '';
  }

  private onGridKey(ev: KeyboardEvent): void {
    if (this.editor) return; // the editor's own handler
    const v = this.view();
    const ctrl = ev.ctrlKey || ev.metaKey;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[ev.key];
    if (move) {
      ev.preventDefault();
      const from = ev.shiftKey ? v.focus : v.anchor;
      const to = { row: from.row + move[0], col: from.col + move[1] };
      this.select(ev.shiftKey ? v.anchor : to, to);
      return;
    }
    if (ctrl && (ev.key === 'z' || ev.key === 'Z') && !ev.shiftKey) {
      ev.preventDefault();
      void this.host.undo();
      return;
    }
    if (ctrl || ev.altKey) return;
    switch (ev.key) {
      case 'Tab': {
        ev.preventDefault();
        const to = { row: v.anchor.row, col: v.anchor.col + (ev.shiftKey ? -1 : 1) };
        this.select(to, to);
        return;
      }
      case 'Enter':
      case 'F2':
        ev.preventDefault();
        this.openEditor(null, 'edit');
        return;
      case 'Delete':
      case 'Backspace': {
        ev.preventDefault();
        const rect = rectOf(v.anchor, v.focus);
        const blank = Array.from({ length: rect.numRows }, () => Array<string>(rect.numColumns).fill(''));
        void this.write(rect, blank);
        return;
      }
    }
    if (ev.key.length === 1) {
      ev.preventDefault();
      this.openEditor(ev.key, 'enter');
    }
  }

  /** Opens the in-cell editor on the active cell: with `initial` (typing) or its raw content. */
  private openEditor(initial: string | null, mode: 'enter' | 'edit'): void {
    const v = this.view();
    const td = this.td(v.anchor);
    if (!td) return;
    this.mode = mode;
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'cell-editor';
    input.dataset.testid = 'cell-editor';
    input.setAttribute('aria-label', `Edit ${cellA1(v.anchor.row, v.anchor.col)}`);
    input.value = initial ?? this.host.formulaBar.value;
    input.style.minWidth = `${td.offsetWidth}px`;
    input.addEventListener('input', () => (this.host.formulaBar.value = input.value));
    input.addEventListener('keydown', (ev) => this.onEditorKey(ev, input));
    input.addEventListener('blur', () => {
      if (this.editor === input && !this.detaching) void this.commitText(input.value, 0, 0);
    });
    td.append(input);
    this.editor = input;
    this.editing = { sheet: this.host.current()?.sheet.name ?? '', pos: { ...v.anchor } };
    this.host.formulaBar.value = input.value;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  private closeEditor(): void {
    const input = this.editor;
    this.editor = null;
    this.editing = null;
    input?.remove();
    this.host.grid.focus({ preventScroll: true });
  }

  private onEditorKey(ev: KeyboardEvent, input: HTMLInputElement): void {
    ev.stopPropagation();
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (ev.key === 'Escape') {
      ev.preventDefault();
      this.closeEditor();
      this.showActive();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      void this.commitText(input.value, ev.shiftKey ? -1 : 1, 0);
    } else if (ev.key === 'Tab') {
      ev.preventDefault();
      void this.commitText(input.value, 0, ev.shiftKey ? -1 : 1);
    } else if (this.mode === 'enter' && arrows[ev.key]) {
      ev.preventDefault();
      const [dr, dc] = arrows[ev.key];
      void this.commitText(input.value, dr, dc);
    }
  }

  /** Types `text` into the active cell, then moves the selection by (dr, dc). */
  private async commitText(text: string, dr: number, dc: number): Promise<void> {
    const at = this.editing?.pos ?? this.view().anchor;
    this.closeEditor();
    const cur = this.host.current();
    const before = cur ? rawContent(this.cellAt(at), cur.locale, cur.timeZone) : '';
    const next = { row: at.row + dr, col: at.col + dc };
    this.select(next, next);
    if (text === before) return;
    await this.write({ row: at.row, column: at.col, numRows: 1, numColumns: 1 }, [[text]]);
  }

  /** Writes through the host after the warning of a warning-only protection, if any applies. */
  private async write(rect: GridRect, values: string[][]): Promise<boolean> {
    const cur = this.host.current();
    if (!cur) return false;
    const { sheet } = cur;
    let warned = false;
    for (let r = rect.row; r < rect.row + rect.numRows && !warned; r++) {
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
        if (protectionAt(sheet.protections, r, c)?.warningOnly) {
          warned = true;
          break;
        }
      }
    }
    if (warned && !(await this.host.confirm('Perhatian', PROTECTED_WARNING))) {
      this.host.grid.focus({ preventScroll: true });
      return false;
    }
    const ok = await this.host.write(sheet.name, rect, values);
    // the person may have gone on typing meanwhile: keep the focus where it is then
    if (!this.editor && (document.activeElement === document.body || !document.activeElement))
      this.host.grid.focus({ preventScroll: true });
    return ok;
  }

  private onPaste(ev: ClipboardEvent): void {
    if (this.editor || document.activeElement !== this.host.grid) return;
    const text = ev.clipboardData?.getData('text/plain') ?? '';
    const values = parsePasted(text);
    if (values.length === 0 || values[0].length === 0) return;
    ev.preventDefault();
    const v = this.view();
    const top = rectOf(v.anchor, v.focus);
    const rect = { row: top.row, column: top.column, numRows: values.length, numColumns: values[0].length };
    void this.write(rect, values).then((ok) => {
      if (ok)
        this.select(
          { row: rect.row, col: rect.column },
          { row: rect.row + rect.numRows - 1, col: rect.column + rect.numColumns - 1 },
        );
    });
  }

  private onCopy(ev: ClipboardEvent): void {
    if (this.editor || document.activeElement !== this.host.grid) return;
    const cur = this.host.current();
    if (!cur || !ev.clipboardData) return;
    const v = this.view();
    const rect = rectOf(v.anchor, v.focus);
    const lines: string[] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const cells: string[] = [];
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
        const text = this.td({ row: r, col: c })?.querySelector('.v')?.textContent ?? '';
        cells.push(/[\t\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
      }
      lines.push(cells.join('\t'));
    }
    ev.preventDefault();
    ev.clipboardData.setData('text/plain', lines.join('\n'));
  }
}
