import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { ComplaintsServices } from '../services';

/** A `complaints` service, typed (Strapi's i18n `getService` pattern). */
export const complaintsService = <K extends keyof ComplaintsServices>(
  strapi: Core.Strapi,
  name: K,
): ComplaintsServices[K] => strapi.plugin(PLUGIN_ID).service(name) as ComplaintsServices[K];
