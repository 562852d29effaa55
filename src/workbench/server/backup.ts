/**
 * The backup a reset keeps ("Atur ulang" → "Pulihkan"): the workbook as it was before the last
 * reset, saved next to the workbook file as `<name>.backup.json` (for `workbook.json`:
 * `workbook.backup.json`). Restoring swaps the two, so neither is ever lost.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkbookState } from '../model';
import { parseWorkbook, saveWorkbook } from './persistence';

/** What the page shows of a backup before restoring it. */
export interface BackupInfo {
  name: string;
  sheets: string[];
  /** When the backup was made (the file's modification time), ISO 8601. */
  savedAt: string;
}

export interface BackupStore {
  /** Keeps `state` as the backup (replacing an older one); throws when it cannot be written. */
  keep(state: WorkbookState): void;
  /** The backup, or null when there is none. */
  load(): WorkbookState | null;
  info(): BackupInfo | null;
}

/** `dir/workbook.json` → `dir/workbook.backup.json`. */
export function backupPath(workbookFile: string): string {
  const ext = path.extname(workbookFile);
  const base = ext ? workbookFile.slice(0, -ext.length) : workbookFile;
  return `${base}.backup${ext || '.json'}`;
}

export function fileBackup(workbookFile: string): BackupStore {
  const file = backupPath(path.resolve(workbookFile));
  const load = (): WorkbookState | null => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(`Cannot read backup file ${file}: ${(e as Error).message}`, { cause: e });
    }
    return parseWorkbook(text, `Backup file ${file}`);
  };
  return {
    keep: (state) => saveWorkbook(file, state),
    load,
    info: () => {
      const state = load();
      if (!state) return null;
      return {
        name: state.name,
        sheets: state.sheets.map((s) => s.name),
        savedAt: fs.statSync(file).mtime.toISOString(),
      };
    },
  };
}
