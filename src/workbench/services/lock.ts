/**
 * LockService / Lock: https://developers.google.com/apps-script/reference/lock/lock
 * A lock is held by one execution at a time across the workbench: another execution's tryLock
 * returns false and waitLock throws (no real waiting) — whether that other one is a nested
 * execution of a test (Workbench.interleave) or simulated (Workbench.setLockBusy). Locks are
 * released when an execution ends. Releasing does not flush: writes stay invisible to others
 * until SpreadsheetApp.flush() or the end of the execution (see Execution.unflushed).
 */
import type { Execution, LockKind } from './context';
import { wrap } from './counter';

function newLock(ctx: Execution, kind: LockKind): unknown {
  const takenByOther = () => ctx.shared.busy[kind] || (ctx.shared.holders[kind] ?? ctx) !== ctx;
  const take = () => {
    ctx.held[kind] = true;
    ctx.shared.holders[kind] = ctx;
    ctx.interleave('lockAcquired');
  };
  return wrap(ctx, 'Lock', {
    tryLock(_timeoutInMillis: number): boolean {
      if (ctx.held[kind]) return true;
      if (takenByOther()) return false;
      take();
      return true;
    },
    waitLock(_timeoutInMillis: number): void {
      if (ctx.held[kind]) return;
      if (takenByOther())
        throw ctx.exception('Lock timeout: another process was holding the lock for too long.');
      take();
    },
    hasLock(): boolean {
      return ctx.held[kind];
    },
    releaseLock(): void {
      if (!ctx.held[kind]) return;
      ctx.held[kind] = false;
      if (ctx.shared.holders[kind] === ctx) ctx.shared.holders[kind] = null;
      ctx.interleave('lockReleased');
    },
  });
}

export function createLockService(ctx: Execution): unknown {
  return wrap(ctx, 'LockService', {
    getDocumentLock: () => newLock(ctx, 'document'),
    getScriptLock: () => newLock(ctx, 'script'),
    getUserLock: () => newLock(ctx, 'user'),
  });
}
