/**
 * Spreadsheet: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 */
import type { SheetState } from '../model';
import { newSheetState } from '../model';
import { splitSheet } from '../a1';
import type { Execution } from './context';
import { unwrap, wrap } from './counter';
import { enumName } from './enums';
import { addMetadata, listMetadata, newMetadataFinder } from './metadata';
import { newProtection } from './protection';
import { newRange } from './range';
import { newRangeList } from './range-list';
import { checkCellLimit, checkSheetName } from './limits';
import { DEFAULT_LOCALE, EMULATED_LOCALES, isEmulatedLocale } from '../format/locale';
import { register } from './registry';
import { a1Rect, newSheet, SheetImpl, sheetNameTaken } from './sheet';
import { isValidTimeZone } from '../format/zones';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

export function newSpreadsheet(ctx: Execution): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return wrap(
    ctx,
    'Spreadsheet',
    new SpreadsheetImpl(ctx),
  ) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export function activeSheetState(ctx: Execution): SheetState {
  const st = ctx.state;
  return (
    st.sheets.find((s) => s.sheetId === st.activeSheetId) ?? st.sheets.find((s) => !s.hidden) ?? st.sheets[0]
  );
}

function sheetArg(ctx: Execution, sheet: unknown, method: string): SheetState {
  const impl = unwrap(sheet);
  if (!(impl instanceof SheetImpl)) {
    throw ctx.exception(
      `The parameters (${typeof sheet}) don't match the method signature for SpreadsheetApp.Spreadsheet.${method}.`,
    );
  }
  if (!ctx.state.sheets.includes(impl._sheet)) throw ctx.exception('Workbench: this sheet has been deleted');
  return impl._sheet;
}

export class SpreadsheetImpl {
  constructor(readonly _ctx: Execution) {}

  toString(): string {
    return 'Spreadsheet';
  }
  getId(): string {
    return this._ctx.state.id;
  }
  getName(): string {
    return this._ctx.state.name;
  }
  rename(newName: string): void {
    this._ctx.state.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._ctx.state.id}/edit`;
  }
  getSheets(): GasSheet[] {
    return this._ctx.state.sheets.map((s) => newSheet(this._ctx, s));
  }
  getNumSheets(): number {
    return this._ctx.state.sheets.length;
  }
  getSheetByName(name: string): GasSheet | null {
    const s = this._ctx.state.sheets.find((x) => x.name === String(name));
    return s ? newSheet(this._ctx, s) : null;
  }
  getSheetById(id: number): GasSheet | null {
    const s = this._ctx.state.sheets.find((x) => x.sheetId === Number(id));
    return s ? newSheet(this._ctx, s) : null;
  }

  /**
   * insertSheet([name][, index][, options]): the new sheet goes after the active sheet unless an
   * index (0-based) is given, and becomes the active sheet. Templates are not emulated.
   */
  insertSheet(a?: unknown, b?: unknown): GasSheet {
    const ctx = this._ctx;
    const st = ctx.state;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') {
      index = a;
    }
    if (a && typeof a === 'object' && 'template' in a)
      throw ctx.exception('Workbench: insertSheet templates are not emulated');
    // Another person's execution may insert a sheet of this name first (Workbench.interleave).
    ctx.interleave('sheetInserting');
    if (name !== undefined) {
      if (!name.trim()) throw ctx.exception('Sheet names cannot be empty.');
      checkSheetName(ctx, name);
      if (sheetNameTaken(ctx, name)) {
        throw ctx.exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
      }
    } else {
      let n = st.sheets.length + 1;
      while (sheetNameTaken(ctx, `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    ctx.checkLock(name);
    const sheet = newSheetState(st.nextId++, name);
    checkCellLimit(ctx, sheet.maxRows * sheet.maxColumns);
    ctx.markCreated(sheet);
    const at =
      index !== undefined
        ? Math.max(0, Math.min(st.sheets.length, Math.floor(index)))
        : st.sheets.indexOf(activeSheetState(ctx)) + 1;
    st.sheets.splice(at, 0, sheet);
    st.activeSheetId = sheet.sheetId;
    return newSheet(ctx, sheet);
  }
  deleteSheet(sheet: unknown): void {
    const ctx = this._ctx;
    const s = sheetArg(ctx, sheet, 'deleteSheet');
    const st = ctx.state;
    if (!st.sheets.some((x) => x !== s && !x.hidden)) {
      throw ctx.exception("You can't remove all the visible sheets in a document.");
    }
    ctx.checkLock(s.name);
    const i = st.sheets.indexOf(s);
    st.sheets.splice(i, 1);
    if (st.activeSheetId === s.sheetId) {
      const next =
        st.sheets.slice(Math.max(0, i - 1)).find((x) => !x.hidden) ?? st.sheets.find((x) => !x.hidden);
      if (next) st.activeSheetId = next.sheetId;
    }
  }
  deleteActiveSheet(): GasSheet {
    const active = newSheet(this._ctx, activeSheetState(this._ctx));
    this.deleteSheet(active);
    return newSheet(this._ctx, activeSheetState(this._ctx));
  }
  getActiveSheet(): GasSheet {
    return newSheet(this._ctx, activeSheetState(this._ctx));
  }
  setActiveSheet(sheet: unknown): GasSheet {
    const s = sheetArg(this._ctx, sheet, 'setActiveSheet');
    this._ctx.state.activeSheetId = s.sheetId;
    return newSheet(this._ctx, s);
  }
  /** moveActiveSheet(pos): 1-based position. */
  moveActiveSheet(pos: number): void {
    const st = this._ctx.state;
    const s = activeSheetState(this._ctx);
    st.sheets.splice(st.sheets.indexOf(s), 1);
    st.sheets.splice(Math.max(0, Math.min(st.sheets.length, pos - 1)), 0, s);
  }
  getSpreadsheetTimeZone(): string {
    return this._ctx.state.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw this._ctx.exception(`Invalid argument: ${timezone}`);
    this._ctx.state.timeZone = timezone;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale() */
  getSpreadsheetLocale(): string {
    return this._ctx.state.locale ?? DEFAULT_LOCALE;
  }
  /**
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetLocale(String)
   * The locale decides how typed strings parse (./values.ts); a locale whose rules the workbench
   * does not have is refused rather than parsed with the wrong ones.
   */
  setSpreadsheetLocale(locale: string): void {
    const code = String(locale);
    if (!isEmulatedLocale(code)) {
      throw this._ctx.exception(
        `Workbench: spreadsheet locale "${code}" is not emulated (${EMULATED_LOCALES.join(', ')})`,
      );
    }
    this._ctx.state.locale = code;
  }
  /** toast(msg[, title[, timeoutSeconds]]); the default timeout is 5 s. */
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this._ctx.ui.push({
      kind: 'toast',
      message: String(msg ?? ''),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }
  _sheetFor(a1: string): { sheet: SheetState; ref: string } {
    const { sheetName, ref } = splitSheet(String(a1));
    if (sheetName === undefined) return { sheet: activeSheetState(this._ctx), ref };
    const sheet = this._ctx.state.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw this._ctx.exception('Range not found');
    return { sheet, ref };
  }
  getRange(a1Notation: string): unknown {
    const { sheet, ref } = this._sheetFor(a1Notation);
    return newRange(this._ctx, sheet, a1Rect(this._ctx, sheet, ref));
  }
  getRangeList(a1Notations: string[]): unknown {
    const sheet = activeSheetState(this._ctx);
    return newRangeList(
      this._ctx,
      sheet,
      (a1Notations ?? []).map((a) => a1Rect(this._ctx, sheet, a)),
    );
  }
  getActiveRange(): unknown {
    return newRange(this._ctx, activeSheetState(this._ctx), { row: 0, column: 0, numRows: 1, numColumns: 1 });
  }
  getDataRange(): unknown {
    return new SheetImpl(this._ctx, activeSheetState(this._ctx)).getDataRange();
  }
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): this {
    addMetadata(this._ctx, null, key, value, visibility);
    return this;
  }
  getDeveloperMetadata(): unknown[] {
    return listMetadata(this._ctx, null);
  }
  createDeveloperMetadataFinder(): unknown {
    return newMetadataFinder(this._ctx, null);
  }
  getProtections(type: unknown): unknown[] {
    const t = enumName(type);
    return this._ctx.state.sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === t).map((p) => newProtection(this._ctx, s, p.id)),
    );
  }
}

register({ spreadsheet: newSpreadsheet });
