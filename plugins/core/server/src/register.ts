import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from './lib/document-rules';
import { registerTextRules } from './lib/text-rules';
import { rules } from './rules';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  registerTextRules(strapi);
};
