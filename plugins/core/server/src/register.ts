import type { Core } from '@strapi/strapi';
import { registerAdminViews } from './lib/admin-views';
import { guardAuditRoutes, refuseAuditWrites } from './lib/audit-read-only';
import { registerDocumentRules } from './lib/document-rules';
import { nameLinkedItems } from './lib/relation-names';
import { rules } from './rules';
import { views } from './views';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  registerAdminViews(strapi, views);
  refuseAuditWrites(strapi);
  guardAuditRoutes(strapi);
  nameLinkedItems(strapi);
};
