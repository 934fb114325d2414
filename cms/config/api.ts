import type { Core } from '@strapi/strapi';

export default (): Core.Config.Api => ({
  rest: {
    prefix: '/api',
    defaultLimit: 24,
    maxLimit: 100,
    withCount: true,
  },
});
