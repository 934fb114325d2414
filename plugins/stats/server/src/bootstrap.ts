import type { Core } from '@strapi/strapi';
import { grantStaffOnce, onWrites } from '@sgd/plugin-core';
import { READ_ACTION } from './constants';
import { DASHBOARD_SOURCES } from './services/cache';
import { statsService } from './services';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Every staff level sees its departments' statistics; granted once, later edits by the super admin stay.
  await grantStaffOnce(strapi, [{ action: READ_ACTION, subject: null }]);
  // Any write through Strapi to what the dashboard reads empties the cached dashboards.
  const cache = statsService(strapi, 'cache');
  onWrites(strapi, () => cache.clear(), DASHBOARD_SOURCES);
};
