import type { Migration } from '@sgd/plugin-core';
import { DECISION_ACTIONS, UID } from '../constants';

/** Indexes of the inbox, the item panels and the overdue counts (SQLite and PostgreSQL). */
const inboxIndexes: Migration = {
  name: '001-inbox-indexes',
  async up({ createIndex, dropIndex, column }) {
    const task = (name: string) => column(UID.task, name);
    const history = (name: string) => column(UID.history, name);
    const open = `${task('state')} IN ('in_review', 'supplement_requested')`;
    await createIndex({
      name: 'wf_tasks_inbox',
      uid: UID.task,
      attributes: ['departmentId', 'state', 'dueAt'],
    });
    // The inbox's default view (open tasks by deadline), for all departments and for one.
    await createIndex({ name: 'wf_tasks_queue', uid: UID.task, attributes: ['dueAt', 'id'], where: open });
    await createIndex({
      name: 'wf_tasks_department_queue',
      uid: UID.task,
      attributes: ['departmentId', 'dueAt', 'id'],
      where: open,
    });
    await createIndex({
      name: 'wf_tasks_target',
      uid: UID.task,
      attributes: ['targetUid', 'targetDocumentId'],
    });
    await createIndex({
      name: 'wf_tasks_period',
      uid: UID.task,
      attributes: ['submittedAt', 'departmentId', 'assigneeId'],
    });
    await createIndex({
      name: 'wf_history_target',
      uid: UID.history,
      attributes: ['targetUid', 'targetDocumentId'],
    });
    // Covering, partial indexes for the overdue statistics: open tasks by deadline, and decisions.
    await createIndex({
      name: 'wf_tasks_open',
      uid: UID.task,
      attributes: ['submittedAt', 'departmentId', 'assigneeId', 'dueAt'],
      where: `${task('state')} = 'in_review'`,
    });
    // Replaced by wf_history_decisions.
    await dropIndex('wf_history_period');
    await createIndex({
      name: 'wf_history_decisions',
      uid: UID.history,
      attributes: ['createdAt', 'departmentId', 'actorAdminId', 'late'],
      where: `${history('action')} IN (${DECISION_ACTIONS.map((a) => `'${a}'`).join(', ')}) AND ${history('actorAdminId')} IS NOT NULL`,
    });
  },
};

export const migrations: Migration[] = [inboxIndexes];
