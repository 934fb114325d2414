import type { Core } from '@strapi/strapi';
import { preferVietnameseForStaff } from './lib/admin-language';
import { applyAdminViews } from './lib/admin-views';
import { registerAuditTrail } from './lib/audit';
import { withdrawAuditWritePermissions } from './lib/audit-read-only';
import { registerCountInvalidation } from './lib/count-cache';
import { registerGracefulShutdown } from './lib/graceful-shutdown';
import { registerReadiness } from './lib/readiness';
import { registerSiteWebhook } from './lib/site-webhook';
import { runSqlMigrations } from './lib/sql-migrations';
import type { CorePluginConfig } from './config';
import { PLUGIN_ID } from './constants';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Every plugin declared its content types' admin views in `register`; written once all are known.
  await applyAdminViews(strapi);
  await preferVietnameseForStaff(strapi);
  await runSqlMigrations(strapi, strapi.config.get(`plugin::${PLUGIN_ID}.sqlMigrationsDir`, null));
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
};
