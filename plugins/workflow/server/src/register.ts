import type { Core } from '@strapi/strapi';
import { registerAdminViews, registerFieldLabels, registerMigrations, withLabels } from '@sgd/plugin-core';
import { PLUGIN_ID } from './constants';
import { reviewOptionsOf, statusNames, statusValues } from './engine/options';
import { migrations } from './migrations';
import { registerPublishGuard } from './publish-guard';
import { registerDepartmentWrites, registerRbac } from './rbac';
import { workflowService } from './utils/get-service';
import { views } from './views';

type Attributes = Record<string, Record<string, unknown>>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerAdminViews(strapi, views);
  registerMigrations(strapi, PLUGIN_ID, migrations);
  // A content type joins review by declaring `pluginOptions.workflow` (as i18n's `localized`): the
  // engine adds the status attribute it sets, with the values its workflows move it through.
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    const options = reviewOptionsOf(uid, (contentType as { pluginOptions?: unknown }).pluginOptions);
    if (!options) continue;
    strapi.get('content-types').extend(uid, (extended: { attributes: Attributes }) => {
      // Shown by its Vietnamese names in the admin (core's labelled attributes), never its codes.
      extended.attributes[options.status.field] = withLabels(
        {
          type: 'enumeration',
          enum: statusValues(options),
          default: 'draft',
          required: true,
          configurable: false,
        },
        statusNames(options),
      );
    });
    registerFieldLabels(strapi, uid, {
      [options.status.field]: {
        label: 'Trạng thái duyệt',
        description: 'Do quy trình duyệt đặt khi nộp, duyệt, từ chối hoặc khóa; không sửa tay.',
      },
    });
  }
  const reviewable = (uid: string) => workflowService(strapi, 'targets').isReviewable(uid);
  // Nothing of a type under review is published except through an approval.
  registerPublishGuard(strapi, reviewable);
  registerRbac(strapi);
  registerDepartmentWrites(strapi);
  // A deleted item's open submissions are closed (whoever deleted it, through the Document Service).
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    const documentId = (ctx.params as { documentId?: string } | undefined)?.documentId;
    if (ctx.action !== 'delete' || !reviewable(ctx.uid) || !documentId) return result;
    const left = await strapi.db.query(ctx.uid as never).count({ where: { documentId } });
    if (left === 0) await workflowService(strapi, 'workflow').closeDeleted(ctx.uid, documentId);
    return result;
  });
};
