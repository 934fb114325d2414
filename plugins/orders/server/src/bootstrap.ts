import type { Core } from '@strapi/strapi';
import { DEPARTMENT_CONDITION, grantStaffOnce, grantUserActions } from '@sgd/plugin-workflow';
import { BUYER_ROLES, STAFF_FIELDS, UID } from './constants';
import { USER_ACTIONS } from './routes';

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
  await createIndexes(strapi);

  // Idempotency keys past their retention are forgotten (idempotent: any instance may run it).
  strapi.cron.add({
    ordersKeyRetention: {
      task: async () => {
        await (strapi.plugin('orders').service('orders') as { purgeKeys(): Promise<number> }).purgeKeys();
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

/**
 * One order per code and per (user, Idempotency-Key): the database refuses the second of two racing
 * inserts. Plain SQL valid on SQLite and PostgreSQL.
 */
async function createIndexes(strapi: Core.Strapi): Promise<void> {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never);
  const column = (uid: string, name: string) =>
    (meta(uid).attributes[name] as { columnName?: string }).columnName ?? name;
  const orders = meta(UID.order).tableName;
  const keys = meta(UID.idempotencyKey).tableName;
  const events = meta(UID.event).tableName;
  const statements = [
    `CREATE UNIQUE INDEX IF NOT EXISTS ord_orders_code_unique ON ${orders} (${column(UID.order, 'code')})`,
    `CREATE UNIQUE INDEX IF NOT EXISTS ord_idempotency_keys_unique ON ${keys} (${column(UID.idempotencyKey, 'userId')}, ${column(UID.idempotencyKey, 'requestKey')})`,
    `CREATE INDEX IF NOT EXISTS ord_history_order ON ${events} (${column(UID.event, 'orderId')})`,
    `CREATE INDEX IF NOT EXISTS ord_idempotency_keys_age ON ${keys} (${column(UID.idempotencyKey, 'createdAt')})`,
  ];
  for (const sql of statements) await strapi.db.connection.raw(sql);
}
