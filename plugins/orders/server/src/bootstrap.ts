import type { Core } from '@strapi/strapi';
import { applyAdminLabels, grantStaffOnce, grantUserActions } from '@sgd/plugin-core';
import { DEPARTMENT_CONDITION } from '@sgd/plugin-workflow';
import { BUYER_ROLES, STAFF_FIELDS, UID } from './constants';
import { labels } from './labels';
import { USER_ACTIONS } from './routes';
import { ordersService } from './services';

const refuse = () => {
  throw new Error('Lịch sử đơn hàng không được sửa hoặc xóa.');
};

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // The history is append-only, whatever the route (db.query included).
  strapi.db.lifecycles.subscribe({
    models: [UID.event],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
  await grantUserActions(strapi, USER_ACTIONS, BUYER_ROLES);
  await grantStaffRead(strapi);
  await applyAdminLabels(strapi, labels);

  // Idempotency keys past their retention are forgotten (idempotent: any instance may run it).
  strapi.cron.add({
    ordersKeyRetention: {
      task: async () => {
        await ordersService(strapi, 'orders').purgeKeys();
      },
      options: { rule: process.env.RETENTION_JOB_RULE ?? '17 * * * *' },
    },
  });
};

/**
 * Officers (the workflow's staff roles) read the orders of their departments' sellers in the content
 * manager, without the buyer's personal data. Added once; the super admin's later edits stay.
 */
async function grantStaffRead(strapi: Core.Strapi): Promise<void> {
  await grantStaffOnce(strapi, [
    {
      action: 'plugin::content-manager.explorer.read',
      subject: UID.order,
      properties: { fields: STAFF_FIELDS },
      conditions: [DEPARTMENT_CONDITION],
    },
  ]);
}
