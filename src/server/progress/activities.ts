/**
 * Activities (kegiatan): create one from a template, list them, open one. Creating appends the
 * "Buat kegiatan" event to `Riwayat` (the truth), then the derived `Kegiatan` row and the
 * activity's `Langkah` rows, all under the document lock.
 */
import { t, type Language } from '../../core/i18n';
import type { ActivityEvent, ActivityInfo, RunStep } from '../../core/progress/model';
import { newProgress } from '../../core/progress/reducer';
import type { StepsInRiwayat } from '../../core/progress/data-cells';
import { activityRow } from '../../core/progress/kegiatan-rows';
import { stepRows } from '../../core/progress/langkah-rows';
import { eventRows } from '../../core/progress/riwayat-rows';
import { toIsoInZone } from '../../core/time';
import type { SopTemplate } from '../../core/sop/model';
import type { ActivityListItem, ActivityView, CreateActivityRequest, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { MAX_ALERT_LINES } from '../sop-menu';
import { UserError } from '../sheets/errors';
import { resolveTemplate } from '../templates/generate';
import { lazyLanguage, readActivity } from './read';
import {
  ensureProgressSheet,
  ensureRows,
  KEGIATAN,
  KEGIATAN_SPEC,
  LANGKAH,
  LANGKAH_SPEC,
  RIWAYAT,
  RIWAYAT_SPEC,
  toCells,
  writeRows,
} from './sheets';
import { withDocumentLock } from '../sheets/lock';
import { activityView, listItemFromRow, newestFirst } from './view';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Longest text accepted from the sidebar (a cell holds 50,000 characters). */
export const MAX_TEXT = 5000;
const MAX_NAME = 200;

/** Every activity, newest first: one read of `Kegiatan`; none (and nothing created) without it. */
export const listActivities: SidebarApi['listActivities'] = (): ActivityListItem[] =>
  activityList(SpreadsheetApp.getActiveSpreadsheet());

export function activityList(spreadsheet: Spreadsheet): ActivityListItem[] {
  const sheet = spreadsheet.getSheetByName(KEGIATAN);
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const rows = sheet.getRange(2, 1, last - 1, KEGIATAN_SPEC.headers.length).getValues();
  const createdAt = KEGIATAN_SPEC.headers.indexOf('Dibuat pada');
  const items: { item: ActivityListItem; createdAt: string }[] = [];
  for (const row of rows) {
    const item = listItemFromRow(row);
    if (item) items.push({ item, createdAt: String(row[createdAt]).replace(' ', 'T') });
  }
  return newestFirst(items);
}

/** One activity with its steps, read from its rows (no lock: nothing is written). */
export const getActivity: SidebarApi['getActivity'] = (activityId: string): ActivityView => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const language = lazyLanguage(getLanguage);
  const { progress } = readActivity(spreadsheet, String(activityId ?? '').trim(), timeZone, language);
  return activityView(progress, toIsoInZone(Date.now(), timeZone), timeZone);
};

/** Sidebar text: trimmed, at most `max` characters (longer → a message, never cut silently). */
export function typedText(
  value: unknown,
  field: Parameters<typeof t>[1],
  language: () => Language,
  max = MAX_TEXT,
): string {
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text.length > max)
    throw new UserError(
      t(language(), 'progressTextTooLong', { field: t(language(), field), length: text.length, max }),
    );
  return text;
}

/** yyyy-mm-dd that exists in the calendar, or "" (no date). */
function plannedDate(value: unknown, language: Language): string {
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
    throw new UserError(t(language, 'activityDateInvalid', { value: text.slice(0, 40) }));
  return text;
}

/** The template's steps as the activity freezes them. */
export function runSteps(template: SopTemplate): RunStep[] {
  return template.steps.map((step) => ({
    number: step.number,
    activity: step.activity,
    executors: [...step.executors],
    kind: step.kind,
    minutes: { text: step.minutes.text, values: [...step.minutes.values] },
    ...(step.kind === 'decision' ? { onApproved: step.onApproved, onRevision: step.onRevision } : {}),
  }));
}

/** A unique event id (RFC 4122 v4 form) without a service call. */
export function newEventId(): string {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

/** The next "KGT-nnnn" after every id in `Kegiatan`. */
function nextId(ids: unknown[][]): string {
  let max = 0;
  for (const [id] of ids) {
    const m = /^KGT-(\d+)$/.exec(String(id).trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `KGT-${String(max + 1).padStart(4, '0')}`;
}

export const createActivity: SidebarApi['createActivity'] = (
  request: CreateActivityRequest,
): ActivityView => {
  const language = getLanguage();
  const lang = () => language;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const input = (request ?? {}) as Partial<CreateActivityRequest>;
  const name = typedText(input.name, 'progressFieldName', lang, MAX_NAME);
  if (!name) throw new UserError(t(language, 'activityNameEmpty'));
  const date = plannedDate(input.plannedDate, language);
  const place = typedText(input.place, 'progressFieldPlace', lang);
  const personInCharge = typedText(input.personInCharge, 'progressFieldPersonInCharge', lang);
  const templateId = String(input.templateId ?? '');
  const resolved = resolveTemplate(spreadsheet, templateId, language);
  if (!resolved.template) {
    const shown = resolved.problems.slice(0, MAX_ALERT_LINES).map((problem) => `• ${problem}`);
    if (resolved.problems.length > MAX_ALERT_LINES)
      shown.push(t(language, 'sopProblemsMore', { count: resolved.problems.length - MAX_ALERT_LINES }));
    const intro = t(language, 'activityTemplateProblems', {
      template: templateId.replace(/^sheet:/, ''),
      count: resolved.problems.length,
    });
    throw new UserError([intro, ...shown].join('\n'));
  }
  const template = resolved.template;
  const by = Session.getActiveUser().getEmail() || personInCharge || 'anonim';

  return withDocumentLock(lang, () => {
    const sheets = progressSheets(spreadsheet, language);
    const kegiatanLast = sheets.kegiatan.getLastRow();
    const ids =
      kegiatanLast >= 2
        ? sheets.kegiatan.getRange(2, 1, kegiatanLast - 1, 1).getValues()
        : ([] as unknown[][]);
    const now = toIsoInZone(Date.now(), timeZone);
    const info: ActivityInfo = {
      id: nextId(ids),
      name,
      templateId,
      templateName: template.identity.namaSop,
      plannedDate: date,
      place,
      personInCharge,
      createdBy: by,
      createdAt: now,
      steps: runSteps(template),
    };
    const event: ActivityEvent = { kind: 'create', id: newEventId(), loggedAt: now, by, activity: info };
    const progress = newProgress(info);
    const langkahRow = Math.max(2, sheets.langkah.getLastRow() + 1);
    const kegiatanRow = Math.max(2, kegiatanLast + 1);
    // The log first: whatever fails after it, "Bangun ulang progres" restores the rest.
    const logged = eventRows(event, '', '');
    let stepsIn: StepsInRiwayat | null = null;
    if (logged.length === 1) {
      sheets.riwayat.appendRow(toCells(RIWAYAT_SPEC, logged)[0]);
    } else {
      // Too big for one cell (data-cells.ts): the rows go in one block, Kegiatan points to them.
      const row = Math.max(2, sheets.riwayat.getLastRow() + 1);
      ensureRows(sheets.riwayat, RIWAYAT_SPEC, row + logged.length - 1);
      sheets.riwayat
        .getRange(row, 1, logged.length, RIWAYAT_SPEC.headers.length)
        .setValues(toCells(RIWAYAT_SPEC, logged));
      stepsIn = { row, parts: logged.length, eventId: event.id };
    }
    ensureRows(sheets.kegiatan, KEGIATAN_SPEC, kegiatanRow);
    writeRows(sheets.kegiatan, KEGIATAN_SPEC, kegiatanRow, [
      activityRow(progress, langkahRow, timeZone, stepsIn),
    ]);
    const rows = stepRows(progress, '', timeZone);
    ensureRows(sheets.langkah, LANGKAH_SPEC, langkahRow + rows.length - 1);
    writeRows(sheets.langkah, LANGKAH_SPEC, langkahRow, rows);
    return activityView(progress, now, timeZone);
  });
};

/**
 * The three sheets, created when missing. A missing `Kegiatan` or `Langkah` while `Riwayat` holds
 * entries is refused: the derived rows must be rebuilt first, or new ids would collide.
 */
function progressSheets(spreadsheet: Spreadsheet, language: Language) {
  const riwayat = spreadsheet.getSheetByName(RIWAYAT);
  if (riwayat && riwayat.getLastRow() > 1) {
    for (const name of [KEGIATAN, LANGKAH])
      if (!spreadsheet.getSheetByName(name))
        throw new UserError(t(language, 'progressRebuildFirst', { sheet: name }));
  }
  return {
    riwayat: ensureProgressSheet(spreadsheet, RIWAYAT_SPEC, language),
    kegiatan: ensureProgressSheet(spreadsheet, KEGIATAN_SPEC, language),
    langkah: ensureProgressSheet(spreadsheet, LANGKAH_SPEC, language),
  };
}
