/**
 * Reads one activity — its `Kegiatan` row and its `Langkah` rows — in a fixed number of calls,
 * whatever the size of the sheets: never the whole `Riwayat`, and `Kegiatan` only by one row.
 */
import { t, type Language } from '../../core/i18n';
import { describeProgressError } from '../../core/progress/errors';
import type { StepsInRiwayat } from '../../core/progress/data-cells';
import type { ActivityInfo, ActivityProgress } from '../../core/progress/model';
import { joinContinuations, parseEventRow } from '../../core/progress/riwayat-rows';
import { parseActivityRow, stepStateCheck } from '../../core/progress/kegiatan-rows';
import { parseStepRows } from '../../core/progress/langkah-rows';
import { UserError } from '../sheets/errors';
import { KEGIATAN_SHEET, LANGKAH_SHEET } from '../sheets/names';
import { a1 } from '../sheets/rows';
import { KEGIATAN_SPEC, LANGKAH_SPEC, RIWAYAT_SPEC } from './sheets';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ActivityRows {
  progress: ActivityProgress;
  /** The activity's `Kegiatan` row and `Langkah` rows, to write back in one call each. */
  kegiatan: Range;
  langkah: Range;
  langkahRow: number;
  /** Where the steps are in `Riwayat` when they do not fit in the `Kegiatan` Data cell. */
  stepsIn: StepsInRiwayat | null;
}

const ID_COLUMN = KEGIATAN_SPEC.headers.indexOf('ID');
const ID_PATTERN = /^KGT-(\d+)$/;

/** The row an id gets when activities are laid out in creation order ("KGT-0007" → row 8). */
export function expectedRow(activityId: string): number | null {
  const m = ID_PATTERN.exec(activityId);
  return m ? Number(m[1]) + 1 : null;
}

/**
 * The activity's `Kegiatan` row: the row its number points to (2 calls) when it is there, else one
 * read of the ID column to find it (a sorted or rebuilt sheet). Throws a UserError when missing.
 */
function kegiatanRow(
  spreadsheet: Spreadsheet,
  activityId: string,
  language: () => Language,
): { range: Range; values: unknown[]; row: number } {
  const guess = expectedRow(activityId);
  if (guess !== null) {
    try {
      const range = spreadsheet.getRange(a1(KEGIATAN_SPEC, guess));
      const values = range.getValues()[0];
      if (String(values[ID_COLUMN]).trim() === activityId) return { range, values, row: guess };
    } catch {
      // No such sheet or row: look it up below, which tells which.
    }
  }
  const sheet = spreadsheet.getSheetByName(KEGIATAN_SHEET);
  if (!sheet) throw new UserError(t(language(), 'progressSheetMissing', { sheet: KEGIATAN_SHEET }));
  const last = sheet.getLastRow();
  const ids = last >= 2 ? sheet.getRange(2, ID_COLUMN + 1, last - 1, 1).getValues() : [];
  const index = ids.findIndex((row) => String(row[0]).trim() === activityId);
  if (index < 0 || activityId === '')
    throw new UserError(describeProgressError({ code: 'unknownActivity', activityId }, language()));
  const range = sheet.getRange(index + 2, 1, 1, KEGIATAN_SPEC.headers.length);
  return { range, values: range.getValues()[0], row: index + 2 };
}

/**
 * The activity and its step states, read back from its rows. A row someone edited into nonsense
 * gives a message naming the row and column and pointing to "Bangun ulang progres".
 */
export function readActivity(
  spreadsheet: Spreadsheet,
  activityId: string,
  timeZone: string,
  language: () => Language,
): ActivityRows {
  const found = kegiatanRow(spreadsheet, activityId, language);
  const parsed = parseActivityRow(found.values);
  const broken = () =>
    new UserError(t(language(), 'progressActivityRowBroken', { row: found.row, id: activityId }));
  if (!parsed || parsed.info.id !== activityId) throw broken();
  const { langkahRow, stepsIn } = parsed;
  const info = stepsIn ? stepsFromRiwayat(spreadsheet, parsed.info, stepsIn, timeZone) : parsed.info;
  if (!info) throw broken();
  let langkah: Range;
  let rows: unknown[][];
  try {
    langkah = spreadsheet.getRange(a1(LANGKAH_SPEC, langkahRow, info.steps.length));
    rows = langkah.getValues();
  } catch {
    if (!spreadsheet.getSheetByName(LANGKAH_SHEET))
      throw new UserError(t(language(), 'progressSheetMissing', { sheet: LANGKAH_SHEET }));
    // The sheet is shorter than the activity's rows: someone deleted rows.
    throw new UserError(
      t(language(), 'progressRowBroken', { row: langkahRow, column: LANGKAH_SPEC.headers[0], value: '' }),
    );
  }
  const read = parseStepRows(info, rows, langkahRow, timeZone);
  if (!read.ok)
    throw new UserError(
      t(language(), 'progressRowBroken', {
        row: read.row,
        column: read.column,
        value: read.value.slice(0, 60),
      }),
    );
  // Langkah must say what the add-in last wrote there: else logging would accept an action that
  // the rebuild from Riwayat refuses later (kegiatan-rows.ts stepStateCheck).
  if (parsed.check !== '' && parsed.check !== stepStateCheck(read.progress, timeZone))
    throw new UserError(
      t(language(), 'progressLangkahEdited', {
        id: activityId,
        first: langkahRow,
        last: langkahRow + info.steps.length - 1,
      }),
    );
  return { progress: read.progress, kegiatan: found.range, langkah, langkahRow, stepsIn };
}

/** The frozen steps of a big activity, from its "Buat kegiatan" rows in `Riwayat` (1–2 calls). */
function stepsFromRiwayat(
  spreadsheet: Spreadsheet,
  identity: ActivityInfo,
  stepsIn: StepsInRiwayat,
  timeZone: string,
): ActivityInfo | null {
  try {
    const rows = spreadsheet.getRange(a1(RIWAYAT_SPEC, stepsIn.row, stepsIn.parts)).getValues();
    const [joined] = joinContinuations(rows, stepsIn.row);
    const parsed = joined && joined.parts === stepsIn.parts ? parseEventRow(joined.values, timeZone) : null;
    if (!parsed?.ok || parsed.event.kind !== 'create' || parsed.event.id !== stepsIn.eventId) return null;
    if (parsed.event.activity.id !== identity.id) return null;
    return { ...identity, steps: parsed.event.activity.steps };
  } catch {
    return null;
  }
}

/** The signed-in user's language, read once and only when a message needs it. */
export function lazyLanguage(read: () => Language): () => Language {
  let language: Language | undefined;
  return () => {
    if (language === undefined) language = read();
    return language;
  };
}
