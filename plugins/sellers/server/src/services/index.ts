import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import expiry from './expiry';
import licenceCheck from './licence-check';
import trustCards from './trust-cards';

const services = { expiry, licenceCheck, trustCards };
export default services;

export type SellersServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** A `sellers` service, typed (Strapi's i18n `getService` pattern). */
export const sellersService = <K extends keyof SellersServices>(
  strapi: Core.Strapi,
  name: K,
): SellersServices[K] => strapi.plugin(PLUGIN_ID).service(name) as SellersServices[K];
