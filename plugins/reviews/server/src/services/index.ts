import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import ratings from './ratings';
import reviews from './reviews';

const services = { ratings, reviews };
export default services;

export type ReviewsServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** A `reviews` service, typed (Strapi's i18n `getService` pattern). */
export const reviewsService = <K extends keyof ReviewsServices>(
  strapi: Core.Strapi,
  name: K,
): ReviewsServices[K] => strapi.plugin(PLUGIN_ID).service(name) as ReviewsServices[K];
