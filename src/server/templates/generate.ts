import { t, type Language } from '../../core/i18n';
import { sheetNameFor } from '../../core/plan/sheet-name';
import { asLiteralText } from '../../core/plan/text-safety';
import { maskNiksIn } from '../../core/privacy/mask-nik';
import { totalMinutes } from '../../core/sop/minutes';
import type { SopTemplate } from '../../core/sop/model';
import { sopSheetPlan } from '../../core/sop/sop-sheet';
import { currentVersion, nextVersion, templateHash, withVersionHistory } from '../../core/sop/versions';
import type { GenerateSopResult, SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { insertIfFree, targetSheet, writeReplacing } from '../sheets/generated';
import { withDocumentLock } from '../sheets/lock';
import type { GeneratedMarker } from '../sheets/markers';
import { SOP_PREFIX } from '../sheets/names';
import { resolveTemplate, SHEET_ID_PREFIX } from '../sheets/template-source';
import { TEMPLATES_APPLY_OPTIONS } from './apply-options';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * "Buat SOP": reads and validates the template, then writes `SOP: <nama>` in the official layout
 * in a fixed number of calls. Any problem → every located message and nothing written. The new
 * sheet is built complete under a temporary name, marked, and only then replaces the add-in's
 * previous sheet of that name; a user's own sheet of that name is never touched.
 *
 * Versions: the SOP sheet records the hash of the template it was made from. When a template
 * sheet changed since, a prompt asks what changed; the answer is appended to the template's
 * "Riwayat versi" and the new SOP shows it, with Tanggal Revisi set to today. Cancel writes nothing.
 */
export const generateSop: SidebarApi['generateSop'] = (templateId: string): GenerateSopResult => {
  // The language (a properties read) only when a message needs it: a clean run shows none.
  let known: Language | undefined;
  const language = (): Language => (known ??= getLanguage());
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const id = String(templateId ?? '');
  const resolved = resolveTemplate(spreadsheet, id, language);
  // Problems quote the template's cells: a NIK typed there is masked in the sidebar's list.
  if (!resolved.template) return { ok: false, problems: resolved.problems.map(maskNiksIn) };
  const { template } = resolved;
  const preferred = sheetNameFor(SOP_PREFIX, template.identity.namaSop);
  const hash = templateHash(template);

  /** `shown` written as the SOP `name`, in place of `previous` (or onto `inserted`, new and free). */
  const write = (shown: SopTemplate, name: string, previous: Sheet | null, inserted?: Sheet) =>
    // insertSheet made the new sheet the active one: no activate() call needed.
    writeReplacing(
      spreadsheet,
      sopSheetPlan(withVersionHistory(shown), name, shown.print),
      previous,
      id,
      { templateHash: hash, version: currentVersion(shown) },
      TEMPLATES_APPLY_OPTIONS,
      inserted,
    );

  // A first SOP of this name takes no document lock (its tryLock, flush and releaseLock are three
  // round trips): nothing is replaced and no note recorded, and insertIfFree takes the free name
  // atomically. Someone else's sheet of that name, even one made a moment ago, goes the locked way.
  const fresh = insertIfFree(spreadsheet, preferred);
  if (fresh) {
    write(template, preferred, null, fresh);
    return done(language, preferred, template, null);
  }
  const attempt = (note: string | null): GenerateSopResult | typeof NEEDS_NOTE =>
    withDocumentLock(language, () => {
      const { name, previous, userSheet, previousMarker } = targetSheet(spreadsheet, preferred);
      if (note === null && changedSince(previous, previousMarker, id, template, hash)) return NEEDS_NOTE;
      write(note === null ? template : recordRevision(spreadsheet, id, template, note), name, previous);
      return done(language, name, template, userSheet);
    });
  const first = attempt(null);
  if (first !== NEEDS_NOTE) return first;
  // The template changed: the note is asked outside the document lock (nobody waits on a person
  // typing), then the SOP is written under the lock again.
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(
    t(language(), 'sopRevisionTitle'),
    t(language(), 'sopRevisionPrompt', {
      template: id.slice(SHEET_ID_PREFIX.length),
      version: currentVersion(template) + 1,
    }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (response.getSelectedButton() !== ui.Button.OK)
    return { ok: false, problems: [t(language(), 'sopRevisionCancelled')] };
  const note = response.getResponseText().trim() || t(language(), 'sopRevisionDefaultNote');
  const second = attempt(note);
  return second === NEEDS_NOTE ? { ok: false, problems: [t(language(), 'sopRevisionCancelled')] } : second;
};

const NEEDS_NOTE = Symbol('needs a revision note');

/**
 * Whether a template sheet (with a history block) changed since the add-in's SOP sheet was made
 * from it: that sheet's recorded hash differs (1 call: targetSheet found the marker already). No
 * SOP yet, an SOP from before versions (no hash), the built-in template: nothing to compare.
 */
function changedSince(
  previous: GoogleAppsScript.Spreadsheet.Sheet | null,
  previousMarker: () => GeneratedMarker | null,
  templateId: string,
  template: SopTemplate,
  hash: string,
): boolean {
  if (!previous || !templateId.startsWith(SHEET_ID_PREFIX) || template.historyRow === undefined) return false;
  const marker = previousMarker();
  return !!marker?.templateHash && marker.templateId === templateId && marker.templateHash !== hash;
}

/** Appends the new version to the template's history (one row, literal text) and returns the template with it. */
function recordRevision(
  spreadsheet: Spreadsheet,
  templateId: string,
  template: SopTemplate,
  note: string,
): SopTemplate {
  const today = Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
  const version = nextVersion(template, today, note, Session.getActiveUser().getEmail());
  const versions = template.versions ?? [];
  const sheet = spreadsheet.getSheetByName(templateId.slice(SHEET_ID_PREFIX.length));
  if (sheet && template.historyRow !== undefined)
    sheet
      .getRange(template.historyRow + 2 + versions.length, 1, 1, 4)
      .setValues([[version.version, version.date, asLiteralText(version.note), asLiteralText(version.by)]]);
  return {
    ...template,
    versions: [...versions, version],
    identity: { ...template.identity, tanggalRevisi: today },
  };
}

/**
 * The result the caller shows: the sidebar in its panel, the menu as a toast (menuCreateSop). No
 * toast here: from the sidebar it would repeat what the panel says, at one more round trip.
 */
function done(
  language: () => Language,
  name: string,
  template: SopTemplate,
  userSheet: string | null,
): GenerateSopResult {
  return {
    ok: true,
    sheetName: name,
    stepCount: template.steps.length,
    totalMinutes: totalMinutes(template.steps),
    ...(userSheet
      ? { renamedBecause: t(language(), 'sopRenamedBecause', { sheet: userSheet, newSheet: name }) }
      : {}),
  };
}
