/**
 * Developer metadata on the spreadsheet and on sheets:
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
 */
import type { DeveloperMetadataSpec, SheetState } from '../model';
import type { Execution } from './context';
import { wrap } from './counter';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, enumName } from './enums';
import { checkMetadataSize, metadataChars } from './limits';
import { make } from './registry';

interface Owner {
  list: () => DeveloperMetadataSpec[];
  sheet: SheetState | null;
}

/** Sheets' size limit for the metadata of one spreadsheet or sheet, counted after a change. */
function checkSize(ctx: Execution, sheet: SheetState | null, list: DeveloperMetadataSpec[]): void {
  checkMetadataSize(ctx, metadataChars(list), sheet ? `sheet "${sheet.name}"` : 'the spreadsheet');
}

function ownerOf(ctx: Execution, id: number): Owner | null {
  if (ctx.state.developerMetadata.some((m) => m.id === id))
    return { list: () => ctx.state.developerMetadata, sheet: null };
  for (const sheet of ctx.state.sheets) {
    if (sheet.developerMetadata.some((m) => m.id === id))
      return { list: () => sheet.developerMetadata, sheet };
  }
  return null;
}

/** Add metadata to the spreadsheet (sheet = null) or a sheet; visibility defaults to DOCUMENT. */
export function addMetadata(
  ctx: Execution,
  sheet: SheetState | null,
  key: unknown,
  value?: unknown,
  visibility?: unknown,
): void {
  let v: unknown = value;
  let vis: unknown = visibility;
  // addDeveloperMetadata(key, visibility)
  if (vis === undefined && v && typeof v === 'object') {
    vis = v;
    v = null;
  }
  const entry = {
    key: String(key),
    value: v === undefined || v === null ? null : String(v),
    visibility: enumName(vis) === 'PROJECT' ? ('PROJECT' as const) : ('DOCUMENT' as const),
  };
  checkSize(ctx, sheet, [
    ...(sheet ? sheet.developerMetadata : ctx.state.developerMetadata),
    { id: 0, ...entry },
  ]);
  const spec: DeveloperMetadataSpec = { id: ctx.state.nextId++, ...entry };
  if (sheet) {
    ctx.mutate(sheet);
    sheet.developerMetadata.push(spec);
  } else {
    ctx.state.developerMetadata.push(spec);
  }
}

export function newMetadata(ctx: Execution, id: number): unknown {
  return wrap(ctx, 'DeveloperMetadata', new DeveloperMetadataImpl(ctx, id));
}

class DeveloperMetadataImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _id: number,
  ) {}
  _find(): { owner: Owner; spec: DeveloperMetadataSpec } {
    const owner = ownerOf(this._ctx, this._id);
    const spec = owner?.list().find((m) => m.id === this._id);
    if (!owner || !spec) throw this._ctx.exception('Workbench: this developer metadata has been removed');
    return { owner, spec };
  }
  _edit(): DeveloperMetadataSpec {
    const { owner } = this._find();
    if (owner.sheet) this._ctx.mutate(owner.sheet);
    return this._find().spec;
  }
  getId(): number {
    return this._find().spec.id;
  }
  getKey(): string {
    return this._find().spec.key;
  }
  getValue(): string | null {
    return this._find().spec.value;
  }
  getVisibility(): unknown {
    return DeveloperMetadataVisibility[this._find().spec.visibility];
  }
  /** Apply a change to this metadata unless it takes its owner past the size limit. */
  _change(patch: Partial<DeveloperMetadataSpec>): void {
    const { owner, spec } = this._find();
    checkSize(
      this._ctx,
      owner.sheet,
      owner.list().map((m) => (m === spec ? { ...m, ...patch } : m)),
    );
    Object.assign(this._edit(), patch);
  }
  setKey(key: string): this {
    this._change({ key: String(key) });
    return this;
  }
  setValue(value: string): this {
    this._change({ value: value === null || value === undefined ? null : String(value) });
    return this;
  }
  setVisibility(visibility: unknown): this {
    this._edit().visibility = enumName(visibility) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
    return this;
  }
  remove(): void {
    const { owner } = this._find();
    if (owner.sheet) this._ctx.mutate(owner.sheet);
    const list = owner.list();
    list.splice(
      list.findIndex((m) => m.id === this._id),
      1,
    );
  }
  getLocation(): unknown {
    const { owner } = this._find();
    const ctx = this._ctx;
    return wrap(ctx, 'DeveloperMetadataLocation', {
      getLocationType: () => DeveloperMetadataLocationType[owner.sheet ? 'SHEET' : 'SPREADSHEET'],
      getSheet: () => (owner.sheet ? make.sheet(ctx, owner.sheet) : null),
      getSpreadsheet: () => (owner.sheet ? null : make.spreadsheet(ctx)),
    });
  }
}

/** A finder over the spreadsheet's metadata (sheet = null: everything, sheets included) or one sheet's. */
export function newMetadataFinder(ctx: Execution, sheet: SheetState | null): unknown {
  const filters: ((m: DeveloperMetadataSpec) => boolean)[] = [];
  const finder = {
    withKey(key: string) {
      filters.push((m) => m.key === key);
      return finder;
    },
    withValue(value: string) {
      filters.push((m) => m.value === value);
      return finder;
    },
    withId(id: number) {
      filters.push((m) => m.id === id);
      return finder;
    },
    withVisibility(visibility: unknown) {
      const v = enumName(visibility);
      filters.push((m) => m.visibility === v);
      return finder;
    },
    find() {
      const all = sheet
        ? sheet.developerMetadata
        : [...ctx.state.developerMetadata, ...ctx.state.sheets.flatMap((s) => s.developerMetadata)];
      return all.filter((m) => filters.every((f) => f(m))).map((m) => newMetadata(ctx, m.id));
    },
  };
  return wrap(ctx, 'DeveloperMetadataFinder', finder);
}

export function listMetadata(ctx: Execution, sheet: SheetState | null): unknown[] {
  const list = sheet ? sheet.developerMetadata : ctx.state.developerMetadata;
  return list.map((m) => newMetadata(ctx, m.id));
}
