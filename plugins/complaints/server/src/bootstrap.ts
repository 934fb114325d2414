import type { Core } from '@strapi/strapi';
import { grantStaffOnce, grantUserActions } from '@sgd/plugin-core';
import { DEPARTMENT_CONDITION, workflowApi } from '@sgd/plugin-workflow';
import { REPORT_ROLES, UID, USER_ROLES } from './constants';
import { PUBLIC_ACTIONS, USER_ACTIONS } from './routes';
import { complaintsService } from './services';

const refuse = () => {
  throw new Error('Lịch sử khiếu nại không được sửa hoặc xóa.');
};

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const complaints = () => complaintsService(strapi, 'complaints');
  const bannedGoods = () => complaintsService(strapi, 'banned-goods');

  strapi.db.lifecycles.subscribe({
    models: [UID.event],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });

  const workflow = workflowApi(strapi);
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
