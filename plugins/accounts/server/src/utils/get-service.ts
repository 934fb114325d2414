import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { AccountsServices } from '../services';

/** An `accounts` service, typed (Strapi's i18n `getService` pattern). */
export const accountsService = <K extends keyof AccountsServices>(
  strapi: Core.Strapi,
  name: K,
): AccountsServices[K] => strapi.plugin(PLUGIN_ID).service(name) as AccountsServices[K];
