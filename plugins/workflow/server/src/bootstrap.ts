import type { Core } from '@strapi/strapi';
import { REPLY_TEMPLATES } from '@sgd/config';
import { applyAdminLabels, coreService, grantUserActions, recordAudit } from '@sgd/plugin-core';
import { UID } from './constants';
import { checkBindingPaths, type SchemaLookup } from './engine/paths';
import { labels } from './labels';
import { grantReviewWork } from './rbac';
import { USER_ACTIONS } from './routes';
import { workflowService } from './utils/get-service';

const refuse = () => {
  throw new Error('Lịch sử xử lý hồ sơ không được sửa hoặc xóa.');
};

export default async ({ strapi }: { strapi: Core.Strapi }) => {
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

  checkBindings(strapi);
  await workflowService(strapi, 'definitions').seed();
  // Shipped templates missing from the database are added (staff edits to the others are kept).
  for (const template of REPLY_TEMPLATES) {
    const where = { workflow: template.workflow, action: template.action, name: template.name };
    if ((await strapi.db.query(UID.template).count({ where })) === 0) {
      await strapi.db.query(UID.template).create({ data: template });
    }
  }
  await grantReviewWork(strapi, workflowService(strapi, 'targets').boundTypes());
  await grantUserActions(strapi, USER_ACTIONS);
  await applyAdminLabels(strapi, labels);

  strapi.cron.add({
    workflowJobs: {
      task: async () => {
        await workflowService(strapi, 'jobs').runAll(coreService(strapi, 'clock').now());
      },
      options: { rule: process.env.WORKFLOW_JOBS_RULE ?? '*/1 * * * *' },
    },
  });
};

/** Refuses to start when a binding names a field its content type does not have. */
function checkBindings(strapi: Core.Strapi): void {
  const schemaOf: SchemaLookup = (uid) =>
    strapi.contentType(uid as never)?.attributes as ReturnType<SchemaLookup>;
  const targets = workflowService(strapi, 'targets');
  const problems = targets
    .boundTypes()
    .flatMap((uid) => checkBindingPaths(uid, targets.binding(uid)!, schemaOf));
  if (problems.length > 0) {
    throw new Error(`Cấu hình quy trình duyệt không khớp nội dung:\n${problems.join('\n')}`);
  }
}
