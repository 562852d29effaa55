/**
 * Range: https://developers.google.com/apps-script/reference/spreadsheet/range
 * The top layer of the Range (see ./range-base.ts): clearing, borders, merges, data validation,
 * protection and copying. RangeImpl is the object scripts get, through newRange.
 */
import type { BorderSide, CellFormat, DataValidationSpec, GridRect, SheetState } from '../model';
import type { Execution } from './context';
import { unwrap, wrap } from './counter';
import { enumName } from './enums';
import { contains, hasContent, intersects, makeCell, normalizeColor, subtract, withFormat } from './grid';
import { newProtection } from './protection';
import { checkedRect, checkShape } from './range-base';
import { RangeFormats } from './range-formats';
import { register } from './registry';
import { newDataValidation, validationSpec } from './validation';

type Gas = GoogleAppsScript.Spreadsheet.Range;

const MERGE_MISMATCH = 'You must select all cells in a merged range to merge or unmerge them.';

export function newRange(ctx: Execution, sheet: SheetState, rect: GridRect): Gas {
  return wrap(ctx, 'Range', new RangeImpl(ctx, sheet, rect)) as unknown as Gas;
}

function side(on: boolean | null | undefined, color: unknown, style: unknown): BorderSide | undefined {
  return on ? { color: normalizeColor(color) ?? '#000000', style: enumName(style) || 'SOLID' } : undefined;
}

export class RangeImpl extends RangeFormats {
  // ---- clearing -------------------------------------------------------------------------
  /** clear(): contents and formats (notes too); options {contentsOnly, formatOnly, validationsOnly, commentsOnly}. */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    const contents = !any || !!o.contentsOnly;
    const formats = !any || !!o.formatOnly;
    if (contents || formats) {
      this._write((c) => {
        if (!c) return c;
        const fmt = formats ? (c.format?.note ? { note: c.format.note } : undefined) : c.format;
        return contents ? makeCell('', undefined, fmt) : makeCell(c.value, c.formula, fmt);
      });
    }
    if (o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return this;
  }
  clearContent(): this {
    this._write((c) => (c ? makeCell('', undefined, c.format) : c));
    return this;
  }
  clearFormat(): this {
    this._write((c) =>
      c ? makeCell(c.value, c.formula, c.format?.note ? { note: c.format.note } : undefined) : c,
    );
    return this;
  }

  /**
   * setBorder(top, left, bottom, right, vertical, horizontal[, color, style]): true sets, false
   * removes, null leaves unchanged; vertical/horizontal are the internal borders.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setBorder(Boolean,Boolean,Boolean,Boolean,Boolean,Boolean,String,BorderStyle)
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: unknown,
  ): this {
    const { numRows, numColumns } = this._rect;
    const set = (on: boolean | null | undefined): BorderSide | undefined => side(on, color, style);
    const given = (v: boolean | null | undefined): boolean => v !== null && v !== undefined;
    this._write((cell, i, j) => {
      const patch: Partial<CellFormat> = {};
      if (given(top) && i === 0) patch.borderTop = set(top);
      if (given(bottom) && i === numRows - 1) patch.borderBottom = set(bottom);
      if (given(left) && j === 0) patch.borderLeft = set(left);
      if (given(right) && j === numColumns - 1) patch.borderRight = set(right);
      if (given(horizontal)) {
        if (i > 0) patch.borderTop = set(horizontal);
        if (i < numRows - 1) patch.borderBottom = set(horizontal);
      }
      if (given(vertical)) {
        if (j > 0) patch.borderLeft = set(vertical);
        if (j < numColumns - 1) patch.borderRight = set(vertical);
      }
      return Object.keys(patch).length ? withFormat(cell, patch) : cell;
    });
    return this;
  }

  // ---- merges ---------------------------------------------------------------------------
  _merge(rects: GridRect[]): this {
    const targets = rects.filter((r) => r.numRows * r.numColumns > 1);
    for (const t of targets) {
      for (const m of this._sheet.merges) {
        if (intersects(m, t) && !contains(t, m)) throw this._ctx.exception(MERGE_MISMATCH);
      }
    }
    this._ctx.mutate(this._sheet);
    this._sheet.merges = this._sheet.merges.filter((m) => !targets.some((t) => contains(t, m)));
    for (const t of targets) {
      this._sheet.merges.push({ ...t });
      // Merging keeps the top-left value only (like Sheets); formats stay.
      for (let i = 0; i < t.numRows; i++) {
        const row = this._sheet.rows[t.row + i];
        if (!row) continue;
        for (let j = i === 0 ? 1 : 0; j < t.numColumns; j++) {
          const c = row[t.column + j];
          if (c && hasContent(c)) row[t.column + j] = makeCell('', undefined, c.format);
        }
      }
    }
    return this;
  }
  merge(): this {
    return this._merge([this._rect]);
  }
  mergeAcross(): this {
    const r = this._rect;
    return this._merge(Array.from({ length: r.numRows }, (_, i) => ({ ...r, row: r.row + i, numRows: 1 })));
  }
  mergeVertically(): this {
    const r = this._rect;
    return this._merge(
      Array.from({ length: r.numColumns }, (_, j) => ({ ...r, column: r.column + j, numColumns: 1 })),
    );
  }
  breakApart(): this {
    const hit = this._sheet.merges.filter((m) => intersects(m, this._rect));
    if (hit.some((m) => !contains(this._rect, m))) throw this._ctx.exception(MERGE_MISMATCH);
    if (hit.length) {
      this._ctx.mutate(this._sheet);
      this._sheet.merges = this._sheet.merges.filter((m) => !intersects(m, this._rect));
    }
    return this;
  }
  getMergedRanges(): Gas[] {
    return this._sheet.merges
      .filter((m) => intersects(m, this._rect))
      .map((m) => newRange(this._ctx, this._sheet, { ...m }));
  }
  isPartOfMerge(): boolean {
    return this._sheet.merges.some((m) => intersects(m, this._rect));
  }

  // ---- data validation ------------------------------------------------------------------
  _clearValidation(rect: GridRect): void {
    this._ctx.mutate(this._sheet);
    this._sheet.validations = this._sheet.validations.flatMap((v) =>
      subtract(v.range, rect).map((range) => ({ range, rule: v.rule })),
    );
  }
  setDataValidation(rule: unknown): this {
    const spec = rule === null || rule === undefined ? null : validationSpec(this._ctx, rule);
    this._clearValidation(this._rect);
    if (spec) this._sheet.validations.push({ range: { ...this._rect }, rule: spec });
    return this;
  }
  setDataValidations(rules: unknown[][]): this {
    const grid = checkShape(
      this._ctx,
      'setDataValidations',
      rules,
      this._rect.numRows,
      this._rect.numColumns,
    );
    this._clearValidation(this._rect);
    const { row, column } = this._rect;
    grid.forEach((line, i) => {
      let j = 0;
      while (j < line.length) {
        const rule = line[j];
        let k = j + 1;
        while (k < line.length && unwrap(line[k]) === unwrap(rule)) k++;
        if (rule !== null && rule !== undefined) {
          this._sheet.validations.push({
            range: { row: row + i, column: column + j, numRows: 1, numColumns: k - j },
            rule: validationSpec(this._ctx, rule),
          });
        }
        j = k;
      }
    });
    return this;
  }
  _validationAt(r: number, c: number, entries = this._sheet.validations): DataValidationSpec | null {
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k].range;
      if (r >= e.row && r < e.row + e.numRows && c >= e.column && c < e.column + e.numColumns)
        return entries[k].rule;
    }
    return null;
  }
  getDataValidation(): unknown {
    const spec = this._validationAt(this._rect.row, this._rect.column);
    return spec ? newDataValidation(this._ctx, spec) : null;
  }
  getDataValidations(): unknown[][] {
    const entries = this._sheet.validations.filter((v) => intersects(v.range, this._rect));
    const { row, column, numRows, numColumns } = this._rect;
    return Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numColumns }, (__, j) => {
        const spec = this._validationAt(row + i, column + j, entries);
        return spec ? newDataValidation(this._ctx, spec) : null;
      }),
    );
  }
  clearDataValidations(): this {
    this._clearValidation(this._rect);
    return this;
  }
  /** Checkbox validation and FALSE in every cell. */
  insertCheckboxes(): this {
    this.setDataValidation(
      newDataValidation(this._ctx, { criteria: 'CHECKBOX', args: [], allowInvalid: false }),
    );
    this._write((c) => makeCell(false, undefined, c?.format));
    return this;
  }

  // ---- protection, copy -----------------------------------------------------------------
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this._ctx.mutate(this._sheet);
    const id = `protection-${this._ctx.state.nextId++}`;
    this._sheet.protections.push({
      id,
      type: 'RANGE',
      range: { ...this._rect },
      description: '',
      warningOnly: false,
      editors: [this._ctx.userEmail].filter(Boolean),
    });
    return newProtection(this._ctx, this._sheet, id);
  }

  /** copyTo(destination[, {contentsOnly, formatOnly}]): values, formulas and formats from the top-left of destination. */
  copyTo(destination: unknown, options?: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    const dest = unwrap(destination);
    if (!(dest instanceof RangeImpl)) throw this._ctx.exception('Workbench: Range.copyTo needs a Range');
    const src = this._read((c) => c);
    const { numRows, numColumns } = this._rect;
    const target = checkedRect(
      this._ctx,
      dest._sheet,
      dest._rect.row + 1,
      dest._rect.column + 1,
      numRows,
      numColumns,
    );
    const o = options ?? {};
    new RangeImpl(this._ctx, dest._sheet, target)._write((old, i, j) => {
      const s = src[i][j];
      if (o.contentsOnly) return makeCell(s ? s.value : '', s?.formula, old?.format);
      if (o.formatOnly) return makeCell(old ? old.value : '', old?.formula, s?.format);
      return s;
    });
  }
}

register({ range: newRange });
