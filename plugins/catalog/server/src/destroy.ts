import type { Core } from '@strapi/strapi';
import { catalogService } from './services';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  catalogService(strapi, 'read-model').stopPolling();
};
