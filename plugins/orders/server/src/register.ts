import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { registerAdminViews } from '@sgd/plugin-core';
import { MESSAGES, UID } from './constants';
import { views } from './views';

const GUARDED = new Set<string>([UID.order, UID.line, UID.event, UID.idempotencyKey]);
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * Orders change only through the buyer's and the seller's actions (which check the status machine and
 * record the history): the Document Service (content manager, REST, code) may read them, never write.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerAdminViews(strapi, views);
  strapi.documents.use(async (ctx, next) => {
    if (!GUARDED.has(ctx.uid) || !WRITES.has(ctx.action)) return next();
    // A PolicyError keeps its message through Strapi's authorisation step (a plain ForbiddenError does not).
    throw new errors.PolicyError(MESSAGES.readOnly);
  });
};
