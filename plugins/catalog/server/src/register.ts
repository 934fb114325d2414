import type { Core } from '@strapi/strapi';
import { registerDocumentRules, registerMigrations } from '@sgd/plugin-core';
import { PLUGIN_ID } from './constants';
import { migrations } from './migrations';
import { rules } from './rules';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  registerMigrations(strapi, PLUGIN_ID, migrations);
};
