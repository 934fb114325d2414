import type { Core } from '@strapi/strapi';
import { registerAdminViews } from '@sgd/plugin-core';
import { UID } from './constants';
import { views } from './views';

const LEAVING = new Set(['unpublish', 'delete']);

/**
 * An approved review that leaves the public site (locked by an officer: unpublished; or deleted)
 * stops counting: the product's and the seller's stored averages are recomputed after the change.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerAdminViews(strapi, views);
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== UID.review || !LEAVING.has(ctx.action)) return next();
    const documentId = (ctx.params as { documentId?: string }).documentId;
    const ratings = strapi.plugin('reviews').service('ratings') as ReturnType<
      typeof import('./services/ratings').default
    >;
    const targets = documentId ? await ratings.targetsOf(documentId) : null;
    const result = await next();
    if (targets) await ratings.recompute(targets);
    return result;
  });
};
