import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { registerAdminViews } from '@sgd/plugin-core';
import { UID } from './constants';
import { views } from './views';

const GUARDED = new Set<string>([UID.complaint, UID.event]);
const REFUSED = new Set(['update', 'delete', 'clone', 'discardDraft']);

/**
 * A complaint changes only through the parties' and the board's actions (which check the status
 * machine and record the history): the Document Service (content manager, REST, code) may create it
 * (the plugin does) and publish it (the workflow does when the board closes it), never edit it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerAdminViews(strapi, views);
  strapi.documents.use(async (ctx, next) => {
    if (!GUARDED.has(ctx.uid) || !REFUSED.has(ctx.action)) return next();
    // A PolicyError keeps its message through Strapi's authorisation step (a plain ForbiddenError does not).
    throw new errors.PolicyError(
      'Khiếu nại chỉ thay đổi qua thao tác của người mua, người bán và Ban quản lý Sàn.',
    );
  });
};
