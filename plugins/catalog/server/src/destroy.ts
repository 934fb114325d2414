import type { Core } from '@strapi/strapi';
import type { ReadModel } from './services/read-model';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  (strapi.plugin('catalog').service('read-model') as ReadModel).stopPolling();
};
