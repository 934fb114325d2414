import type { Core } from '@strapi/strapi';
import { preferVietnameseForStaff } from './lib/admin-language';
import { applyAdminViews } from './lib/admin-views';
import { registerAuditTrail } from './lib/audit';
import { withdrawAuditWritePermissions } from './lib/audit-read-only';
import { registerCountInvalidation } from './lib/count-cache';
import { registerGracefulShutdown } from './lib/graceful-shutdown';
import { nameRoleEditorPermissions } from './lib/permission-labels';
import { grantStaffOnce, grantUserActions, permissionFields } from './lib/permissions';
import { nameRecentDocuments } from './lib/recent-documents';
import { registerReadiness } from './lib/readiness';
import { registerSiteWebhook } from './lib/site-webhook';
import { nameStaffInVietnameseOrder } from './lib/staff-display-names';
import type { CorePluginConfig } from './config';
import { PLUGIN_ID, UID, USER_ACTIONS } from './constants';
import { coreService } from './services';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Every plugin declared its content types' admin views in `register`; written once all are known.
  await applyAdminViews(strapi);
  nameRoleEditorPermissions(strapi);
  nameRecentDocuments(strapi);
  await preferVietnameseForStaff(strapi);
  await nameStaffInVietnameseOrder(strapi);
  registerReadiness(strapi);
  registerAuditTrail(strapi);
  await withdrawAuditWritePermissions(strapi);
  registerCountInvalidation(strapi);
  const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as CorePluginConfig;
  registerSiteWebhook(strapi, {
    siteUrl: config.siteUrl,
    secret: config.siteWebhookSecret,
    uids: config.siteContentTypes,
  });
  registerGracefulShutdown(strapi, Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000));

  // The yearly calendar, edited in the content manager (any route): every instance reloads it.
  const calendar = coreService(strapi, 'calendar');
  strapi.db.lifecycles.subscribe({
    models: [UID.calendarYear],
    afterCreate: () => calendar.changed(),
    afterUpdate: () => calendar.changed(),
    afterDelete: () => calendar.changed(),
  });
  await calendar.seed();
  await grantCalendar(strapi);
  await grantUserActions(strapi, USER_ACTIONS);

  strapi.cron.add({
    outboxDelivery: {
      task: async () => {
        const outbox = coreService(strapi, 'outbox');
        await outbox.deliver(coreService(strapi, 'clock').now());
      },
      options: { rule: process.env.OUTBOX_JOB_RULE ?? '*/1 * * * *' },
    },
  });
};

/** Every officer reads the yearly calendar of days off; heads of unit keep it up to date. */
async function grantCalendar(strapi: Core.Strapi): Promise<void> {
  const permission = (action: string) => ({
    action: `plugin::content-manager.explorer.${action}`,
    subject: UID.calendarYear,
    properties: { fields: permissionFields(strapi, UID.calendarYear) },
    conditions: [],
  });
  await grantStaffOnce(strapi, [permission('read')]);
  await grantStaffOnce(strapi, [permission('update')], { levels: ['head_of_unit'] });
}
