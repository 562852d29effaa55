/**
 * Session: https://developers.google.com/apps-script/reference/base/session
 * getActiveUser().getEmail() may be '' when Apps Script may not reveal it.
 */
import { createHash } from 'node:crypto';
import type { Execution } from './context';
import { wrap } from './counter';

export function createSession(ctx: Execution): unknown {
  const user = () => wrap(ctx, 'User', { getEmail: () => ctx.userEmail });
  return wrap(ctx, 'Session', {
    getActiveUser: user,
    getEffectiveUser: user,
    getScriptTimeZone: () => ctx.state.timeZone,
    getActiveUserLocale: () => 'id',
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`wb:${ctx.userEmail}`).digest('base64url').slice(0, 40),
  });
}
