import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { USER_UID } from '../constants';

type Data = Record<string, unknown>;
interface JwtService {
  issue(payload: Data, options?: Data): string | Promise<string>;
  verify(token: string): Promise<Data>;
  getToken(ctx: unknown): Promise<Data | null> | null;
}
interface WriteEvent {
  params: { data?: Data; where?: Data };
  result?: { id?: number | string } | { count: number } | null;
}

/** The claim of a user's session token naming the session key it was issued under. */
const KEY_CLAIM = 'sk';

/**
 * A change that ends a site user's sessions: a new password (changed, reset, or scrambled when the
 * account is deleted), a lock, a deletion. Whatever route writes it (the exchange's own, the workflow's
 * locking, the content manager), through the Document Service or the Query Engine.
 */
const endsUserSessions = (data: Data | undefined) =>
  !!data && (data.password !== undefined || data.blocked === true || !!data.deletedAt);

/** The same for staff: a new password (set by the super admin too), deactivation, a block. */
const endsStaffSessions = (data: Data | undefined) =>
  !!data && (data.password !== undefined || data.isActive === false || data.blocked === true);

/**
 * Sessions end with what should end them (issue 19.4). Users' tokens (Users & Permissions JWTs, 7
 * days) carry the account's session key; changing the password, a lock or a deletion draws a new
 * key, and a token with another key is refused. Staff sessions live in Strapi's session manager:
 * a new password, deactivation or a block revokes them all (Strapi itself does so for a password
 * changed by its owner, reset, or a deleted admin).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jwt = () => strapi.plugin('users-permissions').service('jwt') as JwtService;

  return {
    /** A session token for a user who just proved who they are. */
    async issue(user: { id: number }): Promise<string> {
      const row = (await strapi.db
        .query(USER_UID)
        .findOne({ where: { id: user.id }, select: ['sessionKey'] })) as { sessionKey: string | null } | null;
      return jwt().issue({ id: user.id, ...(row?.sessionKey ? { [KEY_CLAIM]: row.sessionKey } : {}) });
    },

    /** Signs the user out everywhere: every token issued so far, this one included, stops working. */
    async endAll(userId: number): Promise<void> {
      await strapi.db.query(USER_UID).update({ where: { id: userId }, data: { sessionKey: randomUUID() } });
    },

    /** Installs the checks: called once at bootstrap. */
    register(): void {
      const rotate = (event: WriteEvent) => {
        if (endsUserSessions(event.params.data))
          event.params.data = { ...event.params.data, sessionKey: randomUUID() };
      };
      strapi.db.lifecycles.subscribe({ models: [USER_UID], beforeUpdate: rotate, beforeUpdateMany: rotate });

      // Every token Users & Permissions verifies (its strategy, on every route) must carry the key.
      strapi.get('services').extend('plugin::users-permissions.jwt', (service: JwtService) => ({
        ...service,
        async verify(token: string) {
          const payload = await service.verify(token);
          if (payload.id === undefined) return payload;
          const row = (await strapi.db
            .query(USER_UID)
            .findOne({ where: { id: payload.id }, select: ['sessionKey'] })) as {
            sessionKey: string | null;
          } | null;
          if ((row?.sessionKey ?? null) !== (payload[KEY_CLAIM] ?? null)) throw new Error('Invalid token.');
          return payload;
        },
      }));

      const revokeStaff = async (event: WriteEvent) => {
        if (!endsStaffSessions(event.params.data)) return;
        const ids =
          event.result && 'id' in event.result && event.result.id !== undefined
            ? [event.result.id]
            : (
                (await strapi.db
                  .query('admin::user')
                  .findMany({ where: event.params.where ?? {}, select: ['id'] })) as { id: number }[]
              ).map((row) => row.id);
        const sessions = strapi.sessionManager;
        if (!sessions?.hasOrigin('admin')) return;
        for (const id of ids) await sessions('admin').invalidateRefreshToken(String(id));
      };
      strapi.db.lifecycles.subscribe({
        models: ['admin::user'],
        afterUpdate: revokeStaff,
        afterUpdateMany: revokeStaff,
      });
    },
  };
};

export type Sessions = ReturnType<typeof import('./sessions').default>;
