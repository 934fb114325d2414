import type { Core } from '@strapi/strapi';
import { onWrites } from '@sgd/plugin-core';
import { grantStaffOnce } from '@sgd/plugin-workflow';
import { DECISION_ACTIONS, READ_ACTION, UID } from './constants';
import { DASHBOARD_SOURCES } from './services/cache';
import type { Sql } from './services/sql';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await grantStaff(strapi);
  await createIndexes(strapi);
  clearCacheOnWrites(strapi);
};

/** Any write through Strapi to what the dashboard reads empties the cached dashboards. */
function clearCacheOnWrites(strapi: Core.Strapi): void {
  const cache = strapi.plugin('stats').service('cache') as { clear(): void };
  onWrites(strapi, () => cache.clear(), DASHBOARD_SOURCES);
}

/** Every staff level sees its departments' statistics; granted once, later edits by the super admin stay. */
async function grantStaff(strapi: Core.Strapi): Promise<void> {
  await grantStaffOnce(strapi, [{ action: READ_ACTION, subject: null }]);
}

/**
 * Indexes behind the aggregates (plain SQL valid on SQLite and PostgreSQL): draft rows by the
 * grouped status, orders and complaints by date. The product and task indexes hold every column
 * their aggregate reads, so PostgreSQL answers from the index alone (index-only scans, once VACUUM
 * has marked the pages all-visible) instead of visiting 100,000 table rows.
 */
async function createIndexes(strapi: Core.Strapi): Promise<void> {
  const sql = strapi.plugin('stats').service('sql') as Sql;
  const index = (name: string, uid: string, attributes: string[], where?: string) =>
    `CREATE INDEX IF NOT EXISTS ${name} ON ${sql.table(uid)} (${attributes.map((a) => sql.column(uid, a)).join(', ')})${
      where ? ` WHERE ${where}` : ''
    }`;
  const drafts = (uid: string) => `${sql.column(uid, 'publishedAt')} IS NULL`;
  const history = (a: string) => sql.column(UID.history, a);
  const decisions = `${history('action')} IN (${DECISION_ACTIONS.map((a) => `'${a}'`).join(', ')}) AND ${history('actorAdminId')} IS NOT NULL`;
  const statements = [
    index('st_sellers_status', UID.seller, ['verificationStatus', 'legalForm'], drafts(UID.seller)),
    // Replaced by st_products_review, which also holds the id the product tables join on.
    'DROP INDEX IF EXISTS st_products_status',
    index('st_products_review', UID.product, ['reviewStatus', 'id'], drafts(UID.product)),
    index(
      'st_licences_expiry',
      UID.licence,
      ['verificationStatus', 'expiresOn', 'type'],
      drafts(UID.licence),
    ),
    index('st_orders_placed', UID.order, ['placedAt', 'orderStatus']),
    index('st_complaints_opened', UID.complaint, ['openedAt', 'complaintStatus'], drafts(UID.complaint)),
    index('st_reviews_created', UID.review, ['createdAt', 'reviewStatus'], drafts(UID.review)),
    index('st_tasks_closed', UID.task, ['closedAt', 'departmentId', 'state']),
    // Submissions per department: every task column it reads.
    index('st_tasks_department', UID.task, ['departmentId', 'state', 'submittedAt', 'closedAt', 'dueAt']),
    // Decisions per officer look up their task's submission time.
    index('st_tasks_submitted', UID.task, ['id', 'submittedAt']),
    // The commune filter of submissions reads the document ids of a commune's products from here.
    index('st_products_document', UID.product, ['id', 'documentId'], drafts(UID.product)),
    // Decisions per officer: every history column they read, one department's decisions together.
    index(
      'st_history_decisions',
      UID.history,
      ['departmentId', 'createdAt', 'actorAdminId', 'late', 'toState', 'action', 'taskId'],
      decisions,
    ),
  ];
  for (const statement of statements) await strapi.db.connection.raw(statement);
}
