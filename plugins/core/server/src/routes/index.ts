import { publicRoutes } from '../lib/public-api';

export default {
  admin: {
    type: 'admin',
    routes: [
      // Names of codes, read before sign-in by the admin's list filters: nothing private.
      { method: 'GET', path: '/labels', handler: 'labels.find', config: { auth: false, policies: [] } },
      // Who may read the log is checked in the handler (read permission on the audit log).
      {
        method: 'GET',
        path: '/audit-entries/export',
        handler: 'audit.export',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  },
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
