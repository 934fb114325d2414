import type { Core } from '@strapi/strapi';
import { registerMigrations } from '@sgd/plugin-core';
import { PLUGIN_ID } from './constants';
import { migrations } from './migrations';
import { registerPublishGuard } from './publish-guard';
import { registerRbac } from './rbac';
import { workflowService } from './utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerMigrations(strapi, PLUGIN_ID, migrations);
  const bound = (uid: string) => workflowService(strapi, 'targets').binding(uid) !== null;
  // Every content type the engine can drive is guarded, used by a workflow or not: nothing under a
  // binding is published except through an approval.
  registerPublishGuard(strapi, bound);
  registerRbac(strapi);
  // A deleted item's open submissions are closed (whoever deleted it, through the Document Service).
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    const documentId = (ctx.params as { documentId?: string } | undefined)?.documentId;
    if (ctx.action !== 'delete' || !bound(ctx.uid) || !documentId) return result;
    const left = await strapi.db.query(ctx.uid as never).count({ where: { documentId } });
    if (left === 0) await workflowService(strapi, 'workflow').closeDeleted(ctx.uid, documentId);
    return result;
  });
};
