/**
 * Logging one step action (Mulai, Selesai, Sesuai, Perbaikan) from the sidebar.
 *
 * A fixed number of service calls whatever the size of the sheets: under the document lock, read
 * the activity's `Kegiatan` row and its `Langkah` rows (never the whole `Riwayat`), apply the event
 * with the same reducer the rebuild uses, append the event to `Riwayat` and write both row blocks
 * back with one setValues each. Refusals are plain messages; nothing is written then.
 */
import { t } from '../../core/i18n';
import { describeProgressError } from '../../core/progress/errors';
import type { StepAction } from '../../core/progress/model';
import type { StepEvent } from '../../core/progress/reducer';
import { applyStepEvent } from '../../core/progress/reducer';
import { activityRow } from '../../core/progress/kegiatan-rows';
import { eventRow } from '../../core/progress/riwayat-rows';
import { replayCell } from '../../core/progress/replay-cells';
import { STATUS_LABELS } from '../../core/progress/row-labels';
import { stepRows } from '../../core/progress/langkah-rows';
import { parseTime, toIsoInZone } from '../../core/time';
import { activityView } from '../../core/progress/views';
import type { ActivityView, LogStepRequest, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { UserError } from '../sheets/errors';
import { typedText } from '../sheets/input';
import { withDocumentLock } from '../sheets/lock';
import { toCells } from '../sheets/rows';
import { newEventId } from './activities';
import { replayColumnReady } from './replay-column';
import { lazyLanguage, readActivity } from './read';
import { readWorkingCalendar } from '../sheets/calendar';
import { KEGIATAN_SPEC, LANGKAH_SPEC, requireRiwayat, RIWAYAT_SPEC } from './sheets';

const ACTIONS: readonly StepAction[] = ['start', 'finish', 'approve', 'revise'];

export const logStep: SidebarApi['logStep'] = (request: LogStepRequest): ActivityView => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  // The language is read only when a message needs it: the success path does not pay for it.
  const language = lazyLanguage(getLanguage);
  const input = (request ?? {}) as Partial<LogStepRequest>;
  const activityId = String(input.activityId ?? '').trim();
  const action = String(input.action ?? '') as StepAction;
  if (!ACTIONS.includes(action))
    throw new UserError(
      t(language(), 'progressUnknownAction', { value: String(input.action ?? '').slice(0, 40) }),
    );
  const step = Number(input.step);
  const person = typedText(input.person, 'progressFieldPerson', language);
  const evidence = typedText(input.evidence, 'progressFieldEvidence', language);
  const note = typedText(input.note, 'progressFieldNote', language);
  const now = toIsoInZone(Date.now(), timeZone);
  const typedAt = input.at === undefined || input.at === null ? '' : String(input.at).trim();
  const at = typedAt === '' ? now : parseTime(typedAt, timeZone);
  if (at === null)
    throw new UserError(describeProgressError({ code: 'badTime', value: typedAt.slice(0, 40) }, language()));
  const by = Session.getActiveUser().getEmail() || person || 'anonim';
  // Outside the lock: logging never writes the calendar.
  const calendar = readWorkingCalendar(spreadsheet, timeZone, language);

  return withDocumentLock(language, () => {
    const found = readActivity(spreadsheet, activityId, timeZone, language);
    const event: StepEvent = {
      kind: action,
      id: newEventId(),
      loggedAt: now,
      by,
      activityId,
      step: Number.isFinite(step) ? step : 0,
      at,
      person,
      evidence,
      note,
      override: input.override === true,
    };
    const result = applyStepEvent(found.progress, event);
    if (!result.ok) throw new UserError(describeProgressError(result.error, language()));
    const progress = result.value;
    const index = progress.info.steps.findIndex((s) => s.number === event.step);
    const before = STATUS_LABELS[found.progress.steps[index].status];
    const after = STATUS_LABELS[progress.steps[index].status];
    // The log first: it is the truth the two derived blocks can always be rebuilt from.
    const riwayat = requireRiwayat(spreadsheet, language);
    const row = eventRow(event, before, after);
    const cells = replayColumnReady(riwayat) ? [...row, replayCell(row)] : row;
    riwayat.appendRow(toCells(RIWAYAT_SPEC, [cells])[0]);
    found.langkah.setValues(toCells(LANGKAH_SPEC, stepRows(progress, '', timeZone, calendar)));
    found.kegiatan.setValues(
      toCells(KEGIATAN_SPEC, [activityRow(progress, found.langkahRow, timeZone, found.stepsIn)]),
    );
    return activityView(progress, now, timeZone, calendar);
  });
};
