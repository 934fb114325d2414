import type { Core } from '@strapi/strapi';
import { accountsService } from './utils/get-service';

/** Codes still being sent finish before the process stops; the rate limits' Redis connection closes. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await accountsService(strapi, 'accounts').settled();
  await accountsService(strapi, 'rate-limit').close();
};
