import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { OrdersServices } from '../services';

/** An `orders` service, typed (Strapi's i18n `getService` pattern). */
export const ordersService = <K extends keyof OrdersServices>(
  strapi: Core.Strapi,
  name: K,
): OrdersServices[K] => strapi.plugin(PLUGIN_ID).service(name) as OrdersServices[K];
