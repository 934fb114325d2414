import type { Core } from '@strapi/strapi';
import { WORKFLOW_BINDINGS } from '@sgd/config';
import { registerAdminViews } from '@sgd/plugin-core';
import { registerPublishGuard } from './publish-guard';
import { registerRbac } from './rbac';
import { views } from './views';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerAdminViews(strapi, views);
  // Every content type the engine can drive is guarded, used by a workflow or not: nothing under a
  // binding is published except through an approval.
  registerPublishGuard(strapi, (uid) => uid in WORKFLOW_BINDINGS);
  registerRbac(strapi);
  // A deleted item's open submissions are closed (whoever deleted it, through the Document Service).
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    const documentId = (ctx.params as { documentId?: string } | undefined)?.documentId;
    if (ctx.action !== 'delete' || !(ctx.uid in WORKFLOW_BINDINGS) || !documentId) return result;
    const left = await strapi.db.query(ctx.uid as never).count({ where: { documentId } });
    if (left === 0) {
      const workflow = strapi.plugin('workflow').service('workflow') as {
        closeDeleted(uid: string, documentId: string): Promise<number>;
      };
      await workflow.closeDeleted(ctx.uid, documentId);
    }
    return result;
  });
};
