import type { Core } from '@strapi/strapi';
import { REPLY_TEMPLATES, WORKFLOW_BINDINGS } from '@sgd/config';
import { CORE_UID, recordAudit } from '@sgd/plugin-core';
import { DECISION_ACTIONS, UID } from './constants';
import { checkBindingPaths, type SchemaLookup } from './engine/paths';
import { ensureStaffRoles, grantStaffOnce, grantUserActions } from './rbac';
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
    // Staff decisions and locking also go to the audit log.
    async afterCreate(event: { result?: Record<string, unknown> }) {
      const entry = event.result;
      if (!entry?.actorAdminId) return;
      await recordAudit(strapi, {
        action: `workflow.${entry.action as string}`,
        actorId: entry.actorAdminId as number,
        target: `${entry.targetUid as string}:${entry.targetDocumentId as string}`,
        details: {
          workflow: entry.workflow ?? null,
          from: entry.fromState ?? null,
          to: entry.toState ?? null,
        },
      });
    },
  });
  const calendar = service<{ invalidate(): void; seed(): Promise<void> }>('calendar');
  strapi.db.lifecycles.subscribe({
    models: [UID.calendarYear],
    afterCreate: () => calendar.invalidate(),
    afterUpdate: () => calendar.invalidate(),
    afterDelete: () => calendar.invalidate(),
  });

  checkBindings(strapi);
  await service<{ seed(): Promise<void> }>('definitions').seed();
  await calendar.seed();
  // Shipped templates missing from the database are added (staff edits to the others are kept).
  for (const template of REPLY_TEMPLATES) {
    const where = { workflow: template.workflow, action: template.action, name: template.name };
    if ((await strapi.db.query(UID.template).count({ where })) === 0) {
      await strapi.db.query(UID.template).create({ data: template });
    }
  }
  await ensureStaffRoles(strapi);
  await grantUserActions(strapi, USER_ACTIONS);
  // Departments and administrative units are public reference data: officers read them, so the items
  // they review show a department's or a commune's name rather than an id.
  await grantStaffOnce(
    strapi,
    [CORE_UID.department, CORE_UID.administrativeUnit].map((subject) => ({
      action: 'plugin::content-manager.explorer.read',
      subject,
      properties: { fields: Object.keys(strapi.contentType(subject as never).attributes) },
      conditions: [],
    })),
  );
  await createIndexes(strapi);

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

/** Refuses to start when a binding names a field its content type does not have. */
function checkBindings(strapi: Core.Strapi): void {
  const schemaOf: SchemaLookup = (uid) =>
    strapi.contentType(uid as never)?.attributes as ReturnType<SchemaLookup>;
  const problems = Object.entries(WORKFLOW_BINDINGS)
    .filter(([uid]) => strapi.contentType(uid as never))
    .flatMap(([uid, binding]) => checkBindingPaths(uid, binding, schemaOf));
  if (problems.length > 0) {
    throw new Error(`Cấu hình quy trình duyệt không khớp nội dung:\n${problems.join('\n')}`);
  }
}

/** Indexes for the inbox and the overdue counts (plain SQL valid on SQLite and PostgreSQL). */
async function createIndexes(strapi: Core.Strapi): Promise<void> {
  const db = strapi.plugin('workflow').service('db') as ReturnType<typeof import('./services/db').default>;
  const t = db.table(UID.task);
  const c = (name: string) => db.column(UID.task, name);
  const h = db.table(UID.history);
  const hc = (name: string) => db.column(UID.history, name);
  const open = `${c('state')} IN ('in_review', 'supplement_requested')`;
  const statements = [
    `CREATE INDEX IF NOT EXISTS wf_tasks_inbox ON ${t} (${c('departmentId')}, ${c('state')}, ${c('dueAt')})`,
    // The inbox's default view (open tasks by deadline), for all departments and for one.
    `CREATE INDEX IF NOT EXISTS wf_tasks_queue ON ${t} (${c('dueAt')}, id) WHERE ${open}`,
    `CREATE INDEX IF NOT EXISTS wf_tasks_department_queue ON ${t} (${c('departmentId')}, ${c('dueAt')}, id) WHERE ${open}`,
    `CREATE INDEX IF NOT EXISTS wf_tasks_target ON ${t} (${c('targetUid')}, ${c('targetDocumentId')})`,
    `CREATE INDEX IF NOT EXISTS wf_tasks_period ON ${t} (${c('submittedAt')}, ${c('departmentId')}, ${c('assigneeId')})`,
    `CREATE INDEX IF NOT EXISTS wf_history_target ON ${h} (${hc('targetUid')}, ${hc('targetDocumentId')})`,
    // Covering, partial indexes for the overdue statistics: open tasks by deadline, and decisions.
    `CREATE INDEX IF NOT EXISTS wf_tasks_open ON ${t} (${c('submittedAt')}, ${c('departmentId')}, ${c('assigneeId')}, ${c('dueAt')}) WHERE ${c('state')} = 'in_review'`,
    `DROP INDEX IF EXISTS wf_history_period`,
    `CREATE INDEX IF NOT EXISTS wf_history_decisions ON ${h} (${hc('createdAt')}, ${hc('departmentId')}, ${hc('actorAdminId')}, ${hc('late')}) WHERE ${hc('action')} IN (${DECISION_ACTIONS.map((a) => `'${a}'`).join(', ')}) AND ${hc('actorAdminId')} IS NOT NULL`,
  ];
  for (const sql of statements) await strapi.db.connection.raw(sql);
}
