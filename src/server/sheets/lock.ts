/**
 * The one way the add-in takes the document lock. Every read-modify-write of a shared sheet runs
 * inside `withDocumentLock`: `tryLock` with one timeout, one busy message, and
 * `SpreadsheetApp.flush()` before the lock is released — Apps Script buffers writes, and "if you
 * release the lock before the writes are applied, another execution may read stale data"
 * (https://developers.google.com/apps-script/reference/lock/lock#releaseLock(): "it is a good
 * practice to call SpreadsheetApp.flush() before releasing a lock"). Without the flush a second
 * person could read `Kegiatan` from before the first one's row and take the same KGT-nnnn id.
 */
import { t, type Language } from '../../core/i18n';
import { isCellLimit, UserError } from './errors';

/** How long to wait for someone else's step log or report to finish (a few seconds each). */
export const LOCK_TIMEOUT_MS = 10000;

export function withDocumentLock<T>(language: Language | (() => Language), body: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_TIMEOUT_MS)) {
    throw new UserError(t(typeof language === 'function' ? language() : language, 'progressBusy'));
  }
  try {
    return body();
  } catch (error) {
    // The sidebar shows what it is thrown: the cell limit as what to do, not Sheets' exception.
    if (isCellLimit(error))
      throw new UserError(t(typeof language === 'function' ? language() : language, 'workbookFull'));
    throw error;
  } finally {
    // Also after a failure: whatever was written is applied before anyone else reads.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
