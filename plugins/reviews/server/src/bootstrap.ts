import type { Core } from '@strapi/strapi';
import { grantStaffOnce, grantUserActions } from '@sgd/plugin-core';
import { DEPARTMENT_CONDITION, workflowApi } from '@sgd/plugin-workflow';
import { HIDDEN_FROM_STAFF, STAFF_FIELDS, UID, WRITER_ROLES } from './constants';
import { USER_ACTIONS } from './routes';
import { reviewsService } from './services';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await grantUserActions(strapi, USER_ACTIONS, WRITER_ROLES);
  await grantStaffRead(strapi);
  const ratings = reviewsService(strapi, 'ratings');
  // Averages count approved reviews only: they change when the workflow approves one.
  workflowApi(strapi).onApproved(UID.review, async ({ documentId }) =>
    ratings.recompute(await ratings.targetsOf(documentId)),
  );
};

/**
 * Officers (the workflow's staff roles) read their departments' reviews, comments and answers in the
 * content manager, flag included, never the author's account and the order (personal data). Added
 * when missing (staff roles that predate this plugin); where the workflow granted every field, those
 * are taken out. The super admin's other edits stay.
 */
async function grantStaffRead(strapi: Core.Strapi): Promise<void> {
  const action = 'plugin::content-manager.explorer.read';
  const roleIds = await grantStaffOnce(
    strapi,
    Object.entries(STAFF_FIELDS).map(([subject, fields]) => ({
      action,
      subject,
      properties: { fields },
      conditions: [DEPARTMENT_CONDITION],
    })),
  );
  const granted = (await strapi.db.query('admin::permission').findMany({
    where: { action, subject: { $in: Object.keys(STAFF_FIELDS) }, role: { id: { $in: roleIds } } },
  })) as { id: number; properties?: { fields?: string[] } | null }[];
  for (const permission of granted) {
    const current = permission.properties?.fields ?? [];
    if (!current.some((field) => HIDDEN_FROM_STAFF.includes(field))) continue;
    await strapi.db.query('admin::permission').update({
      where: { id: permission.id },
      data: {
        properties: {
          ...permission.properties,
          fields: current.filter((field) => !HIDDEN_FROM_STAFF.includes(field)),
        },
      },
    });
  }
}
