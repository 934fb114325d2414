import type { Core } from '@strapi/strapi';
import { grantStaffOnce, permissionFields } from '@sgd/plugin-core';
import { UID } from './constants';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // The category tree is public reference data: officers read it, so a product shows its category's
  // name rather than an id.
  await grantStaffOnce(strapi, [
    {
      action: 'plugin::content-manager.explorer.read',
      subject: UID.category,
      properties: { fields: permissionFields(strapi, UID.category) },
      conditions: [],
    },
  ]);
};
