import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from './lib/document-rules';
import { registerMigrationRunner, registerMigrations } from './lib/migrations';
import { coreMigrations } from './migrations';
import { PLUGIN_ID } from './constants';
import { registerTextRules } from './lib/text-rules';
import { rules } from './rules';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  registerMigrationRunner(strapi);
  registerMigrations(
    strapi,
    PLUGIN_ID,
    coreMigrations(strapi.config.get(`plugin::${PLUGIN_ID}.sqlMigrationsDir`, null) as string | null),
  );
  registerTextRules(strapi);
};
