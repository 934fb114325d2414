import type { Core } from '@strapi/strapi';
import { ensureUserRoles, grantUserActions } from '@sgd/plugin-workflow';
import { SELLER_ROLE } from './constants';
import { USER_ACTIONS } from './routes';
import { registerMediaAccess } from './media-access';
import type { Media } from './services/media';
import type { Sessions } from './services/sessions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureUserRoles(strapi);
  // The Seller role (given when a business is verified) can do what every signed-in user can.
  const roles = strapi.db.query('plugin::users-permissions.role');
  if (!(await roles.findOne({ where: { type: SELLER_ROLE } }))) {
    await roles.create({
      data: { name: 'Người bán', type: SELLER_ROLE, description: 'Chủ thể kinh doanh đã được xác thực' },
    });
  }
  await grantUserActions(strapi, USER_ACTIONS, ['authenticated']);
  // Whatever a signed-in user may do, a seller may do too (seller-only actions come on top).
  const authenticated = (await roles.findOne({
    where: { type: 'authenticated' },
    populate: ['permissions'],
  })) as { permissions: { action: string }[] } | null;
  await grantUserActions(
    strapi,
    (authenticated?.permissions ?? []).map((p) => p.action),
    [SELLER_ROLE],
  );

  // One account per email and per phone number, whatever route writes it.
  const users = strapi.db.metadata.get('plugin::users-permissions.user');
  const column = (name: string) => (users.attributes[name] as { columnName?: string }).columnName ?? name;
  for (const field of ['email', 'phone']) {
    await strapi.db.connection.raw(
      `CREATE UNIQUE INDEX IF NOT EXISTS ${users.tableName}_${field}_unique ON ${users.tableName} (${column(field)})`,
    );
  }

  (strapi.plugin('accounts').service('business') as { listen(): void }).listen();
  (strapi.plugin('accounts').service('sessions') as Sessions).register();
  registerMediaAccess(strapi);
  const media = strapi.plugin('accounts').service('media') as Media;
  await media.scopeStaffRoles();
  await media.tagUntagged();

  // Citizen-ID scans are erased once their retention period after verification is over; sellers'
  // pictures no record shows any more are deleted; files get the department of what shows them.
  strapi.cron.add({
    accountsRetention: {
      task: async () => {
        const now = (strapi.plugin('workflow').service('clock') as { now(): Date }).now();
        await (
          strapi.plugin('accounts').service('private-files') as {
            purgeCitizenIdScans(now: Date): Promise<number>;
          }
        ).purgeCitizenIdScans(now);
        await (
          strapi.plugin('accounts').service('mine') as { purgeOrphanImages(now: Date): Promise<number> }
        ).purgeOrphanImages(now);
        await media.tagUntagged();
      },
      options: { rule: process.env.RETENTION_JOB_RULE ?? '17 * * * *' },
    },
  });
};
