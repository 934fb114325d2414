import type { Core } from '@strapi/strapi';
import { registerAdminViews } from './lib/admin-views';
import { guardAuditRoutes, refuseAuditWrites } from './lib/audit-read-only';
import { registerDocumentRules } from './lib/document-rules';
import { nameLinkedItems } from './lib/relation-names';
import { registerMigrationRunner, registerMigrations } from './lib/migrations';
import { coreMigrations } from './migrations';
import { PLUGIN_ID } from './constants';
import { registerTextRules } from './lib/text-rules';
import { rules } from './rules';
import { views } from './views';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  registerAdminViews(strapi, views);
  refuseAuditWrites(strapi);
  guardAuditRoutes(strapi);
  nameLinkedItems(strapi);
  registerMigrationRunner(strapi);
  registerMigrations(
    strapi,
    PLUGIN_ID,
    coreMigrations(strapi.config.get(`plugin::${PLUGIN_ID}.sqlMigrationsDir`, null) as string | null),
  );
  registerTextRules(strapi);
};
