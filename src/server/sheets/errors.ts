import { t, type Language } from '../../core/i18n';
import { maskNiksIn } from '../../core/privacy/mask-nik';

/**
 * An error whose message is meant for the user as it is (no "Terjadi kesalahan" prefix). A NIK
 * quoted in it (a header found, a value refused) is masked: the sidebar and alerts show it.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(maskNiksIn(message));
    // Shown like any Error ("Error: …"); the class only tells the menu not to add "Terjadi kesalahan".
    this.name = 'Error';
  }
}

/**
 * Sheets' refusal to grow a workbook past its cells: "This action would increase the number of
 * cells in the workbook above the limit of 10000000 cells" (workbench/services/limits.ts MAX_CELLS
 * cites it).
 */
export function isCellLimit(error: unknown): boolean {
  return /above the limit of \d+ cells/.test(String((error as { message?: unknown })?.message ?? error));
}

/**
 * What the person reads of an error: a UserError as it is, the cell limit as what to do, anything
 * else as "Terjadi kesalahan: …".
 */
export function errorMessage(error: unknown, language: Language): string {
  if (error instanceof UserError) return error.message;
  if (isCellLimit(error)) return t(language, 'workbookFull');
  const message =
    error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  // The first line only: a service error's later lines are a stack for developers.
  return t(language, 'unexpectedError', { message: maskNiksIn(message.split('\n')[0]) });
}
