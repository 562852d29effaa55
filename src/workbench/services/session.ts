/**
 * Session: https://developers.google.com/apps-script/reference/base/session
 * getActiveUser().getEmail() may be '' when Apps Script may not reveal it.
 */
import { createHash } from 'node:crypto';
import type { Execution } from './context';
import { wrap } from './counter';

export function createSession(ctx: Execution): unknown {
  // A simple trigger (AuthMode.LIMITED) "may or may not be able to determine the identity of the
  // current user" (https://developers.google.com/apps-script/guides/triggers#restrictions): ''.
  const user = () => wrap(ctx, 'User', { getEmail: () => (ctx.authMode === 'LIMITED' ? '' : ctx.userEmail) });
  return wrap(ctx, 'Session', {
    getActiveUser: user,
    getEffectiveUser: user,
    getScriptTimeZone: () => ctx.state.timeZone,
    getActiveUserLocale: () => 'id',
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`wb:${ctx.userEmail}`).digest('base64url').slice(0, 40),
  });
}
