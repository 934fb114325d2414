import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { coreService, registerMigrations } from '@sgd/plugin-core';
import { PLUGIN_ID, UID } from './constants';
import { complaintsService } from './services';

const GUARDED = new Set<string>([UID.complaint, UID.event]);
const REFUSED = new Set(['update', 'delete', 'clone', 'discardDraft']);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerMigrations(strapi, PLUGIN_ID, [
    {
      // The escalation job's query: unsettled complaints by deadline.
      name: '001-complaints-due',
      up: ({ createIndex }) =>
        createIndex({
          name: 'cmp_complaints_due',
          uid: UID.complaint,
          attributes: ['complaintStatus', 'sellerDueAt'],
        }),
    },
  ]);
  // The complaints and reports a person made are part of their data export.
  coreService(strapi, 'personal-data').register({
    export: async (userId) => ({
      complaints: await complaintsService(strapi, 'complaints').exportFor(userId),
      violationReports: await complaintsService(strapi, 'reports').exportFor(userId),
    }),
  });
  // A complaint changes only through the parties' and the board's actions (which check the status
  // machine and record the history): the Document Service (content manager, REST, code) may create it
  // (the plugin does) and publish it (the workflow does when the board closes it), never edit it.
  strapi.documents.use(async (ctx, next) => {
    if (!GUARDED.has(ctx.uid) || !REFUSED.has(ctx.action)) return next();
    // A PolicyError keeps its message through Strapi's authorisation step (a plain ForbiddenError does not).
    throw new errors.PolicyError(
      'Khiếu nại chỉ thay đổi qua thao tác của người mua, người bán và Ban quản lý Sàn.',
    );
  });
};
