import type { Core } from '@strapi/strapi';
import createError from 'http-errors';
import { coreService } from '@sgd/plugin-core';
import { workflowApi, workflowService } from '@sgd/plugin-workflow';
import { UID } from './constants';
import { sellersService } from './services';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  sellersService(strapi, 'licenceCheck').register();

  // An officer may lock the account of a person who owns a seller of their departments.
  workflowService(strapi, 'locking').resolveUserScope(
    async (userId, departmentIds) =>
      (await strapi.db.query(UID.seller).count({
        where: { owner: { id: userId }, department: { id: { $in: departmentIds } } },
      })) > 0,
  );

  // A locked seller's items (products, licences, areas, answers…) are not sent for review (QC Điều 9).
  const workflow = workflowApi(strapi);
  for (const uid of workflowService(strapi, 'targets').reviewableTypes()) {
    const relation = strapi.contentType(uid as never).attributes.seller as
      { type?: string; target?: string } | undefined;
    if (relation?.type !== 'relation' || relation.target !== UID.seller) continue;
    workflow.beforeSubmit(uid, async ({ documentId }) => {
      const row = (await strapi.db.query(uid as never).findOne({
        where: { documentId, publishedAt: null },
        populate: { seller: { select: ['verificationStatus'] } },
      })) as { seller?: { verificationStatus?: string } | null } | null;
      if (row?.seller?.verificationStatus === 'locked') {
        throw createError(409, 'Chủ thể kinh doanh đang bị khóa nên không thể nộp hồ sơ.', {
          name: 'ConflictError',
        });
      }
    });
  }

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
