import { publicRoutes } from '@sgd/plugin-core';

export default {
  'content-api': {
    type: 'content-api',
    prefix: '',
    routes: [
      ...publicRoutes('categories', 'category'),
      ...publicRoutes('products', 'product'),
      ...publicRoutes('markets', 'market'),
      ...publicRoutes('supply-demand-posts', 'supply-demand-post'),
      ...publicRoutes('directory-listings', 'directory-listing'),
      {
        method: 'GET',
        path: '/search',
        handler: 'search.search',
        config: { auth: false, policies: [], middlewares: [] },
      },
      {
        method: 'GET',
        path: '/search/autocomplete',
        handler: 'search.autocomplete',
        config: { auth: false, policies: [], middlewares: [] },
      },
      ...(
        [
          ['/statistics', 'statistics'],
          ['/open-data', 'catalogue'],
          ['/open-data/:file', 'download'],
        ] as const
      ).map(([path, action]) => ({
        method: 'GET',
        path,
        handler: `open-data.${action}`,
        config: { auth: false, policies: [], middlewares: [] },
      })),
    ],
  },
};
