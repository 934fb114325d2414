import { publicRoutes } from '@sgd/plugin-core';

export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/licences/expiring',
        handler: 'expiry.expiring',
        config: {
          policies: [
            'admin::isAuthenticatedAdmin',
            // Every officer reviews in "Hộp duyệt"; the list is scoped to their departments.
            { name: 'admin::hasPermissions', config: { actions: ['plugin::workflow.review'] } },
          ],
        },
      },
      {
        method: 'GET',
        path: '/trust-card/:id',
        handler: 'trust-cards.links',
        config: {
          policies: [
            'admin::isAuthenticatedAdmin',
            // What it answers is public (a verified seller's card): every officer may ask.
            { name: 'admin::hasPermissions', config: { actions: ['plugin::workflow.review'] } },
          ],
        },
      },
    ],
  },
  'content-api': {
    type: 'content-api',
    prefix: '',
    routes: [
      ...publicRoutes('sellers', 'seller'),
      // Before `/licences/:id`, which would otherwise take "check" for an id.
      {
        method: 'GET',
        path: '/licences/check',
        handler: 'licence-check.check',
        config: { auth: false, policies: [], middlewares: [] },
      },
      ...publicRoutes('licences', 'licence'),
      ...[
        ['/sellers/:id/trust-card', 'trust-cards.seller'],
        ['/licences/:id/trust-card', 'trust-cards.licence'],
      ].map(([path, handler]) => ({
        method: 'GET',
        path,
        handler,
        config: { auth: false as const, policies: [], middlewares: [] },
      })),
      ...publicRoutes('production-areas', 'production-area'),
    ],
  },
};
