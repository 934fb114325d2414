import { publicRoutes } from '@sgd/plugin-core';

export default {
  type: 'content-api',
  routes: publicRoutes('news-articles', 'api::news-article.news-article'),
};
