import type { Core } from '@strapi/strapi';
import { DEPARTMENT_CONDITION, grantStaffOnce, grantUserActions } from '@sgd/plugin-workflow';
import { REPORT_ROLES, UID, USER_ROLES } from './constants';
import { PUBLIC_ACTIONS, USER_ACTIONS } from './routes';

const refuse = () => {
  throw new Error('Lịch sử khiếu nại không được sửa hoặc xóa.');
};

interface WorkflowHooks {
  beforeSubmit(uid: string, hook: (event: { documentId: string }) => Promise<void>): void;
  onDecided(
    uid: string,
    hook: (event: { documentId: string; comment: string | null }) => Promise<void>,
  ): void;
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <T>(name: string) => strapi.plugin('complaints').service(name) as T;
  const complaints = () => service<ReturnType<typeof import('./services/complaints').default>>('complaints');
  const bannedGoods = () =>
    service<ReturnType<typeof import('./services/banned-goods').default>>('banned-goods');

  strapi.db.lifecycles.subscribe({
    models: [UID.event],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });

  const workflow = strapi.plugin('workflow').service('workflow') as WorkflowHooks;
  // A complaint reaches the board only through its own escalation; resubmitting after a request for supplement is allowed.
  workflow.beforeSubmit(UID.complaint, ({ documentId }) => complaints().assertEscalated(documentId));
  workflow.onDecided(UID.complaint, ({ documentId, comment }) =>
    complaints().closeByBoard(documentId, comment),
  );
  // Banned goods are flagged for the officer whichever route submits the product.
  workflow.beforeSubmit(UID.product, async ({ documentId }) => {
    await bannedGoods().checkProduct(documentId);
  });

  await grantStaffRead(strapi);
  await grantUserActions(strapi, USER_ACTIONS, USER_ROLES);
  await grantUserActions(strapi, PUBLIC_ACTIONS, REPORT_ROLES);
  // The escalation job's query: unsettled complaints by deadline (plain SQL valid on SQLite and PostgreSQL).
  const meta = strapi.db.metadata.get(UID.complaint as never);
  const column = (name: string) => (meta.attributes[name] as { columnName?: string }).columnName ?? name;
  await strapi.db.connection.raw(
    `CREATE INDEX IF NOT EXISTS cmp_complaints_due ON ${meta.tableName} (${column('complaintStatus')}, ${column('sellerDueAt')})`,
  );

  strapi.cron.add({
    complaintEscalation: {
      task: async () => {
        await complaints().escalateOverdue();
      },
      options: { rule: process.env.WORKFLOW_JOBS_RULE ?? '*/1 * * * *' },
    },
  });
};

/**
 * Officers read their departments' complaints and reports in the content manager (where the review
 * panel sits). The staff roles get this when they are created; databases whose roles predate this
 * plugin get it here, once (the super admin's later edits stay).
 */
async function grantStaffRead(strapi: Core.Strapi): Promise<void> {
  await grantStaffOnce(
    strapi,
    [UID.complaint, UID.report].map((subject) => ({
      action: 'plugin::content-manager.explorer.read',
      subject,
      properties: { fields: Object.keys(strapi.contentType(subject as never).attributes) },
      conditions: [DEPARTMENT_CONDITION],
    })),
  );
}
