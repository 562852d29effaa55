/**
 * Activities (kegiatan): create one from a template, list them, open one. Creating appends the
 * "Buat kegiatan" event to `Riwayat` (the truth), then the derived `Kegiatan` row and the
 * activity's `Langkah` rows, all under the document lock.
 */
import { t, type Language } from '../../core/i18n';
import type { ActivityEvent, ActivityInfo } from '../../core/progress/model';
import { nextActivityId, runSteps } from '../../core/progress/new-activity';
import { newProgress } from '../../core/progress/reducer';
import type { StepsInRiwayat } from '../../core/progress/data-cells';
import { activityRow } from '../../core/progress/kegiatan-rows';
import { eventRows } from '../../core/progress/riwayat-rows';
import { REPLAY_COLUMN, REPLAY_HEADER, replayCell } from '../../core/progress/replay-cells';
import { stepRows } from '../../core/progress/langkah-rows';
import { toIsoInZone } from '../../core/time';
import { activityListFromListColumns, activityView, LIST_COLUMNS } from '../../core/progress/views';
import type { ActivityListItem, ActivityView, CreateActivityRequest, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { UserError } from '../sheets/errors';
import { problemsText } from '../sheets/guard';
import { typedDate, typedText } from '../sheets/input';
import { withDocumentLock } from '../sheets/lock';
import { KEGIATAN_SHEET, LANGKAH_SHEET, RIWAYAT_SHEET } from '../sheets/names';
import { ensureRows, gridOf, headedGrid, toCells, writeInGrid } from '../sheets/rows';
import { resolveTemplate } from '../sheets/template-source';
import { lazyLanguage, readActivity } from './read';
import { readWorkingCalendar } from '../sheets/calendar';
import { currentVersion } from '../../core/sop/versions';
import { ensureProgressSheets, KEGIATAN_SPEC, LANGKAH_SPEC, RIWAYAT_SPEC } from './sheets';
import { replayColumnReady } from './replay-column';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MAX_NAME = 200;

/** Every activity, newest first: one read of `Kegiatan`; none (and nothing created) without it. */
export const listActivities: SidebarApi['listActivities'] = (): ActivityListItem[] =>
  activityList(SpreadsheetApp.getActiveSpreadsheet());

export function activityList(spreadsheet: Spreadsheet): ActivityListItem[] {
  return activitiesOf(spreadsheet.getSheetByName(KEGIATAN_SHEET));
}

/**
 * The list from the `Kegiatan` sheet (none without it): its last row, then the list's columns
 * only (LIST_COLUMNS, one getSheetValues): 2 calls, and none of the columns the list never shows.
 */
export function activitiesOf(kegiatan: Sheet | null): ActivityListItem[] {
  const last = kegiatan ? kegiatan.getLastRow() : 0;
  if (!kegiatan || last < 2) return [];
  const rows = kegiatan.getSheetValues(2, LIST_COLUMNS.first + 1, last - 1, LIST_COLUMNS.count);
  return activityListFromListColumns(rows);
}

/** One activity with its steps, read from its rows (no lock: nothing is written). */
export const getActivity: SidebarApi['getActivity'] = (activityId: string): ActivityView => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const language = lazyLanguage(getLanguage);
  const { progress } = readActivity(spreadsheet, String(activityId ?? '').trim(), timeZone, language);
  const calendar = readWorkingCalendar(spreadsheet, timeZone, language);
  return activityView(progress, toIsoInZone(Date.now(), timeZone), timeZone, calendar);
};

/** A unique event id (RFC 4122 v4 form) without a service call. */
export function newEventId(): string {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

export const createActivity: SidebarApi['createActivity'] = (
  request: CreateActivityRequest,
): ActivityView => {
  // The language is read only when a message needs it: the success path does not pay for it.
  const language = lazyLanguage(getLanguage);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const input = (request ?? {}) as Partial<CreateActivityRequest>;
  const name = typedText(input.name, 'progressFieldName', language, MAX_NAME);
  if (!name) throw new UserError(t(language(), 'activityNameEmpty'));
  const date = typedDate(input.plannedDate, 'activityDateInvalid', language);
  const place = typedText(input.place, 'progressFieldPlace', language);
  const personInCharge = typedText(input.personInCharge, 'progressFieldPersonInCharge', language);
  const templateId = String(input.templateId ?? '');
  const resolved = resolveTemplate(spreadsheet, templateId, language);
  if (!resolved.template) {
    const intro = t(language(), 'activityTemplateProblems', {
      template: templateId.replace(/^sheet:/, ''),
      count: resolved.problems.length,
    });
    throw new UserError(problemsText(intro, resolved.problems, language()));
  }
  const template = resolved.template;
  const by = Session.getActiveUser().getEmail() || personInCharge || 'anonim';

  return withDocumentLock(language, () => {
    const at = readyRegisters(spreadsheet) ?? setUpRegisters(spreadsheet, language());
    const now = toIsoInZone(Date.now(), timeZone);
    const info: ActivityInfo = {
      id: nextActivityId(at.ids),
      name,
      templateId,
      templateName: template.identity.namaSop,
      templateVersion: currentVersion(template),
      plannedDate: date,
      place,
      personInCharge,
      createdBy: by,
      createdAt: now,
      steps: runSteps(template),
    };
    const event: ActivityEvent = { kind: 'create', id: newEventId(), loggedAt: now, by, activity: info };
    const progress = newProgress(info);
    const langkahRow = Math.max(2, at.langkahLast + 1);
    const kegiatanRow = Math.max(2, at.kegiatanLast + 1);
    // The log first: whatever fails after it, "Bangun ulang progres" restores the rest.
    const rows = eventRows(event, '', '');
    const logged = at.replay ? rows.map((row) => [...row, replayCell(row)]) : rows;
    let stepsIn: StepsInRiwayat | null = null;
    if (logged.length === 1) {
      at.riwayat.appendRow(toCells(RIWAYAT_SPEC, logged)[0]);
    } else {
      // Too big for one cell (data-cells.ts): the rows go in one block, Kegiatan points to them.
      const row = Math.max(2, at.riwayat.getLastRow() + 1);
      ensureRows(at.riwayat, RIWAYAT_SPEC, row + logged.length - 1);
      at.riwayat.getRange(row, 1, logged.length, logged[0].length).setValues(toCells(RIWAYAT_SPEC, logged));
      stepsIn = { row, parts: logged.length, eventId: event.id };
    }
    writeInGrid(spreadsheet, at.kegiatan, KEGIATAN_SPEC, kegiatanRow, [
      activityRow(progress, langkahRow, timeZone, stepsIn),
    ]);
    writeInGrid(spreadsheet, at.langkah, LANGKAH_SPEC, langkahRow, stepRows(progress, '', timeZone));
    return activityView(progress, now, timeZone);
  });
};

/** What creating an activity needs of the three registers, read under the lock. */
interface Registers {
  riwayat: Sheet;
  /** Whether column O of `Riwayat` is the Replay column. */
  replay: boolean;
  /** The grids of `Kegiatan` and `Langkah` (row 1 to the last grid row), written through. */
  kegiatan: Range;
  langkah: Range;
  /** Column A of the `Kegiatan` rows below the header, for the next id. */
  ids: unknown[][];
  kegiatanLast: number;
  langkahLast: number;
}

/**
 * The registers as an earlier create left them, in 8 calls: each sheet's grid and exact header
 * row (the proof of ownership hasOurHeaders accepts; `Riwayat`'s with its Replay header), the
 * last rows and the ids. null otherwise (a sheet missing, set up before the Replay column,
 * renamed, a user's own): setUpRegisters then checks, refuses or sets up.
 */
function readyRegisters(spreadsheet: Spreadsheet): Registers | null {
  const riwayat = headedGrid(spreadsheet, RIWAYAT_SPEC, REPLAY_COLUMN);
  if (!riwayat || riwayat.header[REPLAY_COLUMN - 1] !== REPLAY_HEADER) return null;
  const kegiatan = headedGrid(spreadsheet, KEGIATAN_SPEC);
  const langkah = kegiatan && headedGrid(spreadsheet, LANGKAH_SPEC);
  if (!kegiatan || !langkah) return null;
  const kegiatanLast = kegiatan.grid.getSheet().getLastRow();
  return {
    riwayat: riwayat.grid.getSheet(),
    replay: true,
    kegiatan: kegiatan.grid,
    langkah: langkah.grid,
    ids: kegiatanLast >= 2 ? kegiatan.grid.offset(1, 0, kegiatanLast - 1, 1).getValues() : [],
    kegiatanLast,
    langkahLast: langkah.grid.getSheet().getLastRow(),
  };
}

/** The full path: the three sheets checked, refused or set up (progressSheets), then read. */
function setUpRegisters(spreadsheet: Spreadsheet, language: Language): Registers {
  const sheets = progressSheets(spreadsheet, language);
  const kegiatanLast = sheets.kegiatan.getLastRow();
  return {
    riwayat: sheets.riwayat,
    replay: replayColumnReady(sheets.riwayat),
    kegiatan: gridOf(sheets.kegiatan, KEGIATAN_SPEC),
    langkah: gridOf(sheets.langkah, LANGKAH_SPEC),
    ids: kegiatanLast >= 2 ? sheets.kegiatan.getRange(2, 1, kegiatanLast - 1, 1).getValues() : [],
    kegiatanLast,
    langkahLast: sheets.langkah.getLastRow(),
  };
}

/**
 * The three sheets, created when missing. A missing `Kegiatan` or `Langkah` while `Riwayat` holds
 * entries is refused: the derived rows must be rebuilt first, or new ids would collide.
 */
function progressSheets(spreadsheet: Spreadsheet, language: Language) {
  const riwayat = spreadsheet.getSheetByName(RIWAYAT_SHEET);
  if (riwayat && riwayat.getLastRow() > 1) {
    for (const name of [KEGIATAN_SHEET, LANGKAH_SHEET])
      if (!spreadsheet.getSheetByName(name))
        throw new UserError(t(language, 'progressRebuildFirst', { sheet: name }));
  }
  const [sheet, kegiatan, langkah] = ensureProgressSheets(
    spreadsheet,
    [RIWAYAT_SPEC, KEGIATAN_SPEC, LANGKAH_SPEC],
    language,
  );
  return { riwayat: sheet, kegiatan, langkah };
}
