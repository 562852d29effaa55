/**
 * "Periksa pemasangan": the checks run in the real spreadsheet right after deploying, in the
 * order the report lists them, and the shape of their results. Every check is run on its own:
 * `attempt` turns anything thrown into a failed result carrying the first line of the message
 * (never a stack), so one failing check never stops the others.
 */
import type { StringKey } from '../i18n';

export const CHECK_IDS = [
  'timeZone',
  'unicodeRegex',
  'normalize',
  'collation',
  'spreadsheet',
  'ui',
  'email',
  'sidebarFile',
  'lock',
  'probeSheet',
  'metadata',
  'literalText',
  'cleanup',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
export type CheckStatus = 'pass' | 'fail' | 'skip';

/** A localised remark after the check's label: `t(key, params)`. */
export interface Detail {
  key: StringKey;
  params?: Record<string, string | number>;
}

/** A probe text that came back from the sheet different from what was written. */
export interface ReadBackChange {
  written: string;
  /** What getValues() returned, described language-neutrally: `"7"` is text, `7` a number. */
  readBack: string;
  column: 'plain' | 'text';
}

export interface Outcome {
  status: CheckStatus;
  detail?: Detail;
  changes?: ReadBackChange[];
}

export interface CheckResult extends Outcome {
  id: CheckId;
}

export interface CheckSpec {
  id: CheckId;
  label: StringKey;
  /** What to do when the check fails. */
  fix: StringKey;
}

export const SELF_CHECKS: readonly CheckSpec[] = [
  { id: 'timeZone', label: 'selfCheckTimeZone', fix: 'selfCheckTimeZoneFix' },
  { id: 'unicodeRegex', label: 'selfCheckUnicodeRegex', fix: 'selfCheckUnicodeRegexFix' },
  { id: 'normalize', label: 'selfCheckNormalize', fix: 'selfCheckNormalizeFix' },
  { id: 'collation', label: 'selfCheckCollation', fix: 'selfCheckCollationFix' },
  { id: 'spreadsheet', label: 'selfCheckSpreadsheet', fix: 'selfCheckSpreadsheetFix' },
  { id: 'ui', label: 'selfCheckUi', fix: 'selfCheckUiFix' },
  { id: 'email', label: 'selfCheckEmail', fix: 'selfCheckEmailFix' },
  { id: 'sidebarFile', label: 'selfCheckSidebarFile', fix: 'selfCheckSidebarFileFix' },
  { id: 'lock', label: 'selfCheckLock', fix: 'selfCheckLockFix' },
  { id: 'probeSheet', label: 'selfCheckProbeSheet', fix: 'selfCheckProbeSheetFix' },
  { id: 'metadata', label: 'selfCheckMetadata', fix: 'selfCheckMetadataFix' },
  { id: 'literalText', label: 'selfCheckLiteralText', fix: 'selfCheckLiteralTextFix' },
  { id: 'cleanup', label: 'selfCheckCleanup', fix: 'selfCheckCleanupFix' },
];

export const pass = (detail?: Detail): Outcome => ({ status: 'pass', ...(detail ? { detail } : {}) });
export const fail = (detail?: Detail): Outcome => ({ status: 'fail', ...(detail ? { detail } : {}) });
export const skip = (detail: Detail): Outcome => ({ status: 'skip', detail });

/** "expected …, got …" */
export const expectedGot = (expected: string, actual: string): Detail => ({
  key: 'selfCheckExpectedGot',
  params: { expected, actual },
});

export const threw = (error: unknown): Detail => ({
  key: 'selfCheckThrew',
  params: { message: errorText(error) },
});

/** Runs one check; whatever it throws becomes its failure, never the caller's. */
export function attempt(id: CheckId, body: () => Outcome): CheckResult {
  try {
    return { id, ...body() };
  } catch (error) {
    return { id, ...fail(threw(error)) };
  }
}

/**
 * The first line of an error's message (at most 300 characters), with its name when that says
 * more than "Error" ("SyntaxError: …"). Works across realms (no instanceof) and never includes
 * the stack.
 */
export function errorText(error: unknown): string {
  let text: string;
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    const prefix = typeof name === 'string' && name !== '' && name !== 'Error' && name !== 'Exception';
    text = prefix ? `${name}: ${String(message)}` : String(message);
  } else {
    text = String(error);
  }
  const line = text.split('\n')[0].trim() || String(text).trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
