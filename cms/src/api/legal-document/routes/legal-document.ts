import { publicRoutes } from '@sgd/plugin-core';

export default {
  type: 'content-api',
  routes: publicRoutes('legal-documents', 'api::legal-document.legal-document'),
};
