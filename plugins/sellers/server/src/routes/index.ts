import { publicRoutes } from '@sgd/plugin-core';

export default {
  'content-api': {
    type: 'content-api',
    prefix: '',
    routes: [
      ...publicRoutes('sellers', 'seller'),
      ...publicRoutes('licences', 'licence'),
      ...publicRoutes('production-areas', 'production-area'),
    ],
  },
};
