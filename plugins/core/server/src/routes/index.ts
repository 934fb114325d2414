import { publicRoutes } from '../lib/public-api';

export default {
  'content-api': {
    type: 'content-api',
    prefix: '',
    routes: [
      ...publicRoutes('departments', 'department'),
      ...publicRoutes('administrative-units', 'administrative-unit'),
    ],
  },
};
