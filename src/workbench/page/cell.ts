/**
 * One cell of the grid: its format as CSS (conditional format on top), its text exactly as
 * Range.getDisplayValue shows it (../format/display.ts), marks for formulas, notes, dropdowns
 * and protection, and a tooltip. Workbook text goes through textContent / title only.
 */
import type { BorderSide, Cell, CellFormat, ProtectionSpec } from '../model';
import { displayValue } from '../format/display';

const LIST_CRITERIA = new Set(['VALUE_IN_LIST', 'VALUE_IN_RANGE']);

function borderCss(b: BorderSide | undefined): string | null {
  if (!b) return null;
  const color = b.color || '#000000';
  switch (b.style) {
    case 'SOLID_MEDIUM':
      return `2px solid ${color}`;
    case 'SOLID_THICK':
      return `3px solid ${color}`;
    case 'DASHED':
      return `1px dashed ${color}`;
    case 'DOTTED':
      return `1px dotted ${color}`;
    case 'DOUBLE':
      return `3px double ${color}`;
    default:
      return `1px solid ${color}`;
  }
}

export interface FillInput {
  cell: Cell | null;
  cond: CellFormat | null;
  /** The lines this cell draws: below and right of it (the grid's tables use separate borders). */
  borders: { bottom?: BorderSide; right?: BorderSide };
  canOverflow: boolean;
  validation?: { criteria: string; args: unknown[]; helpText?: string };
  protection: ProtectionSpec | null;
  timeZone: string;
  locale: string;
}

export function fillCell(td: HTMLTableCellElement, x: FillInput): void {
  const f: CellFormat = { ...(x.cell?.format ?? {}), ...(x.cond ?? {}) };
  const value = x.cell?.value;
  const s = td.style;
  if (f.background) s.backgroundColor = f.background;
  if (f.fontColor) s.color = f.fontColor;
  if (f.fontWeight) s.fontWeight = f.fontWeight;
  if (f.fontStyle) s.fontStyle = f.fontStyle;
  if (f.fontSize) s.fontSize = `${f.fontSize}pt`;
  if (f.fontFamily) s.fontFamily = `"${f.fontFamily.replace(/["\\]/g, '')}", Arial, sans-serif`;
  if (f.fontLine && f.fontLine !== 'none') s.textDecoration = f.fontLine;
  const checkbox = x.validation?.criteria === 'CHECKBOX';
  let h = f.horizontalAlignment;
  if (!h || h === 'general') {
    h =
      typeof value === 'number' || value instanceof Date
        ? 'right'
        : typeof value === 'boolean' || checkbox
          ? 'center'
          : 'left';
  }
  s.textAlign = h;
  s.verticalAlign = f.verticalAlignment ?? 'bottom';
  const strategy = f.wrapStrategy ?? (f.wrap ? 'WRAP' : 'OVERFLOW');
  if (strategy === 'WRAP') td.classList.add('wrap');
  else if (strategy === 'OVERFLOW' && x.canOverflow && typeof value === 'string' && h === 'left')
    td.classList.add('overflow');
  else td.classList.add('clip');
  for (const side of ['bottom', 'right'] as const) {
    const css = borderCss(x.borders[side]);
    if (css) s.setProperty(`border-${side}`, css);
  }

  const span = document.createElement('span');
  span.className = 'v';
  if (checkbox && typeof value === 'boolean') span.textContent = value ? '☑' : '☐';
  else if (x.cell) span.textContent = displayValue({ ...x.cell, format: f }, x.timeZone, x.locale);
  if (f.textRotation) {
    span.style.display = 'inline-block';
    span.style.transform = `rotate(${-f.textRotation}deg)`;
  }
  td.append(span);

  const titles: string[] = [];
  if (x.cell?.formula) {
    td.classList.add('formula');
    td.dataset.formula = x.cell.formula;
    titles.push(x.cell.formula);
  }
  if (f.note) {
    const mark = document.createElement('span');
    mark.className = 'note-mark';
    td.append(mark);
    titles.push(`Catatan: ${f.note}`);
  }
  if (x.validation) {
    if (LIST_CRITERIA.has(x.validation.criteria)) {
      const dv = document.createElement('span');
      dv.className = 'dv-mark';
      dv.textContent = '▾';
      td.append(dv);
      const list =
        x.validation.criteria === 'VALUE_IN_LIST' && Array.isArray(x.validation.args[0])
          ? x.validation.args[0]
          : null;
      if (list) titles.push(`Pilihan: ${list.map(String).join(', ')}`);
    }
    if (x.validation.helpText) titles.push(x.validation.helpText);
  }
  if (x.protection) {
    td.classList.add(x.protection.warningOnly ? 'protected-warning' : 'protected');
    titles.push(
      `Dilindungi${x.protection.warningOnly ? ' (peringatan saja)' : ''}${x.protection.description ? `: ${x.protection.description}` : ''}`,
    );
  }
  if (titles.length) td.title = titles.join('\n');
}
