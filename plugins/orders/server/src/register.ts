import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { coreService, registerMigrations } from '@sgd/plugin-core';
import { MESSAGES, PLUGIN_ID, UID } from './constants';
import { migrations } from './migrations';
import { ordersService } from './services';

const GUARDED = new Set<string>([UID.order, UID.line, UID.event, UID.idempotencyKey]);
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerMigrations(strapi, PLUGIN_ID, migrations);
  // The orders a person placed, with their history, are part of their data export.
  coreService(strapi, 'personal-data').register({
    export: async (userId) => ({ orders: await ordersService(strapi, 'orders').exportFor(userId) }),
  });
  // Orders change only through the buyer's and the seller's actions (which check the status machine
  // and record the history): the Document Service (content manager, REST, code) may read them, never write.
  strapi.documents.use(async (ctx, next) => {
    if (!GUARDED.has(ctx.uid) || !WRITES.has(ctx.action)) return next();
    // A PolicyError keeps its message through Strapi's authorisation step (a plain ForbiddenError does not).
    throw new errors.PolicyError(MESSAGES.readOnly);
  });
};
