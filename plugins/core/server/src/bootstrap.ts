import type { Core } from '@strapi/strapi';
import { applyAdminLabels } from './lib/admin-labels';
import { registerAuditTrail } from './lib/audit';
import { registerGracefulShutdown } from './lib/graceful-shutdown';
import { registerReadiness } from './lib/readiness';
import { runSqlMigrations } from './lib/sql-migrations';
import { PLUGIN_ID } from './constants';
import { labels } from './labels';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await applyAdminLabels(strapi, labels);
  await runSqlMigrations(strapi, strapi.config.get(`plugin::${PLUGIN_ID}.sqlMigrationsDir`, null));
  registerReadiness(strapi);
  registerAuditTrail(strapi);
  registerGracefulShutdown(strapi, Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000));
};
