import type { Core } from '@strapi/strapi';
import { grantStaffOnce, permissionFields } from '@sgd/plugin-core';
import { DEPARTMENT_CONDITION, workflowService } from '@sgd/plugin-workflow';

/** What the exchange publishes itself: written by officers, reviewed in the `editorial_review` workflow. */
export const EDITORIAL_TYPES = ['api::news-article.news-article', 'api::legal-document.legal-document'];

/**
 * Officers write news and legal documents for their department (issue 17.5): every staff role may
 * create, read, edit and delete them within its departments and upload their pictures and files;
 * none may publish — publication follows the editorial review's last approval. The super admin may
 * narrow this per role; a permission deleted comes back at the next start (`grantStaffOnce`).
 */
export async function grantEditorialWork(strapi: Core.Strapi): Promise<void> {
  const targets = workflowService(strapi, 'targets');
  // The review status is the workflow's to set: officers read it, never write it.
  const writable = (subject: string) =>
    permissionFields(strapi, subject).filter((field) => field !== targets.optionsOf(subject)?.status.field);
  const fieldsFor = (action: string, subject: string) =>
    action === 'delete'
      ? {}
      : { fields: action === 'read' ? permissionFields(strapi, subject) : writable(subject) };
  await grantStaffOnce(strapi, [
    ...EDITORIAL_TYPES.flatMap((subject) =>
      ['create', 'read', 'update', 'delete'].map((action) => ({
        action: `plugin::content-manager.explorer.${action}`,
        subject,
        properties: fieldsFor(action, subject),
        conditions: [DEPARTMENT_CONDITION],
      })),
    ),
    ...['assets.create', 'assets.update', 'assets.download', 'assets.copy-link'].map((action) => ({
      action: `plugin::upload.${action}`,
      subject: null,
    })),
  ]);
}
