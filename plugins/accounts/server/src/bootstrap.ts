import type { Core } from '@strapi/strapi';
import { coreService, ensureUserRoles, grantUserActions } from '@sgd/plugin-core';
import { SELLER_ROLE } from './constants';
import { USER_ACTIONS } from './routes';
import { registerMediaAccess } from './media-access';
import { accountsService } from './utils/get-service';

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

  await accountsService(strapi, 'rate-limit').connect();
  accountsService(strapi, 'business').listen();
  accountsService(strapi, 'sessions').register();
  registerMediaAccess(strapi);
  await accountsService(strapi, 'media').scopeStaffRoles();
  await accountsService(strapi, 'media').tagUntagged();

  // Citizen-ID scans are erased once their retention period after verification is over; sellers'
  // pictures no record shows any more are deleted; files get the department of what shows them.
  strapi.cron.add({
    accountsRetention: {
      task: async () => {
        const now = coreService(strapi, 'clock').now();
        await accountsService(strapi, 'private-files').purgeCitizenIdScans(now);
        await accountsService(strapi, 'mine').purgeOrphanImages(now);
        await accountsService(strapi, 'media').tagUntagged();
      },
      options: { rule: process.env.RETENTION_JOB_RULE ?? '17 * * * *' },
    },
  });
};
