import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from '@sgd/plugin-core';
import { rules } from './rules';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
};
