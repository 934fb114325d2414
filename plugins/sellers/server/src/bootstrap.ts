import type { Core } from '@strapi/strapi';
import type expiry from './services/expiry';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Daily, shortly after midnight in Vietnam: expiry notices and marks (safe with several instances).
  strapi.cron.add({
    licenceExpiry: {
      task: async () => {
        const now = (strapi.plugin('workflow').service('clock') as { now(): Date }).now();
        await (strapi.plugin('sellers').service('expiry') as ReturnType<typeof expiry>).run(now);
      },
      options: { rule: process.env.LICENCE_EXPIRY_JOB_RULE ?? '10 0 * * *', tz: 'Asia/Ho_Chi_Minh' },
    },
  });
};
