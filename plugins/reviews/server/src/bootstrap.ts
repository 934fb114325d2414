import type { Core } from '@strapi/strapi';
import { DEPARTMENT_CONDITION, grantStaffOnce, grantUserActions } from '@sgd/plugin-workflow';
import { HIDDEN_FROM_STAFF, STAFF_FIELDS, UID, WRITER_ROLES } from './constants';
import { USER_ACTIONS } from './routes';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await grantUserActions(strapi, USER_ACTIONS, WRITER_ROLES);
  await grantStaffRead(strapi);
  await createIndexes(strapi);
  const ratings = strapi.plugin('reviews').service('ratings') as ReturnType<
    typeof import('./services/ratings').default
  >;
  const workflow = strapi.plugin('workflow').service('workflow') as {
    onApproved(uid: string, hook: (event: { documentId: string }) => Promise<void>): void;
  };
  // Averages count approved reviews only: they change when the workflow approves one.
  workflow.onApproved(UID.review, async ({ documentId }) =>
    ratings.recompute(await ratings.targetsOf(documentId)),
  );
};

/**
 * Officers (the workflow's staff roles) read their departments' reviews, comments and answers in the
 * content manager, flag included, never the author's account and the order (personal data). Added
 * when missing (staff roles that predate this plugin); where the workflow granted every field, those
 * are taken out. The super admin's other edits stay.
 */
async function grantStaffRead(strapi: Core.Strapi): Promise<void> {
  const action = 'plugin::content-manager.explorer.read';
  const roleIds = await grantStaffOnce(
    strapi,
    Object.entries(STAFF_FIELDS).map(([subject, fields]) => ({
      action,
      subject,
      properties: { fields },
      conditions: [DEPARTMENT_CONDITION],
    })),
  );
  const granted = (await strapi.db.query('admin::permission').findMany({
    where: { action, subject: { $in: Object.keys(STAFF_FIELDS) }, role: { id: { $in: roleIds } } },
  })) as { id: number; properties?: { fields?: string[] } | null }[];
  for (const permission of granted) {
    const current = permission.properties?.fields ?? [];
    if (!current.some((field) => HIDDEN_FROM_STAFF.includes(field))) continue;
    await strapi.db.query('admin::permission').update({
      where: { id: permission.id },
      data: {
        properties: {
          ...permission.properties,
          fields: current.filter((field) => !HIDDEN_FROM_STAFF.includes(field)),
        },
      },
    });
  }
}

/**
 * One review per order and product, one seller rating per order, one answer per review or comment:
 * unique among drafts (each document has exactly one draft row) that are not rejected, so the
 * database refuses the second of two racing requests and a rejected one does not block a new one.
 * One stored rating per product or seller. Plain SQL valid on SQLite and PostgreSQL.
 */
async function createIndexes(strapi: Core.Strapi): Promise<void> {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never);
  const column = (uid: string, name: string) =>
    (meta(uid).attributes[name] as { columnName?: string }).columnName ?? name;
  // Draft rows (one per document) that are not rejected: a rejected review or answer frees its place.
  const drafts = (uid: string) =>
    `${column(uid, 'publishedAt')} IS NULL AND ${column(uid, 'reviewStatus')} <> 'rejected'`;
  const reviews = meta(UID.review).tableName;
  const answers = meta(UID.answer).tableName;
  const ratings = meta(UID.rating).tableName;
  const statements = [
    // Replaced by the *_open indexes below, which leave rejected rows out.
    'DROP INDEX IF EXISTS rvw_reviews_order_product',
    'DROP INDEX IF EXISTS rvw_reviews_order_seller',
    'DROP INDEX IF EXISTS rvw_answers_target',
    `CREATE UNIQUE INDEX IF NOT EXISTS rvw_reviews_order_product_open ON ${reviews} (${column(UID.review, 'orderProductKey')}) WHERE ${drafts(UID.review)}`,
    `CREATE UNIQUE INDEX IF NOT EXISTS rvw_reviews_order_seller_open ON ${reviews} (${column(UID.review, 'orderSellerKey')}) WHERE ${drafts(UID.review)} AND ${column(UID.review, 'orderSellerKey')} IS NOT NULL`,
    `CREATE UNIQUE INDEX IF NOT EXISTS rvw_answers_target_open ON ${answers} (${column(UID.answer, 'targetKey')}) WHERE ${drafts(UID.answer)}`,
    `CREATE UNIQUE INDEX IF NOT EXISTS rvw_ratings_target ON ${ratings} (${column(UID.rating, 'targetUid')}, ${column(UID.rating, 'targetDocumentId')})`,
  ];
  for (const sql of statements) await strapi.db.connection.raw(sql);
}
