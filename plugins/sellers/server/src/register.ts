import type { Core } from '@strapi/strapi';
import { registerAdminViews, registerDocumentRules, registerMigrations } from '@sgd/plugin-core';
import { PLUGIN_ID } from './constants';
import { migrations } from './migrations';
import { rules } from './rules';
import { views } from './views';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  registerAdminViews(strapi, views);
  registerMigrations(strapi, PLUGIN_ID, migrations);
};
