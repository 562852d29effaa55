/**
 * LockService / Lock: https://developers.google.com/apps-script/reference/lock/lock
 * Workbench.setLockBusy(kind, true) simulates another execution holding the lock: tryLock
 * returns false and waitLock throws (no real waiting). Locks are released when an execution ends.
 */
import type { Execution, LockKind } from './context';
import { wrap } from './counter';

function newLock(ctx: Execution, kind: LockKind): unknown {
  return wrap(ctx, 'Lock', {
    tryLock(_timeoutInMillis: number): boolean {
      if (ctx.held[kind]) return true;
      if (ctx.busy[kind]) return false;
      ctx.held[kind] = true;
      return true;
    },
    waitLock(_timeoutInMillis: number): void {
      if (ctx.held[kind]) return;
      if (ctx.busy[kind])
        throw ctx.exception('Lock timeout: another process was holding the lock for too long.');
      ctx.held[kind] = true;
    },
    hasLock(): boolean {
      return ctx.held[kind];
    },
    releaseLock(): void {
      ctx.held[kind] = false;
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
