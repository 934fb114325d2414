import type { Core } from '@strapi/strapi';
import { grantUserActions } from '@sgd/plugin-workflow';
import { UID, WRITER_ROLES } from './constants';
import { USER_ACTIONS } from './routes';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await grantUserActions(strapi, USER_ACTIONS, WRITER_ROLES);
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
 * One review per order and product, one seller rating per order, one answer per review or comment:
 * unique among drafts (each document has exactly one draft row), so the database refuses the second
 * of two racing requests. One stored rating per product or seller. Plain SQL valid on SQLite and
 * PostgreSQL.
 */
async function createIndexes(strapi: Core.Strapi): Promise<void> {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never);
  const column = (uid: string, name: string) =>
    (meta(uid).attributes[name] as { columnName?: string }).columnName ?? name;
  const drafts = (uid: string) => `${column(uid, 'publishedAt')} IS NULL`;
  const reviews = meta(UID.review).tableName;
  const answers = meta(UID.answer).tableName;
  const ratings = meta(UID.rating).tableName;
  const statements = [
    `CREATE UNIQUE INDEX IF NOT EXISTS rvw_reviews_order_product ON ${reviews} (${column(UID.review, 'orderProductKey')}) WHERE ${drafts(UID.review)}`,
    `CREATE UNIQUE INDEX IF NOT EXISTS rvw_reviews_order_seller ON ${reviews} (${column(UID.review, 'orderSellerKey')}) WHERE ${drafts(UID.review)} AND ${column(UID.review, 'orderSellerKey')} IS NOT NULL`,
    `CREATE UNIQUE INDEX IF NOT EXISTS rvw_answers_target ON ${answers} (${column(UID.answer, 'targetKey')}) WHERE ${drafts(UID.answer)}`,
    `CREATE UNIQUE INDEX IF NOT EXISTS rvw_ratings_target ON ${ratings} (${column(UID.rating, 'targetUid')}, ${column(UID.rating, 'targetDocumentId')})`,
  ];
  for (const sql of statements) await strapi.db.connection.raw(sql);
}
