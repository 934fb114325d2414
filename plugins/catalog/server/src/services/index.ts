import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import openData from './open-data';
import readModel from './read-model';
import search from './search';
import statistics from './statistics';

const services = { search, statistics, 'open-data': openData, 'read-model': readModel };
export default services;

export type CatalogServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** A `catalog` service, typed (Strapi's i18n `getService` pattern). */
export const catalogService = <K extends keyof CatalogServices>(
  strapi: Core.Strapi,
  name: K,
): CatalogServices[K] => strapi.plugin(PLUGIN_ID).service(name) as CatalogServices[K];
