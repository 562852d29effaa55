/**
 * Menu "Periksa pemasangan": run right after deploying, in the real spreadsheet. Probes the ICU
 * features core relies on, one method per manifest scope, the Sidebar file, the document lock,
 * and a temporary probe sheet (developer metadata, text written the add-in's way and read back),
 * then shows every result in one alert. Each check catches its own errors; the probe sheet is
 * removed in a `finally` (and that removal is itself a check) and the active sheet restored.
 */
import { t, type Language } from '../../core/i18n';
import {
  attempt,
  expectedGot,
  fail,
  pass,
  skip,
  threw,
  type CheckResult,
  type Outcome,
} from '../../core/self-check/checks';
import {
  probeCollation,
  probeNormalize,
  probeTimeZone,
  probeUnicodeRegex,
  runtimeIcuEnv,
} from '../../core/self-check/icu';
import { compareReadBack, PROBE_TEXTS, probePlan } from '../../core/self-check/probe';
import { selfCheckReport } from '../../core/self-check/report';
import { VERSION } from '../../core/version';
import { applyPlan } from '../sheets/apply-plan';
import { guarded } from '../sheets/guard';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Short: the check only asks whether the lock can be taken now. */
export const SELF_CHECK_LOCK_MS = 2000;
export const PROBE_METADATA_KEY = 'sopTerpilah.selfCheck';

/** The report in one alert; without the UI scope it goes to the execution log (Apps Script → Executions). */
export function menuSelfCheck(): void {
  guarded((language) => ({
    title: t(language, 'selfCheckTitle'),
    message: selfCheckReport(runSelfCheck(language), language, VERSION),
  }));
}

/** Every check, in any order (the report orders them); never throws. */
export function runSelfCheck(language: Language, token: string = randomToken()): CheckResult[] {
  const { result: access, spreadsheet, timeZone } = openSpreadsheet();
  const env = runtimeIcuEnv();
  const results: CheckResult[] = [
    attempt('timeZone', () => probeTimeZone(env, timeZone)),
    attempt('unicodeRegex', () => probeUnicodeRegex(env)),
    attempt('normalize', () => probeNormalize(env)),
    attempt('collation', () => probeCollation(env)),
    access,
    attempt('ui', checkUi),
    attempt('email', checkEmail),
    attempt('sidebarFile', checkSidebarFile),
    attempt('lock', checkLock),
  ];
  if (spreadsheet) {
    results.push(...probeSheetChecks(spreadsheet, t(language, 'selfCheckProbeSheetName', { token })));
  } else {
    const notRun = skip({ key: 'selfCheckNeedsSpreadsheet' });
    for (const id of ['probeSheet', 'metadata', 'literalText', 'cleanup'] as const)
      results.push({ id, ...notRun });
  }
  return results;
}

function randomToken(): string {
  return `${Math.random().toString(36).slice(2)}00000000`.slice(0, 8);
}

function openSpreadsheet(): { result: CheckResult; spreadsheet: Spreadsheet | null; timeZone?: string } {
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const name = spreadsheet.getName();
    const zone = spreadsheet.getSpreadsheetTimeZone();
    return {
      result: { id: 'spreadsheet', ...pass({ key: 'selfCheckSpreadsheetIs', params: { name, zone } }) },
      spreadsheet,
      timeZone: zone || undefined,
    };
  } catch (error) {
    return { result: { id: 'spreadsheet', ...fail(threw(error)) }, spreadsheet: null };
  }
}

function checkUi(): Outcome {
  SpreadsheetApp.getUi();
  return pass();
}

/** Needs userinfo.email; '' (consumer accounts, other domains) is fine: the panel asks a name. */
function checkEmail(): Outcome {
  const email = Session.getActiveUser().getEmail();
  return email ? pass({ key: 'selfCheckEmailIs', params: { email } }) : pass({ key: 'selfCheckEmailEmpty' });
}

/** A copy-paste deploy must have created the HTML file "Sidebar" from dist/Sidebar.html. */
function checkSidebarFile(): Outcome {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').getContent();
  return html.includes('<script') ? pass() : fail({ key: 'selfCheckSidebarEmpty' });
}

/** getDocumentLock() is null in a script not bound to the document. */
function checkLock(): Outcome {
  const lock = LockService.getDocumentLock();
  if (!lock) return fail({ key: 'selfCheckLockNone' });
  if (!lock.tryLock(SELF_CHECK_LOCK_MS)) return fail({ key: 'selfCheckLockBusy' });
  lock.releaseLock();
  return pass();
}

function probeSheetChecks(spreadsheet: Spreadsheet, name: string): CheckResult[] {
  const results: CheckResult[] = [];
  const active = activeSheetOf(spreadsheet);
  let probe: Sheet | null = null;
  try {
    // At the end; insertSheet makes it the active sheet (restored below).
    probe = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
    results.push({ id: 'probeSheet', ...pass() });
  } catch (error) {
    results.push({ id: 'probeSheet', ...fail(threw(error)) });
  }
  try {
    if (probe) {
      const sheet: Sheet = probe;
      results.push(attempt('metadata', () => checkMetadata(sheet, name)));
      results.push(attempt('literalText', () => checkLiteralText(sheet)));
    } else {
      const notRun = skip({ key: 'selfCheckNeedsProbeSheet' });
      results.push({ id: 'metadata', ...notRun }, { id: 'literalText', ...notRun });
    }
  } finally {
    results.push(attempt('cleanup', () => removeProbe(spreadsheet, probe, name)));
    try {
      active?.activate();
    } catch {
      // The user's sheet stays where Sheets put the focus.
    }
  }
  return results;
}

function activeSheetOf(spreadsheet: Spreadsheet): Sheet | null {
  try {
    return spreadsheet.getActiveSheet();
  } catch {
    return null;
  }
}

/** Add a marker, find it back by key, remove it: what every generated sheet's marker needs. */
function checkMetadata(sheet: Sheet, value: string): Outcome {
  sheet.addDeveloperMetadata(PROBE_METADATA_KEY, value);
  const found = sheet.createDeveloperMetadataFinder().withKey(PROBE_METADATA_KEY).find();
  const values = found.map((m) => m.getValue());
  if (values.length !== 1 || values[0] !== value)
    return fail(expectedGot(JSON.stringify([value]), JSON.stringify(values)));
  found[0].remove();
  if (sheet.createDeveloperMetadataFinder().withKey(PROBE_METADATA_KEY).find().length > 0)
    return fail({ key: 'selfCheckMetadataNotRemoved' });
  return pass();
}

/** The probe texts through the add-in's own writer, flushed, read back exactly. */
function checkLiteralText(sheet: Sheet): Outcome {
  applyPlan(sheet, probePlan(sheet.getName()));
  SpreadsheetApp.flush();
  const values = sheet.getRange(1, 1, PROBE_TEXTS.length, 2).getValues();
  const changes = compareReadBack(PROBE_TEXTS, values);
  if (changes.length === 0)
    return pass({ key: 'selfCheckTextsKept', params: { count: PROBE_TEXTS.length * 2 } });
  return {
    status: 'fail',
    detail: { key: 'selfCheckTextsChanged', params: { count: changes.length } },
    changes,
  };
}

/**
 * Deletes the probe sheet and checks it is gone. Only a sheet this run created: when insertSheet
 * failed (say a sheet of that name exists) nothing is looked up by name, so no sheet of the user's
 * is ever deleted.
 */
function removeProbe(spreadsheet: Spreadsheet, probe: Sheet | null, name: string): Outcome {
  if (!probe) return skip({ key: 'selfCheckNeedsProbeSheet' });
  spreadsheet.deleteSheet(probe);
  if (spreadsheet.getSheetByName(name)) return fail({ key: 'selfCheckSheetLeft', params: { sheet: name } });
  return pass();
}
