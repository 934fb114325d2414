import type { Core } from '@strapi/strapi';
import { coreService, registerMigrations } from '@sgd/plugin-core';
import { PLUGIN_ID, UID } from './constants';
import { migrations } from './migrations';
import { ratingsOf } from './services/ratings';
import { reviewsService } from './services';

const LEAVING = new Set(['unpublish', 'delete']);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerMigrations(strapi, PLUGIN_ID, migrations);
  // Products and sellers show the stored averages of their approved reviews.
  coreService(strapi, 'ratings').provide((uid, documentIds) => ratingsOf(strapi, uid, documentIds));
  // A person's reviews, comments and answers are part of their data (export, deletion).
  coreService(strapi, 'personal-data').register({
    export: (userId) => reviewsService(strapi, 'reviews').exportFor(userId),
    remove: (userId) => reviewsService(strapi, 'reviews').removeOf(userId),
  });

  // An approved review that leaves the public site (locked by an officer: unpublished; or deleted)
  // stops counting: the product's and the seller's stored averages are recomputed after the change.
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== UID.review || !LEAVING.has(ctx.action)) return next();
    const documentId = (ctx.params as { documentId?: string }).documentId;
    const ratings = reviewsService(strapi, 'ratings');
    const targets = documentId ? await ratings.targetsOf(documentId) : null;
    const result = await next();
    if (targets) await ratings.recompute(targets);
    return result;
  });
};
