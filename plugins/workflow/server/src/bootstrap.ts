import type { Core } from '@strapi/strapi';
import { REPLY_TEMPLATES } from '@sgd/config';
import { applyAdminLabels } from '@sgd/plugin-core';
import { UID } from './constants';
import { labels } from './labels';
import { ensureStaffRoles, grantUserActions } from './rbac';
import { USER_ACTIONS } from './routes';

const refuse = () => {
  throw new Error('Lịch sử xử lý hồ sơ không được sửa hoặc xóa.');
};

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <T>(name: string) => strapi.plugin('workflow').service(name) as T;

  // History is append-only, whatever the route (db.query included).
  strapi.db.lifecycles.subscribe({
    models: [UID.history],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
  const calendar = service<{ invalidate(): void; seed(): Promise<void> }>('calendar');
  strapi.db.lifecycles.subscribe({
    models: [UID.calendarYear],
    afterCreate: () => calendar.invalidate(),
    afterUpdate: () => calendar.invalidate(),
    afterDelete: () => calendar.invalidate(),
  });

  await service<{ seed(): Promise<void> }>('definitions').seed();
  await calendar.seed();
  if ((await strapi.db.query(UID.template).count()) === 0) {
    for (const template of REPLY_TEMPLATES) await strapi.db.query(UID.template).create({ data: template });
  }
  await ensureStaffRoles(strapi);
  await grantUserActions(strapi, USER_ACTIONS);
  await createIndexes(strapi);
  await applyAdminLabels(strapi, labels);

  strapi.cron.add({
    workflowJobs: {
      task: async () => {
        const now = service<{ now(): Date }>('clock').now();
        await service<{ runAll(now: Date): Promise<unknown> }>('jobs').runAll(now);
      },
      options: { rule: process.env.WORKFLOW_JOBS_RULE ?? '*/1 * * * *' },
    },
  });
};

/** Indexes for the inbox and the overdue counts (plain SQL valid on SQLite and PostgreSQL). */
async function createIndexes(strapi: Core.Strapi): Promise<void> {
  const db = strapi.plugin('workflow').service('db') as ReturnType<typeof import('./services/db').default>;
  const t = db.table(UID.task);
  const c = (name: string) => db.column(UID.task, name);
  const h = db.table(UID.history);
  const hc = (name: string) => db.column(UID.history, name);
  const statements = [
    `CREATE INDEX IF NOT EXISTS wf_tasks_inbox ON ${t} (${c('departmentId')}, ${c('state')}, ${c('dueAt')})`,
    `CREATE INDEX IF NOT EXISTS wf_tasks_target ON ${t} (${c('targetUid')}, ${c('targetDocumentId')})`,
    `CREATE INDEX IF NOT EXISTS wf_tasks_period ON ${t} (${c('submittedAt')}, ${c('departmentId')}, ${c('assigneeId')})`,
    `CREATE INDEX IF NOT EXISTS wf_history_target ON ${h} (${hc('targetUid')}, ${hc('targetDocumentId')})`,
    `CREATE INDEX IF NOT EXISTS wf_history_period ON ${h} (${hc('createdAt')}, ${hc('departmentId')}, ${hc('actorAdminId')})`,
  ];
  for (const sql of statements) await strapi.db.connection.raw(sql);
}
