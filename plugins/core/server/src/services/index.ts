import type { Core } from '@strapi/strapi';
import calendar from './calendar';
import clock from './clock';
import outbox from './outbox';
import personalData from './personal-data';
import ratings from './ratings';
import { PLUGIN_ID } from '../constants';

const services = { calendar, clock, outbox, 'personal-data': personalData, ratings };
export default services;

export type CoreServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** A `core` service, typed (Strapi's i18n `getService` pattern). */
export const coreService = <K extends keyof CoreServices>(strapi: Core.Strapi, name: K): CoreServices[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as CoreServices[K];
