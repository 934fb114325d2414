import type { Core } from '@strapi/strapi';
import { REPLY_TEMPLATES } from '@sgd/config';
import {
  CORE_UID,
  coreService,
  grantStaffOnce,
  grantUserActions,
  permissionFields,
  recordAudit,
} from '@sgd/plugin-core';
import { UID, USER_UID } from './constants';
import { COMMUNE_TARGET, DEPARTMENT_TARGET } from './engine/definitions';
import { fieldProblem, relationProblem, type SchemaLookup } from './engine/paths';
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

  checkReviewOptions(strapi);
  await workflowService(strapi, 'definitions').seed();
  // Shipped templates missing from the database are added (staff edits to the others are kept).
  for (const template of REPLY_TEMPLATES) {
    const where = { workflow: template.workflow, action: template.action, name: template.name };
    if ((await strapi.db.query(UID.template).count({ where })) === 0) {
      await strapi.db.query(UID.template).create({ data: template });
    }
  }
  await grantReviewWork(strapi, workflowService(strapi, 'targets').reviewableTypes());
  await grantUserActions(strapi, USER_ACTIONS);
  // Departments and administrative units are public reference data: officers read them, so the items
  // they review show a department's or a commune's name rather than an id.
  await grantStaffOnce(
    strapi,
    [CORE_UID.department, CORE_UID.administrativeUnit].map((subject) => ({
      action: 'plugin::content-manager.explorer.read',
      subject,
      properties: { fields: permissionFields(strapi, subject) },
      conditions: [],
    })),
  );

  strapi.cron.add({
    workflowJobs: {
      task: async () => {
        await workflowService(strapi, 'jobs').runAll(coreService(strapi, 'clock').now());
      },
      options: { rule: process.env.WORKFLOW_JOBS_RULE ?? '*/1 * * * *' },
    },
  });
};

/**
 * Refuses to start when a content type's `pluginOptions.workflow` names a field it does not have
 * (title, approval time, owner, contacts, routing), with every problem.
 */
function checkReviewOptions(strapi: Core.Strapi): void {
  const schemaOf: SchemaLookup = (uid) =>
    strapi.contentType(uid as never)?.attributes as ReturnType<SchemaLookup>;
  const targets = workflowService(strapi, 'targets');
  const problems = targets.reviewableTypes().flatMap((uid) => {
    const options = targets.optionsOf(uid)!;
    const found = [
      fieldProblem(uid, options.title, schemaOf),
      options.approvedAt ? fieldProblem(uid, options.approvedAt, schemaOf) : null,
      options.owner ? relationProblem(uid, options.owner, USER_UID, schemaOf) : null,
      ...[...options.contact.email, ...options.contact.name].map((path) => fieldProblem(uid, path, schemaOf)),
      ...options.routing.map((rule) =>
        rule.by === 'path'
          ? relationProblem(uid, rule.path, DEPARTMENT_TARGET, schemaOf)
          : rule.by === 'commune'
            ? relationProblem(uid, rule.path, COMMUNE_TARGET, schemaOf)
            : null,
      ),
    ];
    return found
      .filter((problem): problem is string => problem !== null)
      .map((problem) => `${uid}: ${problem}`);
  });
  if (problems.length > 0) {
    throw new Error(`pluginOptions.workflow không khớp nội dung:\n${problems.join('\n')}`);
  }
}
