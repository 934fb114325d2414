import type { Migration } from '@sgd/plugin-core';
import { DECISION_ACTIONS, UID } from '../constants';

/**
 * Indexes behind the aggregates: draft rows by the grouped status, orders and complaints by date.
 * The product and task indexes hold every column their aggregate reads, so PostgreSQL answers from
 * the index alone (index-only scans, once VACUUM has marked the pages all-visible) instead of
 * visiting 100,000 table rows.
 */
const aggregateIndexes: Migration = {
  name: '001-aggregate-indexes',
  async up({ createIndex, dropIndex, column }) {
    const drafts = (uid: string) => `${column(uid, 'publishedAt')} IS NULL`;
    const history = (a: string) => column(UID.history, a);
    const decisions = `${history('action')} IN (${DECISION_ACTIONS.map((a) => `'${a}'`).join(', ')}) AND ${history('actorAdminId')} IS NOT NULL`;
    const index = (name: string, uid: string, attributes: string[], where?: string) =>
      createIndex({ name, uid, attributes, where });
    await index('st_sellers_status', UID.seller, ['verificationStatus', 'legalForm'], drafts(UID.seller));
    // Replaced by st_products_review, which also holds the id the product tables join on.
    await dropIndex('st_products_status');
    await index('st_products_review', UID.product, ['reviewStatus', 'id'], drafts(UID.product));
    await index(
      'st_licences_expiry',
      UID.licence,
      ['verificationStatus', 'expiresOn', 'type'],
      drafts(UID.licence),
    );
    await index('st_orders_placed', UID.order, ['placedAt', 'orderStatus']);
    await index(
      'st_complaints_opened',
      UID.complaint,
      ['openedAt', 'complaintStatus'],
      drafts(UID.complaint),
    );
    await index('st_reviews_created', UID.review, ['createdAt', 'reviewStatus'], drafts(UID.review));
    await index('st_tasks_closed', UID.task, ['closedAt', 'departmentId', 'state']);
    // Submissions per department: every task column it reads.
    await index('st_tasks_department', UID.task, [
      'departmentId',
      'state',
      'submittedAt',
      'closedAt',
      'dueAt',
    ]);
    // Decisions per officer look up their task's submission time.
    await index('st_tasks_submitted', UID.task, ['id', 'submittedAt']);
    // The commune filter of submissions reads the document ids of a commune's products from here.
    await index('st_products_document', UID.product, ['id', 'documentId'], drafts(UID.product));
    // Decisions per officer: every history column they read, one department's decisions together.
    await index(
      'st_history_decisions',
      UID.history,
      ['departmentId', 'createdAt', 'actorAdminId', 'late', 'toState', 'action', 'taskId'],
      decisions,
    );
  },
};

export const migrations: Migration[] = [aggregateIndexes];
