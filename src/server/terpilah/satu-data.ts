/**
 * "Ekspor Satu Data": asks which activity (none = all), gets the report's summaries as the report
 * reads them (./report-summaries.ts: the index's tallies, or only the columns and rows needed;
 * institutions grouped by the `Instansi` sheet when there is one; too large a register refused),
 * and writes `Satu Data: <kegiatan|Semua kegiatan>`: metadata, then one row per dimension value
 * with Kemendagri area codes and counts by sex (core/terpilah/satu-data*.ts). Aggregates only:
 * no participant's row reaches the sheet. Written the safe way of every generated sheet
 * (complete under a temporary name, marked, never over a user's own sheet). The dialog waits
 * outside the document lock; the service calls do not depend on the number of participants.
 */
import { t, type Language } from '../../core/i18n';
import { formatNumberId } from '../../core/format';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { sheetNameFor } from '../../core/plan/sheet-name';
import { toIsoInZone } from '../../core/time';
import { ALL_ACTIVITIES } from '../../core/terpilah/satu-data';
import { satuDataExport } from '../../core/terpilah/satu-data-export';
import { SATU_DATA_PREFIX, satuDataSheetPlan } from '../../core/terpilah/satu-data-sheet';
import { UserError } from '../sheets/errors';
import { targetSheet, writeReplacing } from '../sheets/generated';
import { guarded, type MenuAlert } from '../sheets/guard';
import { withDocumentLock } from '../sheets/lock';
import { PESERTA_SHEET } from '../sheets/names';
import { activityDates } from './import';
import { reportSummaries, type SummaryOptions } from './report-summaries';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The marker's id ("report:" = the add-in's own, replaceable). */
export const SATU_DATA_MARKER_ID = 'report:satu-data';

/** Menu "Ekspor Satu Data". */
export function menuSatuDataExport(): void {
  guarded((language) => {
    const ui = SpreadsheetApp.getUi();
    const title = t(language, 'satuDataTitle');
    const response = ui.prompt(title, t(language, 'satuDataPrompt'), ui.ButtonSet.OK_CANCEL);
    if (response.getSelectedButton() !== ui.Button.OK) return;
    const activity = response.getResponseText().replace(/\s+/g, ' ').trim().slice(0, 200);
    return exportSatuData(language, activity);
  });
}

function exportSatuData(language: Language, activity: string): MenuAlert | void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const now = toIsoInZone(Date.now(), timeZone);
  return withDocumentLock(language, () => {
    const dates = activityDates(spreadsheet);
    const options = {
      referenceDate: now.slice(0, 10),
      timeZone,
      activityDates: dates,
      tooLarge: 'satuDataTooLarge' as const,
    };
    const summaries = reportSummaries(spreadsheet, language, activity, options);
    if (activity && (summaries[0]?.participants ?? 0) === 0)
      throw new UserError(
        t(language, 'satuDataUnknownActivity', {
          activity,
          known: knownActivities(spreadsheet, language, options),
        }),
      );
    const exported = satuDataExport(summaries, {
      generatedAt: now,
      activityDates: dates,
      sumber: `Sheet ${PESERTA_SHEET}, spreadsheet "${spreadsheet.getName()}"`,
    });
    const { name, previous, userSheet } = targetSheet(
      spreadsheet,
      sheetNameFor(SATU_DATA_PREFIX, activity || ALL_ACTIVITIES),
    );
    const { plan } = satuDataSheetPlan(name, exported.metadata, exported.rows);
    const sheet = writeReplacing(spreadsheet, plan, previous, SATU_DATA_MARKER_ID);
    sheet.activate();
    const participants = summaries[0]?.participants ?? 0;
    spreadsheet.toast(
      t(language, 'satuDataCreatedToast', {
        sheet: name,
        rows: formatNumberId(exported.rows.length),
        participants: formatNumberId(participants),
      }),
      t(language, 'satuDataTitle'),
    );
    if (userSheet)
      return {
        title: t(language, 'satuDataTitle'),
        message: t(language, 'satuDataRenamedBecause', { sheet: userSheet, newSheet: name }),
      };
  });
}

/**
 * The first ten activities of `Peserta`, as the report over all of them names them (NIKs masked);
 * "-" when there are none, or when the register is too large to read them in this execution.
 */
function knownActivities(spreadsheet: Spreadsheet, language: Language, options: SummaryOptions): string {
  try {
    const names = reportSummaries(spreadsheet, language, '', options)
      .slice(1, 11)
      .map((summary) => `"${maskNiksIn(summary.activity ?? '')}"`);
    return names.join(', ') || '-';
  } catch (error) {
    if (error instanceof UserError) return '-';
    throw error;
  }
}
