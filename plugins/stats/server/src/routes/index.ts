import { READ_ACTION } from '../constants';

const READ = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [READ_ACTION] } },
];

const adminRoute = (path: string, handler: string) => ({
  method: 'GET',
  path,
  handler: `admin.${handler}`,
  config: { policies: READ },
});

export default {
  admin: {
    type: 'admin',
    routes: [
      adminRoute('/dashboard', 'dashboard'),
      adminRoute('/export/:table', 'exportTable'),
      adminRoute('/report', 'report'),
      adminRoute('/report/xlsx', 'reportWorkbook'),
    ],
  },
};
