import { createPublicController } from '@sgd/plugin-core';

export default createPublicController({
  uid: 'api::news-article.news-article',
  visible: {},
  lookup: 'slug',
  defaultSort: ['publishedOn:desc', 'publishedAt:desc'],
  populate: {
    cover: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] },
    department: { fields: ['name', 'code'] },
  },
});
