import type { Core } from '@strapi/strapi';
import { registerAdminViews, registerDocumentRules } from '@sgd/plugin-core';
import { rules } from './rules';
import { views } from './views';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  registerAdminViews(strapi, views);
};
