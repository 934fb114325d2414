import type { Core } from '@strapi/strapi';
import { applyAdminLabels, coreService } from '@sgd/plugin-core';
import { workflowService } from '@sgd/plugin-workflow';
import { UID } from './constants';
import { labels } from './labels';
import { sellersService } from './services';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await applyAdminLabels(strapi, labels);

  // An officer may lock the account of a person who owns a seller of their departments.
  workflowService(strapi, 'locking').resolveUserScope(
    async (userId, departmentIds) =>
      (await strapi.db.query(UID.seller).count({
        where: { owner: { id: userId }, department: { id: { $in: departmentIds } } },
      })) > 0,
  );

  // Daily, shortly after midnight in Vietnam: expiry notices and marks (safe with several instances).
  strapi.cron.add({
    licenceExpiry: {
      task: async () => {
        await sellersService(strapi, 'expiry').run(coreService(strapi, 'clock').now());
      },
      options: { rule: process.env.LICENCE_EXPIRY_JOB_RULE ?? '10 0 * * *', tz: 'Asia/Ho_Chi_Minh' },
    },
  });
};
