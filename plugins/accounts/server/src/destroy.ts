import type { Core } from '@strapi/strapi';

/** Codes still being sent finish before the process stops; the rate limits' Redis connection closes. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.plugin('accounts').service('accounts') as { settled(): Promise<void> }).settled();
  await (strapi.plugin('accounts').service('rate-limit') as { close(): Promise<void> }).close();
};
