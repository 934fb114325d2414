import type { Core } from '@strapi/strapi';
import { applyAdminLabels } from './lib/admin-labels';
import { registerAuditTrail } from './lib/audit';
import { registerCountInvalidation } from './lib/count-cache';
import { registerGracefulShutdown } from './lib/graceful-shutdown';
import { registerReadiness } from './lib/readiness';
import { registerSiteWebhook } from './lib/site-webhook';
import { runSqlMigrations } from './lib/sql-migrations';
import type { CorePluginConfig } from './config';
import { PLUGIN_ID } from './constants';
import { labels } from './labels';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await applyAdminLabels(strapi, labels);
  await runSqlMigrations(strapi, strapi.config.get(`plugin::${PLUGIN_ID}.sqlMigrationsDir`, null));
  registerReadiness(strapi);
  registerAuditTrail(strapi);
  registerCountInvalidation(strapi);
  const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as CorePluginConfig;
  registerSiteWebhook(strapi, {
    siteUrl: config.siteUrl,
    secret: config.siteWebhookSecret,
    uids: config.siteContentTypes,
  });
  registerGracefulShutdown(strapi, Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000));
};
