/**
 * Saving and loading the workbench's spreadsheet as JSON.
 *
 * Dates (cell values, validation arguments, anything) are tagged as `{ "$date": iso }`
 * ({@link DateJson}) so they come back as Date objects. Writes are atomic: a temp file in the
 * same folder, then a rename, so a crash never leaves half a workbook behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newWorkbookState, type DateJson, type WorkbookState } from '../model';
import { isEmulatedLocale } from '../format/locale';
import { isValidTimeZone } from '../format/zones';

/** JSON text of a value, every Date written as `{ "$date": iso }`. */
export function toJsonText(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    function (this: Record<string, unknown>, key: string, v: unknown) {
      // JSON.stringify calls Date#toJSON before the replacer: look at the holder instead.
      const raw = this[key];
      if (raw instanceof Date) return dateToJson(raw);
      return v;
    },
    indent,
  );
}

/** Parses JSON text, turning every `{ "$date": iso }` back into a Date. */
export function fromJsonText(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (isDateJson(v) ? new Date(v.$date) : v));
}

export function dateToJson(d: Date): DateJson | null {
  // An invalid Date has no ISO form; keep it visible rather than throwing mid-save.
  return Number.isNaN(d.getTime()) ? null : { $date: d.toISOString() };
}

export function isDateJson(v: unknown): v is DateJson {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === '$date' && typeof (v as DateJson).$date === 'string';
}

/** The workbook as saved JSON text. */
export function serializeWorkbook(state: WorkbookState): string {
  return toJsonText(state);
}

/** Checks the shape just enough to give a clear message instead of a crash later. */
export function parseWorkbook(text: string, source = 'workbook'): WorkbookState {
  let data: unknown;
  try {
    data = fromJsonText(text);
  } catch (e) {
    throw new Error(`${source} is not valid JSON (${(e as Error).message})`, { cause: e });
  }
  const problem = shapeProblem(data);
  if (problem) throw new Error(`${source} is not a workbench workbook: ${problem}`);
  const wb = data as WorkbookState;
  // Workbooks saved before the locale was emulated get the default (id_ID).
  if (typeof wb.locale !== 'string') wb.locale = newWorkbookState().locale;
  return wb;
}

function shapeProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'expected a JSON object';
  const wb = data as Partial<WorkbookState>;
  if (typeof wb.name !== 'string') return 'missing "name"';
  if (!Array.isArray(wb.sheets) || wb.sheets.length === 0) return 'missing "sheets"';
  for (const [i, s] of wb.sheets.entries()) {
    if (typeof s !== 'object' || s === null) return `sheets[${i}] is not an object`;
    if (typeof s.name !== 'string' || typeof s.sheetId !== 'number')
      return `sheets[${i}] has no name/sheetId`;
    if (!Array.isArray(s.rows)) return `sheets[${i}] ("${s.name}") has no "rows" array`;
  }
  if (typeof wb.activeSheetId !== 'number') return 'missing "activeSheetId"';
  if (typeof wb.nextId !== 'number') return 'missing "nextId"';
  if (typeof wb.timeZone !== 'string' || !isValidTimeZone(wb.timeZone))
    return `"timeZone" ${JSON.stringify(wb.timeZone)} is not a time zone (e.g. "Asia/Jakarta")`;
  if (wb.locale !== undefined && (typeof wb.locale !== 'string' || !isEmulatedLocale(wb.locale)))
    return `"locale" ${JSON.stringify(wb.locale)} is not an emulated locale (e.g. "id_ID")`;
  if (!Array.isArray(wb.developerMetadata)) return 'missing "developerMetadata" (an array)';
  const p = wb.properties as Partial<WorkbookState['properties']> | undefined;
  if (typeof p !== 'object' || p === null) return 'missing "properties" ({ document, script, user })';
  for (const store of ['document', 'script', 'user'] as const)
    if (typeof p[store] !== 'object' || p[store] === null || Array.isArray(p[store]))
      return `"properties" has no "${store}" object`;
  for (const [i, s] of wb.sheets.entries()) {
    for (const key of ['maxRows', 'maxColumns', 'frozenRows', 'frozenColumns'] as const)
      if (typeof s[key] !== 'number') return `sheets[${i}] ("${s.name}") has no number "${key}"`;
    for (const key of [
      'merges',
      'validations',
      'protections',
      'charts',
      'conditionalRules',
      'developerMetadata',
    ] as const)
      if (!Array.isArray(s[key])) return `sheets[${i}] ("${s.name}") has no "${key}" array`;
  }
  return null;
}

/**
 * One workbench per workbook file: a second process on the same file would give out the same
 * ids and overwrite the first one's saves. The claim is a `<file>.lock` holding the owner's pid,
 * made with O_EXCL; a lock whose process is gone is taken over. Temp files of saves that a
 * killed process left behind are removed. Returns the release function.
 */
export function claimWorkbook(file: string): () => void {
  const resolved = path.resolve(file);
  const lock = `${resolved}.lock`;
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      const owner = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner))
        throw new Error(
          `Workbook file ${resolved} is in use by another workbench (process ${owner}). ` +
            'Stop that one, or set WORKBOOK to another file.',
          { cause: e },
        );
      fs.rmSync(lock, { force: true });
    }
  }
  const prefix = `.${path.basename(resolved)}.`;
  for (const name of fs.readdirSync(path.dirname(resolved)))
    if (name.startsWith(prefix) && name.endsWith('.tmp'))
      fs.rmSync(path.join(path.dirname(resolved), name), { force: true });
  return () => {
    try {
      if (Number.parseInt(fs.readFileSync(lock, 'utf8'), 10) === process.pid)
        fs.rmSync(lock, { force: true });
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Loads the workbook saved at `file`. A missing file gives a new, empty spreadsheet
 * ({@link newWorkbookState}); an unreadable or corrupt file throws an Error naming the path.
 */
export function loadWorkbook(file: string): WorkbookState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return newWorkbookState();
    throw new Error(`Cannot read workbook file ${path.resolve(file)}: ${(e as Error).message}`, { cause: e });
  }
  return parseWorkbook(text, `Workbook file ${path.resolve(file)}`);
}

/** Saves atomically: write a temp file next to `file`, then rename it over `file`. */
export function saveWorkbook(file: string, state: WorkbookState): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, serializeWorkbook(state), 'utf8');
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the temp file may never have been created
    }
    throw new Error(`Cannot save workbook file ${path.resolve(file)}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}
