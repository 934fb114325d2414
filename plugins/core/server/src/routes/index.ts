import { publicRoutes } from '../lib/public-api';

export default {
  'content-api': {
    type: 'content-api',
    prefix: '',
    routes: [
      ...publicRoutes('departments', 'department'),
      ...publicRoutes('administrative-units', 'administrative-unit'),
      // A signed-in user's own notices (granted to the Authenticated role at bootstrap).
      { method: 'GET', path: '/notifications', handler: 'notifications.find', config: { policies: [] } },
      {
        method: 'POST',
        path: '/notifications/:id/read',
        handler: 'notifications.markRead',
        config: { policies: [] },
      },
    ],
  },
};
