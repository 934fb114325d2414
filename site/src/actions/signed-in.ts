/**
 * Who is signed in for an action (settled by the middleware), or the refusal an action gives when
 * nobody is: the pages send a visitor who is not signed in to the sign-in page before calling one.
 */
import type { Refusal } from '../lib/account';

export function signedIn(
  user: App.Locals['user'],
): { token: string; refused: null } | { token: null; refused: Refusal } {
  return user
    ? { token: user.token, refused: null }
    : {
        token: null,
        refused: { ok: false, status: 401, message: 'Vui lòng đăng nhập để tiếp tục.', fields: {} },
      };
}
