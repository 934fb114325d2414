import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { StatsServices } from '../services';

/** A `stats` service, typed (Strapi's i18n `getService` pattern). */
export const statsService = <K extends keyof StatsServices>(strapi: Core.Strapi, name: K): StatsServices[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as StatsServices[K];
