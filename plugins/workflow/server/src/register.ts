import type { Core } from '@strapi/strapi';
import { WORKFLOW_BINDINGS } from '@sgd/config';
import { registerPublishGuard } from './publish-guard';
import { registerRbac } from './rbac';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Every content type the engine can drive is guarded, used by a workflow or not: nothing under a
  // binding is published except through an approval.
  registerPublishGuard(strapi, (uid) => uid in WORKFLOW_BINDINGS);
  registerRbac(strapi);
};
