/**
 * Protection: https://developers.google.com/apps-script/reference/spreadsheet/protection
 * Editors are recorded but nothing is enforced: the workbench user can always edit.
 */
import type { ProtectionSpec, SheetState } from '../model';
import type { Execution } from './context';
import { wrap } from './counter';
import { ProtectionType } from './enums';
import { make } from './registry';
import { rangeArg } from './rule-args';

export function newProtection(
  ctx: Execution,
  sheet: SheetState,
  id: string,
): GoogleAppsScript.Spreadsheet.Protection {
  return wrap(
    ctx,
    'Protection',
    new ProtectionImpl(ctx, sheet, id),
  ) as unknown as GoogleAppsScript.Spreadsheet.Protection;
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  const u = user as { getEmail?: () => string } | null;
  return u && typeof u.getEmail === 'function' ? u.getEmail() : String(user);
}

class ProtectionImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
    readonly _id: string,
  ) {}
  _spec(): ProtectionSpec {
    const p = this._sheet.protections.find((x) => x.id === this._id);
    if (!p) throw this._ctx.exception('Workbench: this protection has been removed');
    return p;
  }
  _edit(): ProtectionSpec {
    this._spec();
    this._ctx.mutate(this._sheet);
    return this._spec();
  }
  getProtectionType(): unknown {
    return ProtectionType[this._spec().type];
  }
  getDescription(): string {
    return this._spec().description;
  }
  setDescription(description: string): this {
    this._edit().description = String(description ?? '');
    return this;
  }
  isWarningOnly(): boolean {
    return this._spec().warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._edit().warningOnly = !!warningOnly;
    return this;
  }
  getRange(): unknown {
    const p = this._spec();
    const rect = p.range ?? {
      row: 0,
      column: 0,
      numRows: this._sheet.maxRows,
      numColumns: this._sheet.maxColumns,
    };
    return make.range(this._ctx, this._sheet, { ...rect });
  }
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return false;
  }
  setDomainEdit(_editable: boolean): this {
    return this;
  }
  getEditors(): unknown[] {
    return this._spec().editors.map((email) => wrap(this._ctx, 'User', { getEmail: () => email }));
  }
  addEditor(user: unknown): this {
    return this.addEditors([user]);
  }
  addEditors(users: unknown[]): this {
    const p = this._edit();
    for (const u of users ?? []) {
      const e = emailOf(u);
      if (e && !p.editors.includes(e)) p.editors.push(e);
    }
    return this;
  }
  removeEditor(user: unknown): this {
    return this.removeEditors([user]);
  }
  removeEditors(users: unknown[]): this {
    const gone = new Set((users ?? []).map(emailOf));
    const p = this._edit();
    p.editors = p.editors.filter((e) => !gone.has(e));
    return this;
  }
  getUnprotectedRanges(): unknown[] {
    return (this._spec().unprotected ?? []).map((r) => make.range(this._ctx, this._sheet, { ...r }));
  }
  setUnprotectedRanges(ranges: unknown[]): this {
    if (this._spec().type !== 'SHEET')
      throw this._ctx.exception('Unprotected ranges can only be set on a sheet protection.');
    const rects = (ranges ?? []).map((r) => ({
      ...rangeArg(this._ctx, r, 'Workbench: setUnprotectedRanges needs Ranges')._rect,
    }));
    this._edit().unprotected = rects;
    return this;
  }
  remove(): void {
    this._spec();
    this._ctx.mutate(this._sheet);
    this._sheet.protections = this._sheet.protections.filter((x) => x.id !== this._id);
  }
}
