import type { Core } from '@strapi/strapi';
import { applyAdminLabels } from '@sgd/plugin-core';
import { labels } from './labels';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await applyAdminLabels(strapi, labels);
};
