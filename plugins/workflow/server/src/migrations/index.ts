import type { Migration } from '@sgd/plugin-core';
import { DECISION_ACTIONS, UID } from '../constants';
import { reviewOptionsOf } from '../engine/options';

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

/**
 * Definitions become versions: rows saved before have version 1, their tasks and history run under
 * it, and a workflow's `contentTypes` (a list of UIDs then) become bindings with the routing the
 * content type declares.
 */
const versions: Migration = {
  name: '002-definition-versions',
  async up({ strapi, knex, table, column, createIndex }) {
    const definitions = table(UID.definition);
    const version = column(UID.definition, 'version');
    await knex(definitions)
      .whereNull(version)
      .update({ [version]: 1 });
    const json = column(UID.definition, 'definition');
    for (const row of (await knex(definitions).select('id', json)) as Record<string, unknown>[]) {
      const raw = row[json];
      const definition = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
        contentTypes?: unknown[];
      };
      if (!definition.contentTypes?.some((entry) => typeof entry === 'string')) continue;
      definition.contentTypes = definition.contentTypes.map((entry) => {
        if (typeof entry !== 'string') return entry;
        const contentType = strapi.contentType(entry as never) as { pluginOptions?: unknown } | undefined;
        return { uid: entry, routing: reviewOptionsOf(entry, contentType?.pluginOptions)?.routing ?? [] };
      });
      await knex(definitions)
        .where({ id: row.id })
        .update({ [json]: JSON.stringify(definition) });
    }
    await createIndex({
      name: 'wf_definitions_version',
      uid: UID.definition,
      attributes: ['code', 'version'],
      unique: true,
    });
    const taskVersion = column(UID.task, 'workflowVersion');
    await knex(table(UID.task))
      .whereNull(taskVersion)
      .update({ [taskVersion]: 1 });
    const historyVersion = column(UID.history, 'workflowVersion');
    await knex(table(UID.history))
      .whereNull(historyVersion)
      .whereNotNull(column(UID.history, 'workflow'))
      .update({ [historyVersion]: 1 });
  },
};

export const migrations: Migration[] = [inboxIndexes, versions];
