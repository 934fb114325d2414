import type { Core } from '@strapi/strapi';
import { registerAdminViews, registerDocumentRules, registerMigrations } from '@sgd/plugin-core';
import { PLUGIN_ID } from './constants';
import { migrations } from './migrations';
import { rules } from './rules';
import { views } from './views';
import { catalogService } from './services';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  registerAdminViews(strapi, views);
  registerMigrations(strapi, PLUGIN_ID, migrations);
  // Every Document Service write and the read model's follow-up run in one transaction.
  const model = catalogService(strapi, 'read-model');
  strapi.documents.use((ctx, next) => model.document(ctx.action, async () => next()));
};
